"""Pure geometry, no Qt: lanes, stage columns, cells, placement, tidy layout and the
emotion curve."""

from laneway.layout.cells import Cell, cell_of, has_no_stage_column, steps_by_cell
from laneway.layout.emotion_curve import CurveLine, CurvePoint, EmotionCurve, emotion_curve
from laneway.layout.geometry import Metrics, Rect
from laneway.layout.grid import NO_STAGE_NAME, UNASSIGNED_NAME, Column, Grid, Lane, compute_grid
from laneway.layout.placement import cards_in_cell, free_spot, next_spot, paste_spots
from laneway.layout.tidy import journey_ranks, tidy_positions

__all__ = [
    "NO_STAGE_NAME",
    "UNASSIGNED_NAME",
    "Cell",
    "Column",
    "CurveLine",
    "CurvePoint",
    "EmotionCurve",
    "Grid",
    "Lane",
    "Metrics",
    "Rect",
    "cards_in_cell",
    "cell_of",
    "compute_grid",
    "emotion_curve",
    "free_spot",
    "has_no_stage_column",
    "journey_ranks",
    "next_spot",
    "paste_spots",
    "steps_by_cell",
    "tidy_positions",
]
