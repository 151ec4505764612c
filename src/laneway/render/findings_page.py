"""The findings as information: pages listing them after a clean export's map pages
(``--no-findings --findings-info``): the map stays clean, the list is there to read."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPagedPaintDevice, QPainter

from laneway.analysis import Finding, analyze
from laneway.canvas.badges import SEVERITY_WORDS
from laneway.canvas.text import make_font, wrap_lines
from laneway.i18n import _
from laneway.render.pages import PAGE_MARGIN, PageFrame

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
TEXT_PT = 11.0
HEADING_PT = 16.0


def findings_lines(frame: PageFrame) -> list[tuple[str, str]]:
    """(severity, sentence) of every finding of the map, worst first, in the map's order."""
    report = analyze(frame.source)
    findings: list[Finding] = sorted(
        report.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3)
    )
    return [(f.severity, f.message) for f in findings]


def paint_findings_pages(device: QPagedPaintDevice, painter: QPainter, frame: PageFrame) -> int:
    """Paint the findings list on new pages of ``device``; the number of pages painted."""
    style = frame.style
    font = make_font(style.font_family, TEXT_PT)
    heading = make_font(style.font_family, HEADING_PT, bold=True)
    line_height = QFontMetricsF(font).height() * 1.25
    width = frame.width - 2 * PAGE_MARGIN - 60
    rows: list[tuple[str, str]] = []
    for severity, message in findings_lines(frame):
        for index, line in enumerate(wrap_lines(message, font, width, 6)):
            rows.append((severity if index == 0 else "", line))
    top = PAGE_MARGIN + HEADING_PT * 2.2
    per_page = max(1, int((frame.height - top - PAGE_MARGIN) / line_height))
    pages = 0
    for start in range(0, max(len(rows), 1), per_page):
        device.newPage()
        pages += 1
        if frame.options.background != "transparent":
            painter.fillRect(QRectF(0, 0, frame.width, frame.height), QColor(style.background))
        painter.setFont(heading)
        painter.setPen(QColor(style.header_text))
        title = _("{title}: findings, for information").format(title=frame.source.info.title)
        painter.drawText(QPointF(PAGE_MARGIN, PAGE_MARGIN + HEADING_PT), title)
        painter.setFont(font)
        y = top
        for severity, line in rows[start : start + per_page] or [("", _("No findings."))]:
            painter.setPen(QColor(style.card_subtle_text))
            painter.drawText(
                QPointF(PAGE_MARGIN, y), _(SEVERITY_WORDS[severity]) if severity else ""
            )
            painter.setPen(QColor(style.card_text))
            painter.drawText(QPointF(PAGE_MARGIN + 60, y), line)
            y += line_height
    return pages
