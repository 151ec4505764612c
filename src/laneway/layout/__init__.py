"""Pure geometry, no Qt: lanes, stage columns, cells, placement, the compact arrangement,
page planning, the emotion curve and (in ``laneway.layout.routing``) the link router."""

from laneway.layout.arrange import Arrangement, arrange
from laneway.layout.cells import Cell, cell_of, has_no_stage_column, steps_by_cell
from laneway.layout.emotion_curve import CurveLine, CurvePoint, EmotionCurve, emotion_curve
from laneway.layout.geometry import Metrics, Rect
from laneway.layout.grid import (
    NO_STAGE_NAME,
    UNASSIGNED_NAME,
    Column,
    Grid,
    Lane,
    compute_grid,
    fill_ratio,
)
from laneway.layout.pages import plan_pages, range_size
from laneway.layout.placement import cards_in_cell, free_spot, next_spot, paste_spots
from laneway.layout.targets import (
    A4_LANDSCAPE,
    LETTER_LANDSCAPE,
    POSTER_A0,
    POSTER_A1,
    SCREEN,
    SLIDE_16_9,
    Target,
)
from laneway.layout.tidy import journey_ranks, tidy_positions

__all__ = [
    "A4_LANDSCAPE",
    "LETTER_LANDSCAPE",
    "NO_STAGE_NAME",
    "POSTER_A0",
    "POSTER_A1",
    "SCREEN",
    "SLIDE_16_9",
    "UNASSIGNED_NAME",
    "Arrangement",
    "Cell",
    "Column",
    "CurveLine",
    "CurvePoint",
    "EmotionCurve",
    "Grid",
    "Lane",
    "Metrics",
    "Rect",
    "Target",
    "arrange",
    "cards_in_cell",
    "cell_of",
    "compute_grid",
    "emotion_curve",
    "fill_ratio",
    "free_spot",
    "has_no_stage_column",
    "journey_ranks",
    "next_spot",
    "paste_spots",
    "plan_pages",
    "range_size",
    "steps_by_cell",
    "tidy_positions",
]
