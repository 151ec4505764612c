"""Drag the selected cards: a preview while the button is held, one edit on release.

The drop gives each card the lane (owner), stage and offset of the cell it lands in;
if the edit is refused (a broken rule, a read-only map, a failed write) the cards are
simply where they were, as after Esc: the preview never reached the model.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from laneway.ui.editing.steps import move_steps
from laneway.ui.gestures.base import Canvas, Gesture, Pointer


class CardDrag(Gesture):
    shares_clicks_with_scene = True  # Qt's own click selects the card first

    def __init__(self, canvas: Canvas, pressed_id: str) -> None:
        super().__init__(canvas)
        self.pressed_id = pressed_id

    def press(self, pointer: Pointer | None) -> None:
        assert pointer is not None
        self._start = pointer.scene_pos
        self._moved = False
        # Every selected card moves, and the one under the pointer even when a Ctrl-press
        # has not selected it (yet).
        self.step_ids = sorted({*self.scene.selected_step_ids(), self.pressed_id})
        self.scene.begin_card_preview(self.step_ids)

    def move(self, pointer: Pointer) -> None:
        delta = pointer.scene_pos - self._start
        self._moved = self._moved or delta != QPointF(0, 0)
        self.scene.move_card_preview(delta, pointer.scene_pos)

    def finish(self, pointer: Pointer | None) -> None:
        super().finish(pointer)
        drops = self.scene.card_preview_corners() if self._moved else {}
        # Back to where the map has them; the committed move (if any) reconciles them.
        self.scene.end_card_preview()
        if drops:
            move_steps(self.session, self.scene.grid, drops)

    def cancel(self) -> None:
        super().cancel()
        self.scene.end_card_preview()
        grabber = self.scene.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()  # moving on with the button held drags nothing
