"""The summary and findings slides: the figures, then a table of what needs attention.

Errors and warnings are listed (infos too with ``findings_info``). For an excerpt the
findings are the whole map's, those about the steps and links it shows: an excerpt is
not a map, so its own dead ends and empty stages would be false.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.util import Pt

from laneway.analysis import Finding, Report
from laneway.analysis.output import summary_figures
from laneway.io.pptx import style
from laneway.io.pptx.shapes import emu
from laneway.io.pptx.style import Theme
from laneway.model import JourneyMap

ROWS_PER_SLIDE = 12
_FIRST_SLIDE_ROWS = 8


def listed_findings(
    report: Report, journey: JourneyMap, shown: set[str] | None, with_info: bool
) -> list[Finding]:
    """The findings the table lists, errors first; ``shown``: the excerpt's steps."""
    severities = ("error", "warning", "info") if with_info else ("error", "warning")
    shown_links = None
    if shown is not None:
        shown_links = {
            key for key, link in journey.links.items() if {link.source, link.target} <= shown
        }
    listed = []
    for finding in report.findings:
        if finding.severity not in severities:
            continue
        if shown is not None and not (
            set(finding.step_ids) & shown or set(finding.link_ids) & (shown_links or set())
        ):
            continue
        listed.append(finding)
    listed.sort(key=lambda f: severities.index(f.severity))
    return listed


def add_findings_slides(deck, journey: JourneyMap, report: Report, findings: list[Finding],
                        theme: Theme, excerpt: bool) -> None:  # fmt: skip
    """The summary figures and the findings table, as many slides as the table needs."""
    chunks = [findings[:_FIRST_SLIDE_ROWS]]
    rest = findings[_FIRST_SLIDE_ROWS:]
    while rest:
        chunks.append(rest[:ROWS_PER_SLIDE])
        rest = rest[ROWS_PER_SLIDE:]
    for page, chunk in enumerate(chunks):
        suffix = f" ({page + 1} of {len(chunks)})" if len(chunks) > 1 else ""
        slide = deck.new_slide(f"{journey.info.title}: summary and findings{suffix}")
        top = style.MARGIN + style.TITLE_H
        if page == 0:
            top = _summary(slide, report, theme, top, excerpt)
        if not chunk:
            _text(slide, "Nothing to fix: every step is owned and every handoff agreed.",
                  top, 14, theme.ink, "No findings")  # fmt: skip
            continue
        _table(slide, chunk, theme, top)


def _summary(slide, report: Report, theme: Theme, top: float, excerpt: bool) -> float:
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    box = slide.shapes.add_textbox(emu(style.MARGIN), emu(top), emu(width), emu(100))
    box.name = "Summary"
    frame = box.text_frame
    frame.word_wrap = True
    rows = list(summary_figures(report.summary))
    if excerpt:
        rows.append(("Shown", "the findings of the whole map about the steps on these slides"))
    for index, (name, value) in enumerate(rows):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        for text, bold in ((f"{name}: ", True), (value, False)):
            run = paragraph.add_run()
            run.text = text
            run.font.bold = bold
            run.font.size = Pt(14)
            run.font.name = style.FONT
            run.font.color.rgb = RGBColor.from_string(style.hex6(theme.ink, "#000000"))
    return top + 20 * len(rows) + 12


def _text(slide, text: str, top: float, size: float, color: str, name: str) -> None:
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    box = slide.shapes.add_textbox(emu(style.MARGIN), emu(top), emu(width), emu(size * 2))
    box.name = name
    box.text_frame.text = text
    run = box.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(size)
    run.font.name = style.FONT
    run.font.color.rgb = RGBColor.from_string(style.hex6(color, "#000000"))


def _table(slide, chunk: list[Finding], theme: Theme, top: float) -> None:
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    height = min(style.SLIDE_H_PT - top - style.MARGIN, 24.0 * (len(chunk) + 1))
    shape = slide.shapes.add_table(len(chunk) + 1, 3, emu(style.MARGIN), emu(top), emu(width),
                                   emu(height))  # fmt: skip
    shape.name = "Findings"
    table = shape.table
    for column, share in enumerate((0.11, 0.19, 0.70)):
        table.columns[column].width = emu(width * share)
    fills = (theme.header, *theme.lanes)
    for col, heading in enumerate(("Severity", "Rule", "Finding")):
        _cell(table.cell(0, col), heading, theme.ink, fills[0], bold=True, size=12)
    for row, finding in enumerate(chunk, start=1):
        fill = fills[1 + row % 2]
        severity_color = theme.alarm_text if finding.severity == "error" else theme.ink
        _cell(table.cell(row, 0), finding.severity, severity_color, fill, bold=True)
        _cell(table.cell(row, 1), finding.rule, theme.ink, fill)
        _cell(table.cell(row, 2), finding.message, theme.ink, fill)


def _cell(cell, text: str, color: str, fill: str, bold: bool = False, size: float = 11) -> None:
    cell.text = text
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(style.hex6(fill, "#ffffff"))
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = style.FONT
            run.font.color.rgb = RGBColor.from_string(style.hex6(color, "#000000"))
