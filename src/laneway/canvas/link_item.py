"""An arrow between two cards: plain, handoff, or handoff gap (unmistakable)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.style import Style, text_color_on
from laneway.canvas.text import elide, make_font
from laneway.model import Link

ARROW_SIZE = 10.0


class LinkItem(QGraphicsItem):
    def __init__(self, link: Link, style: Style, interactive: bool) -> None:
        super().__init__()
        self.link_id = link.id
        self.setZValue(5)
        if interactive:
            self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._mid = QPointF()
        self._bounds = QRectF()
        #: True until the first route: a new link has no path to translate.
        self.needs_route = True
        self._handoff = False
        self._gap = False
        self._show_findings = True
        self._messages: list[str] = []
        self.set_data(link, style, handoff=False)

    def set_data(self, link: Link, style: Style, handoff: bool) -> None:
        self.link = link
        self._style = style
        self._handoff = handoff
        self._font = make_font(style.font_family, style.pt(8))
        text = link.agreement.strip() or link.label.strip()
        self._caption = elide(text, self._font, 150) if text else ""
        self._refresh_tooltip()
        self.update()

    def set_findings(self, messages: list[str], gap: bool, visible: bool) -> None:
        if (messages, gap, visible) == (self._messages, self._gap, self._show_findings):
            return
        self._messages, self._gap, self._show_findings = messages, gap, visible
        self._refresh_tooltip()
        self.update()

    def _refresh_tooltip(self) -> None:
        lines = []
        if self.link.label:
            lines.append(self.link.label)
        if self.link.agreement.strip():
            lines.append(f"Agreement: {self.link.agreement}")
        if self.link.sla:
            lines.append(f"SLA: {self.link.sla}")
        if self._show_findings:
            lines += [f"• {m}" for m in self._messages]
        self.setToolTip("\n".join(lines))

    @property
    def shows_gap(self) -> bool:
        return self._gap and self._show_findings

    # -------------------------------------------------------------- geometry
    def route(self, source: QRectF, target: QRectF) -> None:
        """Recompute the path between two card rectangles (scene coordinates)."""
        self.prepareGeometryChange()
        self.needs_route = False
        offset = self.pos()
        source, target = source.translated(-offset), target.translated(-offset)
        if target.left() >= source.right() - 8:
            start = QPointF(source.right(), source.center().y())
            end = QPointF(target.left(), target.center().y())
            bend = max(40.0, (end.x() - start.x()) / 2)
            c1, c2 = QPointF(start.x() + bend, start.y()), QPointF(end.x() - bend, end.y())
        elif target.right() <= source.left() + 8:
            # Back to an earlier column (a loop back): leave from the top, arc over.
            start = QPointF(source.center().x(), source.top())
            end = QPointF(target.center().x(), target.top())
            lift = 60.0 + abs(start.y() - end.y()) * 0.1
            top = min(start.y(), end.y()) - lift
            c1, c2 = QPointF(start.x(), top), QPointF(end.x(), top)
        elif target.top() >= source.bottom():
            start = QPointF(source.center().x(), source.bottom())
            end = QPointF(target.center().x(), target.top())
            bend = max(20.0, (end.y() - start.y()) / 2)
            c1, c2 = QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend)
        else:
            start = QPointF(source.center().x(), source.top())
            end = QPointF(target.center().x(), target.bottom())
            bend = max(20.0, (start.y() - end.y()) / 2)
            c1, c2 = QPointF(start.x(), start.y() - bend), QPointF(end.x(), end.y() + bend)
        path = QPainterPath(start)
        path.cubicTo(c1, c2, end)
        self._path = path
        self._mid = path.pointAtPercent(0.5)
        angle = math.atan2(end.y() - c2.y(), end.x() - c2.x())
        back = lambda a: QPointF(  # noqa: E731
            end.x() - ARROW_SIZE * math.cos(angle + a), end.y() - ARROW_SIZE * math.sin(angle + a)
        )
        self._arrow = QPolygonF([end, back(0.45), back(-0.45)])
        self._bounds = (
            path.boundingRect().united(self._arrow.boundingRect()).adjusted(-90, -20, 90, 20)
        )

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self._path)

    def path(self) -> QPainterPath:
        """The arrow's curve in item coordinates."""
        return QPainterPath(self._path)

    def midpoint(self) -> QPointF:
        return self._mid

    # --------------------------------------------------------------- drawing
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s = self._style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected() and s.chrome
        if self.shows_gap:
            color, width, dash = QColor(s.gap), 2.6, Qt.PenStyle.DashLine
        elif self._handoff:
            color, width, dash = QColor(s.handoff), 2.4, Qt.PenStyle.SolidLine
        else:
            color, width, dash = QColor(s.link), 1.5, Qt.PenStyle.SolidLine
        if selected:
            glow = QPen(QColor(s.selection), width + 5)
            glow.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(glow)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        pen = QPen(color, width, dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(self._arrow)
        if self._caption:
            self._paint_caption(painter, color)
        elif self.shows_gap:
            self._paint_gap_marker(painter)

    def _paint_caption(self, painter: QPainter, color: QColor) -> None:
        s = self._style
        painter.setFont(self._font)
        width = painter.fontMetrics().horizontalAdvance(self._caption) + 14
        box = QRectF(self._mid.x() - width / 2, self._mid.y() - 10, width, 20)
        painter.setPen(QPen(color, 1))
        painter.setBrush(QColor(s.card_fill))
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(QColor(s.card_text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption)

    def _paint_gap_marker(self, painter: QPainter) -> None:
        s = self._style
        radius = 10.0
        painter.setPen(QPen(QColor(s.card_fill), 2))
        painter.setBrush(QColor(s.gap))
        painter.drawEllipse(self._mid, radius, radius)
        painter.setPen(QColor(text_color_on(s.gap)))
        painter.setFont(make_font(s.font_family, s.pt(9), bold=True))
        painter.drawText(
            QRectF(self._mid.x() - radius, self._mid.y() - radius, 2 * radius, 2 * radius),
            Qt.AlignmentFlag.AlignCenter,
            "?",
        )
