"""Definitions: the glossary both sides signed (term, meaning), cited in agreements as
``[[term]]``. Edit a cell in place (double-click or F2); renaming a term rewrites the
agreements that cite it in the same undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.model import ChangeSet
from laneway.model.terms import cited_keys, term_key
from laneway.model.wording import plural
from laneway.ui.editing import content
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.record_list import LIST_KEYS
from laneway.ui.widgets import prompts
from laneway.ui.widgets.accessible import describe

ID_ROLE = Qt.ItemDataRole.UserRole
TERM, MEANING = 0, 1


class DefinitionsPanel(QWidget):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("definitionsTable")
        self.table.setHorizontalHeaderLabels([_("Term"), _("Meaning")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TERM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEANING, QHeaderView.ResizeMode.Stretch)
        describe(
            self.table,
            _("Definitions"),
            _(
                "The shared vocabulary: a term and what it means; "
                "agreements cite a term as [[term]]"
            ),
        )
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            _(
                "No definitions yet.\n\nAgree what the words on the handoffs mean (MQL, SQL, "
                "“ready”) and cite them in agreements as [[MQL]]."
            )
        )
        self.empty.setObjectName("definitionsEmptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty, 1)
        buttons = QGridLayout()
        layout.addLayout(buttons)
        self.add_button = self._button(buttons, _("Add…"), self.add, _("Define a new term"))
        self.delete_button = self._button(buttons, _("Delete"), self.delete, _("Delete the term"))
        self.up_button = self._button(buttons, _("↑ Up"), lambda: self.move(-1), _("Move up"))
        self.down_button = self._button(buttons, _("↓ Down"), lambda: self.move(1), _("Move down"))
        self.table.installEventFilter(self)  # Del and F2 are the table's while it has focus
        self.table.itemChanged.connect(self._edited)
        self.table.currentCellChanged.connect(lambda *_: self._update_enabled())
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(lambda _r: self.refresh())
        self.refresh()

    def _button(self, grid: QGridLayout, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda _checked=False: slot())
        count = grid.count()
        grid.addWidget(button, count // 2, count % 2)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del deletes the term and F2 edits the cell, not the canvas's step."""
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if watched is self.table and event.type() in kinds and event.key() in LIST_KEYS:
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if plain and event.key() != Qt.Key.Key_F2:
                self.delete()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ reading
    def current_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, TERM) if row >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def row_of(self, definition_id: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, TERM).data(ID_ROLE) == definition_id:
                return row
        return -1

    def select(self, definition_id: str) -> None:
        row = self.row_of(definition_id)
        if row >= 0:
            self.table.setCurrentCell(row, TERM)

    # --------------------------------------------------------------- refreshing
    def _on_changed(self, changeset: ChangeSet, _origin: str) -> None:
        if changeset.keys("definition") or changeset.keys("link"):
            self.refresh()

    def refresh(self) -> None:
        current = self.current_id()
        journey = self.session.journey
        uses: dict[str, int] = {}
        for link in journey.links.values():
            for key in set(cited_keys(link.agreement)):
                uses[key] = uses.get(key, 0) + 1
        editable = not self.session.read_only
        self._filling = True
        try:
            definitions = journey.definitions_in_order()
            self.table.setRowCount(len(definitions))
            for row, definition in enumerate(definitions):
                count = uses.get(term_key(definition.term), 0)
                tip = _("Cited by {agreements}.").format(agreements=plural(count, "agreement"))
                for column, text in ((TERM, definition.term), (MEANING, definition.meaning)):
                    item = QTableWidgetItem(text)
                    item.setData(ID_ROLE, definition.id)
                    item.setToolTip(f"{definition.meaning}\n{tip}" if definition.meaning else tip)
                    flags = item.flags()
                    if not editable:
                        flags &= ~Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
                    self.table.setItem(row, column, item)
                if definition.id == current:
                    self.table.setCurrentCell(row, TERM)
            self.table.resizeRowsToContents()
        finally:
            self._filling = False
        has_rows = self.table.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = not self.session.read_only
        row = self.table.currentRow()
        has_current = self.current_id() is not None
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and has_current)
        self.up_button.setEnabled(editable and has_current and row > 0)
        self.down_button.setEnabled(editable and has_current and row < self.table.rowCount() - 1)

    # ------------------------------------------------------------------ actions
    def add(self) -> None:
        term = prompts.ask_name(self, _("Add definition"), _("The term (e.g. MQL):"))
        if term is None:
            return
        added = content.add_definition(self.session, term)
        if added is not None:
            self.select(added)
            self.table.editItem(self.table.item(self.row_of(added), MEANING))

    def delete(self) -> None:
        definition_id = self.current_id()
        if definition_id is not None and not self.session.read_only:
            content.delete_definition(self.session, definition_id)

    def move(self, delta: int) -> None:
        ids = [d.id for d in self.session.journey.definitions_in_order()]
        current = self.current_id()
        if current is None or self.session.read_only:
            return
        index = ids.index(current)
        if 0 <= index + delta < len(ids):
            ids[index], ids[index + delta] = ids[index + delta], ids[index]
            content.reorder_definitions(self.session, ids)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        definition_id = item.data(ID_ROLE)
        if item.column() == TERM:
            changed = content.rename_term(self.session, definition_id, item.text())
        else:
            changed = content.set_meaning(self.session, definition_id, item.text().strip())
        if not changed:
            QTimer.singleShot(0, self.refresh)  # refused or blank: show what the map holds
