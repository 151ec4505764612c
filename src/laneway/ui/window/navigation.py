"""Arrow keys on the canvas: the selection goes from card to card.

Left and Right follow the lane (the nearest card that way in the same lane, else the
nearest card that way at all); Up and Down follow the stage column the same way. With
nothing selected an arrow picks the first card in reading order. Geometry comes from
the grid (where every card sits), so no painting is involved.
"""

from __future__ import annotations

from typing import Literal

from laneway.layout import Grid
from laneway.model import JourneyMap
from laneway.operations.searching import reading_order

Direction = Literal["left", "right", "up", "down"]
#: How much a step sideways counts against one forward, when leaving the lane (column).
SIDEWAYS_WEIGHT = 2.0


def neighbour(
    journey: JourneyMap, grid: Grid, step_id: str | None, direction: Direction
) -> str | None:
    """The card an arrow key selects from ``step_id`` (None: there is none that way)."""
    if step_id is None or step_id not in grid.step_offsets:
        order = reading_order(journey)
        return order[0] if order else None
    rects = grid.step_rects
    cx, cy = rects[step_id].center
    horizontal = direction in ("left", "right")
    sign = 1 if direction in ("right", "down") else -1
    department_id, stage_id = grid.step_cells[step_id]
    best: tuple[bool, float, str] | None = None
    for other, rect in rects.items():
        if other == step_id:
            continue
        ox, oy = rect.center
        ahead, aside = (ox - cx, oy - cy) if horizontal else (oy - cy, ox - cx)
        if ahead * sign <= 1:
            continue
        other_department, other_stage = grid.step_cells[other]
        same_line = other_department == department_id if horizontal else other_stage == stage_id
        score = (not same_line, abs(ahead) + SIDEWAYS_WEIGHT * abs(aside), other)
        if best is None or score < best:
            best = score
    return best[2] if best is not None else None
