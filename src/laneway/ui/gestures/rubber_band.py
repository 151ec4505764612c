"""Drag on the empty canvas: select the cards and arrows the band touches.

With Ctrl or Shift held the band adds to the selection; Esc puts back the selection
there was before the press.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QRubberBand

from laneway.canvas import LinkItem, StepItem
from laneway.ui.gestures.base import Gesture, Pointer

ADDING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class RubberBand(Gesture):
    def press(self, pointer: Pointer | None) -> None:
        assert pointer is not None
        scene = self.scene
        self._before = (scene.selected_step_ids(), scene.selected_link_ids())
        self._adding = bool(pointer.modifiers & ADDING)
        self._origin = pointer.view_pos.toPoint()
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, self.canvas.view.viewport())
        self._band.setGeometry(QRect(self._origin, QSize()))
        self._band.show()
        if not self._adding:
            scene.select_ids([], [])

    def move(self, pointer: Pointer) -> None:
        rect = QRect(self._origin, pointer.view_pos.toPoint()).normalized()
        self._band.setGeometry(rect)
        view = self.canvas.view
        area = QPainterPath()
        area.addPolygon(view.mapToScene(rect))
        area.closeSubpath()
        items = self.scene.items(
            area,
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            view.viewportTransform(),
        )
        steps = {i.step_id for i in items if isinstance(i, StepItem)}
        links = {i.link_id for i in items if isinstance(i, LinkItem)}
        if self._adding:
            steps.update(self._before[0])
            links.update(self._before[1])
        self.scene.select_ids(steps, links)

    def finish(self, pointer: Pointer | None) -> None:
        super().finish(pointer)
        self._close()

    def cancel(self) -> None:
        super().cancel()
        self._close()
        self.scene.select_ids(*self._before)

    def _close(self) -> None:
        self._band.hide()
        self._band.deleteLater()
