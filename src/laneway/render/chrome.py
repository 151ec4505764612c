"""What frames an exported map: the title block, and plates that keep text readable.

A transparent picture is laid on slides of any colour: its title and legend stand on
a plate of the style's own background, so dark text stays on light ground (and light
text on dark ground in the dark style) whatever the slide behind it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from laneway.analysis import Summary
from laneway.canvas import Style
from laneway.canvas.text import elide, make_font
from laneway.i18n import _, ngettext
from laneway.i18n.formatting import format_day, format_percent
from laneway.model import JourneyMap
from laneway.model.wording import plural

PLATE_ALPHA = 235


def subtitle(journey: JourneyMap, shown_steps: int, summary: Summary | None, page: str = "") -> str:
    """The line under the title: steps shown, the date, coverage (annotated only), page."""
    total = len(journey.steps)
    if shown_steps == total:
        steps = plural(total, "step")
    else:
        steps = ngettext("{shown} of {total} step", "{shown} of {total} steps", total).format(
            shown=shown_steps, total=total
        )
    parts = [steps, format_day(date.today())]
    if summary is not None:
        ownership = format_percent(summary.ownership_coverage)
        parts.append(_("ownership {ownership}").format(ownership=ownership))
        handoffs = format_percent(summary.handoff_coverage)
        parts.append(_("handoffs agreed {handoffs}").format(handoffs=handoffs))
    if page:
        parts.append(page)
    return " · ".join(parts)


def paint_title(
    painter: QPainter,
    rect: QRectF,
    title: str,
    line: str,
    style: Style,
    sizes: tuple[float, float],
    plate: bool,
) -> None:
    """The map's title and ``line`` in ``rect``, at ``sizes`` (title, line) points."""
    title_size, line_size = sizes
    title_font = make_font(style.font_family, title_size, bold=True)
    line_font = make_font(style.font_family, line_size)
    title_box = QRectF(rect.x(), rect.y(), rect.width(), title_size * 1.6)
    line_box = QRectF(rect.x(), title_box.bottom(), rect.width(), line_size * 1.7)
    title = elide(title, title_font, rect.width())
    line = elide(line, line_font, rect.width())
    if plate:
        from PySide6.QtGui import QFontMetricsF

        wide = max(
            QFontMetricsF(title_font).horizontalAdvance(title),
            QFontMetricsF(line_font).horizontalAdvance(line),
        )
        paint_plate(painter, QRectF(rect.x(), rect.y(), wide, line_box.bottom() - rect.y()), style)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.setFont(title_font)
    painter.setPen(QColor(style.header_text))
    painter.drawText(title_box, flags, title)
    painter.setFont(line_font)
    painter.setPen(QColor(style.card_subtle_text))
    painter.drawText(line_box, flags, line)


def paint_plate(painter: QPainter, rect: QRectF, style: Style, pad: float = 6.0) -> None:
    """A rounded plate of the style's background behind ``rect`` (padded)."""
    color = QColor(style.lane_fill)
    color.setAlpha(PLATE_ALPHA)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(rect.adjusted(-pad, -pad / 2, pad, pad / 2), pad, pad)
    painter.restore()
