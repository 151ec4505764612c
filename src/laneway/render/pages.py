"""Map pages: a 16:9 slide, A4 or Letter page, or a poster, each filled by its map.

Every page has the map's title (with which page and stages it shows), a map that
fills the rest of the page at the largest scale it fits, its continuation markers
(each link whose other end is on another page) and the legend. Sizes are points on
the page: fonts too, so the step titles' size on the page is known when planning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from laneway.analysis import Report
from laneway.canvas import Style
from laneway.canvas.text import elide, make_font
from laneway.i18n import _
from laneway.io.export_options import ExportOptions
from laneway.model import JourneyMap
from laneway.model.wording import plural
from laneway.render import journey_content as content
from laneway.render.chrome import paint_plate, paint_title, subtitle
from laneway.render.legend import Legend, lay_out, legend_entries, paint_legend
from laneway.render.look import EXPORT_METRICS, SMALL_PT
from laneway.render.paging import Continuation, MapPage
from laneway.render.picture import build_scene

PAGE_MARGIN = 12.0
TITLE_SIZES = (15.0, 9.0)
TITLE_BAND = TITLE_SIZES[0] * 1.6 + TITLE_SIZES[1] * 1.7 + 4.0
LEGEND_PT = 9.0
LEGEND_GAP = 6.0


@dataclass(frozen=True)
class PageFrame:
    """What every page of one export shares: its size, style, findings and legend."""

    width: float
    height: float
    source: JourneyMap
    options: ExportOptions
    style: Style
    report: Report | None

    def legend(self) -> Legend | None:
        if not self.options.legend:
            return None
        entries = legend_entries(self.source, self.style, self.report is not None)
        font = make_font(self.style.font_family, LEGEND_PT)
        return lay_out(entries, font, self.width - 2 * PAGE_MARGIN)

    def map_area(self) -> QRectF:
        """Where the map goes on every page (points)."""
        top = PAGE_MARGIN + (TITLE_BAND if self.options.title else 0.0)
        legend = self.legend()
        bottom = PAGE_MARGIN + (legend.height + LEGEND_GAP if legend is not None else 0.0)
        return QRectF(PAGE_MARGIN, top, self.width - 2 * PAGE_MARGIN, self.height - top - bottom)


def paint_page(painter: QPainter, frame: PageFrame, page: MapPage) -> None:
    """Paint one page at the painter's origin, in points."""
    style, options = frame.style, frame.options
    transparent = options.background == "transparent"
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if not transparent:
        painter.fillRect(QRectF(0, 0, frame.width, frame.height), QColor(style.background))
    if options.title:
        where = ""
        if page.count > 1 and page.stages[0] != page.stages[1]:
            where = _("page {number} of {count}: {first} – {last}").format(
                number=page.number, count=page.count, first=page.stages[0], last=page.stages[1]
            )
        elif page.count > 1:
            where = _("page {number} of {count}: {stage}").format(
                number=page.number, count=page.count, stage=page.stages[0]
            )
        summary = frame.report.summary if frame.report is not None else None
        shown = len(page.journey.steps) if page.count > 1 else _shown(frame)
        line = subtitle(frame.source, shown, summary, where)
        line += content.personas_line(frame.source, page.journey, options)
        rect = QRectF(PAGE_MARGIN, PAGE_MARGIN, frame.width - 2 * PAGE_MARGIN, TITLE_BAND)
        paint_title(painter, rect, frame.source.info.title, line, style, TITLE_SIZES, transparent)
    area = frame.map_area()
    scene = build_scene(page.journey, style, frame.report, frame.source, options)
    try:
        g = scene.grid.bounds
        room = scene.content.top_room()  # the emotion band above the lanes
        b = QRectF(g.x, g.y - room, g.width, g.height + room)
        scale = min(area.width() / b.width(), area.height() / b.height(), page.scale)
        target = QRectF(area.x(), area.y(), b.width() * scale, b.height() * scale)
        painter.save()
        painter.setClipRect(target.adjusted(-2, -2, 2, 2))
        scene.render(painter, target, b)
        painter.restore()
        for step_id, marks in _by_step(page.continuations).items():
            card = scene.grid.step_rect(step_id)
            x = area.x() + (card.x - b.x()) * scale
            at = QPointF(x, area.y() + (card.bottom - b.y()) * scale)
            _paint_continuations(painter, frame, marks, at, scale)
    finally:
        scene.clear()
        scene.deleteLater()
    legend = frame.legend()
    if legend is not None:
        y = frame.height - PAGE_MARGIN - legend.height
        if transparent:
            width = frame.width - 2 * PAGE_MARGIN
            paint_plate(painter, QRectF(PAGE_MARGIN, y, width, legend.height), style)
        paint_legend(painter, legend, QPointF(PAGE_MARGIN, y), style)
    painter.restore()


def _shown(frame: PageFrame) -> int:
    ids = frame.options.step_ids
    return len(frame.source.steps) if ids is None else len(ids & set(frame.source.steps))


def _by_step(marks: tuple[Continuation, ...]) -> dict[str, list[Continuation]]:
    result: dict[str, list[Continuation]] = {}
    for mark in marks:
        result.setdefault(mark.step_id, []).append(mark)
    return result


def marker_text(group: list[Continuation], font=None, room: float = 0.0) -> str:
    """ "→ Kick-off call, page 3" (the links go there) or "← Lead in, Demo, page 1" (they
    come from there); with a ``font``, the titles shortened so the whole marker fits
    ``room`` (the page number always stays)."""
    first = group[0]
    arrow = "→" if first.outgoing else "←"
    tail = _(", page {number}").format(number=first.other_page)
    titles = ", ".join(mark.other_title for mark in group)
    if font is not None:
        metrics = QFontMetricsF(font)
        left = room - metrics.horizontalAdvance(f"{arrow} {tail}")
        if left < metrics.averageCharWidth() * 8:  # no room for a word: say how many
            many = plural(len(group), "link")
            return f"{arrow} {many}{tail}"
        titles = elide(titles, font, left)
    return f"{arrow} {titles}{tail}"


def marker_groups(
    marks: list[Continuation], source: JourneyMap, annotated: bool
) -> list[tuple[bool, list[Continuation]]]:
    """The markers of one card grouped by direction, other page and gap (a gap stays a
    gap): (gap, the group's continuations), incoming first."""
    groups: dict[tuple[bool, int, bool], list[Continuation]] = {}
    for mark in marks:
        gap = annotated and source.is_gap(source.links[mark.link_id])
        groups.setdefault((mark.outgoing, mark.other_page, gap), []).append(mark)
    return [(key[2], groups[key]) for key in sorted(groups)]


def _paint_continuations(
    painter: QPainter, frame: PageFrame, marks: list[Continuation], at: QPointF, scale: float
) -> None:
    """The markers of one card, on one line under it (the gap below a card holds one),
    each group styled as its links are: dashed and "?" for gaps."""
    style, source = frame.style, frame.source
    font = make_font(style.font_family, math.ceil(SMALL_PT * scale))
    metrics = QFontMetricsF(font)
    m = EXPORT_METRICS
    groups = marker_groups(marks, source, frame.report is not None)
    x, y = at.x() + 4 * scale, at.y() + 2 * scale
    share = ((m.card_width + m.gap_x - 4) * scale) / len(groups)
    height = metrics.height()
    painter.save()
    painter.setFont(font)
    for gap, group in groups:
        link = source.links[group[0].link_id]
        color = style.gap if gap else (style.handoff if source.is_handoff(link) else style.link)
        stub = 10 * scale
        prefix = "? " if gap else ""
        room = share - stub - 8 * scale - metrics.horizontalAdvance(prefix)
        shown = prefix + marker_text(group, font, room)
        width = stub + 3 * scale + metrics.horizontalAdvance(shown)
        paint_plate(painter, QRectF(x, y, width, height), style, pad=2 * scale)
        pen = QPen(QColor(color), 1.6 * scale)
        pen.setStyle(Qt.PenStyle.DashLine if gap else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y + height / 2), QPointF(x + stub, y + height / 2))
        painter.setPen(QColor(style.unassigned_alarm_text if gap else style.header_text))
        painter.drawText(QPointF(x + stub + 3 * scale, y + metrics.ascent()), shown)
        x += width + 5 * scale
    painter.restore()
