"""Drag from a card's connector handle to another card: one new link on release."""

from __future__ import annotations

from laneway.ui.editing.steps import link_steps
from laneway.ui.gestures.base import Canvas, Gesture, Pointer


class LinkDrag(Gesture):
    def __init__(self, canvas: Canvas, source_id: str) -> None:
        super().__init__(canvas)
        self.source_id = source_id

    def press(self, pointer: Pointer | None) -> None:
        self.scene.begin_link_preview(self.source_id)

    def move(self, pointer: Pointer) -> None:
        self.scene.update_link_preview(pointer.scene_pos)

    def finish(self, pointer: Pointer | None) -> None:
        super().finish(pointer)
        target = self.scene.step_at(pointer.scene_pos) if pointer is not None else None
        self.scene.end_link_preview()
        if target is not None and target.step_id != self.source_id:
            link_steps(self.session, self.source_id, target.step_id)

    def cancel(self) -> None:
        super().cancel()
        self.scene.end_link_preview()
