"""The legend under an exported map: departments, link kinds and finding badges.

Entries flow into as many rows as the width needs (a long department name is
shortened, never pushes the rest off the picture). Colours come from the style the
map is drawn in, so the legend shows what the map shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from laneway.canvas import Style
from laneway.canvas.badges import badge_path, describe_badges, severity_color
from laneway.canvas.text import elide
from laneway.i18n import _
from laneway.model import JourneyMap, palette

#: A department name wider than this many ems is shortened (other labels are short).
NAME_EMS = 16.0
SWATCH = 1.1  # swatch and badge size, in ems
LINE = 2.6  # link sample length, in ems


@dataclass(frozen=True)
class Entry:
    kind: str  # "swatch", "line" or "badge"
    color: str
    label: str
    dashed: bool = False
    width: float = 1.5
    #: A department's name: shortened when very long (the other labels are ours).
    name: bool = False
    #: A badge entry's severity (its shape: diamond, triangle or circle).
    severity: str = ""


def legend_entries(journey: JourneyMap, style: Style, findings: bool) -> list[Entry]:
    departments = journey.departments_in_order()
    shown = palette.display_colors((d.id, d.color) for d in departments)  # as the map draws
    entries = [Entry("swatch", shown.get(d.id, d.color), d.name, name=True) for d in departments]
    if any(step.department_id is None for step in journey.steps.values()):
        if findings:
            entries.append(Entry("swatch", style.error, _("Unassigned (nobody owns it)")))
        else:
            entries.append(Entry("swatch", style.unassigned_fill, _("Unassigned")))
    entries.append(Entry("line", style.link, _("same department")))
    entries.append(Entry("line", style.handoff, _("handoff"), width=2.4))
    if findings:
        entries.append(Entry("line", style.gap, _("? handoff gap (no agreement)"), True, 2.6))
        for badge in describe_badges():  # the canvas's own shapes and words
            color = severity_color(style, badge.severity)
            entries.append(Entry("badge", color, _(badge.meaning), severity=badge.severity))
    return entries


@dataclass(frozen=True)
class Legend:
    """Entries laid out in rows: (entry, x offset, its label shortened) per row."""

    rows: list[list[tuple[Entry, float, str]]]
    font: QFont
    row_height: float

    @property
    def height(self) -> float:
        return len(self.rows) * self.row_height


def lay_out(entries: list[Entry], font: QFont, width: float) -> Legend:
    metrics = QFontMetricsF(font)
    em = font.pointSizeF()
    rows: list[list[tuple[Entry, float, str]]] = [[]]
    x = 0.0
    for entry in entries:
        label = elide(entry.label, font, NAME_EMS * em) if entry.name else entry.label
        lead = (LINE if entry.kind == "line" else SWATCH * 1.25) * em + 0.5 * em
        size = lead + metrics.horizontalAdvance(label) + 1.6 * em
        if x > 0 and x + size > width:
            rows.append([])
            x = 0.0
        rows[-1].append((entry, x, label))
        x += size
    return Legend(rows if rows[0] else [], font, em * 1.9)


def paint_legend(painter: QPainter, legend: Legend, origin: QPointF, style: Style) -> None:
    painter.save()
    painter.setFont(legend.font)
    metrics = QFontMetricsF(legend.font)
    em = legend.font.pointSizeF()
    for index, row in enumerate(legend.rows):
        cy = origin.y() + (index + 0.5) * legend.row_height
        for entry, dx, label in row:
            x = origin.x() + dx
            lead = _paint_sample(painter, entry, QPointF(x, cy), em, style)
            painter.setPen(QColor(style.header_text))
            painter.drawText(
                QPointF(x + lead, cy + metrics.ascent() / 2 - metrics.descent() / 2), label
            )
    painter.restore()


def _paint_sample(painter: QPainter, entry: Entry, at: QPointF, em: float, style: Style) -> float:
    """Draw the entry's sample at ``at`` (left, vertical centre); its width with spacing."""
    size = SWATCH * em
    if entry.kind == "swatch":
        painter.setPen(QPen(QColor(style.card_border), 0.6))
        painter.setBrush(QColor(entry.color))
        painter.drawRect(QRectF(at.x(), at.y() - size / 2, size, size))
        return size + 0.5 * em
    if entry.kind == "line":
        dash = Qt.PenStyle.DashLine if entry.dashed else Qt.PenStyle.SolidLine
        painter.setPen(QPen(QColor(entry.color), entry.width, dash))
        painter.drawLine(at, QPointF(at.x() + LINE * em, at.y()))
        return LINE * em + 0.5 * em
    painter.setPen(QPen(QColor(style.card_fill), 1.2))
    painter.setBrush(QColor(entry.color))
    painter.drawPath(badge_path(entry.severity, QPointF(at.x() + size / 2, at.y()), size / 2))
    return size + 0.5 * em


def _luminance(color: str) -> float:
    value = QColor(color)

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (value.redF(), value.greenF(), value.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
