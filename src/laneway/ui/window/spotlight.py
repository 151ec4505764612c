"""The findings walk's highlight: the rest of the map dimmed, a ring round the finding."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from laneway.canvas import Style

#: Over the cards (10) and arrows (5), under a gesture's previews (20).
SPOTLIGHT_Z = 15.0
DIM_ALPHA = 150
RING_WIDTH = 5.0


class Spotlight(QGraphicsPathItem):
    def __init__(self, style: Style) -> None:
        super().__init__()
        self.setZValue(SPOTLIGHT_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_style(style)
        self.target = QRectF()
        self.setVisible(False)

    def set_style(self, style: Style) -> None:
        dim = QColor(style.background)
        dim.setAlpha(DIM_ALPHA)
        self.setBrush(dim)
        self.setPen(QPen(QColor(style.selection), RING_WIDTH))

    def show_around(self, target: QRectF, world: QRectF) -> None:
        """Dim ``world`` except a rounded hole round ``target`` (scene units)."""
        world = world.united(target)
        self.target = QRectF(target)
        hole = target.adjusted(-14, -18, 14, 14)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(world)
        path.addRoundedRect(hole, 16, 16)
        self.setPath(path)
        self.setVisible(True)

    def paint(self, painter, option, widget=None) -> None:
        # The dimmed world without an outline, then the ring round the hole alone.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.target.adjusted(-14, -18, 14, 14), 16, 16)
