"""Level of detail: what a card or an arrow looks like when zoomed out too far to read.

Below ``READABLE_LOD`` (a card's 10.5 pt title would be under about 4 px tall) a card
is painted as a block in its lane's colour, with a corner square in its worst
finding's colour, no text, no rounded corners and no antialiasing; an arrow is a
thin line without its head or caption (a handoff gap keeps its colour). Below
``LINE_LOD`` an arrow is a straight line between its ends. The level of detail is
Qt's ``QStyleOptionGraphicsItem.levelOfDetailFromTransform`` of the painter, and it
applies on screen only (a view's widget, or a card's pixmap cache): exports and prints,
at any scale, get the full drawing.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

#: Under this, text is too small to read: cards and arrows are drawn simplified.
READABLE_LOD = 0.5
#: Under this, arrows are straight lines between their ends.
LINE_LOD = 0.12


def level_of_detail(
    option: QStyleOptionGraphicsItem, painter: QPainter, widget: QWidget | None
) -> float:
    """How far a paint is zoomed; always 1 for an export or a print (not on screen: no
    view's widget, and not a card's screen cache, which Qt paints into a pixmap)."""
    if widget is None and not isinstance(painter.device(), QPixmap):
        return 1.0
    return option.levelOfDetailFromTransform(painter.worldTransform())


def paint_card_block(
    painter: QPainter,
    rect: QRectF,
    fill: str,
    strip: str,
    badge: str | None,
    outline: str | None,
) -> None:
    """A card as a coloured block: fill, a lane-colour strip, a finding square, a frame
    (selection or an unowned step's error colour) when asked."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(rect, QColor(fill))
    painter.fillRect(QRectF(rect.x(), rect.y(), rect.width() * 0.12, rect.height()), QColor(strip))
    if badge is not None:
        side = rect.height() * 0.45
        painter.fillRect(QRectF(rect.right() - side, rect.y(), side, side), QColor(badge))
    if outline is not None:
        pen = QPen(QColor(outline), 0)  # cosmetic: one device pixel at any zoom
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)


def paint_simple_arrow(
    painter: QPainter, path: QPainterPath, color: QColor, lod: float, emphasised: bool
) -> None:
    """An arrow as a thin line: the curve, or under ``LINE_LOD`` a straight segment."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(color, 2 if emphasised else 1)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if lod < LINE_LOD:
        first = path.elementAt(0)
        painter.drawLine(QLineF(QPointF(first.x, first.y), path.currentPosition()))
    else:
        painter.drawPath(path)
