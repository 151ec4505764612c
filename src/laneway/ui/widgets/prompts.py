"""One-sentence dialogs: an error to read, a question to confirm, a name or a choice to pick.

Every modal of the panels and of the window's commands goes through here, so tests patch
one place and the wording and buttons stay the same everywhere (a destructive action
names itself on its button).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.ui.widgets.accessible import describe_buttons

APP_TITLE = "Laneway"


def _back_to(parent: QWidget | None) -> None:
    """The keyboard goes back to the window that asked, once the prompt is answered (a
    window manager usually does this; without one the app would have no focus)."""
    if parent is not None and parent.window().isVisible():
        parent.window().activateWindow()


def show_error(parent: QWidget | None, sentence: str) -> None:
    """Tell the user what went wrong in one sentence (never a traceback)."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, sentence, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    _back_to(parent)


def confirm(parent: QWidget | None, question: str, action_text: str) -> bool:
    """Ask before something destructive; True only when the user picked ``action_text``."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, question, parent=parent)
    action = box.addButton(action_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    _back_to(parent)
    return box.clickedButton() is action


def ask_name(parent: QWidget | None, title: str, prompt: str, suggestion: str = "") -> str | None:
    """A trimmed, non-empty name, or None when the user cancelled or typed only spaces."""
    name, ok = QInputDialog.getText(parent, title, prompt, text=suggestion)
    _back_to(parent)
    name = name.strip()
    return name if ok and name else None


def ask_choice(
    parent: QWidget | None, title: str, prompt: str, choices: list[str], *, typed: bool = False
) -> int | None:
    """The index of the chosen entry, or None when cancelled.

    With ``typed`` a line above the list filters it as you type (any part of an entry,
    ignoring case) and Enter takes the first entry left: a long list is quicker so.
    """
    if not choices:
        return None
    if typed:
        chooser = TypedChoice(parent, title, prompt, choices)
        accepted = chooser.exec()
        _back_to(parent)
        return chooser.chosen() if accepted else None
    text, ok = QInputDialog.getItem(parent, title, prompt, choices, 0, False)
    _back_to(parent)
    if not ok or text not in choices:
        return None
    return choices.index(text)


class TypedChoice(QDialog):
    """A list to choose from, filtered by what is typed above it."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, choices: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("typedChoice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(prompt)
        self.choices = choices
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        layout.addWidget(label)
        self.filter = QLineEdit()
        self.filter.setObjectName("choiceFilter")
        self.filter.setAccessibleName(prompt)
        self.filter.setAccessibleDescription(_("Type part of an entry; Enter takes the first"))
        label.setBuddy(self.filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName("choiceList")
        self.list.setAccessibleName(_("Entries"))
        self.list.setAccessibleDescription(_("The entries that hold the typed text"))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._filter("")
        self.resize(520, 360)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        self.list.clear()
        for index, choice in enumerate(self.choices):
            if wanted in choice.casefold():
                item = QListWidgetItem(choice)
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.list.addItem(item)
        self.list.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
