"""Drag from a card's connector handle to another card: one new link on release."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

from laneway.canvas import JourneyScene


class LinkGesture:
    def __init__(self, scene: JourneyScene, source_id: str, on_link: Callable[[str, str], None]):
        self.scene = scene
        self.source_id = source_id
        self._on_link = on_link
        scene.begin_link_preview(source_id)

    def move(self, scene_pos: QPointF) -> None:
        self.scene.update_link_preview(scene_pos)

    def finish(self, scene_pos: QPointF) -> None:
        target = self.scene.step_at(scene_pos)
        self.scene.end_link_preview()
        if target is not None and target.step_id != self.source_id:
            self._on_link(self.source_id, target.step_id)

    def cancel(self) -> None:
        self.scene.end_link_preview()
