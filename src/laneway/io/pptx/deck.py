"""The deck: one 16:9 presentation, map slides, then the summary and findings slides.

Every slide takes the "Title Only" layout and puts its title in that layout's title
placeholder (what outlines, screen readers and Google Slides' import read as the
slide's title); ``dark`` paints each slide's background dark and its text light.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Pt

from laneway.analysis import analyze
from laneway.i18n import _
from laneway.io.export_options import ExportOptions
from laneway.io.pptx import style
from laneway.io.pptx.content import add_emotion_slide, add_notes_slides
from laneway.io.pptx.findings import add_findings_slides, listed_findings
from laneway.io.pptx.mapslide import MapSlide, SlideContext
from laneway.io.pptx.shapes import ShapeWriter, emu
from laneway.io.pptx.slidemap import SlideFrame, map_area, plan_slides
from laneway.io.pptx.style import Theme, theme_for
from laneway.model import JourneyMap
from laneway.model import excerpt as map_excerpt

_TITLE_ONLY = 5  # in python-pptx's default template


class Deck:
    def __init__(self, theme: Theme, titled: bool = True) -> None:
        self.presentation = Presentation()
        self.presentation.slide_width = emu(style.SLIDE_W_PT)
        self.presentation.slide_height = emu(style.SLIDE_H_PT)
        self.theme, self.titled = theme, titled

    def new_slide(self, title: str | None):
        """A slide with ``title`` in its title placeholder (None: no title, no placeholder)."""
        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[_TITLE_ONLY])
        if self.theme.dark:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = _rgb(self.theme.background)
        placeholder = slide.shapes.title
        if title is None:
            placeholder._element.getparent().remove(placeholder._element)
            return slide
        placeholder.name = "Title"
        placeholder.left, placeholder.top = emu(style.MARGIN), emu(style.MARGIN / 2)
        placeholder.width = emu(style.SLIDE_W_PT - 2 * style.MARGIN)
        placeholder.height = emu(style.TITLE_H)
        frame = placeholder.text_frame
        frame.text = title
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        run = paragraph.runs[0]
        run.font.size = Pt(style.TITLE_PT)
        run.font.bold = True
        run.font.name = style.FONT
        run.font.color.rgb = _rgb(self.theme.ink)
        return slide

    def save(self, path: Path) -> None:
        self.presentation.save(str(path))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(style.hex6(color, "#000000"))


def _dimmed(journey: JourneyMap, options: ExportOptions) -> frozenset[str]:
    """The steps of other personas when the deck is for one (``options.persona``: an id
    or a name); a step naming no persona concerns them all."""
    wanted = options.persona
    persona = (journey.personas.get(wanted) or journey.persona_by_name(wanted)) if wanted else None
    if persona is None:
        return frozenset()
    return frozenset(s.id for s in journey.steps.values() if not s.concerns(persona.id))


def write_pptx(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    """``journey`` (only ``options.step_ids``, when set) as editable 16:9 slides."""
    shown = set(journey.steps) if options.step_ids is None else set(options.step_ids)
    shown &= set(journey.steps)
    wants_table = options.findings and options.summary_slide
    report = analyze(journey) if (options.findings or wants_table) else None
    theme = theme_for(options.dark)
    area = map_area(options.title, options.legend)
    slide_map = plan_slides(journey, shown, area, getattr(options, "slides", None))
    context = SlideContext(journey, slide_map, options, report, theme, _dimmed(journey, options))
    deck = Deck(theme, options.title)
    for frame in slide_map.frames:
        title = _slide_title(journey, frame, len(slide_map.frames)) if options.title else None
        slide = deck.new_slide(title)
        writer = ShapeWriter(first_id=_next_id(slide))
        drawn = MapSlide(context, frame, writer)
        drawn.draw(title)
        writer.append_to(slide.shapes._spTree)
        if drawn.notes_overflow:
            lines = [f"{n}  {note}" for n, note in enumerate(drawn.notes, start=1)]
            slide.notes_slide.notes_text_frame.text = "\n".join(lines)
    if options.summary_slide:  # the appendix: how it feels, the notes, the findings
        view = journey if options.step_ids is None else map_excerpt(journey, shown)
        add_emotion_slide(deck, view, theme)
        if options.findings and options.notes:  # the clean version has no notes
            add_notes_slides(deck, journey, shown, theme)
    if wants_table and report is not None:
        with_info = bool(getattr(options, "findings_info", False))
        excerpt = options.step_ids is not None
        findings = listed_findings(report, journey, shown if excerpt else None, with_info)
        add_findings_slides(deck, journey, report, findings, theme, excerpt)
    deck.save(path)


def _slide_title(journey: JourneyMap, frame: SlideFrame, count: int) -> str:
    title = journey.info.title or _("Customer journey")
    if count == 1:
        return title
    names = [c.name or _("No stage") for c in frame.grid.columns]
    span = (
        names[0]
        if len(names) == 1
        else _("{first} to {last}").format(first=names[0], last=names[-1])
    )
    if frame.part is not None:
        span += _(", part {part} of {parts}").format(part=frame.part[0], parts=frame.part[1])
    return _("{title} — {span} ({number} of {count})").format(
        title=title, span=span, number=frame.number, count=count
    )


def _next_id(slide) -> int:
    ids = [int(v) for v in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
    return max(ids, default=1) + 1
