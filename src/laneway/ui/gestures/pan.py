"""Middle-drag (or Space + drag) moves the map under the pointer; Esc scrolls back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laneway.ui.gestures.base import Gesture, Pointer


class Pan(Gesture):
    def press(self, pointer: Pointer | None) -> None:
        assert pointer is not None
        view = self.canvas.view
        self._last = pointer.view_pos
        self._start = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, pointer: Pointer) -> None:
        view = self.canvas.view
        delta = pointer.view_pos - self._last
        self._last = pointer.view_pos
        view.horizontalScrollBar().setValue(int(view.horizontalScrollBar().value() - delta.x()))
        view.verticalScrollBar().setValue(int(view.verticalScrollBar().value() - delta.y()))

    def finish(self, pointer: Pointer | None) -> None:
        super().finish(pointer)
        self.canvas.view.viewport().unsetCursor()

    def cancel(self) -> None:
        super().cancel()
        view = self.canvas.view
        view.horizontalScrollBar().setValue(self._start[0])
        view.verticalScrollBar().setValue(self._start[1])
        view.viewport().unsetCursor()
