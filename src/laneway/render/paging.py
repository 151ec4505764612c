"""The map as an export draws it: arranged for the target, split by stage range.

An export never draws the file's own positions: it draws a copy of the map with
positions from ``layout.arrange`` for the page's shape, so the picture fills the
page. A map that cannot meet the title floor on one page is split by stage range
(``layout.plan_pages``); every link with its ends on two pages becomes a
continuation marker on both. No Qt here: these are plans the painters follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.layout import Metrics, Target, arrange, compute_grid
from laneway.layout.pages import forced_ranges, ranges_back
from laneway.model import JourneyMap
from laneway.render.look import EXPORT_METRICS

#: Never enlarge a small map beyond this (scene unit to page point): 2× canvas text.
MAX_SCALE = 2.0


@dataclass(frozen=True)
class Continuation:
    """A link with one end on this page: where it goes (or comes from)."""

    step_id: str
    link_id: str
    other_title: str
    other_page: int
    outgoing: bool


@dataclass(frozen=True)
class MapPage:
    """One page of the map: its own map (the steps of its stage range, every lane)."""

    journey: JourneyMap
    number: int
    count: int
    #: Names of the first and last stage column shown.
    stages: tuple[str, str]
    #: Page points per scene unit at which this page's map fills the map area.
    scale: float
    continuations: tuple[Continuation, ...]


def arranged_copy(
    journey: JourneyMap, target: Target, metrics: Metrics = EXPORT_METRICS
) -> JourneyMap:
    """A copy of ``journey`` with every step placed by ``arrange`` for ``target``."""
    arrangement = arrange(journey, target, metrics)
    twin = journey.copy()
    for step_id, (x, y) in arrangement.positions.items():
        twin.update_step(step_id, x=x, y=y)
    return twin


def plan_map_pages(
    journey: JourneyMap,
    area: tuple[float, float],
    min_scale: float,
    count: int | None = None,
    metrics: Metrics = EXPORT_METRICS,
) -> list[MapPage]:
    """The pages of ``journey`` for a map area of ``area`` (points): the fewest drawn at
    ``min_scale`` or more (``look.min_scale``: SPEC §6's floors), and of those the plan
    whose smallest titles are largest (or exactly ``count`` pages, when forced, with
    the largest smallest titles). Each candidate stage range is arranged on its own for
    the page's shape. A single stage too big for the floor gets a page of its own, shrunk to fit.
    """
    planner = _Planner(journey, area, metrics)
    n = len(planner.columns)
    if n == 0 or not any(planner.busy):
        return [planner.page(range(n), 1, 1, ())]
    ranges = planner.forced(count) if count is not None else planner.fewest(min_scale)
    return planner.pages(ranges)


class _Planner:
    def __init__(self, journey: JourneyMap, area: tuple[float, float], metrics: Metrics) -> None:
        self.journey, self.area, self.metrics = journey, area, metrics
        grid = compute_grid(journey, metrics)
        self.columns = [(c.stage_id, c.name) for c in grid.columns]
        stages = {step.stage_id for step in journey.steps.values()}
        self.busy = [stage_id in stages for stage_id, _name in self.columns]
        self._fits: dict[tuple[int, int], tuple[JourneyMap, float]] = {}

    def fit(self, begin: int, end: int) -> tuple[JourneyMap, float]:
        """The range's map arranged for the page, and its scale (cached)."""
        key = (begin, end)
        if key not in self._fits:
            stage_ids = {self.columns[i][0] for i in range(begin, end)}
            part = _page_map(self.journey, stage_ids)
            part = arranged_copy(part, Target("page", *self.area), self.metrics)
            grid = compute_grid(part, self.metrics)
            b = grid.bounds
            scale = min(self.area[0] / b.width, self.area[1] / b.height, MAX_SCALE)
            self._fits[key] = (part, scale)
        return self._fits[key]

    def _busy(self, begin: int, end: int) -> int:
        return sum(self.busy[begin:end])

    def fewest(self, min_scale: float) -> list[range]:
        n = len(self.columns)
        # best[i]: (pages below the floor, pages, -smallest scale) for the first i columns
        best: list[tuple[int, int, float] | None] = [None] * (n + 1)
        start = [0] * (n + 1)
        best[0] = (0, 0, -float("inf"))
        for end in range(1, n + 1):
            for begin in range(end - 1, -1, -1):
                before, busy = best[begin], self._busy(begin, end)
                if before is None or busy == 0:
                    continue
                scale = self.fit(begin, end)[1]
                small = scale < min_scale
                if small and busy > 1:
                    if self.fit(begin, end)[1] < min_scale * 0.5:
                        break  # wider ranges only get smaller
                    continue
                value = (before[0] + small, before[1] + 1, max(before[2], -scale))
                if best[end] is None or value < best[end]:
                    best[end], start[end] = value, begin
        return ranges_back(start, n)

    def forced(self, count: int) -> list[range]:
        count = max(1, min(count, sum(self.busy)))
        return forced_ranges(
            len(self.columns),
            count,
            lambda b, e: self.fit(b, e)[1],
            lambda b, e: self._busy(b, e) > 0,
        )

    def page(self, columns: range, number: int, count: int, marks: tuple) -> MapPage:
        part, scale = self.fit(columns.start, columns.stop) if columns else (self.journey, 1.0)
        names = (self.columns[columns[0]][1], self.columns[columns[-1]][1]) if columns else ("", "")
        return MapPage(part, number, count, names, scale, marks)

    def pages(self, ranges: list[range]) -> list[MapPage]:
        page_of_stage = {
            self.columns[i][0]: number for number, r in enumerate(ranges, 1) for i in r
        }
        steps = self.journey.steps
        page_of = {s.id: page_of_stage[s.stage_id] for s in steps.values()}
        marks: dict[int, list[Continuation]] = {n: [] for n in range(1, len(ranges) + 1)}
        for link in self.journey.links.values():
            a, b = page_of[link.source], page_of[link.target]
            if a != b:
                source, target = steps[link.source], steps[link.target]
                marks[a].append(Continuation(source.id, link.id, target.title, b, True))
                marks[b].append(Continuation(target.id, link.id, source.title, a, False))
        return [
            self.page(r, number, len(ranges), tuple(marks[number]))
            for number, r in enumerate(ranges, 1)
        ]


def _page_map(journey: JourneyMap, stage_ids: set[str | None]) -> JourneyMap:
    """The map of one page: the steps of its stages and the links among them, every lane."""
    page = journey.copy()
    for step in list(page.steps.values()):
        if step.stage_id not in stage_ids:
            page.remove_step(step.id)
    for stage_id in list(page.stages):
        if stage_id not in stage_ids:
            page.remove_stage(stage_id)
    return page
