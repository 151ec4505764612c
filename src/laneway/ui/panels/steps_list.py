"""The Steps list: the canvas's cards as a list a screen reader can walk.

One row per step in journey order (stage by stage, lane by lane), saying its title,
owner, stage and findings in words; picking a row selects and centres the card, and a
card selected on the canvas is the current row here. The list is brought up to date a
moment after a burst of edits, and only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from laneway.analysis import Report
from laneway.i18n import N_, _
from laneway.layout import NO_STAGE_NAME, UNASSIGNED_NAME
from laneway.model import ChangeSet
from laneway.model.wording import plural
from laneway.operations.searching import reading_order
from laneway.ui.editing.session import MapSession

ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_DELAY_MS = 150
SEVERITY_WORDS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}


class StepsList(QWidget):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._report: Report | None = None
        self._following = False
        self._stale = True
        #: The rows as shown: step ids in order, and each step's row.
        self._order: list[str] = []
        self._rows: dict[str, QListWidgetItem] = {}
        #: Steps whose rows must be redone at the next refresh (None: all of them).
        self._dirty: set[str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget()
        self.list.setObjectName("stepsList")
        self.list.setAccessibleName(_("Steps"))
        self.list.setAccessibleDescription(
            _(
                "The map's steps in journey order, with owner, stage and findings; "
                "choosing one selects it on the canvas"
            )
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.list.itemSelectionChanged.connect(self._picked)
        session.changed.connect(self._on_changed)
        session.report_changed.connect(self._on_report)
        session.selection_changed.connect(lambda steps, _links: self._follow(steps))

    # ------------------------------------------------------------- following
    def _on_changed(self, changeset: ChangeSet, origin: str) -> None:
        if origin == "reload" or changeset.keys("department") or changeset.keys("stage"):
            self._dirty = None  # names or the order of lanes and stages: every row
        elif self._dirty is not None:
            self._dirty |= changeset.keys("step")
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def _on_report(self, report: Report) -> None:
        previous, self._report = self._report, report
        if previous is None:
            self._dirty = None
        elif self._dirty is not None:
            self._dirty |= _findings_changed(previous, report)
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Bring the rows in line with the map (and the latest analysis).

        Only the rows of steps that changed (or whose findings did) are redone; new and
        moved steps are put in their places. A 20,000-step map would take a third of a
        second to rebuild whole, after every edit.
        """
        self._timer.stop()
        self._stale = False
        dirty, self._dirty = self._dirty, set()
        order = reading_order(self.session.journey)
        self._following = True
        try:
            if dirty is None or not self._patch(order, dirty):
                self._rebuild(order)
        finally:
            self._following = False

    def _rebuild(self, order: list[str]) -> None:
        selected = self.session.selected_step_ids
        self.list.clear()
        self._rows = {}
        for step_id in order:
            item = self._new_row(step_id)
            self.list.addItem(item)
            item.setSelected(step_id in selected)
        self._order = order

    def _new_row(self, step_id: str) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(ID_ROLE, step_id)
        self._fill_row(item, step_id)
        self._rows[step_id] = item
        return item

    def _fill_row(self, item: QListWidgetItem, step_id: str) -> None:
        item.setText(self.row_text(step_id))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self.spoken_text(step_id))

    def _patch(self, order: list[str], dirty: set[str]) -> bool:
        """Update in place: False when more than the dirty steps moved (then rebuild)."""
        now = set(order)
        moving = {s for s in dirty if s in self._rows}
        gone = {s for s in self._rows if s not in now}
        new = [s for s in order if s not in self._rows]
        if len(moving) + len(gone) + len(new) > 200:
            return False
        unmoved = moving | gone
        kept = [s for s in self._order if s not in unmoved]
        if kept != [s for s in order if s not in moving and s in self._rows]:
            return False  # steps outside the change set moved (a tidy, a reorder)
        for step_id in unmoved:
            self.list.takeItem(self.list.row(self._rows.pop(step_id)))
        selected = self.session.selected_step_ids
        placed = set(new) | moving
        for index, step_id in enumerate(order):
            if step_id in placed:
                item = self._new_row(step_id)
                self.list.insertItem(index, item)
                item.setSelected(step_id in selected)
        self._order = order
        return True

    def _follow(self, steps: frozenset) -> None:
        if self._stale:
            return
        self._following = True
        try:
            for row in range(self.list.count()):
                item = self.list.item(row)
                chosen = item.data(ID_ROLE) in steps
                if item.isSelected() != chosen:
                    item.setSelected(chosen)
                if chosen and len(steps) == 1:
                    self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
                    self.list.scrollToItem(item)
        finally:
            self._following = False

    def _picked(self) -> None:
        if self._following:
            return
        chosen = [item.data(ID_ROLE) for item in self.list.selectedItems()]
        if chosen:
            self.session.focus(chosen)

    # ----------------------------------------------------------------- words
    def _findings(self, step_id: str) -> list:
        return self._report.findings_for_step(step_id) if self._report else []

    def row_text(self, step_id: str) -> str:
        journey = self.session.journey
        step = journey.steps[step_id]
        owner = journey.department_name(step.department_id) or _(UNASSIGNED_NAME)
        stage = journey.stage_name(step.stage_id) or _(NO_STAGE_NAME)
        text = f"{step.title} — {owner}, {stage}"
        findings = self._findings(step_id)
        if findings:
            text += f" · {plural(len(findings), 'finding')}"
        return text

    def spoken_text(self, step_id: str) -> str:
        """The row as a screen reader says it: owner, stage and each finding in words."""
        journey = self.session.journey
        step = journey.steps[step_id]
        owner = journey.department_name(step.department_id)
        stage = journey.stage_name(step.stage_id) or _("no stage")
        who = _("owned by {owner}").format(owner=owner) if owner else _("owned by nobody")
        sentence = _("{title}, {who}, in {stage}.").format(title=step.title, who=who, stage=stage)
        for finding in self._findings(step_id):
            sentence += f" {_(SEVERITY_WORDS[finding.severity])}: {finding.message}"
        return sentence

    def step_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]


def _findings_changed(previous: Report, report: Report) -> set[str]:
    """The steps whose findings differ between two reports."""
    before, after = previous.findings_by_step, report.findings_by_step
    if before is after:
        return set()
    return {s for s in before.keys() | after.keys() if before.get(s) != after.get(s)}
