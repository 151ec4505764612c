"""The journey content's slides (SPEC §7): the emotion curve as a native line chart, one
line per persona, and the notes (the room's parking lot) as a numbered list.

The curve is content, so the clean deck keeps it; the notes are the workshop's open
questions, so the clean deck leaves them out (``deck.write_pptx`` decides).
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Pt

from laneway.i18n import _
from laneway.io.pptx import style
from laneway.io.pptx.measure import line_height, wrap
from laneway.io.pptx.shapes import emu
from laneway.io.pptx.style import Theme
from laneway.layout import compute_grid, emotion_curve
from laneway.model import JourneyMap, Note

NOTES_FONT = 14.0
#: Beyond this many steps with a feeling the chart shows each stage's average instead.
MAX_POINTS = 250


def _mean(line, stage_id: str | None) -> float | None:
    values = [p.emotion for p in line.points if p.stage_id == stage_id]
    return round(sum(values) / len(values), 2) if values else None


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(style.hex6(color, "#000000"))


def add_emotion_slide(deck, journey: JourneyMap, theme: Theme) -> bool:
    """A slide charting how the customer feels along the journey; False (no slide) when
    no step has an emotion."""
    curve = emotion_curve(journey, compute_grid(journey))
    order: list[str] = []
    for line in curve.lines:
        order += [p.step_id for p in line.points if p.step_id not in order]
    if not order:
        return False
    xs = {p.step_id: p.x for line in curve.lines for p in line.points}
    order.sort(key=lambda step_id: xs[step_id])
    data = CategoryChartData()
    title = _("{title}: how the customer feels").format(title=journey.info.title)
    if len(order) <= MAX_POINTS:
        data.categories = [journey.steps[s].title or _("Untitled step") for s in order]
        for line in curve.lines:
            felt = {p.step_id: p.emotion for p in line.points}
            data.add_series(line.name or _("Everyone"), [felt.get(s) for s in order])
    else:  # too many steps to name: each stage's average, stage by stage
        title += _(", stage by stage (average)")
        spans = [span for span in curve.stages if any(
            p.stage_id == span.stage_id for line in curve.lines for p in line.points)]  # fmt: skip
        data.categories = [span.name or _("No stage") for span in spans]
        for line in curve.lines:
            data.add_series(
                line.name or _("Everyone"), [_mean(line, span.stage_id) for span in spans]
            )
    slide = deck.new_slide(title)
    top = style.MARGIN + style.TITLE_H
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS,
        emu(style.MARGIN),
        emu(top),
        emu(style.SLIDE_W_PT - 2 * style.MARGIN),
        emu(style.SLIDE_H_PT - top - style.MARGIN),
        data,
    )
    frame.name = _("Emotion curve")
    _style_chart(frame.chart, curve.lines, theme)
    return True


def _style_chart(chart, lines, theme: Theme) -> None:
    chart.font.size = Pt(12)
    chart.font.name = style.FONT
    chart.font.color.rgb = _rgb(theme.ink)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = -2, 2, 1
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(theme.grid)
    chart.category_axis.tick_labels.font.size = Pt(10)
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # under −2
    chart.has_legend = len(lines) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    for series, line in zip(chart.plots[0].series, lines, strict=True):
        color = _rgb(line.color or theme.ink)
        series.format.line.color.rgb = color
        series.format.line.width = Pt(2.25)
        series.smooth = False
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = color


def add_notes_slides(deck, journey: JourneyMap, shown: set[str], theme: Theme) -> int:
    """The notes on the shown steps, their links and the map, numbered, open ones first;
    as many slides as they need. Returns how many notes were listed."""
    notes = [n for n in journey.notes.values() if _shown(journey, n, shown)]
    notes.sort(key=lambda n: (n.resolved, n.created, n.id))
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    room = style.SLIDE_H_PT - style.MARGIN * 2 - style.TITLE_H
    pages: list[list[str]] = [[]]
    used = 0.0
    for number, note in enumerate(notes, start=1):
        text = f"{number}. {_where(journey, note)}: {note.text}{_byline(note)}"
        height = len(wrap(text, NOTES_FONT, width - 8)) * line_height(NOTES_FONT) + 4
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(text)
        used += height
    if not notes:
        return 0
    for index, page in enumerate(pages):
        suffix = (
            _(" ({number} of {count})").format(number=index + 1, count=len(pages))
            if len(pages) > 1
            else ""
        )
        slide = deck.new_slide(
            _("{title}: notes{suffix}").format(title=journey.info.title, suffix=suffix)
        )
        box = slide.shapes.add_textbox(emu(style.MARGIN), emu(style.MARGIN + style.TITLE_H),
                                       emu(width), emu(room))  # fmt: skip
        box.name = _("Notes")
        box.text_frame.word_wrap = True
        for row, text in enumerate(page):
            frame = box.text_frame
            paragraph = frame.add_paragraph() if row else frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(NOTES_FONT)
            run.font.name = style.FONT
            run.font.color.rgb = _rgb(theme.ink)
            paragraph.space_after = Pt(4)
    return len(notes)


def _shown(journey: JourneyMap, note: Note, shown: set[str]) -> bool:
    kind, record_id = note.target
    if kind == "step":
        return record_id in shown
    if kind == "link":
        link = journey.links.get(record_id or "")
        return link is not None and {link.source, link.target} <= shown
    return True


def _where(journey: JourneyMap, note: Note) -> str:
    kind, record_id = note.target
    if kind == "step":
        return _("On '{title}'").format(title=journey.steps[record_id].title)
    if kind == "link":
        link = journey.links[record_id]
        return _("On '{source}' → '{target}'").format(
            source=journey.steps[link.source].title, target=journey.steps[link.target].title
        )
    return _("On the map")


def _byline(note: Note) -> str:
    parts = [p for p in (note.author, note.created[:10]) if p]
    byline = f" ({', '.join(parts)})" if parts else ""
    return byline + (_(" — resolved") if note.resolved else "")
