"""Notes: the room's parking lot. Open notes first, then the resolved ones; picking a
note selects what it is on; resolve, reopen, edit or delete it here."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _, pgettext
from laneway.model import ChangeSet, JourneyMap, Note
from laneway.ui.editing import content
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.locale_text import moment_text

ID_ROLE = Qt.ItemDataRole.UserRole


def note_subject(journey: JourneyMap, note: Note) -> str:
    """What a note is on, in words: "Step Qualify lead", "Link A → B", "the map"."""
    kind, record_id = note.target
    if kind == "step" and record_id in journey.steps:
        return _("Step {title}").format(title=journey.steps[record_id].title)
    if kind == "link" and record_id in journey.links:
        link = journey.links[record_id]
        return _("Link {source} → {target}").format(
            source=journey.steps[link.source].title, target=journey.steps[link.target].title
        )
    return pgettext("note subject", "the map")


def note_when(note: Note) -> str:
    """When the note was written, in local time as the app's language writes it
    (``2026-12-01T10:02:00Z``: "01/12/2026 11:02" in Paris); as stored if unreadable."""
    try:
        moment = datetime.fromisoformat(note.created.replace("Z", "+00:00"))
    except ValueError:
        return note.created
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # stored times are UTC
    return moment_text(moment)


class NotesPanel(QWidget):
    #: The Add Note button: the window asks for the text (and, once, the author).
    add_requested = Signal()

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.tree = QTreeWidget()
        self.tree.setObjectName("notesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)  # two lines: the text, then on what and who
        describe(
            self.tree,
            pgettext("workshop notes", "Notes"),
            _("Open notes, then resolved ones; choose one to see what it is on"),
        )
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(
            _(
                "No notes yet.\n\nPark questions and remarks on a step, an arrow or the map "
                "(Ctrl+Alt+N) and resolve them as the room answers them."
            )
        )
        self.empty.setObjectName("notesEmptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty, 1)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.add_button = self._button(grid, _("Add Note…"), self.add_requested.emit,
                                       _("Add a note on the selection, or on the map"))  # fmt: skip
        self.resolve_button = self._button(grid, _("Resolve"), self.toggle_resolved,
                                           _("Mark the note resolved (or open again)"))  # fmt: skip
        self.edit_button = self._button(grid, _("Edit…"), self.edit, _("Change the note's text"))
        self.delete_button = self._button(grid, _("Delete"), self.delete, _("Delete the note"))
        self.open_group = QTreeWidgetItem([_("Open")])
        self.resolved_group = QTreeWidgetItem([_("Resolved")])
        for group in (self.open_group, self.resolved_group):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
        self.tree.currentItemChanged.connect(lambda *_: self._picked())
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit())
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(lambda _r: self._update_enabled())
        self.refresh()

    def _button(self, grid: QGridLayout, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda _checked=False: slot())
        count = grid.count()
        grid.addWidget(button, count // 2, count % 2)
        return button

    # ------------------------------------------------------------------ reading
    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def items(self) -> dict[str, QTreeWidgetItem]:
        found = {}
        for group in (self.open_group, self.resolved_group):
            for index in range(group.childCount()):
                child = group.child(index)
                found[child.data(0, ID_ROLE)] = child
        return found

    def select(self, note_id: str) -> None:
        item = self.items().get(note_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    # --------------------------------------------------------------- refreshing
    def _on_changed(self, changeset: ChangeSet, _origin: str) -> None:
        if changeset.keys("note") or changeset.keys("step") or changeset.keys("link"):
            self.refresh()

    def refresh(self) -> None:
        current = self.current_id()
        journey = self.session.journey
        blocked = self.tree.blockSignals(True)
        try:
            for group in (self.open_group, self.resolved_group):
                group.takeChildren()
            notes = sorted(journey.notes.values(), key=lambda n: (n.created, n.id))
            for note in notes:
                about = " · ".join(
                    part
                    for part in (
                        _("on {subject}").format(subject=note_subject(journey, note)),
                        note.author,
                        note_when(note),
                    )
                    if part
                )
                item = QTreeWidgetItem([f"{note.text}\n{about}"])
                item.setData(0, ID_ROLE, note.id)
                item.setToolTip(0, f"{note.text}\n{about}")
                (self.resolved_group if note.resolved else self.open_group).addChild(item)
                if note.id == current:
                    self.tree.setCurrentItem(item)
            self.open_group.setText(
                0, _("Open ({count})").format(count=self.open_group.childCount())
            )
            self.resolved_group.setText(
                0, _("Resolved ({count})").format(count=self.resolved_group.childCount())
            )
            self.tree.expandAll()
        finally:
            self.tree.blockSignals(blocked)
        self.tree.setVisible(bool(journey.notes))
        self.empty.setVisible(not journey.notes)
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = not self.session.read_only
        note = self.session.journey.notes.get(self.current_id() or "")
        self.add_button.setEnabled(editable)
        for button in (self.resolve_button, self.edit_button, self.delete_button):
            button.setEnabled(editable and note is not None)
        self.resolve_button.setText(
            _("Reopen") if note is not None and note.resolved else _("Resolve")
        )

    # ------------------------------------------------------------------ actions
    def _picked(self) -> None:
        self._update_enabled()
        note = self.session.journey.notes.get(self.current_id() or "")
        if note is None:
            return
        kind, record_id = note.target
        if kind == "step":
            self.session.focus([record_id])
        elif kind == "link":
            self.session.focus([], [record_id])

    def toggle_resolved(self) -> None:
        note = self.session.journey.notes.get(self.current_id() or "")
        if note is not None and not self.session.read_only:
            content.set_resolved(self.session, note.id, not note.resolved)

    def edit(self) -> None:
        note = self.session.journey.notes.get(self.current_id() or "")
        if note is None or self.session.read_only:
            return
        text, ok = QInputDialog.getMultiLineText(self, _("Edit note"), _("Note:"), note.text)
        if ok and text.strip():
            content.edit_note(self.session, note.id, text.strip())

    def delete(self) -> None:
        note_id = self.current_id()
        if note_id is not None and not self.session.read_only:
            content.delete_note(self.session, note_id)
