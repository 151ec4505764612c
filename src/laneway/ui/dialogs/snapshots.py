"""Map → Snapshots: the map's snapshots with when they were taken and the coverage then.

From here a snapshot is compared with the map now (the window shows the comparison),
restored as a new map file, or deleted; a new one can be taken. Taking and deleting are
written to the file at once, like every edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.analysis import analyze
from laneway.document import Document
from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.model import ModelError
from laneway.store import SnapshotInfo, StoreError
from laneway.ui.widgets import prompts
from laneway.ui.widgets.locale_text import moment_text, percent_text

NAME_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (N_("Snapshot"), N_("Taken"), N_("Ownership"), N_("Handoffs agreed"), N_("Steps"))


@dataclass(frozen=True)
class SnapshotRow:
    name: str
    taken: str
    ownership: str
    handoffs: str
    steps: str


def local_time(stamp: str) -> str:
    """An ISO time stamp of the file as the local date and time, as the app's language
    writes it ("04.12.26 14:05")."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment_text(moment)


def snapshot_row(document: Document, info: SnapshotInfo) -> SnapshotRow:
    """What the list shows of one snapshot: the coverage of the map as it was then."""
    try:
        summary = analyze(document.snapshot_journey(info.name)).summary
    except (StoreError, InputError, ModelError):
        return SnapshotRow(info.name, local_time(info.taken_at), _("damaged"), _("damaged"), "—")
    return SnapshotRow(
        info.name,
        local_time(info.taken_at),
        f"{percent_text(summary.ownership_coverage)} ({summary.owned_steps}/{summary.steps})",
        f"{percent_text(summary.handoff_coverage)} ({summary.agreed_handoffs}/{summary.handoffs})",
        str(summary.steps),
    )


class SnapshotsDialog(QDialog):
    compare_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(self, parent: QWidget | None, document: Document) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("snapshotsDialog")
        self.setWindowTitle(_("Snapshots"))
        self.setAccessibleName(_("Snapshots"))
        self.setAccessibleDescription(_("The map's snapshots: compare, restore or delete them"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A snapshot freezes the map inside its file, e.g. at the end of a workshop. "
                "Compare one with the map now to see what the room changed since."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setObjectName("snapshotList")
        self.list.setAccessibleName(_("Snapshots"))
        self.list.setAccessibleDescription(_("Name, time taken and coverage of each snapshot"))
        self.list.setHeaderLabels([_(text) for text in COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item, _column: self._compare())
        layout.addWidget(self.list, 1)
        self.empty = QLabel(_("No snapshots yet. Take one to compare later sessions with it."))
        self.empty.setObjectName("snapshotsEmpty")
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox()
        self.take_button = self._button(
            _("&Take Snapshot…"), _("Freeze the map as it is now"), self._take
        )
        self.compare_button = self._button(
            _("&Compare"), _("Show what changed since the snapshot"), self._compare
        )
        self.restore_button = self._button(
            _("&Restore as New Map…"),
            _("Open the snapshot as a map file of its own"),
            self._restore,
        )
        self.delete_button = self._button(
            _("&Delete…"), _("Remove the snapshot from the file"), self._delete
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription(_("Close the list of snapshots"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()  # fmt: skip

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ----------------------------------------------------------------- reading
    def refresh(self, select: str | None = None) -> None:
        self.list.clear()
        for info in self.document.snapshots():
            row = snapshot_row(self.document, info)
            item = QTreeWidgetItem([row.name, row.taken, row.ownership, row.handoffs, row.steps])
            item.setData(0, NAME_ROLE, row.name)
            self.list.addTopLevelItem(item)
            if row.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(self.list.topLevelItemCount() - 1))
        for column in range(1, len(COLUMNS)):
            self.list.resizeColumnToContents(column)
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.list.topLevelItem(i).text(0) for i in range(self.list.topLevelItemCount())]

    def rows(self) -> list[list[str]]:
        return [
            [self.list.topLevelItem(i).text(c) for c in range(len(COLUMNS))]
            for i in range(self.list.topLevelItemCount())
        ]

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def select(self, name: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item.data(0, NAME_ROLE) == name:
                self.list.setCurrentItem(item)

    def _update_buttons(self) -> None:
        chosen = self.current_name() is not None
        editable = not self.document.read_only
        self.take_button.setEnabled(editable)
        self.compare_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and editable)

    # ----------------------------------------------------------------- actions
    def _take(self) -> None:
        name = prompts.ask_name(self, _("Take snapshot"), _("Name of the snapshot:"))
        if name is None:
            return
        try:
            info = self.document.take_snapshot(name)
        except (StoreError, ModelError) as problem:
            prompts.show_error(self, str(problem))
            return
        self.refresh(select=info.name)

    def _compare(self) -> None:
        name = self.current_name()
        if name is not None:
            self.compare_requested.emit(name)
            self.accept()

    def _restore(self) -> None:
        name = self.current_name()
        if name is not None:
            self.restore_requested.emit(name)

    def _delete(self) -> None:
        name = self.current_name()
        if name is None:
            return
        question = _("Delete the snapshot {name!r}? The map itself stays as it is.").format(
            name=name
        )
        if not prompts.confirm(self, question, _("Delete snapshot")):
            return
        try:
            self.document.delete_snapshot(name)
        except StoreError as problem:
            prompts.show_error(self, str(problem))
            return
        self.refresh()
