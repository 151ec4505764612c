"""Which lane and which column a step belongs to, and who shares its cell."""

from __future__ import annotations

from laneway.model import JourneyMap

Cell = tuple[str | None, str | None]  # (department id or None, stage id or None)


def cell_of(journey: JourneyMap, step_id: str) -> Cell:
    step = journey.steps[step_id]
    return (step.department_id, step.stage_id)


def steps_by_cell(journey: JourneyMap) -> dict[Cell, list[str]]:
    cells: dict[Cell, list[str]] = {}
    for step in journey.steps.values():
        cells.setdefault((step.department_id, step.stage_id), []).append(step.id)
    return cells


def has_no_stage_column(journey: JourneyMap) -> bool:
    """A "No stage" column shows when a step has no stage, or the map has no stages."""
    return not journey.stages or any(s.stage_id is None for s in journey.steps.values())
