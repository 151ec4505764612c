"""The inspector's text fields: the map follows as you type.

Each field says ``edited(text)`` a moment after typing pauses (debounced, so a burst of
keys is one edit, not one per key) and ``committed(text)`` when the user is done (Enter,
leaving the field, Ctrl+Enter in a multi-line field). ``visit`` counts the times the
field got the focus, so the edits of one visit can be merged into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

#: How long typing pauses before the map takes the text (ms): short enough that the
#: room sees the gap close as the words are typed, long enough for one edit per word.
LIVE_DELAY_MS = 300


class _LiveField:
    """What both fields share: the debounce timer, the visit count, the shown value."""

    edited: Signal
    committed: Signal

    def _init_live(self) -> None:
        self._shown = ""
        self.visit = 0
        self._live = QTimer(self)  # type: ignore[arg-type]
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_DELAY_MS)
        self._live.timeout.connect(self._send_live)

    def current_text(self) -> str:
        raise NotImplementedError

    def _set_text(self, text: str) -> None:
        raise NotImplementedError

    def show_value(self, text: str, *, force: bool = False) -> None:
        """Show what the map holds; while the user is typing here, keep their text
        (unless ``force``: another record is shown now)."""
        if text == self.current_text() and not force:
            self._shown = text
            return
        if not force and self.hasFocus() and self.current_text() != self._shown:  # type: ignore[attr-defined]
            return  # the user is typing: don't clobber it
        self._live.stop()
        self._shown = text
        self._set_text(text)

    def flush(self) -> None:
        """Deliver typing not yet committed (before the field shows another record)."""
        if self._live.isActive() or self.current_text() != self._shown:
            self._finish()

    def _typed(self) -> None:
        self._live.start()

    def _send_live(self) -> None:
        self.edited.emit(self.current_text())

    def _finish(self) -> None:
        self._live.stop()
        text = self.current_text()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)

    @property
    def live_pending(self) -> bool:
        return self._live.isActive()


class CommitLineEdit(QLineEdit, _LiveField):
    """One line: ``edited`` while typing, ``committed`` on Enter or focus-out."""

    committed = Signal(str)
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_live()
        self.textEdited.connect(lambda _text: self._typed())
        self.editingFinished.connect(self._finish)

    def current_text(self) -> str:
        return self.text()

    def _set_text(self, text: str) -> None:
        self.setText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.visit += 1
        super().focusInEvent(event)


class CommitTextEdit(QPlainTextEdit, _LiveField):
    """Several lines: ``edited`` while typing, ``committed`` on focus-out or Ctrl+Enter.

    Ctrl+Enter is the window's "Add Next Step" everywhere else; here it only finishes
    the text, so what was typed stays on the step being edited.
    """

    committed = Signal(str)
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_live()
        self._setting = False
        self.setTabChangesFocus(True)
        self.setMaximumHeight(84)
        self.textChanged.connect(self._changed)

    def current_text(self) -> str:
        return self.toPlainText()

    def _set_text(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def _changed(self) -> None:
        if not self._setting:
            self._typed()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.visit += 1  # back from a completion list: the same visit
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish()  # a completion list opening is not the end of the typing
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_ctrl_enter(event):
            event.accept()  # a key for this field, not the window's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_ctrl_enter(event):
            self._finish()
            return
        super().keyPressEvent(event)


def _is_ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


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
