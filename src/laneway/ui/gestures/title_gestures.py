"""Type a step's title in place: create a step in a cell, or rename a card.

The gesture starts on a double-click (or F2, or after Ctrl+Enter) by opening a line
editor over the spot; Enter or leaving the field finishes it (one edit), Esc or an
empty title cancels it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect

from laneway.ui.editing.steps import add_step, rename_step
from laneway.ui.gestures.base import Canvas, Gesture, Pointer
from laneway.ui.gestures.title_editor import TitleEditor


class _TitleGesture(Gesture):
    follows_pointer = False  # the keyboard finishes it

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.editor: TitleEditor | None = None

    def _open(self, rect: QRect, text: str) -> None:
        self.editor = TitleEditor(
            self.canvas.view.viewport(),
            rect,
            text,
            self._commit,
            self._cancelled,
            focus_after=self.canvas.view,
        )

    def _card_rect_in_view(self, scene_x: float, scene_y: float) -> QRect:
        """Where the title sits on a card whose top-left corner is at the scene point."""
        view, metrics = self.canvas.view, self.scene.metrics
        top_left = view.mapFromScene(scene_x, scene_y)
        bottom_right = view.mapFromScene(
            scene_x + metrics.card_width, scene_y + metrics.card_height * 0.45
        )
        return QRect(top_left, bottom_right).normalized()

    def finish(self, pointer: Pointer | None) -> None:
        if self.editor is not None and not self.done:
            self.editor.commit()  # calls _commit (or _cancelled for an empty title)

    def cancel(self) -> None:
        if self.editor is not None and not self.done:
            self.editor.cancel()

    def _cancelled(self) -> None:
        self.done = True

    def _commit(self, title: str) -> None:
        self.done = True
        self.commit_title(title)

    def commit_title(self, title: str) -> None:
        raise NotImplementedError


class CreateInCell(_TitleGesture):
    """Double-click in a lane × stage cell: a new step there, named as it is typed."""

    def press(self, pointer: Pointer | None) -> None:
        assert pointer is not None
        scene, metrics = self.scene, self.scene.metrics
        position = pointer.scene_pos
        self.department_id, self.stage_id = scene.cell_at(position) or (None, None)
        cell = scene.grid.cell_rect(self.department_id, self.stage_id)
        corner_x = position.x() - metrics.card_width / 2
        corner_y = position.y() - metrics.card_height / 2
        scale = metrics.scale  # the map stores positions at 1×
        self.near = ((corner_x - cell.x) / scale, (corner_y - cell.y) / scale)
        self._open(self._card_rect_in_view(corner_x, corner_y), "")

    def commit_title(self, title: str) -> None:
        step_id = add_step(
            self.session, self.department_id, self.stage_id, self.near, title, self.scene.metrics
        )
        if step_id:
            self.session.focus([step_id])


class RenameInPlace(_TitleGesture):
    """Double-click on a card (or F2): its title becomes an editor over the card.

    ``merge_key`` joins the title to an earlier edit: a step just added by a key and
    the name typed for it are one undo step.
    """

    def __init__(self, canvas: Canvas, step_id: str, merge_key: str | None = None) -> None:
        super().__init__(canvas)
        self.step_id = step_id
        self.merge_key = merge_key

    def press(self, pointer: Pointer | None) -> None:
        item = self.scene.step_item(self.step_id)
        if item is None or self.step_id not in self.session.journey.steps:
            self.done = True
            return
        corner = item.scenePos()
        title = self.session.journey.steps[self.step_id].title
        self._open(self._card_rect_in_view(corner.x(), corner.y()), title)

    def commit_title(self, title: str) -> None:
        rename_step(self.session, self.step_id, title, merge_key=self.merge_key)
