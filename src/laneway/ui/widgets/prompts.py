"""One-sentence dialogs: an error to read, a question to confirm, a name or a choice to pick.

Every modal of the panels and of the window's commands goes through here, so tests patch
one place and the wording and buttons stay the same everywhere (a destructive action
names itself on its button).
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

APP_TITLE = "Laneway"


def show_error(parent: QWidget | None, sentence: str) -> None:
    """Tell the user what went wrong in one sentence (never a traceback)."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, sentence, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm(parent: QWidget | None, question: str, action_text: str) -> bool:
    """Ask before something destructive; True only when the user picked ``action_text``."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, question, parent=parent)
    action = box.addButton(action_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is action


def ask_name(parent: QWidget | None, title: str, prompt: str, suggestion: str = "") -> str | None:
    """A trimmed, non-empty name, or None when the user cancelled or typed only spaces."""
    name, ok = QInputDialog.getText(parent, title, prompt, text=suggestion)
    name = name.strip()
    return name if ok and name else None


def ask_choice(parent: QWidget | None, title: str, prompt: str, choices: list[str]) -> int | None:
    """The index of the chosen entry, or None when cancelled."""
    if not choices:
        return None
    text, ok = QInputDialog.getItem(parent, title, prompt, choices, 0, False)
    if not ok or text not in choices:
        return None
    return choices.index(text)
