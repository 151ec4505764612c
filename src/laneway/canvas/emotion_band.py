"""The emotion curve's band above the lanes (SPEC §7), drawn from layout/emotion_curve.

One item: the band's frame, the neutral line, the stage boundaries, one line per persona
(or one for everyone) with a dot per step, and each low point marked with the step's
title. It only draws the geometry it is given; ``ContentLayers`` computes it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.style import Style
from laneway.canvas.text import elide, make_font
from laneway.i18n import _
from laneway.layout.emotion_curve import CurvePoint, EmotionCurve

BAND_Z = 2.0
#: Room between the band and the stage headers below it, at 1×.
BAND_GAP = 10.0
LOW_LABEL_WIDTH = 130.0


class EmotionBand(QGraphicsItem):
    def __init__(self, style: Style) -> None:
        super().__init__()
        self.setZValue(BAND_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._style = style
        self._curve: EmotionCurve | None = None
        self._header_width = 0.0
        self._rect = QRectF()

    @property
    def curve(self) -> EmotionCurve | None:
        return self._curve

    def set_curve(self, curve: EmotionCurve | None, style: Style, header_width: float) -> None:
        self.prepareGeometryChange()
        self._curve, self._style, self._header_width = curve, style, header_width
        if curve is None:
            self._rect = QRectF()
        else:
            b = curve.band
            self._rect = QRectF(0, b.y, b.x + b.width, b.height)
        self.setVisible(curve is not None)
        self.update()

    def low_point_labels(self) -> list[str]:
        """The titles written at the low points, left to right (what a reader sees)."""
        return [point.title for point, _color in self._low_points()]

    def _low_points(self) -> list[tuple[CurvePoint, str | None]]:
        """Each line's dips, a step shared by several lines once (in the first's colour)."""
        if self._curve is None:
            return []
        seen: dict[str, tuple[CurvePoint, str | None]] = {}
        for line in self._curve.lines:
            for point in line.low_points:
                seen.setdefault(point.step_id, (point, line.color))
        return list(seen.values())

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        curve = self._curve
        if curve is None:
            return
        s = self._style
        b = curve.band
        band = QRectF(b.x, b.y, b.width, b.height)
        painter.fillRect(QRectF(0, b.y, b.x + b.width, b.height), QColor(s.header_fill))
        painter.setPen(QPen(QColor(s.grid_line), 1))
        painter.drawRect(band)
        self._paint_scale(painter, curve)
        painter.setPen(QPen(QColor(s.grid_line), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(b.x, curve.neutral_y), QPointF(b.x + b.width, curve.neutral_y))
        for x in curve.boundaries:
            painter.drawLine(QPointF(x, b.y), QPointF(x, b.y + b.height))
        if curve.is_empty:
            painter.setPen(QColor(s.card_subtle_text))
            painter.setFont(make_font(s.font_family, s.pt(9)))
            painter.drawText(
                band, Qt.AlignmentFlag.AlignCenter, _("Rate the steps' emotions to draw the curve")
            )
            return
        for line in curve.lines:
            self._paint_line(painter, line.points, QColor(line.color or s.card_text))
        for point, color in self._low_points():
            self._paint_low_point(painter, point, QColor(color or s.error))

    def _paint_scale(self, painter: QPainter, curve: EmotionCurve) -> None:
        """The lane-header column of the band: its name, the personas' colours, + and −."""
        s = self._style
        b = curve.band
        left = QRectF(8, b.y + 4, self._header_width - 16, b.height - 8)
        painter.setPen(QColor(s.header_text))
        painter.setFont(make_font(s.font_family, s.pt(10), bold=True))
        painter.drawText(left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _("Emotion"))
        font = make_font(s.font_family, s.pt(8))
        painter.setFont(font)
        step = 15 * s.font_scale
        y = left.y() + 22 * s.font_scale
        for line in curve.lines:
            if not line.name:
                continue
            painter.fillRect(QRectF(left.x(), y + 3, 10, 4), QColor(line.color or s.card_text))
            painter.drawText(
                QRectF(left.x() + 14, y - 2, left.width() - 14, step),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elide(line.name, font, left.width() - 14),
            )
            y += step
        painter.setPen(QColor(s.card_subtle_text))
        for emotion, text in ((2, "+2"), (0, "0"), (-2, "−2")):
            painter.drawText(
                QRectF(b.x - 30, curve.y_of(emotion) - 8, 26, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _paint_line(self, painter: QPainter, points, color: QColor) -> None:
        if not points:
            return
        path = QPainterPath(QPointF(points[0].x, points[0].y))
        for point in points[1:]:
            path.lineTo(QPointF(point.x, point.y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 2.2 * self._style.font_scale))
        painter.drawPath(path)
        painter.setBrush(color)
        painter.setPen(QPen(QColor(self._style.card_fill), 1))
        radius = 3.5 * self._style.font_scale
        for point in points:
            painter.drawEllipse(QPointF(point.x, point.y), radius, radius)

    def _paint_low_point(self, painter: QPainter, point: CurvePoint, color: QColor) -> None:
        """A triangle under the dip and the step's title below it (beside it at the
        band's bottom, where there is no room below)."""
        s = self._style
        size = 6 * s.font_scale
        below = point.y + 6 * s.font_scale
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(point.x - size, below),
                    QPointF(point.x + size, below),
                    QPointF(point.x, below + size * 1.3),
                ]
            )
        )
        font = make_font(s.font_family, s.pt(8), bold=True)
        painter.setFont(font)
        painter.setPen(QColor(s.card_text))
        width = LOW_LABEL_WIDTH * s.font_scale
        height = 14 * s.font_scale
        bottom = self._curve.band.y + self._curve.band.height if self._curve else below
        if below + size * 1.3 + height <= bottom:
            box = QRectF(point.x - width / 2, below + size * 1.3, width, height)
            align = Qt.AlignmentFlag.AlignHCenter
        else:
            box = QRectF(point.x + size + 4, point.y - height / 2 + size, width, height)
            align = Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, elide(point.title, font, width))
