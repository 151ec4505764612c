"""Colours, fonts and sizes of the slides, light and dark (plain hex, no Qt).

Sizes are in points. The slide's layout units are points at scale 1 (``SLIDE_METRICS``);
a slide is drawn at the scale that fills its map area, and every text is at least the
floor SPEC §6 sets for the map's size (``Floors``).
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.i18n import N_
from laneway.layout import Metrics
from laneway.model import palette

#: 13.333 in × 7.5 in, in points and in EMU.
SLIDE_W_PT, SLIDE_H_PT = 960.0, 540.0
EMU_PER_PT = 12700
FONT = "Arial"
MARGIN = 12.0
TITLE_H = 34.0
TITLE_PT = 22.0
LEGEND_H = 18.0
LEGEND_PT = 10.0
#: The largest scale a slide is drawn at (a small map does not get huge cards).
MAX_SCALE = 1.35

#: The grid of a slide, in points at scale 1, sized for a 12 pt step title.
SLIDE_METRICS = Metrics(
    card_width=120.0,
    card_height=56.0,
    gap_x=24.0,
    gap_y=14.0,
    cell_padding=6.0,
    lane_header_width=100.0,
    stage_header_height=24.0,
    min_lane_height=68.0,
    min_column_width=132.0,
    empty_column_width=56.0,
    empty_lane_height=26.0,
)
#: Text sizes at scale 1 (points); drawn at ``size × scale``, never under the floor.
CARD_TITLE = 12.0
CARD_DETAIL = 9.0
HEADER = 12.0
SMALL = 9.0


@dataclass(frozen=True)
class Floors:
    """SPEC §6: the smallest step title and smallest other text on a 16:9 slide."""

    title: float
    small: float

    @classmethod
    def for_steps(cls, steps: int) -> Floors:
        if steps <= 20:
            return cls(12.0, 9.0)
        return cls(10.0, 8.0)

    @property
    def min_scale(self) -> float:
        """The smallest scale at which the step titles meet the floor."""
        return self.title / CARD_TITLE


@dataclass(frozen=True)
class Theme:
    background: str
    ink: str
    subtle: str
    header: str
    lanes: tuple[str, str]
    grid: str
    card: str
    card_border: str
    link: str
    handoff: str
    alarm: str
    alarm_fill: str
    alarm_text: str
    marker_fill: str
    dark: bool


LIGHT = Theme(
    background="#ffffff",
    ink=palette.INK,
    subtle=palette.SUBTLE_INK,
    header=palette.HEADER_FILL,
    lanes=(palette.LANE_FILL, palette.PRINT_LANE_FILL_ALT),
    grid=palette.GRID_LINE,
    card="#ffffff",
    card_border=palette.CARD_BORDER,
    link=palette.LINK,
    handoff=palette.HANDOFF,
    alarm=palette.ALARM,
    alarm_fill=palette.ALARM_FILL,
    alarm_text=palette.ALARM_TEXT,
    marker_fill="#ffffff",
    dark=False,
)

DARK = Theme(
    background="#16191d",
    ink="#e8ecf1",
    subtle="#b4bcc8",
    header="#262b32",
    lanes=("#1c2026", "#20252b"),
    grid="#3a414b",
    card="#2a3038",
    card_border="#5a6472",
    link="#9aa5b1",
    handoff="#d0d7e0",
    alarm="#ff6b6b",
    alarm_fill="#3a2224",
    alarm_text="#ff9b9b",
    marker_fill="#2a3038",
    dark=True,
)

SEVERITY_SHAPES = {"error": "octagon", "warning": "diamond", "info": "ellipse"}
#: The severities as the findings table and the legend name them.
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
SEVERITY_COLORS = dict(palette.SEVERITY_COLORS)
#: Text on a severity badge: dark on the light amber and blue (white on orange is 2.7:1).
SEVERITY_TEXT = {"error": "#ffffff", "warning": "#1f2933", "info": "#ffffff"}


def theme_for(dark: bool) -> Theme:
    return DARK if dark else LIGHT


def hex6(color: str | None, default: str) -> str:
    """``#rrggbb`` as the ``RRGGBB`` DrawingML wants."""
    value = (color or default).lstrip("#").upper()
    return value if len(value) == 6 else default.lstrip("#").upper()
