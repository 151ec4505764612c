"""Which steps go on which slide, arranged for it: the slide map of a deck.

The map (or the excerpt being exported) is arranged for the slide's map area; when its
step titles would fall under SPEC §6's floor it is split by stage range
(``layout.plan_pages`` on an arrangement as wide as the slides together), and each
range is arranged again for one slide, so every slide is as full as it can be. A slide
is never only empty stages; ``slides`` forces the count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from laneway.io.pptx import style
from laneway.io.pptx.style import Floors
from laneway.layout import Grid, Target, arrange, compute_grid, has_no_stage_column
from laneway.model import JourneyMap, Link
from laneway.model.bulk import map_from_records


@dataclass(frozen=True)
class Area:
    """Where the map goes on a slide, in points."""

    left: float
    top: float
    width: float
    height: float


@dataclass
class SlideFrame:
    """One map slide: its stages, the arranged view of its steps, grid and scale."""

    number: int  # 1-based, as a reader counts slides
    view: JourneyMap
    grid: Grid
    scale: float
    left: float
    top: float

    def x(self, scene_x: float) -> float:
        return self.left + scene_x * self.scale

    def y(self, scene_y: float) -> float:
        return self.top + scene_y * self.scale

    def length(self, scene: float) -> float:
        return scene * self.scale


@dataclass
class SlideMap:
    frames: list[SlideFrame]
    #: Step id → number of the slide showing it.
    slide_of: dict[str, int]
    floors: Floors

    def links_on(self, frame: SlideFrame, links: Iterable[Link]) -> tuple[list[Link], list[Link]]:
        """The links drawn on ``frame`` (both ends on it) and those leaving or entering it."""
        inside, crossing = [], []
        for link in links:
            ends = (self.slide_of.get(link.source), self.slide_of.get(link.target))
            if None in ends or frame.number not in ends:
                continue
            (inside if ends[0] == ends[1] else crossing).append(link)
        return inside, crossing


def map_area(title: bool, legend: bool) -> Area:
    top = style.MARGIN + (style.TITLE_H if title else 0.0)
    bottom = style.SLIDE_H_PT - style.MARGIN - (style.LEGEND_H if legend else 0.0)
    return Area(style.MARGIN, top, style.SLIDE_W_PT - 2 * style.MARGIN, bottom - top)


def plan_slides(
    journey: JourneyMap, step_ids: set[str], area: Area, slides: int | None = None
) -> SlideMap:
    """The slides showing ``step_ids`` of ``journey`` (every lane, their stages)."""
    floors = Floors.for_steps(len(step_ids))
    planner = _Planner(journey, step_ids, area)
    ranges = planner.ranges(floors.min_scale, slides)
    frames = [planner.frame(r, number) for number, r in enumerate(ranges, start=1)]
    slide_of = {step_id: f.number for f in frames for step_id in f.view.steps}
    return SlideMap(frames, slide_of, floors)


class _Planner:
    """Stage ranges, each arranged for the slide: the scale a range reaches is the scale
    of its own arrangement, so the plan is exact (ranges that cannot fit are skipped
    by a lower bound of their width)."""

    def __init__(self, journey: JourneyMap, step_ids: set[str], area: Area) -> None:
        self.journey, self.step_ids, self.area = journey, step_ids, area
        whole = _view(journey, step_ids, None)
        self.columns: list[str | None] = [s.id for s in whole.stages_in_order()]
        if has_no_stage_column(whole):
            self.columns.append(None)
        counts: dict[str | None, int] = {}
        for step in whole.steps.values():
            counts[step.stage_id] = counts.get(step.stage_id, 0) + 1
        self.counts = [counts.get(c, 0) for c in self.columns]
        self.busy = [count > 0 for count in self.counts]
        self._arranged: dict[tuple[int, int], tuple[JourneyMap, Grid]] = {}

    def arranged(self, begin: int, end: int) -> tuple[JourneyMap, Grid]:
        key = (begin, end)
        if key not in self._arranged:
            stage_ids = set(self.columns[begin:end])
            chosen = {s for s in self.step_ids if self.journey.steps[s].stage_id in stage_ids}
            view = _view(self.journey, chosen, {s for s in stage_ids if s is not None})
            target = Target("slide", self.area.width, self.area.height)
            positions = arrange(view, target, style.SLIDE_METRICS).positions
            placed = _with_positions(view, positions)
            self._arranged[key] = (placed, compute_grid(placed, style.SLIDE_METRICS))
        return self._arranged[key]

    def scale(self, begin: int, end: int) -> float:
        return _fit(self.arranged(begin, end)[1], self.area)

    def frame(self, columns: range, number: int) -> SlideFrame:
        placed, grid = self.arranged(columns.start, columns.stop)
        scale = min(_fit(grid, self.area), style.MAX_SCALE)
        bounds, area = grid.bounds, self.area
        left = area.left + (area.width - bounds.width * scale) / 2
        top = area.top + (area.height - bounds.height * scale) / 2
        return SlideFrame(number, placed, grid, scale, left, top)

    def ranges(self, min_scale: float, count: int | None) -> list[range]:
        n, busy = len(self.columns), sum(self.busy)
        if n == 0 or busy == 0:
            return [range(n)]
        if count is not None:
            return self._forced(min(count, busy))
        return self._fewest(min_scale)

    def _min_width(self, begin: int, end: int) -> float:
        m = style.SLIDE_METRICS
        return m.lane_header_width + sum(
            m.min_column_width if self.busy[i] else m.empty_column_width for i in range(begin, end)
        )

    def _may_fit(self, begin: int, end: int, min_scale: float) -> bool:
        """False when the range cannot fit at ``min_scale``: too wide even with one card
        per stage, or more card area than the slide has."""
        m, area = style.SLIDE_METRICS, self.area
        if self._min_width(begin, end) * min_scale > area.width:
            return False
        cards = sum(self.counts[begin:end]) * m.card_width * m.card_height
        return cards * min_scale**2 <= area.width * area.height

    def _fewest(self, min_scale: float) -> list[range]:
        """The fewest slides meeting ``min_scale`` (a lone stage too big may not), then
        the largest smallest scale."""
        n = len(self.columns)
        best: list[tuple[int, int, float] | None] = [None] * (n + 1)
        start = [0] * (n + 1)
        best[0] = (0, 0, -math.inf)
        for end in range(1, n + 1):
            for begin in range(end - 1, -1, -1):
                busy = sum(self.busy[begin:end])
                if busy > 1 and not self._may_fit(begin, end, min_scale):
                    break  # bigger still as it starts further left
                before = best[begin]
                if before is None or busy == 0:
                    continue
                scale = self.scale(begin, end)
                too_small = scale < min_scale
                if too_small and busy > 1:
                    continue
                value = (before[0] + too_small, before[1] + 1, max(before[2], -scale))
                if best[end] is None or value < best[end]:
                    best[end], start[end] = value, begin
        return _back(start, n)

    def _forced(self, count: int) -> list[range]:
        """Exactly ``count`` slides, the smallest scale as large as it can be."""
        n = len(self.columns)
        best = [[-math.inf] * (n + 1) for _ in range(count + 1)]
        start = [[0] * (n + 1) for _ in range(count + 1)]
        best[0][0] = math.inf
        for k in range(1, count + 1):
            for end in range(1, n + 1):
                for begin in range(k - 1, end):
                    if best[k - 1][begin] == -math.inf or not any(self.busy[begin:end]):
                        continue
                    value = min(best[k - 1][begin], self.scale(begin, end))
                    if value > best[k][end]:
                        best[k][end], start[k][end] = value, begin
        plan: list[range] = []
        end = n
        for k in range(count, 0, -1):
            plan.append(range(start[k][end], end))
            end = start[k][end]
        return plan[::-1]


def _back(start: list[int], n: int) -> list[range]:
    plan: list[range] = []
    end = n
    while end > 0:
        plan.append(range(start[end], end))
        end = start[end]
    return plan[::-1]


def _fit(grid: Grid, area: Area) -> float:
    bounds = grid.bounds
    return min(area.width / bounds.width, area.height / bounds.height)


def _view(
    journey: JourneyMap,
    step_ids: set[str],
    stage_ids: set[str] | None,
    positions: dict[str, tuple[float, float]] | None = None,
) -> JourneyMap:
    """A map of ``step_ids`` (and the links between them), every department, the stages
    ``stage_ids`` (None: all); steps at ``positions`` (default: none, to be arranged)."""
    stages = [s for s in journey.stages_in_order() if stage_ids is None or s.id in stage_ids]
    steps = [journey.steps[s] for s in journey.steps if s in step_ids]
    links = [
        link
        for link in journey.links.values()
        if link.source in step_ids and link.target in step_ids
    ]
    view = map_from_records(
        journey.info,
        journey.departments_in_order(),
        stages,
        [replace(step, x=None, y=None) for step in steps],
        links,
        journey.personas.values(),
    )
    return _with_positions(view, positions) if positions is not None else view


def _with_positions(view: JourneyMap, positions: dict[str, tuple[float, float]]) -> JourneyMap:
    steps = [
        replace(step, x=positions[step.id][0], y=positions[step.id][1])
        for step in view.steps.values()
    ]
    return map_from_records(
        view.info,
        view.departments_in_order(),
        view.stages_in_order(),
        steps,
        view.links.values(),
        view.personas.values(),
    )
