"""The shared shape of the departments and stages panels: an ordered, editable list.

The list shows the records in map order (lane order, column order). Renaming is inline
(double-click or F2), reordering by the arrow buttons or by dragging a row; every
action is one edit of ``editing.records`` and so one undo step. The panel refreshes itself
only when a change set touches its records or the step counts it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, SignalInstance
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.model import ChangeSet
from laneway.model.wording import kind_word
from laneway.ui.editing import records as record_edits
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets import prompts
from laneway.ui.widgets.accessible import describe

ID_ROLE = Qt.ItemDataRole.UserRole
#: How long after a burst of step edits the step counts are recounted (ms).
COUNTS_DELAY_MS = 150
#: Keys the list keeps from the window's shortcuts: delete the row, rename it.
LIST_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2)


class RecordListPanel(QWidget):
    """A list of departments or stages with add / rename / move / delete buttons."""

    #: "department" or "stage": the kind of record, in edits, object names and questions.
    noun: record_edits.Kind = "department"
    #: The step field that points at these records ("department_id", "stage_id").
    step_field = ""
    #: Shown instead of the list while the map has none of these records.
    empty_hint = ""
    #: The question of the Add button's name prompt.
    add_prompt = ""
    #: What a screen reader calls the list, and what it says the list does.
    list_name = ""
    list_description = ""

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.list = QListWidget()
        self.list.setObjectName(f"{self.noun}List")
        describe(self.list, _(self.list_name), _(self.list_description))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setIconSize(QSize(16, 16))
        self.list.setSpacing(1)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(_(self.empty_hint))
        self.empty.setObjectName(f"{self.noun}EmptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # drawn in the palette's disabled (dimmed) text color
        layout.addWidget(self.empty, 1)
        self.buttons = QGridLayout()
        self.buttons.setSpacing(4)
        layout.addLayout(self.buttons)
        self._add_buttons()
        self.list.itemChanged.connect(self._renamed)
        self.list.model().rowsMoved.connect(lambda *_: self._dropped())
        self.list.currentItemChanged.connect(lambda *_: self._current_changed())
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.refresh_counts)
        session.changed.connect(self._on_changed)
        self.selected_signal().connect(self.follow)
        session.read_only_changed.connect(lambda _reason: self._update_enabled())
        self.refresh()

    def _add_buttons(self) -> None:
        """The buttons and their keys (Ctrl+Up, Ctrl+Down, Delete on the list)."""
        self.add_button = self._button(
            _("Add…"),
            self.add,
            _("Add a {noun}").format(noun=kind_word(self.noun)),
        )
        self.rename_button = self._button(
            _("Rename"),
            self.start_rename,
            _("Rename the {noun} (F2)").format(noun=kind_word(self.noun)),
        )
        self.delete_button = self._button(
            _("Delete…"), self.delete, _("Delete the {noun}").format(noun=kind_word(self.noun))
        )
        self.up_button = self._button(
            _("↑ Up"),
            lambda: self.move(-1),
            _("Move the {noun} up (Ctrl+Up)").format(noun=kind_word(self.noun)),
        )
        self.down_button = self._button(
            _("↓ Down"),
            lambda: self.move(1),
            _("Move the {noun} down (Ctrl+Down)").format(noun=kind_word(self.noun)),
        )
        self.add_extra_buttons()
        for keys, slot in (
            ("Ctrl+Up", lambda: self.move(-1)),
            ("Ctrl+Down", lambda: self.move(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        # Del and F2 are also the window's keys for the canvas (delete steps, rename a
        # step): while the list has the focus they are the list's, so they act on the row.
        self.list.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            key = event.key()
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and key in LIST_KEYS:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # not a shortcut: a key press for the list
                    return True
                if key != Qt.Key.Key_F2:
                    self.delete()
                    return True
                # F2 goes on to the list, which edits the row's name.
        return super().eventFilter(watched, event)

    def _button(
        self, text: str, slot: Callable[[], object], tip: str, icon: QIcon | None = None
    ) -> QPushButton:
        button = QPushButton(icon, text) if icon is not None else QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda _checked=False: slot())
        count = self.buttons.count()
        self.buttons.addWidget(button, count // 3, count % 3)
        return button

    # ------------------------------------------------------------ subclass hooks
    def add_extra_buttons(self) -> None:
        """Add the buttons only this kind of record has (called once, before filling)."""

    def records(self) -> list:
        raise NotImplementedError

    def decorate(self, item: QListWidgetItem, record: object, count: int) -> None:
        """Set the icon and tooltip of one row; ``count`` = steps that use the record."""

    def count_tooltip(self, record: object, count: int, position: int) -> str:
        """The row's tooltip: what the record is and how many steps use it."""
        return ""

    def delete_question(self, record, uses: int) -> str:
        """What to ask before deleting a record that ``uses`` steps use."""
        raise NotImplementedError

    # ------------------------------------------------------------ shared actions
    def add(self) -> None:
        name = prompts.ask_name(
            self, _("Add {noun}").format(noun=kind_word(self.noun)), _(self.add_prompt)
        )
        if name is None:
            return
        added = record_edits.add_record(self.session, self.noun, name)
        if added is not None:
            self.select(added)

    def rename(self, record_id: str, name: str) -> None:
        if not record_edits.rename_record(self.session, self.noun, record_id, name):
            self.refresh()  # refused (e.g. the name is taken): show the old name again

    def reorder(self, ordered_ids: list[str]) -> None:
        record_edits.reorder_records(self.session, self.noun, ordered_ids)

    def delete(self) -> None:
        """Delete the current record, asking first when steps use it."""
        record_id = self.current_id()
        if record_id is None or self.session.read_only:
            return
        record = next(r for r in self.records() if r.id == record_id)
        uses = self.step_counts().get(record_id, 0)
        question = self.delete_question(record, uses)
        if not uses or prompts.confirm(
            self, question, _("Delete {noun}").format(noun=kind_word(self.noun))
        ):
            record_edits.delete_record(self.session, self.noun, record_id)

    def selected_signal(self) -> SignalInstance:
        """The session signal that says a record of this kind was picked (here or elsewhere)."""
        return getattr(self.session, f"{self.noun}_selected")

    def announce(self, record_id: str | None) -> None:
        """Tell the session which record is current (for the inspector)."""
        self.selected_signal().emit(record_id)

    def follow(self, record_id: str | None) -> None:
        """Show the record picked elsewhere (e.g. a finding) as current, without echoing it."""
        if record_id == self.current_id():
            return
        self._filling = True
        try:
            if record_id is None:
                self.list.setCurrentItem(None)
            else:
                self.select(record_id)
        finally:
            self._filling = False
        self._update_enabled()

    # ------------------------------------------------------------------ reading
    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, record_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == record_id:
                self.list.setCurrentRow(row)
                return

    def step_counts(self) -> Counter:
        """How many steps use each record, in one pass over the steps."""
        return Counter(map(attrgetter(self.step_field), self.session.journey.steps.values()))

    def ids_in_order(self) -> list[str]:
        return [record.id for record in self.records()]

    # --------------------------------------------------------------- refreshing
    def _on_changed(self, changeset: ChangeSet, _origin: str) -> None:
        if changeset.keys(self.table):
            self.refresh()
        elif _changes_step_field(changeset, self.step_field):
            # Only the step counts in the tooltips changed: update them once per burst,
            # off the edit's path (a 2,000-step map takes a few ms to count).
            self._counts_timer.start()

    @property
    def table(self) -> str:
        return self.noun

    def refresh_counts(self) -> None:
        """Only the step counts changed: rewrite the tooltips, keep the rows."""
        counts = self.step_counts()
        records = {record.id: record for record in self.records()}
        if self.list.count() != len(records):
            self.refresh()
            return
        rows = [self.list.item(row) for row in range(self.list.count())]
        if any(item.data(ID_ROLE) not in records for item in rows):
            self.refresh()
            return
        self._filling = True  # a tooltip change is an itemChanged, not a rename
        try:
            for row, item in enumerate(rows):
                record = records[item.data(ID_ROLE)]
                tooltip = self.count_tooltip(record, counts.get(record.id, 0), row + 1)
                if item.toolTip() != tooltip:
                    item.setToolTip(tooltip)
        finally:
            self._filling = False

    def refresh(self) -> None:
        self._counts_timer.stop()
        current = self.current_id()
        counts = self.step_counts()
        self._filling = True
        try:
            self.list.clear()
            for record in self.records():
                item = QListWidgetItem(record.name)
                item.setData(ID_ROLE, record.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.decorate(item, record, counts.get(record.id, 0))
                self.list.addItem(item)
                if record.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False
        has_records = self.list.count() > 0
        self.list.setVisible(has_records)
        self.empty.setVisible(not has_records)
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = not self.session.read_only
        has_current = self.current_id() is not None
        self.list.setEnabled(True)  # reading and selecting stay possible when read-only
        self.list.setDragEnabled(editable)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.add_button.setEnabled(editable)
        for button in self.record_buttons():
            button.setEnabled(editable and has_current)
        row = self.list.currentRow()
        self.up_button.setEnabled(editable and has_current and row > 0)
        self.down_button.setEnabled(editable and has_current and row < self.list.count() - 1)

    def record_buttons(self) -> list[QPushButton]:
        """Buttons that act on the current record (disabled when there is none)."""
        return [self.rename_button, self.delete_button]

    # ------------------------------------------------------------------ actions
    def _current_changed(self) -> None:
        self._update_enabled()
        if not self._filling:
            self.announce(self.current_id())

    def start_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None and not self.session.read_only:
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        record_id = item.data(ID_ROLE)
        name = item.text().strip()
        old = next((r.name for r in self.records() if r.id == record_id), None)
        if not name or name == old:
            # Nothing to do, or an empty name: put the old one back (after the editor closed).
            QTimer.singleShot(0, self.refresh)
            return
        self.rename(record_id, name)

    def _dropped(self) -> None:
        if self._filling:
            return
        order = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        # Not inside the drop event: the edit refreshes (rebuilds) this very list.
        QTimer.singleShot(0, lambda: self._reorder_if_changed(order))

    def _reorder_if_changed(self, order: list[str]) -> None:
        if order != self.ids_in_order() and sorted(order) == sorted(self.ids_in_order()):
            self.reorder(order)
        else:
            self.refresh()

    def move(self, delta: int) -> None:
        ids = self.ids_in_order()
        current = self.current_id()
        if current is None or self.session.read_only:
            return
        index = ids.index(current)
        target = index + delta
        if not 0 <= target < len(ids):
            return
        ids[index], ids[target] = ids[target], ids[index]
        self.reorder(ids)


def _changes_step_field(changeset: ChangeSet, field_name: str) -> bool:
    """True when a step was added, removed, or had ``field_name`` changed."""
    for change in changeset.changes:
        if change.table != "step":
            continue
        if change.kind != "update":
            return True
        if getattr(change.old, field_name) != getattr(change.new, field_name):
            return True
    return False
