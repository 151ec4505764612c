"""Finding badges: one shape per severity, so a badge reads without its colour.

An error is a diamond, a warning a triangle, an info a circle (shapes told apart even
at a badge's size, where an octagon would pass for a circle); the number inside is how
many findings the card has. ``describe_badges`` is what a
legend says about them (the canvas status bar, and any export's legend).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from laneway.canvas.style import Style, text_color_on
from laneway.canvas.text import make_font
from laneway.i18n import N_, _

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class BadgeKind:
    severity: str
    shape: str
    #: What a legend says about it, e.g. "Diamond: errors to fix".
    meaning: str

    @property
    def legend(self) -> str:
        """ "Diamond: errors to fix …", in the current language."""
        shape = _(SHAPE_WORDS[self.shape])
        return _("{shape}: {meaning}").format(shape=shape, meaning=_(self.meaning))

    @property
    def word(self) -> str:
        """The severity's name ("error"), in the current language."""
        return _(SEVERITY_WORDS[self.severity])


#: The badges' shapes and severities as the legends name them.
SHAPE_WORDS = {"diamond": N_("Diamond"), "triangle": N_("Triangle"), "circle": N_("Circle")}
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

BADGES: tuple[BadgeKind, ...] = (
    BadgeKind("error", "diamond", N_("errors to fix (the number says how many findings)")),
    BadgeKind("warning", "triangle", N_("warnings worth a look")),
    BadgeKind("info", "circle", N_("information")),
)


def describe_badges() -> list[BadgeKind]:
    """The badge shapes and what they mean, worst first (for legends)."""
    return list(BADGES)


def severity_color(style: Style, severity: str) -> str:
    return {"error": style.error, "warning": style.warning, "info": style.info}[severity]


def badge_path(severity: str, center: QPointF, radius: float) -> QPainterPath:
    """The badge's outline: diamond, triangle or circle around ``center``."""
    path = QPainterPath()
    cx, cy = center.x(), center.y()
    if severity == "error":
        r = radius * 1.25  # a diamond of one radius looks smaller than the circle
        corners = [
            QPointF(cx, cy - r),
            QPointF(cx + r, cy),
            QPointF(cx, cy + r),
            QPointF(cx - r, cy),
        ]
        path.addPolygon(QPolygonF([*corners, corners[0]]))
    elif severity == "warning":
        r = radius * 1.15  # a triangle looks smaller than a circle of one radius
        corners = [
            QPointF(cx, cy - r),
            QPointF(cx + r * 0.95, cy + r * 0.7),
            QPointF(cx - r * 0.95, cy + r * 0.7),
        ]
        path.addPolygon(QPolygonF([*corners, corners[0]]))
    else:
        path.addEllipse(center, radius, radius)
    return path


def paint_badge(
    painter: QPainter, style: Style, severity: str, center: QPointF, radius: float, text: str
) -> None:
    """A badge of ``severity`` with ``text`` (a count) inside, outlined in the card fill."""
    color = severity_color(style, severity)
    painter.setPen(QPen(QColor(style.card_fill), 2))
    painter.setBrush(QColor(color))
    painter.drawPath(badge_path(severity, center, radius))
    if not text:
        return
    painter.setPen(QColor(text_color_on(color)))
    painter.setFont(make_font(style.font_family, style.pt(8), bold=True))
    low = 0.25 * radius if severity == "warning" else 0.0  # the triangle's middle is low
    box = QRectF(center.x() - radius, center.y() - radius + low, 2 * radius, 2 * radius)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
