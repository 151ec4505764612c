"""Compare with a snapshot: what changed since, in a panel and marked on the canvas.

The panel lists the diff of SPEC §3 (``laneway diff``'s sections) and the canvas marks
the steps and links it is about — added, re-owned, gone (as dashed ghosts where their
lane and stage still are), gaps closed in green and opened in red, each with a label.
Both follow the map as the room edits it, until the comparison is dismissed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.analysis import Report
from laneway.analysis.diff import MapDiff, diff_maps
from laneway.analysis.diff_marks import DiffMarks, diff_marks
from laneway.canvas import JourneyScene
from laneway.canvas.marks import Mark, MarksLayer
from laneway.i18n import N_, _
from laneway.model import JourneyMap
from laneway.model.palette import ALARM
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets.headings import heading_label

ADDED_COLOR = "#1f9d55"
CLOSED_COLOR = "#1f9d55"
REOWNED_COLOR = "#8e44ad"
REMOVED_COLOR = "#6b7785"
OPENED_COLOR = ALARM
#: The panel's sections: (heading, the diff's list), gaps first — they are the point.
SECTIONS = (
    (N_("Gaps closed"), "gaps_closed"),
    (N_("Gaps opened"), "gaps_opened"),
    (N_("Steps added"), "steps_added"),
    (N_("Steps removed"), "steps_removed"),
    (N_("Owners changed"), "owners_changed"),
    (N_("Steps edited"), "steps_changed"),
    (N_("Links added"), "links_added"),
    (N_("Links removed"), "links_removed"),
    (N_("Agreements changed"), "agreements_changed"),
)


def legend_html() -> str:
    """The colours of the marks, in words (severity is never colour alone)."""
    entries = (
        (CLOSED_COLOR, "■", _("gap closed")),
        (OPENED_COLOR, "■", _("gap opened")),
        (ADDED_COLOR, "■", _("added")),
        (REOWNED_COLOR, "■", _("re-owned")),
        (REMOVED_COLOR, "┅", _("removed")),
    )
    return " · ".join(
        f'<span style="color:{color}">{mark} {html.escape(text)}</span>'
        for color, mark, text in entries
    )


class ComparisonPanel(QWidget):
    #: The comparison was dismissed (the window hides the panel's dock).
    dismissed = Signal()

    def __init__(self, session: MapSession, scene: JourneyScene) -> None:
        super().__init__()
        self.session = session
        self.scene = scene
        self.layer = MarksLayer(scene, z=29.0)
        self.snapshot_name: str | None = None
        self.before: JourneyMap | None = None
        self.diff: MapDiff | None = None
        self.marks: DiffMarks | None = None
        self.setObjectName("comparison")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = heading_label("")
        layout.addWidget(self.heading)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("comparisonLegend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.tree = QTreeWidget()
        self.tree.setObjectName("comparisonTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(_("Changes since the snapshot"))
        self.tree.setAccessibleDescription(_("Gaps closed and opened, steps and links changed"))
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss_button = QPushButton(_("&Dismiss Comparison"))
        self.dismiss_button.setObjectName("dismissComparison")
        self.dismiss_button.setToolTip(_("Stop comparing: the marks leave the canvas"))
        self.dismiss_button.setAccessibleDescription(
            _("Stop comparing: the marks leave the canvas")
        )
        self.dismiss_button.clicked.connect(lambda _c=False: self.dismiss())
        row.addWidget(self.dismiss_button)
        layout.addLayout(row)
        session.report_changed.connect(self._follow)

    @property
    def active(self) -> bool:
        return self.before is not None

    def compare(self, name: str, before: JourneyMap) -> None:
        self.snapshot_name, self.before = name, before
        self.refresh()

    def dismiss(self) -> None:
        self.snapshot_name = self.before = self.diff = self.marks = None
        self.tree.clear()
        self.layer.clear()
        self.dismissed.emit()

    def _follow(self, _report: Report) -> None:
        if self.active:
            self.refresh()

    def refresh(self) -> None:
        """Compare again with the map as it is now (after every burst of edits)."""
        if self.before is None:
            return
        after = self.session.journey
        self.diff = diff_maps(self.before, after, self.snapshot_name or "")
        self.marks = diff_marks(self.before, after)
        self.heading.setText(
            _("Since the snapshot {snapshot_name!r}").format(snapshot_name=self.snapshot_name)
        )
        self._fill_tree(self.diff)
        self.layer.set_marks(canvas_marks(self.marks, self.before, self.scene))

    def _fill_tree(self, diff: MapDiff) -> None:
        self.tree.clear()
        if diff.unchanged:
            self.tree.addTopLevelItem(QTreeWidgetItem([_("Nothing changed since the snapshot.")]))
        for heading, field in SECTIONS:
            entries = getattr(diff, field)
            if not entries:
                continue
            group = QTreeWidgetItem([f"{_(heading)} ({len(entries)})"])
            group.addChildren([QTreeWidgetItem([entry]) for entry in entries])
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        unowned = _("Unowned steps: {unowned_before} then, {unowned_after} now").format(
            unowned_before=diff.unowned_before, unowned_after=diff.unowned_after
        )
        self.tree.addTopLevelItem(QTreeWidgetItem([unowned]))

    def sections(self) -> dict[str, list[str]]:
        """Heading (without its count) → entries, as shown."""
        shown = {}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            heading = group.text(0).split(" (")[0]
            shown[heading] = [group.child(i).text(0) for i in range(group.childCount())]
        return shown


def canvas_marks(marks: DiffMarks, before: JourneyMap, scene: JourneyScene) -> list[Mark]:
    """The marks of a comparison: on what is on the canvas, ghosts for what is gone."""
    journey = scene.journey
    link_of = {link.pair: link.id for link in journey.links.values()}
    result: list[Mark] = []
    for pair in marks.gaps_closed:
        result.append(_pair_mark(link_of, pair, CLOSED_COLOR, _("gap closed ✓")))
    opened = set(marks.gaps_opened)
    for pair in marks.gaps_opened:
        result.append(_pair_mark(link_of, pair, OPENED_COLOR, _("gap opened ?")))
    for link_id in sorted(marks.links_added):
        if journey.links[link_id].pair not in opened:
            result.append(Mark("link", link_id, ADDED_COLOR, _("new link")))
    for pair in marks.links_removed:
        if pair not in marks.gaps_closed:
            result.append(_pair_mark(link_of, pair, REMOVED_COLOR, _("link removed")))
    result.extend(Mark("step", s, ADDED_COLOR, "added") for s in sorted(marks.steps_added))
    result.extend(Mark("step", s, REOWNED_COLOR, "re-owned") for s in sorted(marks.steps_reowned))
    for step in marks.steps_removed:
        rect = ghost_rect(scene, step)
        if rect is not None:
            result.append(Mark("ghost-step", step.title, REMOVED_COLOR, "removed", rect=rect))
    return result


def _pair_mark(link_of: dict, pair: tuple[str, str], color: str, label: str) -> Mark:
    if pair in link_of:
        return Mark("link", link_of[pair], color, label)
    return Mark("ghost-link", f"{pair[0]}>{pair[1]}", color, label)


def ghost_rect(scene: JourneyScene, step) -> tuple[float, float, float, float] | None:
    """Where a removed step's card sat, when its lane and stage are still on the map."""
    grid, metrics = scene.grid, scene.metrics
    lanes = {lane.department_id for lane in grid.lanes}
    columns = {column.stage_id for column in grid.columns}
    if step.department_id not in lanes or step.stage_id not in columns:
        return None
    cell = grid.cell_rect(step.department_id, step.stage_id)
    pad = metrics.cell_padding
    x = cell.x + (step.x * metrics.scale if step.x is not None else pad)
    y = cell.y + (step.y * metrics.scale if step.y is not None else pad)
    return (x, y, metrics.card_width, metrics.card_height)
