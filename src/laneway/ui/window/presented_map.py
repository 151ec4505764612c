"""The map as presentation mode shows it: arranged for the screen, whole or by stage range.

Presenting never edits the map. It shows a copy: the stored layout when it already
fills the screen well, else the compact arrangement (``layout.arrange``) shaped for the
screen's aspect — a map stored as a ribbon fills the screen instead of a band across
its middle. The stage-by-stage walk shows excerpts: the steps of a run of consecutive
stages, only the lanes that hold them (and the Unassigned lane, always), arranged for
the screen, so each range is as large as it can be. Qt-free: plain geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from laneway.layout import Metrics, Target, arrange, compute_grid
from laneway.model import JourneyMap

#: The arrangement replaces the stored layout only when it fits the screen this much better.
BETTER_FIT = 1.05


@dataclass(frozen=True)
class Presented:
    """A copy of the map to show, and whether its cards were arranged for the screen."""

    journey: JourneyMap
    arranged: bool
    #: The stage ids it shows (every stage for the whole map).
    stage_ids: tuple[str | None, ...]


def fit_scale(journey: JourneyMap, target: Target, metrics: Metrics | None = None) -> float:
    """How much the map's grid (at 1×) is scaled to fit the target, as stored."""
    bounds = compute_grid(journey, (metrics or Metrics()).base()).bounds
    return target.fit_scale(bounds.width, bounds.height)


def presented(journey: JourneyMap, target: Target, metrics: Metrics | None = None) -> Presented:
    """The whole map for ``target``: stored layout, or arranged when that fills it better."""
    copy = journey.copy()
    copy.require_transaction = False
    stages = tuple(stage.id for stage in journey.stages_in_order())
    if not copy.steps:
        return Presented(copy, False, stages)
    base = (metrics or Metrics()).base()
    arrangement = arrange(copy, target, base)
    stored = fit_scale(copy, target, base)
    if target.fit_scale(arrangement.width, arrangement.height) <= stored * BETTER_FIT:
        return Presented(copy, False, stages)
    for step_id, (x, y) in arrangement.positions.items():
        copy.update_step(step_id, x=x, y=y)
    return Presented(copy, True, stages)


def excerpt(
    journey: JourneyMap,
    stage_ids: Sequence[str | None],
    target: Target,
    metrics: Metrics | None = None,
) -> Presented:
    """The steps of ``stage_ids`` with the lanes that hold them, arranged for ``target``."""
    wanted = set(stage_ids)
    copy = journey.copy()
    copy.require_transaction = False
    for step in list(copy.steps.values()):
        if step.stage_id not in wanted:
            copy.remove_step(step.id)
    busy = {step.department_id for step in copy.steps.values()}
    for department in list(copy.departments.values()):
        if department.id not in busy:
            copy.remove_department(department.id)
    for stage in list(copy.stages.values()):
        if stage.id not in wanted:
            copy.remove_stage(stage.id)
    if copy.steps:
        arrangement = arrange(copy, target, (metrics or Metrics()).base())
        for step_id, (x, y) in arrangement.positions.items():
            copy.update_step(step_id, x=x, y=y)
    ordered = tuple(s.id for s in journey.stages_in_order() if s.id in wanted)
    return Presented(copy, True, (*ordered, None) if None in wanted else ordered)


def stage_ranges(
    journey: JourneyMap, target: Target, min_scale: float, metrics: Metrics | None = None
) -> list[tuple[str | None, ...]]:
    """Runs of consecutive stages for the stage walk, each shown as an ``excerpt``.

    A run takes the next stage while its excerpt still fits ``target`` at ``min_scale``
    or more (a stage too big on its own gets a run of its own); an empty stage travels
    with the stage before it (the first ones with the next), so no run is only empty
    stages. A map with no step or no stage is one run.
    """
    stages = [stage.id for stage in journey.stages_in_order()]
    busy: set[str | None] = {step.stage_id for step in journey.steps.values()}
    if not stages or not busy & set(stages):
        return [(*stages, None)]
    runs: list[list[str | None]] = []
    current: list[str | None] = []
    pending: list[str | None] = []  # empty stages waiting for a busy one
    for stage_id in stages:
        if stage_id not in busy:
            (current if current else pending).append(stage_id)
            continue
        trial = [*current, *pending, stage_id]
        if current and _scale(journey, trial, target, metrics) < min_scale:
            runs.append(current)
            trial = [*pending, stage_id]
        current, pending = trial, []
    current.extend(pending)
    runs.append(current)
    if None in busy:  # the "No stage" column comes last, on its own
        runs.append([None])
    return [tuple(run) for run in runs]


def _scale(
    journey: JourneyMap, stage_ids: list[str | None], target: Target, metrics: Metrics | None
) -> float:
    shown = excerpt(journey, stage_ids, target, metrics).journey
    return fit_scale(shown, target, metrics)
