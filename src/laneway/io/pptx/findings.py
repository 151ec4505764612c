"""The summary and findings slides: the figures, then a table of what needs attention.

Errors and warnings are listed (infos too with ``findings_info``). For an excerpt the
findings are the whole map's, those about the steps and links it shows: an excerpt is
not a map, so its own dead ends and empty stages would be false.
"""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.util import Pt

from laneway.analysis import Finding, Report
from laneway.analysis.output import summary_figures
from laneway.i18n import _
from laneway.io.pptx import style
from laneway.io.pptx.shapes import NAMESPACES, Para, Run, emu, fill_xml, paras_xml
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
        suffix = (
            _(" ({number} of {count})").format(number=page + 1, count=len(chunks))
            if len(chunks) > 1
            else ""
        )
        slide = deck.new_slide(
            _("{title}: summary and findings{suffix}").format(
                title=journey.info.title, suffix=suffix
            )
        )
        top = style.MARGIN + style.TITLE_H
        if page == 0:
            top = _summary(slide, report, theme, top, excerpt)
        if not chunk:
            _text(slide, _("Nothing to fix: every step is owned and every handoff agreed."),
                  top, 14, theme.ink, _("No findings"))  # fmt: skip
            continue
        _table(slide, chunk, theme, top)


def _summary(slide, report: Report, theme: Theme, top: float, excerpt: bool) -> float:
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    box = slide.shapes.add_textbox(emu(style.MARGIN), emu(top), emu(width), emu(100))
    box.name = _("Summary")
    frame = box.text_frame
    frame.word_wrap = True
    rows = list(summary_figures(report.summary))
    if excerpt:
        rows.append(
            (_("Shown"), _("the findings of the whole map about the steps on these slides"))
        )
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
    """The table as one DrawingML string (python-pptx's cell API costs ~1 ms a cell)."""
    width = style.SLIDE_W_PT - 2 * style.MARGIN
    row_h = 24.0
    shares = (0.11, 0.19, 0.70)
    fills = (theme.header, *theme.lanes)
    rows = [
        _row((_("Severity"), _("Rule"), _("Finding")), (theme.ink,) * 3, fills[0], row_h, True, 12)
    ]
    for index, finding in enumerate(chunk, start=1):
        severity_color = theme.alarm_text if finding.severity == "error" else theme.ink
        colors = (severity_color, theme.ink, theme.ink)
        texts = (_(style.SEVERITY_WORDS[finding.severity]), finding.rule, finding.message)
        rows.append(_row(texts, colors, fills[1 + index % 2], row_h, False, 11))
    grid = "".join(f'<a:gridCol w="{emu(width * share)}"/>' for share in shares)
    ids = [int(v) for v in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
    height = row_h * (len(chunk) + 1)
    xml = (
        f"<p:graphicFrame {NAMESPACES}><p:nvGraphicFramePr>"
        f'<p:cNvPr id="{max(ids, default=1) + 1}" name="Findings"/><p:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{emu(style.MARGIN)}" y="{emu(top)}"/>'
        f'<a:ext cx="{emu(width)}" cy="{emu(height)}"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
        f'<a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>{grid}</a:tblGrid>'
        + "".join(rows)
        + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    )
    slide.shapes._spTree.append(etree.fromstring(xml.encode("utf-8")))


def _row(texts, colors, fill: str, height: float, bold: bool, size: float) -> str:
    cells = "".join(
        "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>"
        + paras_xml([Para((Run(text, size, color, bold or index == 0),))])
        + f"</a:txBody><a:tcPr>{fill_xml(fill)}</a:tcPr></a:tc>"
        for index, (text, color) in enumerate(zip(texts, colors, strict=True))
    )
    return f'<a:tr h="{emu(height)}">{cells}</a:tr>'
