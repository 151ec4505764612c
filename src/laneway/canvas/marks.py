"""Marks over the map: search matches, and what changed since a snapshot.

A ``MarksLayer`` is one item above the cards and arrows that draws outlines around
cards, a wide stroke along arrows, a frame around lanes and stage columns, and the
ghosts of cards and arrows that are gone. It changes nothing in the scene: it reads
where the cards and arrows are (their scene rectangles and paths) whenever ``refresh``
is called — after every change of the map — so it follows them as they move. Each
mark carries a short label, so its meaning never rests on its colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.text import make_font

MarkKind = Literal["step", "link", "department", "stage", "ghost-step", "ghost-link"]
MARKS_Z = 30.0
OUTLINE = 6.0  # how far a card's outline stands off the card


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    #: A step, link, department or stage id; for a ghost step its title, for a ghost
    #: link the ids of its two steps "source>target".
    key: str
    color: str
    label: str = ""
    #: The current one of several (the search match Enter went to): drawn stronger.
    strong: bool = False
    #: Where a ghost step sat (scene x, y, width, height).
    rect: tuple[float, float, float, float] | None = None


@dataclass
class _Shape:
    mark: Mark
    path: QPainterPath
    label_at: QPointF
    #: A frame (cards, lanes, ghosts) or a stroke along a line (arrows).
    stroke: bool


class MarksLayer(QGraphicsItem):
    def __init__(self, scene: QGraphicsScene, z: float = MARKS_Z) -> None:
        super().__init__()
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._marks: list[Mark] = []
        self._shapes: list[_Shape] = []
        self._bounds = QRectF()
        scene.addItem(self)

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_marks(self, marks: Iterable[Mark]) -> None:
        self._marks = list(marks)
        self.refresh()

    def clear(self) -> None:
        self.set_marks([])

    def shape_rect(self, mark: Mark) -> QRectF | None:
        """Where a mark is drawn now (None when what it marks is not on the canvas)."""
        for shape in self._shapes:
            if shape.mark == mark:
                return shape.path.boundingRect()
        return None

    # ---------------------------------------------------------------- geometry
    def refresh(self) -> None:
        """Read the cards' and arrows' places again (after the map changed)."""
        self.prepareGeometryChange()
        scene = self.scene()
        self._shapes = [s for s in (self._shape_of(scene, m) for m in self._marks) if s]
        bounds = QRectF()
        for shape in self._shapes:
            bounds = bounds.united(shape.path.boundingRect())
        self._bounds = bounds.adjusted(-40, -40, 160, 40)
        self.update()

    def _shape_of(self, scene, mark: Mark) -> _Shape | None:
        path = QPainterPath()
        if mark.kind == "step":
            item = scene.step_item(mark.key)
            if item is None:
                return None
            rect = item.sceneBoundingRect().adjusted(-OUTLINE, -OUTLINE, OUTLINE, OUTLINE)
            path.addRoundedRect(rect, 10, 10)
            return _Shape(mark, path, rect.topLeft(), stroke=False)
        if mark.kind == "link":
            item = scene.link_item(mark.key)
            if item is None:
                return None
            line = item.mapToScene(item.path())
            return _Shape(mark, line, line.pointAtPercent(0.5), stroke=True)
        if mark.kind in ("department", "stage"):
            rect = _record_rect(scene.grid, mark)
            if rect is None:
                return None
            path.addRect(rect.adjusted(2, 2, -2, -2))
            return _Shape(mark, path, rect.topLeft() + QPointF(4, 4), stroke=False)
        if mark.kind == "ghost-step" and mark.rect is not None:
            rect = QRectF(*mark.rect)
            path.addRoundedRect(rect, 8, 8)
            return _Shape(mark, path, rect.topLeft(), stroke=False)
        if mark.kind == "ghost-link":
            source, _, target = mark.key.partition(">")
            ends = [scene.step_item(source), scene.step_item(target)]
            if None in ends:
                return None
            a, b = (end.sceneBoundingRect().center() for end in ends)
            path.moveTo(a)
            path.lineTo(b)
            return _Shape(mark, path, path.pointAtPercent(0.5), stroke=True)
        return None

    def boundingRect(self) -> QRectF:
        return self._bounds

    # ---------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = make_font("Sans Serif", 8.5, bold=True)
        painter.setFont(font)
        for shape in self._shapes:
            mark = shape.mark
            color = QColor(mark.color)
            ghost = mark.kind.startswith("ghost")
            width = (5.0 if mark.strong else 3.0) if not shape.stroke else 9.0
            pen = QPen(color, width)
            pen.setStyle(Qt.PenStyle.DashLine if ghost else Qt.PenStyle.SolidLine)
            if shape.stroke:
                color.setAlpha(110 if not ghost else 200)
                pen = QPen(color, width if not ghost else 3.0)
                pen.setStyle(Qt.PenStyle.DashLine if ghost else Qt.PenStyle.SolidLine)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            fill = QColor(mark.color)
            fill.setAlpha(40 if mark.strong or ghost else 0)
            painter.setBrush(QBrush(fill) if not shape.stroke else Qt.BrushStyle.NoBrush)
            painter.drawPath(shape.path)
            if ghost and mark.kind == "ghost-step":
                painter.setPen(QColor(mark.color))
                text_box = shape.path.boundingRect().adjusted(8, 18, -8, -4)
                painter.drawText(text_box, Qt.TextFlag.TextWordWrap, mark.key)
            if mark.label:
                _paint_tag(painter, shape.label_at, mark.label, QColor(mark.color))


def _record_rect(grid, mark: Mark) -> QRectF | None:
    try:
        if mark.kind == "department":
            lane = grid.lane(mark.key).rect
            return QRectF(lane.x, lane.y, grid.bounds.right - lane.x, lane.height)
        column = grid.column(mark.key).rect
        return QRectF(column.x, column.y, column.width, grid.bounds.bottom - column.y)
    except (KeyError, StopIteration):
        return None


def _paint_tag(painter: QPainter, at: QPointF, text: str, color: QColor) -> None:
    """A small filled label ("added", "gap closed") at a mark's corner."""
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text) + 10
    height = metrics.height() + 4
    box = QRectF(at.x(), at.y() - height / 2, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor("#ffffff") if color.lightnessF() < 0.6 else QColor("#111111"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
