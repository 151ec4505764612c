"""Small editors that commit when the user is done, not on every keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget


class CommitLineEdit(QLineEdit):
    """Emits ``committed(text)`` on Enter or focus-out, when the text changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.text() != self._shown:
            return  # the user is typing: don't clobber it
        self._shown = text
        self.setText(text)

    def _finish(self) -> None:
        if self.text() != self._shown:
            self._shown = self.text()
            self.committed.emit(self.text())


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed on focus-out or Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.setTabChangesFocus(True)
        self.setMaximumHeight(84)

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.toPlainText() != self._shown:
            return
        self._shown = text
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._finish()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._finish()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], current: object) -> None:
    """Replace a combo's items (text, data) and select ``current``, without signals."""
    blocked = combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        for index in range(combo.count()):
            if combo.itemData(index) == current:
                combo.setCurrentIndex(index)
                break
    finally:
        combo.blockSignals(blocked)
