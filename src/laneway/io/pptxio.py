"""Editable PowerPoint slides of a map, as native shapes (python-pptx).

Lanes are rectangles, steps rounded rectangles holding their text, links
connectors glued to the step shapes, so a presenter can still move a card or fix
a word on the slide. The geometry is the canvas's own (``laneway.layout``); a map
too wide to read on one 16:9 slide is split by stage ranges, lanes repeated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from laneway.analysis import Report, analyze
from laneway.analysis.output import summary_figures
from laneway.i18n import N_, _, ngettext
from laneway.io.export_options import ExportOptions
from laneway.layout import Column, Grid, compute_grid
from laneway.model import JourneyMap, Link, excerpt, palette
from laneway.model.wording import plural

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in
EMU_PER_PX = 9525  # one scene pixel at 96 dpi
MARGIN = Emu(228600)  # 0.25 in
TITLE_H = Emu(548640)  # 0.6 in
LEGEND_H = Emu(320040)  # 0.35 in
MIN_FACTOR = 0.6  # below this, card text would be too small to read on a projector
CARD_FONT_PT = 10.5
FINDINGS_PER_SLIDE = 12


def _from_hex(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


INK = _from_hex(palette.INK)
SUBTLE = _from_hex(palette.SUBTLE_INK)
HEADER_FILL = _from_hex(palette.HEADER_FILL)
LANE_FILL = (_from_hex(palette.LANE_FILL), _from_hex(palette.PRINT_LANE_FILL_ALT))
GRID_LINE = _from_hex(palette.GRID_LINE)
ALARM_FILL = _from_hex(palette.ALARM_FILL)
RED = _from_hex(palette.ALARM)
LINK = _from_hex(palette.LINK)
HANDOFF = _from_hex(palette.HANDOFF)
#: The findings table's severity column, in the slide's language.
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
SEVERITY = {severity: _from_hex(color) for severity, color in palette.SEVERITY_COLORS.items()}


def _rgb(hex_color: str | None, default: RGBColor = GRID_LINE) -> RGBColor:
    return _from_hex(hex_color) if hex_color else default


@dataclass
class _Frame:
    """Where one slide's part of the map goes: its columns, offset and scale."""

    columns: list[Column]
    factor: float
    left: int
    top: int

    def x(self, grid: Grid, scene_x: float) -> int:
        first = self.columns[0].rect.x
        header = grid.metrics.lane_header_width
        shifted = scene_x if scene_x < header else scene_x - first + header
        return self.left + round(shifted * self.factor * EMU_PER_PX)

    def length(self, pixels: float) -> int:
        return round(pixels * self.factor * EMU_PER_PX)

    def y(self, scene_y: float) -> int:
        return self.top + self.length(scene_y)

    def pt(self, size: float) -> Pt:
        return Pt(max(7.0, size * self.factor))


def write_pptx(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    part = excerpt(journey, options.step_ids)
    report = analyze(part) if (options.findings or options.summary_slide) else None
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_W, SLIDE_H
    grid = compute_grid(part)
    frames = _plan_slides(grid, options)
    for index, frame in enumerate(frames):
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
        _MapSlide(slide, part, grid, frame, options, report).draw(index, len(frames))
    if options.summary_slide and report is not None:
        _summary_slides(presentation, part, report)
    presentation.save(str(path))


def _plan_slides(grid: Grid, options: ExportOptions) -> list[_Frame]:
    top = MARGIN + (TITLE_H if options.title else 0)
    area_w = SLIDE_W - 2 * MARGIN
    area_h = SLIDE_H - top - MARGIN - (LEGEND_H if options.legend else 0)
    header = grid.metrics.lane_header_width
    height = grid.bounds.height

    def factor(columns: list[Column]) -> float:
        width = header + sum(c.rect.width for c in columns)
        return min(area_w / (width * EMU_PER_PX), area_h / (height * EMU_PER_PX))

    groups: list[list[Column]] = []
    current: list[Column] = []
    for column in grid.columns:
        if current and factor([*current, column]) < MIN_FACTOR:
            groups.append(current)
            current = []
        current.append(column)
    if current:
        groups.append(current)
    frames = []
    for columns in groups:
        f = min(factor(columns), 1.0)
        width = round((header + sum(c.rect.width for c in columns)) * f * EMU_PER_PX)
        frames.append(_Frame(columns, f, MARGIN + (area_w - width) // 2, top))
    return frames


class _MapSlide:
    def __init__(self, slide, journey, grid, frame, options, report: Report | None) -> None:
        self.slide, self.journey, self.grid, self.frame = slide, journey, grid, frame
        self.options, self.report = options, report
        self.shapes = slide.shapes
        self.step_shapes: dict[str, object] = {}

    def draw(self, index: int, count: int) -> None:
        if self.options.title:
            self._title(index, count)
        self._lanes()
        self._stage_headers()
        for step_id, rect in self.grid.step_rects.items():
            if self.journey.steps[step_id].stage_id in self._stage_ids:
                self._step(step_id, rect)
        for link in self.journey.links.values():
            if link.source in self.step_shapes and link.target in self.step_shapes:
                self._link(link)
        if self.options.legend:
            self._legend()

    @property
    def _stage_ids(self) -> set:
        return {c.stage_id for c in self.frame.columns}

    def _box(self, shape_type, x, y, w, h, fill, line=None, name=None):
        shape = self.shapes.add_shape(shape_type, x, y, w, h)
        shape.fill.solid()
        shape.fill.fore_color.rgb = fill
        if line is None:
            shape.line.fill.background()
        else:
            shape.line.color.rgb = line
        shape.shadow.inherit = False
        if name:
            shape.name = name
        return shape

    def _text(self, shape, text: str, size: Pt, bold=False, color=INK, align=PP_ALIGN.LEFT):
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
            setattr(frame, side, Emu(45720))
        lines = text.split("\n")
        for i, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.alignment = align
            run = paragraph.add_run()
            run.text = line
            run.font.size = size
            run.font.bold = bold if i == 0 else False
            run.font.color.rgb = color if i == 0 else SUBTLE

    def _title(self, index: int, count: int) -> None:
        title = self.journey.info.title
        if count > 1:
            names = [c.name or _("No stage") for c in self.frame.columns]
            title += f" — {names[0]}" + (
                _(" to {value}").format(value=names[-1]) if len(names) > 1 else ""
            )
        box = self.shapes.add_textbox(MARGIN, Emu(120000), SLIDE_W - 2 * MARGIN, TITLE_H)
        box.name = "Title"
        self._text(box, title, Pt(22), bold=True)

    def _lanes(self) -> None:
        f, g = self.frame, self.grid
        right = f.x(g, self.frame.columns[-1].rect.right)
        header_w = f.length(g.metrics.lane_header_width)
        for i, lane in enumerate(g.lanes):
            alarm = lane.department_id is None and lane.step_count > 0
            y, h = f.y(lane.rect.y), f.length(lane.rect.height)
            fill = ALARM_FILL if alarm else LANE_FILL[i % 2]
            self._box(MSO_SHAPE.RECTANGLE, f.left, y, right - f.left, h, fill, GRID_LINE,
                      name=f"Lane {lane.name}")  # fmt: skip
            head = self._box(MSO_SHAPE.RECTANGLE, f.left, y, header_w, h,
                             ALARM_FILL if alarm else HEADER_FILL, GRID_LINE,
                             name=f"Lane header {lane.name}")  # fmt: skip
            if lane.department_id is None:
                sub = ngettext(
                    "{n} step nobody owns", "{n} steps nobody owns", lane.step_count
                ).format(n=lane.step_count)
            else:
                sub = plural(lane.step_count, "step")
            self._text(head, f"{lane.name}\n{sub}", f.pt(12), bold=True,
                       color=RED if alarm else INK)  # fmt: skip
            self._box(MSO_SHAPE.RECTANGLE, f.left, y, f.length(8), h,
                      RED if alarm else _rgb(lane.color))  # fmt: skip

    def _stage_headers(self) -> None:
        f, g = self.frame, self.grid
        h = f.length(g.metrics.stage_header_height)
        for column in self.frame.columns:
            x = f.x(g, column.rect.x)
            box = self._box(MSO_SHAPE.RECTANGLE, x, f.top, f.length(column.rect.width), h,
                            HEADER_FILL, GRID_LINE, name=f"Stage {column.name}")  # fmt: skip
            self._text(box, column.name, f.pt(12), bold=True)
            box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def _step(self, step_id: str, rect) -> None:
        f, g = self.frame, self.grid
        step = self.journey.steps[step_id]
        department = self.journey.departments.get(step.department_id or "")
        border = RED if department is None else _rgb(department.color)
        shape = self._box(MSO_SHAPE.ROUNDED_RECTANGLE, f.x(g, rect.x), f.y(rect.y),
                          f.length(rect.width), f.length(rect.height), RGBColor(0xFF, 0xFF, 0xFF),
                          border, name=f"Step {step_id}")  # fmt: skip
        shape.adjustments[0] = 0.1
        shape.line.width = Pt(2.25 if department is None else 1.5)
        details = " · ".join(part for part in (step.channel, _emotion(step.emotion)) if part)
        self._text(shape, step.title + (f"\n{details}" if details else ""), f.pt(CARD_FONT_PT),
                   bold=True)  # fmt: skip
        self.step_shapes[step_id] = shape
        if self.options.findings and self.report is not None:
            findings = self.report.findings_for_step(step_id)
            if findings:
                worst = min(findings, key=lambda x: ("error", "warning", "info").index(x.severity))
                d = f.length(20)
                badge = self._box(MSO_SHAPE.OVAL, f.x(g, rect.right) - d * 3 // 4,
                                  f.y(rect.y) - d // 4, d, d, SEVERITY[worst.severity],
                                  name=f"Badge {step_id}")  # fmt: skip
                self._text(badge, str(len(findings)), f.pt(8), bold=True,
                           color=RGBColor(0xFF, 0xFF, 0xFF), align=PP_ALIGN.CENTER)  # fmt: skip
                badge.text_frame.margin_left = badge.text_frame.margin_right = 0

    def _link(self, link: Link) -> None:
        source, target = self.step_shapes[link.source], self.step_shapes[link.target]
        backward = target.left + target.width <= source.left
        connector = self.shapes.add_connector(MSO_CONNECTOR.CURVE, 0, 0, 0, 0)
        # connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right
        connector.begin_connect(source, 0 if backward else 3)
        connector.end_connect(target, 0 if backward else 1)
        connector.name = f"Link {link.source} -> {link.target}"
        handoff = self.journey.is_handoff(link)
        gap = self.journey.is_gap(link)
        line = connector.line
        if gap and self.options.findings:
            line.color.rgb, line.width = RED, Pt(2)
            line.dash_style = MSO_LINE_DASH_STYLE.DASH
        elif handoff:
            line.color.rgb, line.width = HANDOFF, Pt(1.75)
        else:
            line.color.rgb, line.width = LINK, Pt(1)
        ln = line._get_or_add_ln()  # python-pptx has no API for arrowheads
        tail = ln.find(qn("a:tailEnd"))
        if tail is None:
            tail = ln.makeelement(qn("a:tailEnd"), {})
            ln.append(tail)
        tail.set("type", "triangle")

    def _legend(self) -> None:
        y = SLIDE_H - MARGIN - LEGEND_H + Emu(91440)
        x = MARGIN
        entries = [(d.color, d.name) for d in self.journey.departments_in_order()]
        if any(s.department_id is None for s in self.journey.steps.values()):
            entries.append((palette.ALARM, _("Unassigned")))
        if self.options.findings:
            entries.append((palette.ALARM, _("- - handoff gap (no agreement)")))
        for color, name in entries:
            self._box(MSO_SHAPE.RECTANGLE, x, y + Emu(30000), Emu(140000), Emu(140000), _rgb(color))
            width = Emu(120000 + 80000 * len(name))
            box = self.shapes.add_textbox(x + Emu(170000), y - Emu(30000), width, Emu(260000))
            box.name = f"Legend {name}"
            self._text(box, name, Pt(10))
            x += Emu(170000) + width


def _emotion(emotion: int | None) -> str:
    if emotion is None:
        return ""
    return {
        -2: _("feels −2"),
        -1: _("feels −1"),
        0: _("feels 0"),
        1: _("feels +1"),
        2: _("feels +2"),
    }[emotion]


def _summary_slides(presentation, journey: JourneyMap, report: Report) -> None:
    s = report.summary
    figures = summary_figures(s)
    findings = list(report.findings)
    pages = max(1, -(-len(findings) // FINDINGS_PER_SLIDE))
    for page in range(pages):
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        title = slide.shapes.add_textbox(MARGIN, Emu(120000), SLIDE_W - 2 * MARGIN, TITLE_H)
        suffix = _(" ({value} of {pages})").format(value=page + 1, pages=pages) if pages > 1 else ""
        title.text_frame.text = _("{title}: summary and findings{suffix}").format(
            title=journey.info.title, suffix=suffix
        )
        title.text_frame.paragraphs[0].runs[0].font.size = Pt(22)
        title.text_frame.paragraphs[0].runs[0].font.bold = True
        top = MARGIN + TITLE_H
        if page == 0:
            box = slide.shapes.add_textbox(MARGIN, top, SLIDE_W - 2 * MARGIN, Emu(1100000))
            box.name = _("Summary")
            frame = box.text_frame
            for row, (name, value) in enumerate(figures):
                paragraph = frame.paragraphs[0] if row == 0 else frame.add_paragraph()
                label = paragraph.add_run()
                label.text = f"{name}: "
                label.font.bold = True
                label.font.size = Pt(14)
                figure = paragraph.add_run()
                figure.text = value
                figure.font.size = Pt(14)
            top += Emu(1250000)
        chunk = findings[page * FINDINGS_PER_SLIDE : (page + 1) * FINDINGS_PER_SLIDE]
        if not chunk:
            note = slide.shapes.add_textbox(MARGIN, top, Emu(8000000), Emu(400000))
            note.text_frame.text = _("No findings: every step is owned and every handoff agreed.")
            continue
        rows = len(chunk) + 1
        height = min(SLIDE_H - top - MARGIN, Emu(290000 * rows))
        table = slide.shapes.add_table(rows, 3, MARGIN, top, SLIDE_W - 2 * MARGIN, height).table
        table.columns[0].width = Emu(1150000)
        table.columns[1].width = Emu(1900000)
        table.columns[2].width = SLIDE_W - 2 * MARGIN - Emu(3050000)
        for col, heading in enumerate((_("Severity"), _("Rule"), _("Finding"))):
            table.cell(0, col).text = heading
            table.cell(0, col).text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        for row, finding in enumerate(chunk, start=1):
            severity = _(SEVERITY_WORDS[finding.severity])
            for col, text in enumerate((severity, finding.rule, finding.message)):
                cell = table.cell(row, col)
                cell.text = text
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10)
                        if col == 0:
                            run.font.color.rgb = SEVERITY[finding.severity]
                            run.font.bold = True
