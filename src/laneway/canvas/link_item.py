"""An arrow between two cards: plain, handoff, or handoff gap (unmistakable)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from laneway.canvas.style import Style, text_color_on
from laneway.canvas.text import elide, make_font
from laneway.i18n import _
from laneway.model import Link
from laneway.model.terms import cited_terms

ARROW_SIZE = 10.0
#: Arrow ends closer than this vertically join two cards of one row.
SAME_ROW = 40.0

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


def control_points(source: Box, target: Box) -> tuple[Point, Point, Point, Point]:
    """Start, two control points and end of the curve between two cards.

    Cards are (left, top, right, bottom). Forward: right edge to left edge; back to an
    earlier column (a loop back): from the top, arcing over; otherwise straight down
    or up between the cards' middles.
    """
    sl, st, sr, sb = source
    tl, tt, tr, tb = target
    scx, scy, tcx, tcy = (sl + sr) / 2, (st + sb) / 2, (tl + tr) / 2, (tt + tb) / 2
    if tl >= sr - 8:
        bend = max(40.0, (tl - sr) / 2)
        return (sr, scy), (sr + bend, scy), (tl - bend, tcy), (tl, tcy)
    if tr <= sl + 8:
        top = min(st, tt) - (60.0 + abs(st - tt) * 0.1)
        return (scx, st), (scx, top), (tcx, top), (tcx, tt)
    if tt >= sb:
        bend = max(20.0, (tt - sb) / 2)
        return (scx, sb), (scx, sb + bend), (tcx, tt - bend), (tcx, tt)
    bend = max(20.0, (st - tb) / 2)
    return (scx, st), (scx, st - bend), (tcx, tb + bend), (tcx, tb)


def caption_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    """An agreement as its caption reads: ``[[MQL]]`` shown as ``MQL``, with where each
    cited term is in the words shown."""
    citations = cited_terms(text)
    if not citations:
        return text, []
    parts, spans, at, length = [], [], 0, 0
    for citation in citations:
        parts.append(text[at : citation.start])
        length += citation.start - at
        parts.append(citation.term)
        spans.append((length, length + len(citation.term)))
        length += len(citation.term)
        at = citation.end
    parts.append(text[at:])
    return "".join(parts), spans


class LinkItem(QGraphicsRectItem):
    """An arrow; its bounds are a plain rectangle item's, answered in C++."""

    def __init__(self, link: Link, style: Style, interactive: bool, handoff: bool = False) -> None:
        super().__init__()
        self.link_id = link.id
        self.setZValue(5)
        if interactive:
            self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The curve: control points from route(), the painter path built on demand.
        self._points: tuple[tuple[float, float], ...] = ((0.0, 0.0),) * 4
        self._path: QPainterPath | None = None
        self._arrow = QPolygonF()
        self._mid = QPointF()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        #: True until the first route: a new link has no path to translate.
        self.needs_route = True
        self._handoff = False
        self._gap = False
        self._show_findings = True
        self._messages: list[str] = []
        #: Vertical offset of the caption, so captions of arrows into one card stack.
        self._caption_shift = 0.0
        #: What each cited term means (from the definitions): the tooltip's last lines.
        self._term_lines: list[str] = []
        self.set_data(link, style, handoff=handoff)

    def set_data(self, link: Link, style: Style, handoff: bool) -> None:
        self.link = link
        self._style = style
        self._handoff = handoff
        self._font = make_font(style.font_family, style.pt(8))
        text, self._term_spans = caption_text(link.agreement.strip() or link.label.strip())
        width = 150 * style.font_scale
        self._full_caption = elide(text, self._font, width) if text else ""
        self._full_width = QFontMetricsF(self._font).horizontalAdvance(self._full_caption)
        # Between two cards too close for the words: a tick for an agreed handoff, an
        # ellipsis for a label (the tooltip has the text).
        self._short_caption = "✓" if link.agreed else "…"
        self._caption = self._full_caption
        self._refresh_tooltip()
        self.update()

    @property
    def caption(self) -> str:
        """The caption as drawn now: the words, or a tick or ellipsis when cramped."""
        return self._caption

    @property
    def has_caption(self) -> bool:
        return bool(self._full_caption)

    def set_caption_shift(self, shift: float) -> None:
        """Takes effect at the next route()."""
        self._caption_shift = shift

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
        if self.link.agreed:
            lines.append(_("Agreement: {agreement}").format(agreement=self.link.agreement))
        if self.link.sla:
            lines.append(_("SLA: {sla}").format(sla=self.link.sla))
        if self._show_findings:
            lines += [f"• {m}" for m in self._messages]
        lines += self._term_lines
        self.setToolTip("\n".join(lines))

    def set_term_lines(self, lines: list[str]) -> None:
        if lines != self._term_lines:
            self._term_lines = lines
            self._refresh_tooltip()

    @property
    def term_spans(self) -> list[tuple[int, int]]:
        """Where the cited terms are in the caption's words (underlined when drawn)."""
        return list(self._term_spans)

    @property
    def shows_gap(self) -> bool:
        return self._gap and self._show_findings

    # -------------------------------------------------------------- geometry
    def route(self, source: Box, target: Box) -> None:
        """Re-aim the arrow between two cards: (left, top, right, bottom) in the scene.

        Only the curve's four control points are computed here, with plain numbers:
        a growing lane re-routes hundreds of arrows, most of them off screen. The
        painter path is built when the arrow is first painted or hit-tested.
        """
        self.needs_route = False
        origin = self.scenePos()  # arrows are only ever translated, never scaled
        dx, dy = origin.x(), origin.y()
        points = control_points(
            (source[0] - dx, source[1] - dy, source[2] - dx, source[3] - dy),
            (target[0] - dx, target[1] - dy, target[2] - dx, target[3] - dy),
        )
        self._points = points
        self._path = None
        (sx, sy), _c1, _c2, (ex, ey) = points
        # Side by side in one row, the cards cover all of a caption but the gap.
        side_by_side = ex > sx and abs(ey - sy) < SAME_ROW
        fits = not side_by_side or self._full_width + 14 <= (ex - sx) - 12
        self._caption = self._full_caption if fits else self._short_caption
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        scale = self._style.font_scale  # the caption grows with the text size
        margin_x = 90 * scale + ARROW_SIZE
        margin_y = 20 * scale + ARROW_SIZE + abs(self._caption_shift)
        bounds = QRectF(
            min(xs) - margin_x,
            min(ys) - margin_y,
            max(xs) - min(xs) + 2 * margin_x,
            max(ys) - min(ys) + 2 * margin_y,
        )
        if bounds == self.rect():
            self.update()  # same box, new curve
        else:
            self.setRect(bounds)

    def _geometry(self) -> tuple[QPainterPath, QPolygonF, QPointF]:
        if self._path is None:
            (sx, sy), (ax, ay), (bx, by), (ex, ey) = self._points
            end = QPointF(ex, ey)
            path = QPainterPath(QPointF(sx, sy))
            path.cubicTo(QPointF(ax, ay), QPointF(bx, by), end)
            angle = math.atan2(ey - by, ex - bx)
            back = [
                QPointF(
                    ex - ARROW_SIZE * math.cos(angle + a), ey - ARROW_SIZE * math.sin(angle + a)
                )
                for a in (0.45, -0.45)
            ]
            self._path = path
            self._arrow = QPolygonF([end, *back])
            self._mid = path.pointAtPercent(0.5)
        return self._path, self._arrow, self._mid

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self._geometry()[0])

    def path(self) -> QPainterPath:
        """The arrow's curve in item coordinates."""
        return QPainterPath(self._geometry()[0])

    # --------------------------------------------------------------- drawing
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s = self._style
        path, arrow, _mid = self._geometry()
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
            painter.drawPath(path)
        pen = QPen(color, width, dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(arrow)
        if self._caption:
            self._paint_caption(painter, color)
        elif self.shows_gap:
            self._paint_gap_marker(painter)

    def caption_rect(self) -> QRectF:
        """Where the caption box is drawn, in item coordinates (empty without one)."""
        if not self._caption:
            return QRectF()
        mid = self._geometry()[2]
        width = QFontMetricsF(self._font).horizontalAdvance(self._caption) + 14
        height = 20 * self._style.font_scale
        top = mid.y() - height / 2 + self._caption_shift
        return QRectF(mid.x() - width / 2, top, width, height)

    def _paint_caption(self, painter: QPainter, color: QColor) -> None:
        s = self._style
        painter.setFont(self._font)
        box = self.caption_rect()
        painter.setPen(QPen(color, 1))
        painter.setBrush(QColor(s.card_fill))
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(QColor(s.card_text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption)
        if self._term_spans and self._caption == self._full_caption:
            self._underline_terms(painter, box)

    def _underline_terms(self, painter: QPainter, box: QRectF) -> None:
        """A line under each cited term of the caption (the tooltip says what it means)."""
        metrics = QFontMetricsF(self._font)
        text = self._caption
        left = box.center().x() - metrics.horizontalAdvance(text) / 2
        y = box.center().y() + metrics.ascent() / 2 + 1.5
        painter.setPen(QPen(painter.pen().color(), 1))
        for start, end in self._term_spans:
            if start >= len(text):
                break
            end = min(end, len(text))
            x0 = left + metrics.horizontalAdvance(text[:start])
            x1 = left + metrics.horizontalAdvance(text[:end])
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))

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
