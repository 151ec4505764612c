"""The compact arrangement: every step a cell-relative spot, the grid shaped for a target.

Within a stage column the steps are taken in journey order (rank, see ``ranks.py``;
ties in their current reading order, top to bottom then left to right, and map order
for steps without a position). Consecutive ranks are packed into *slot columns*: a
slot column takes ranks while no lane would hold more than ``rows`` cards in it, then
the next slot column starts to its right. Inside a slot column a lane's cards stack
top to bottom in that order. So within a stage an earlier step is always left of a
later one, or in the same slot column (above it when they share a lane), and a chain
that hands over from lane to lane stays in one slot column instead of widening the map.

``rows`` (the stacking cap) is chosen for the target: every cap from 1 (the old
ribbon, one rank per slot) up to the fullest cell is tried, each lane may then stack
up to the height it already has, and the cap whose grid fits the target at the
largest scale wins — the map's aspect moves towards the target's and the grid stays
dense. Sizes mirror ``compute_grid`` exactly, so the predicted grid is the grid.

Positions are at 1× (the units stored in the map), like everything in ``layout``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from laneway.layout.cells import Cell, has_no_stage_column
from laneway.layout.geometry import Metrics
from laneway.layout.ranks import journey_ranks
from laneway.layout.targets import SCREEN, Target
from laneway.model import JourneyMap

Lane = str | None
Stage = str | None
#: One rank of one stage column: (rank, {lane: steps of that rank in the lane, in order}).
RankEntry = tuple[int, dict[Lane, list[str]]]

_MAX_ROWS_TRIED = 400


@dataclass(frozen=True)
class Arrangement:
    """Where the arranged steps go, and the grid that results (at 1×)."""

    positions: dict[str, tuple[float, float]]
    #: The stacking cap chosen: at most this many cards of one lane per slot column
    #: (more only when one rank alone has more).
    rows: int
    width: float
    height: float


@dataclass(frozen=True)
class _Shape:
    rows: int
    caps: dict[Lane, int]
    width: float
    height: float


class _Problem:
    """The fixed facts of one arrangement: columns, lanes, ranks and cards that stay."""

    def __init__(self, journey: JourneyMap, chosen: set[str], metrics: Metrics) -> None:
        self.m = metrics
        self.columns: list[Stage] = [s.id for s in journey.stages_in_order()]
        if has_no_stage_column(journey):
            self.columns.append(None)
        self.lanes: list[Lane] = [None, *(d.id for d in journey.departments_in_order())]
        self._fixed_cards(journey, chosen)
        self.entries = _rank_entries(journey, chosen)
        per_cell: dict[Cell, int] = {}
        for stage, entries in self.entries.items():
            for _rank, by_lane in entries:
                for lane, steps in by_lane.items():
                    per_cell[(lane, stage)] = per_cell.get((lane, stage), 0) + len(steps)
        #: The most cards of one cell: stacking caps beyond it change nothing.
        self.fullest = max(per_cell.values(), default=1)

    def _fixed_cards(self, journey: JourneyMap, chosen: set[str]) -> None:
        """Cards not being arranged keep their spots; arranged ones go below them."""
        m = self.m
        self.fixed_x: dict[Stage, float] = {}
        self.fixed_y: dict[Lane, float] = {}
        self.base_y: dict[Cell, float] = {}
        for step in journey.steps.values():
            if step.id in chosen or step.x is None or step.y is None:
                continue
            x, y = max(float(step.x), 0.0), max(float(step.y), 0.0)
            cell = (step.department_id, step.stage_id)
            self.fixed_x[step.stage_id] = max(self.fixed_x.get(step.stage_id, -1.0), x)
            self.fixed_y[step.department_id] = max(self.fixed_y.get(step.department_id, -1.0), y)
            below = y + m.card_height + m.gap_y
            self.base_y[cell] = max(self.base_y.get(cell, m.cell_padding), below)

    def shape(self, rows: int, caps: dict[Lane, int] | None = None) -> _Shape:
        """The grid for stacking caps (``rows`` in every lane unless ``caps`` says
        otherwise), after letting each lane stack up to the height it has anyway."""
        caps = dict.fromkeys(self.lanes, rows) if caps is None else caps
        lane_rows = self._lane_rows(caps)
        caps = {lane: max(caps[lane], lane_rows.get(lane, 0)) for lane in self.lanes}
        width, height = self._size(caps)
        return _Shape(rows, caps, width, height)

    def busy_lanes(self) -> list[Lane]:
        present = {lane for entries in self.entries.values() for _r, by in entries for lane in by}
        return [lane for lane in self.lanes if lane in present]

    def _lane_rows(self, caps: dict[Lane, int]) -> dict[Lane, int]:
        tallest: dict[Lane, int] = {}
        for entries in self.entries.values():
            for group in _pack_counts(entries, caps):
                for lane, count in group.items():
                    if count > tallest.get(lane, 0):
                        tallest[lane] = count
        return tallest

    def _size(self, caps: dict[Lane, int]) -> tuple[float, float]:
        m = self.m
        lowest: dict[Lane, float] = dict(self.fixed_y)
        width = m.lane_header_width
        for stage in self.columns:
            groups = _pack_counts(self.entries.get(stage, []), caps)
            rightmost = self.fixed_x.get(stage, -1.0)
            if groups:
                rightmost = max(rightmost, m.cell_padding + (len(groups) - 1) * m.step_x)
            for group in groups:
                for lane, count in group.items():
                    top = self.base_y.get((lane, stage), m.cell_padding)
                    lowest[lane] = max(lowest.get(lane, -1.0), top + (count - 1) * m.step_y)
            width += _extent(rightmost, m.card_width, m.min_column_width, m.empty_column_width, m)
        height = m.stage_header_height
        for lane in self.lanes:
            y = lowest.get(lane, -1.0)
            height += _extent(y, m.card_height, m.min_lane_height, m.empty_lane_height, m)
        return width, height

    def positions(self, caps: dict[Lane, int]) -> dict[str, tuple[float, float]]:
        m = self.m
        result: dict[str, tuple[float, float]] = {}
        for stage, entries in self.entries.items():
            for slot, group in enumerate(_pack_lists(entries, caps)):
                x = m.cell_padding + slot * m.step_x
                for lane, steps in group.items():
                    top = self.base_y.get((lane, stage), m.cell_padding)
                    for row, step_id in enumerate(steps):
                        result[step_id] = (x, top + row * m.step_y)
        return result


def _extent(last: float, card: float, minimum: float, empty: float, m: Metrics) -> float:
    """A column's width (or lane's height) from its last card's offset, as the grid has it."""
    if last < 0.0:
        return empty
    return max(minimum, last + card + m.cell_padding)


def _rank_entries(journey: JourneyMap, chosen: set[str]) -> dict[Stage, list[RankEntry]]:
    """Per stage column: its ranks in order, each with its steps per lane, in order."""
    ranks = journey_ranks(journey)
    order = {step_id: index for index, step_id in enumerate(journey.steps)}

    def reading(step_id: str) -> tuple:
        step = journey.steps[step_id]
        if step.x is None or step.y is None:
            return (ranks[step_id], 1, 0.0, 0.0, order[step_id])
        return (ranks[step_id], 0, float(step.y), float(step.x), order[step_id])

    per_stage: dict[Stage, dict[int, dict[Lane, list[str]]]] = {}
    for step_id in sorted(chosen, key=reading):
        step = journey.steps[step_id]
        by_rank = per_stage.setdefault(step.stage_id, {})
        by_rank.setdefault(ranks[step_id], {}).setdefault(step.department_id, []).append(step_id)
    return {stage: sorted(by_rank.items()) for stage, by_rank in per_stage.items()}


def _pack_counts(entries: list[RankEntry], caps: dict[Lane, int]) -> list[dict[Lane, int]]:
    """Slot columns of one stage as card counts per lane (the greedy packing)."""
    groups: list[dict[Lane, int]] = []
    current: dict[Lane, int] = {}
    for _rank, by_lane in entries:
        if current and any(
            current.get(lane, 0) + len(s) > caps[lane] for lane, s in by_lane.items()
        ):
            groups.append(current)
            current = {}
        for lane, steps in by_lane.items():
            current[lane] = current.get(lane, 0) + len(steps)
    if current:
        groups.append(current)
    return groups


def _pack_lists(entries: list[RankEntry], caps: dict[Lane, int]) -> list[dict[Lane, list[str]]]:
    """The same packing as ``_pack_counts``, keeping the steps."""
    groups: list[dict[Lane, list[str]]] = []
    current: dict[Lane, list[str]] = {}
    for _rank, by_lane in entries:
        if current and any(
            len(current.get(lane, ())) + len(s) > caps[lane] for lane, s in by_lane.items()
        ):
            groups.append(current)
            current = {}
        for lane, steps in by_lane.items():
            current.setdefault(lane, []).extend(steps)
    if current:
        groups.append(current)
    return groups


def arrange(
    journey: JourneyMap,
    target: Target = SCREEN,
    metrics: Metrics | None = None,
    step_ids: Iterable[str] | None = None,
    limit: tuple[float, float] | None = None,
) -> Arrangement:
    """Cell-relative spots (1×) for ``step_ids`` (default: every step), shaped for ``target``.

    Steps not arranged keep their spots; arranged steps in a cell that holds other
    cards go below them. ``limit`` = (width, height) of the grid as it is: only
    arrangements no wider and no larger in area are chosen (one always exists no
    wider; if none is also smaller, the smallest of those no wider is taken).
    """
    metrics = (metrics or Metrics()).base()
    chosen = set(journey.steps) if step_ids is None else set(step_ids) & set(journey.steps)
    problem = _Problem(journey, chosen, metrics)
    if not chosen:
        width, height = problem._size(dict.fromkeys(problem.lanes, 1))
        return Arrangement({}, 1, width, height)
    best = _best_shape(problem, target, limit)
    return Arrangement(problem.positions(best.caps), best.rows, best.width, best.height)


def _best_shape(problem: _Problem, target: Target, limit: tuple[float, float] | None) -> _Shape:
    """The best shape for the target; squeezed into ``limit`` when it is not within it.

    Both steps are independent of the limit's values except where squeezing stops,
    so tidying a tidied map finds the same shape again (its size is then the limit).
    """

    def score(shape: _Shape) -> tuple[float, float, int]:
        return (
            target.fit_scale(shape.width, shape.height),
            -shape.width * shape.height,
            -shape.rows,
        )

    best = _search(problem, target, score)
    if limit is None or _within(best, limit):
        return best
    return _squeezed(problem, best, score, limit)


def _within(shape: _Shape, limit: tuple[float, float]) -> bool:
    width, height = limit
    return shape.width <= width + 0.5 and shape.width * shape.height <= width * height + 0.5


def _search(problem: _Problem, target: Target, score) -> _Shape:
    """The best stacking cap for every lane, then lane by lane improvements."""
    best: _Shape | None = None
    for rows in range(1, min(problem.fullest, _MAX_ROWS_TRIED) + 1):
        shape = problem.shape(rows)
        if best is None or score(shape) > score(best):
            best = shape
        elif target.height / shape.height < score(best)[0]:
            break  # taller from here on: no later cap can fit the target better
    assert best is not None
    return _refined(problem, best, score)


def _refined(problem: _Problem, shape: _Shape, score) -> _Shape:
    """Lane by lane, one more or one less card per slot column while the fit improves."""
    for _round in range(8):
        improved = False
        for lane in problem.busy_lanes():
            for delta in (1, -1):
                cap = shape.caps[lane] + delta
                if cap < 1:
                    continue
                trial = problem.shape(shape.rows, {**shape.caps, lane: cap})
                if score(trial) > score(shape):
                    shape, improved = trial, True
        if not improved:
            break
    return shape


def _squeezed(problem: _Problem, shape: _Shape, score, limit: tuple[float, float]) -> _Shape:
    """Narrower step by step (the best-fitting of the moves that narrow the grid) until
    within ``limit``; if that never happens, the smallest shape seen that is no wider."""
    fallback: _Shape | None = None
    while not _within(shape, limit):
        if shape.width <= limit[0] + 0.5 and (
            fallback is None or shape.width * shape.height < fallback.width * fallback.height
        ):
            fallback = shape
        narrower = [
            trial
            for lane in problem.busy_lanes()
            if (
                trial := problem.shape(shape.rows, {**shape.caps, lane: shape.caps[lane] + 1})
            ).width
            < shape.width
        ]
        if not narrower:
            every = problem.shape(shape.rows, {lane: cap + 1 for lane, cap in shape.caps.items()})
            if every.width >= shape.width:
                return fallback or shape
            narrower = [every]
        shape = max(narrower, key=score)
    return shape
