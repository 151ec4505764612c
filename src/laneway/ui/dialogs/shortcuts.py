"""Help → Keyboard Shortcuts: every key of the window, in a table made from its actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.ui.widgets.accessible import describe_buttons


class KeyLine(Protocol):
    where: str
    keys: str
    what: str


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: Sequence[KeyLine]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setAccessibleName(_("Keyboard shortcuts"))
        self.setAccessibleDescription(_("Every key of the app, grouped by where it works"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(_("Keys"))
        self.table.setAccessibleDescription(_("Keys, and what each does"))
        self.table.setHeaderLabels([_("Keys"), _("What they do")])
        self.table.setRootIsDecorated(True)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            if row.where not in groups:
                groups[row.where] = QTreeWidgetItem([row.where])
                self.table.addTopLevelItem(groups[row.where])
            groups[row.where].addChild(QTreeWidgetItem([row.keys, row.what]))
        self.table.expandAll()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(where, keys, what) of every line shown."""
        shown = []
        for index in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                shown.append((group.text(0), item.text(0), item.text(1)))
        return shown
