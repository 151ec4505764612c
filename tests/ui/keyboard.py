"""Driving the app with the keyboard alone, as a user would: every key goes to the
widget that has the focus, and the keys are counted (command keys and typed text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Mod = Qt.KeyboardModifier
CTRL, SHIFT, ALT = Mod.ControlModifier, Mod.ShiftModifier, Mod.AltModifier

MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class MouseWatch(QObject):
    """Counts every mouse event the application delivers (the test sends none)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE_EVENTS and event.type() != QEvent.Type.MouseMove:
            self.count += 1
        return False


class Keyboard:
    def __init__(self) -> None:
        self.command_keys = 0
        self.typed = 0

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Mod.NoModifier) -> None:
        """One command key (with its modifiers), to whatever has the focus."""
        QTest.keyClick(self.focus(), key, modifiers)
        self.command_keys += 1
        QApplication.processEvents()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)
        self.typed += len(text)
        QApplication.processEvents()

    def answer_next_dialog(self, keys: Callable[[Keyboard], None]) -> None:
        """Type into the modal dialog the next key opens (it runs its own event loop)."""

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            focus = QApplication.focusWidget()
            if dialog is None or focus is None or focus.window() is not dialog:
                if dialog is not None:  # open, not yet active (a window manager's job)
                    dialog.activateWindow()
                QTimer.singleShot(10, answer)
                return
            keys(self)

        QTimer.singleShot(0, answer)

    def name_in_dialog(self, name: str) -> None:
        """Type a name into the modal prompt and press Enter."""
        self.answer_next_dialog(lambda k: (k.type(name), k.press(Qt.Key.Key_Return)))


def focus_canvas(window, qtbot) -> None:
    """Make the window the active one with the keyboard on its canvas (as on opening)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
