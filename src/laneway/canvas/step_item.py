"""A step card: title, channel chip, emotion face, finding badge, lane color strip."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from laneway.analysis import Finding
from laneway.canvas.badges import SEVERITY_RANK, paint_badge
from laneway.canvas.detail import READABLE_LOD, level_of_detail, paint_card_block
from laneway.canvas.style import EMOTION_COLORS, Style, text_color_on
from laneway.canvas.text import elide, make_font, wrap_lines
from laneway.i18n import _
from laneway.layout import Metrics
from laneway.model import Step

HANDLE_RADIUS = 7.0
BADGE_RADIUS = 10.0
#: How far the largest badge shape (the diamond) reaches, in badge radii.
BADGE_REACH = 1.25


class StepItem(QGraphicsRectItem):
    """A card. Its bounds are a plain rectangle item's (answered in C++): Qt asks for
    them for every card that moves, and a lane that grows moves hundreds."""

    def __init__(
        self, step: Step, lane_color: str | None, style: Style, metrics: Metrics, interactive: bool
    ) -> None:
        super().__init__()
        self.step_id = step.id
        self._metrics = metrics
        self._interactive = interactive
        self._card_rect = QRectF(0, 0, metrics.card_width, metrics.card_height)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setRect(self._card_rect.adjusted(-4, -17, HANDLE_RADIUS + 4, 4))  # badge above
        self._hovered = False
        self._findings: list[Finding] = []
        self._show_findings = True
        self.setZValue(10)
        if interactive:
            # Selectable, not movable: the ui's card-drag gesture moves cards, as a preview
            # until the drop's edit is committed.
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setAcceptHoverEvents(True)
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            # On screen a card is painted once per zoom level and then blitted: repaints
            # of a large map cost a fraction. Exports stay vectors (no cache there).
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_data(step, lane_color, style)

    # ------------------------------------------------------------------ data
    def set_data(self, step: Step, lane_color: str | None, style: Style) -> None:
        self.step = step
        self._lane_color = lane_color
        self._style = style
        m, s = self._metrics, style
        self._title_font = make_font(s.font_family, s.pt(10.5), bold=True)
        self._small_font = make_font(s.font_family, s.pt(8.5))
        self._badge_font = make_font(s.font_family, s.pt(8), bold=True)
        inner = m.card_width - 24
        self._title_lines = wrap_lines(step.title or _("Untitled step"), self._title_font, inner, 3)
        self._channel = elide(step.channel, self._small_font, inner - 40) if step.channel else ""
        self._prepare_tooltip()
        self.update()

    def set_findings(self, findings: list[Finding], visible: bool) -> None:
        if findings == self._findings and visible == self._show_findings:
            return
        self._findings = findings
        self._show_findings = visible
        self._prepare_tooltip()
        self.update()

    def _prepare_tooltip(self) -> None:
        lines = [self.step.title]
        if self.step.description:
            lines.append(self.step.description)
        if self._findings and self._show_findings:
            lines += [f"• {f.message}" for f in self._findings]
        self.setToolTip("\n".join(lines))

    def worst_severity(self) -> str | None:
        if not self._findings or not self._show_findings:
            return None
        return min((f.severity for f in self._findings), key=SEVERITY_RANK.__getitem__)

    # -------------------------------------------------------------- geometry
    def card_rect(self) -> QRectF:
        return QRectF(self._card_rect)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the handle overlaps the card's edge
        path.addRoundedRect(self.card_rect(), 10, 10)
        if self._interactive:
            path.addEllipse(self.handle_center(local=True), HANDLE_RADIUS + 3, HANDLE_RADIUS + 3)
        return path

    def badge_rect(self) -> QRectF:
        """The box every badge shape fits in (with its outline), in card coordinates:
        centred on the card's top-right corner."""
        reach = BADGE_RADIUS * BADGE_REACH + 1
        center = QPointF(self._metrics.card_width - 6, -2)
        return QRectF(center.x() - reach, center.y() - reach, 2 * reach, 2 * reach)

    def handle_center(self, local: bool = False) -> QPointF:
        point = QPointF(self._metrics.card_width, self._metrics.card_height / 2)
        return point if local else self.mapToScene(point)

    def handle_contains(self, scene_pos: QPointF) -> bool:
        if not self._interactive:
            return False
        delta = scene_pos - self.handle_center()
        return (delta.x() ** 2 + delta.y() ** 2) <= (HANDLE_RADIUS + 4) ** 2

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    # --------------------------------------------------------------- drawing
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s, m = self._style, self._metrics
        rect = self.card_rect()
        selected = self.isSelected() and s.chrome
        unowned = self.step.department_id is None and s.alarms
        if level_of_detail(option, painter, widget) < READABLE_LOD:
            self._paint_block(rect, painter, selected, unowned)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(s.selection if selected else (s.error if unowned else s.card_border))
        painter.setPen(QPen(border, 2.5 if selected or unowned else 1.2))
        painter.setBrush(QBrush(QColor(s.card_fill)))
        painter.drawRoundedRect(rect, 10, 10)
        strip = QPainterPath()
        strip.addRoundedRect(QRectF(0, 0, 12, m.card_height), 6, 6)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, 6, m.card_height))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(s.error if unowned else (self._lane_color or s.card_border)))
        painter.drawPath(strip.intersected(clip))

        painter.setPen(QColor(s.card_text))
        painter.setFont(self._title_font)
        line_height = self._title_font.pointSizeF() * 1.45
        for index, line in enumerate(self._title_lines):
            painter.drawText(
                QRectF(14, 8 + index * line_height, m.card_width - 24, line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        footer_y = m.card_height - 24
        if self._channel:
            painter.setFont(self._small_font)
            width = painter.fontMetrics().horizontalAdvance(self._channel) + 14
            chip = QRectF(14, footer_y, width, 17)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(s.header_fill))
            painter.drawRoundedRect(chip, 8, 8)
            painter.setPen(QColor(s.card_subtle_text))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, self._channel)
        if self.step.emotion is not None:
            self._paint_emotion(painter, QPointF(m.card_width - 20, footer_y + 8.5))
        if self.step.entry or self.step.terminal:
            painter.setFont(self._small_font)
            painter.setPen(QColor(s.card_subtle_text))
            mark = _("▶ start") if self.step.entry else _("■ end")
            painter.drawText(
                QRectF(m.card_width - 110, footer_y, 64, 17),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                mark,
            )
        self._paint_badge(painter)
        if s.chrome and self._interactive and (self._hovered or self.isSelected()):
            painter.setPen(QPen(QColor(s.card_fill), 2))
            painter.setBrush(QColor(s.selection))
            painter.drawEllipse(self.handle_center(local=True), HANDLE_RADIUS, HANDLE_RADIUS)

    def _paint_block(self, rect: QRectF, painter: QPainter, selected: bool, unowned: bool) -> None:
        """Zoomed out too far to read: a block in the lane's colour (see canvas.detail)."""
        s = self._style
        severity = self.worst_severity()
        badge = {"error": s.error, "warning": s.warning, "info": s.info}.get(severity or "")
        outline = s.selection if selected else (s.error if unowned else None)
        strip = s.error if unowned else (self._lane_color or s.card_border)
        paint_card_block(painter, rect, s.card_fill, strip, badge, outline)

    def _paint_emotion(self, painter: QPainter, center: QPointF) -> None:
        emotion = self.step.emotion or 0
        color = QColor(EMOTION_COLORS[emotion])
        radius = 8.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(center, radius, radius)
        ink = QColor(text_color_on(EMOTION_COLORS[emotion]))
        painter.setBrush(ink)
        for dx in (-3.0, 3.0):
            painter.drawEllipse(QPointF(center.x() + dx, center.y() - 2.5), 1.2, 1.2)
        painter.setPen(QPen(ink, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mouth = QPainterPath(QPointF(center.x() - 4, center.y() + 3 - emotion * 0.6))
        mouth.quadTo(
            QPointF(center.x(), center.y() + 3 + emotion * 1.6),
            QPointF(center.x() + 4, center.y() + 3 - emotion * 0.6),
        )
        painter.drawPath(mouth)

    def _paint_badge(self, painter: QPainter) -> None:
        severity = self.worst_severity()
        if severity is None:
            return
        box = self.badge_rect()  # centred on the corner like the shape
        paint_badge(
            painter, self._style, severity, box.center(), BADGE_RADIUS, str(len(self._findings))
        )
