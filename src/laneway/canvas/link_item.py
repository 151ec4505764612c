"""An arrow between two cards along the router's route: plain, handoff, or gap.

The scene's ``Router`` (``layout.routing``) decides everything geometric: the
orthogonal path round the cards, where the caption goes (and which of its wrapped
sizes fits), or a numbered note marker when no size fits, and the "?" of a gap.
This item only measures its caption's sizes (``spec``) and draws what it is given
(``set_route``). A caption is never cut: it wraps on up to ``MAX_CAPTION_LINES``
lines, and when no wrapping fits it becomes a numbered note whose words are in the
tooltip (and in the inspector, which shows the link's agreement).
"""

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
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.detail import READABLE_LOD, level_of_detail, paint_simple_arrow
from laneway.canvas.style import Style, text_color_on
from laneway.canvas.text import is_wide, make_font, wrap_all
from laneway.i18n import _
from laneway.layout.routing import LinkSpec, Route
from laneway.model import Link
from laneway.model.terms import cited_terms

ARROW_SIZE = 10.0
#: A caption wraps on at most this many lines before it becomes a numbered note.
MAX_CAPTION_LINES = 4
#: Widths (at 1×) a caption is wrapped to, widest first, after the single line.
WRAP_WIDTHS = (180.0, 130.0)
#: A single-line caption no wider than this (at 1×).
MAX_LINE_WIDTH = 300.0
CORNER_RADIUS = 6.0
PAD_X, PAD_Y = 7.0, 3.0

Box = tuple[float, float, float, float]


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
    """An arrow; its bounds are a plain rectangle item's, answered in C++. It sits at
    the scene's origin: its path is in scene coordinates."""

    def __init__(self, link: Link, style: Style, interactive: bool, handoff: bool = False) -> None:
        super().__init__()
        self.link_id = link.id
        self.setZValue(5)
        if interactive:
            self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self._route: Route | None = None
        self._path: QPainterPath | None = None
        self._arrow = QPolygonF()
        self._handoff = False
        self._gap = False
        self._show_findings = True
        self._messages: list[str] = []
        self._note_number: int | None = None
        #: What each cited term means (from the definitions): the tooltip's last lines.
        self._term_lines: list[str] = []
        self._term_spans: list[tuple[int, int]] = []
        self.set_data(link, style, handoff=handoff)

    # ------------------------------------------------------------------ data
    def set_data(self, link: Link, style: Style, handoff: bool) -> None:
        self.link = link
        self._style = style
        self._handoff = handoff
        self._font = make_font(style.font_family, style.pt(8))
        text = (link.agreement.strip() or link.label.strip()).replace("\n", " ")
        # "[[MQL]]" reads "MQL" on the map, underlined
        self._text, self._term_spans = caption_text(text)
        self._layouts = self._caption_layouts(self._text) if self._text else []
        self._refresh_tooltip()
        self.update()

    def _caption_layouts(self, text: str) -> list[tuple[list[str], float, float]]:
        """The caption's lines and box size (w, h) for each size offered, best first."""
        metrics = QFontMetricsF(self._font)
        scale = self._style.font_scale
        line_height = metrics.lineSpacing()
        found: list[tuple[list[str], float, float]] = []
        one = metrics.horizontalAdvance(text)
        if one <= MAX_LINE_WIDTH * scale:
            found.append(([text], one + 2 * PAD_X, line_height + 2 * PAD_Y))
        for width in WRAP_WIDTHS:
            lines = wrap_all(text, self._font, width * scale - 2 * PAD_X)
            if len(lines) > MAX_CAPTION_LINES or (found and lines == found[-1][0]):
                continue
            w = max(metrics.horizontalAdvance(line) for line in lines) + 2 * PAD_X
            found.append((lines, w, len(lines) * line_height + 2 * PAD_Y))
        if not found:  # very long: as narrow a block as it takes, the note if none fits
            lines = wrap_all(text, self._font, WRAP_WIDTHS[0] * scale - 2 * PAD_X)
            w = max(metrics.horizontalAdvance(line) for line in lines) + 2 * PAD_X
            found.append((lines, w, len(lines) * line_height + 2 * PAD_Y))
        return found

    def spec(self, gap: bool) -> LinkSpec:
        """What the router needs of this link: its ends, caption sizes and "?"."""
        sizes = tuple((w, h) for _lines, w, h in self._layouts)
        return LinkSpec(self.link_id, self.link.source, self.link.target, sizes, gap)

    @property
    def caption(self) -> str:
        """The caption as drawn now (its lines joined), empty when none or a note."""
        text = ""
        for line in self.caption_lines:
            wide = text and (is_wide(text[-1]) or is_wide(line[0]))
            text = f"{text}{line}" if wide or not text else f"{text} {line}"
        return text

    @property
    def caption_lines(self) -> list[str]:
        route = self._route
        if route is None or route.caption is None or route.caption_size is None:
            return []
        return self._layouts[route.caption_size][0]

    @property
    def full_caption(self) -> str:
        """The caption's words, whether drawn on the link or as a note."""
        return self._text

    @property
    def has_caption(self) -> bool:
        return bool(self._text)

    @property
    def note_number(self) -> int | None:
        """The number of the note marker standing for the caption, when there is one."""
        return self._note_number if self.route and self.route.note_marker else None

    @property
    def route(self) -> Route | None:
        return self._route

    @property
    def needs_route(self) -> bool:
        return self._route is None

    def set_findings(self, messages: list[str], gap: bool, visible: bool) -> None:
        if (messages, gap, visible) == (self._messages, self._gap, self._show_findings):
            return
        self._messages, self._gap, self._show_findings = messages, gap, visible
        self._refresh_tooltip()
        self.update()

    def _refresh_tooltip(self) -> None:
        lines = []
        if self._note_number is not None and self._route and self._route.note_marker:
            lines.append(_("Note {note_number}").format(note_number=self._note_number))
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
        """What the cited terms mean (``term: meaning``), shown in the tooltip."""
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
    def set_route(self, route: Route | None, note_number: int | None = None) -> None:
        """Draw along ``route`` (scene coordinates; None: not routed yet, hidden)."""
        if not self.pos().isNull():
            self.setPos(0, 0)  # shown moved with its band until routed again
        if route == self._route and note_number == self._note_number:
            return
        self._route, self._note_number = route, note_number
        self._path = None
        self._refresh_tooltip()
        if route is None:
            self.setRect(QRectF())
            return
        xs = [p[0] for p in route.points]
        ys = [p[1] for p in route.points]
        for box in route.labels():
            xs += [box[0], box[2]]
            ys += [box[1], box[3]]
        margin = ARROW_SIZE + 6
        bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        bounds.adjust(-margin, -margin, margin, margin)
        if bounds == self.rect():
            self.update()
        else:
            self.setRect(bounds)

    def _geometry(self) -> tuple[QPainterPath, QPolygonF]:
        if self._path is None:
            points = self._route.points if self._route else ()
            self._path = rounded_path(points, CORNER_RADIUS)
            self._arrow = arrow_head(points)
        return self._path, self._arrow

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        shape = stroker.createStroke(self._geometry()[0])
        for box in self._route.labels() if self._route else ():
            shape.addRect(_qrect(box))
        return shape

    def path(self) -> QPainterPath:
        """The arrow's line in item coordinates (which are the scene's)."""
        return QPainterPath(self._geometry()[0])

    def caption_rect(self) -> QRectF:
        """Where the caption box is drawn, in item coordinates (empty without one)."""
        route = self._route
        return _qrect(route.caption) if route and route.caption and self.caption_lines else QRectF()

    def marker_rects(self) -> list[QRectF]:
        """The note and "?" markers drawn, in item coordinates."""
        route = self._route
        if route is None:
            return []
        return [_qrect(b) for b in (route.note_marker, route.gap_marker) if b is not None]

    # --------------------------------------------------------------- drawing
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._route is None:
            return
        s = self._style
        path, arrow = self._geometry()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.shows_gap:
            color, width, dash = QColor(s.gap), 2.6, Qt.PenStyle.DashLine
        elif self._handoff:
            color, width, dash = QColor(s.handoff), 2.4, Qt.PenStyle.SolidLine
        else:
            color, width, dash = QColor(s.link), 1.5, Qt.PenStyle.SolidLine
        selected = self.isSelected() and s.chrome
        lod = level_of_detail(option, painter, widget)
        if lod < READABLE_LOD:  # too small to read: a thin line (see canvas.detail)
            if selected:
                color = QColor(s.selection)
            paint_simple_arrow(painter, path, color, lod, self.shows_gap or selected)
            return
        if selected:
            glow = QPen(QColor(s.selection), width + 5)
            glow.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(glow)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        pen = QPen(color, width, dash)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap if self.shows_gap else Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(arrow)
        route = self._route
        if route.caption is not None and self.caption_lines:
            self._paint_caption(painter, color)
        if route.note_marker is not None:
            self._paint_marker(painter, route.note_marker, str(self._note_number or "i"), False)
        if route.gap_marker is not None and self.shows_gap:
            self._paint_marker(painter, route.gap_marker, "?", True)

    def _paint_caption(self, painter: QPainter, color: QColor) -> None:
        s = self._style
        box = self.caption_rect()
        painter.setPen(QPen(color, 1))
        painter.setBrush(QColor(s.card_fill))
        painter.drawRoundedRect(box, 6, 6)
        painter.setFont(self._font)
        painter.setPen(QColor(s.card_text))
        line_height = QFontMetricsF(self._font).lineSpacing()
        terms = {self._text[a:b] for a, b in self._term_spans}
        for n, line in enumerate(self.caption_lines):
            row = QRectF(box.x(), box.y() + PAD_Y + n * line_height, box.width(), line_height)
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter, line)
            if terms:
                self._underline_terms(painter, row, line, terms)

    def _underline_terms(self, painter: QPainter, row: QRectF, line: str, terms) -> None:
        """A line under each cited term in one caption line (the tooltip says what it means)."""
        metrics = QFontMetricsF(self._font)
        left = row.center().x() - metrics.horizontalAdvance(line) / 2
        y = row.center().y() + metrics.ascent() / 2 + 1.5
        for term in terms:
            at = line.find(term)
            while at >= 0:
                x0 = left + metrics.horizontalAdvance(line[:at])
                x1 = x0 + metrics.horizontalAdvance(term)
                painter.drawLine(QPointF(x0, y), QPointF(x1, y))
                at = line.find(term, at + len(term))

    def _paint_marker(self, painter: QPainter, box: Box, text: str, alarm: bool) -> None:
        s = self._style
        rect = _qrect(box)
        fill = QColor(s.gap if alarm else s.card_fill)
        painter.setPen(QPen(QColor(s.card_fill if alarm else s.handoff), 1.5))
        painter.setBrush(fill)
        painter.drawEllipse(rect)
        painter.setPen(QColor(text_color_on(s.gap) if alarm else s.card_text))
        painter.setFont(make_font(s.font_family, s.pt(8.5), bold=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _qrect(box: Box) -> QRectF:
    return QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])


def rounded_path(points, radius: float) -> QPainterPath:
    """An orthogonal polyline with its corners rounded (at most half a segment)."""
    if not points:
        return QPainterPath()
    path = QPainterPath(QPointF(*points[0]))
    for n in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = points[n - 1], points[n], points[n + 1]
        before = math.hypot(bx - ax, by - ay)
        after = math.hypot(cx - bx, cy - by)
        r = min(radius, before / 2, after / 2)
        if r <= 0.01:
            path.lineTo(bx, by)
            continue
        path.lineTo(bx - (bx - ax) / before * r, by - (by - ay) / before * r)
        path.quadTo(
            QPointF(bx, by), QPointF(bx + (cx - bx) / after * r, by + (cy - by) / after * r)
        )
    path.lineTo(QPointF(*points[-1]))
    return path


def arrow_head(points) -> QPolygonF:
    """The arrow's head at the last point, along the last segment."""
    if len(points) < 2:
        return QPolygonF()
    (bx, by), (ex, ey) = points[-2], points[-1]
    angle = math.atan2(ey - by, ex - bx)
    back = [
        QPointF(ex - ARROW_SIZE * math.cos(angle + a), ey - ARROW_SIZE * math.sin(angle + a))
        for a in (0.45, -0.45)
    ]
    return QPolygonF([QPointF(ex, ey), *back])
