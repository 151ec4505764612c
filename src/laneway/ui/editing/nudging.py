"""Alt+arrows: the selected cards move one cell — a lane up or down, a stage left or
right — as one edit and so one undo step.

Lanes are counted as drawn (Unassigned on top, then the departments in order) and
columns as drawn (the stages in order, then "No stage" when it shows). A card keeps its
place inside the cell when that is free and takes the nearest free spot otherwise; a
card already at the edge stays where it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from laneway.i18n import _
from laneway.layout import Grid, Rect, cards_in_cell, free_spot
from laneway.layout.placement import Occupancy
from laneway.model import JourneyMap
from laneway.model.wording import plural
from laneway.ui.editing.session import MapSession

Cell = tuple[str | None, str | None]


def nudge_steps(
    session: MapSession, grid: Grid, step_ids: Iterable[str], lanes: int, stages: int
) -> bool:
    """Move each step ``lanes`` lanes down (negative: up) and ``stages`` columns right
    (negative: left); True when any moved."""
    journey = session.journey
    chosen = [s for s in sorted(step_ids) if s in journey.steps]
    targets = _target_cells(journey, grid, chosen, lanes, stages)
    if not targets:
        return False
    metrics = grid.metrics.base()
    moving = set(targets)
    taken: dict[Cell, Occupancy] = {}
    updates: dict[str, dict] = {}
    for step_id, (department_id, stage_id) in targets.items():
        step = journey.steps[step_id]
        if (department_id, stage_id) not in taken:
            cards = cards_in_cell(journey, department_id, stage_id, metrics, ignore=moving)
            taken[(department_id, stage_id)] = Occupancy(cards, metrics)
        occupancy = taken[(department_id, stage_id)]
        near = (step.x, step.y) if step.x is not None and step.y is not None else None
        x, y = free_spot(journey, department_id, stage_id, near, metrics, taken=occupancy)
        occupancy.add(Rect(x, y, metrics.card_width, metrics.card_height))
        updates[step_id] = {"department_id": department_id, "stage_id": stage_id, "x": x, "y": y}

    def change(journey: JourneyMap) -> None:
        for step_id, values in updates.items():
            journey.update_step(step_id, **values)

    return session.run_edit(_label(journey, updates, lanes), change) is not None


def _target_cells(
    journey: JourneyMap, grid: Grid, step_ids: list[str], lanes: int, stages: int
) -> dict[str, Cell]:
    lane_order = [lane.department_id for lane in grid.lanes]
    column_order = [column.stage_id for column in grid.columns]
    targets: dict[str, Cell] = {}
    for step_id in step_ids:
        step = journey.steps[step_id]
        if step.department_id not in lane_order or step.stage_id not in column_order:
            continue
        lane = lane_order.index(step.department_id) + lanes
        column = column_order.index(step.stage_id) + stages
        if 0 <= lane < len(lane_order) and 0 <= column < len(column_order):
            cell = (lane_order[lane], column_order[column])
            if cell != (step.department_id, step.stage_id):
                targets[step_id] = cell
    return targets


def _label(journey: JourneyMap, updates: dict[str, dict], lanes: int) -> str:
    if len(updates) != 1:
        return _("Move {value}").format(value=plural(len(updates), "step"))
    [(step_id, values)] = updates.items()
    title = journey.steps[step_id].title
    if lanes:
        owner = journey.department_name(values["department_id"]) or "nobody"
        return _("Give '{title}' to {owner}").format(title=title, owner=owner)
    stage = journey.stage_name(values["stage_id"]) or _("no stage")
    return _("Move '{title}' to {stage}").format(title=title, stage=stage)
