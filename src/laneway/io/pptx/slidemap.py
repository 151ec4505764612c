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
from laneway.layout import Arrangement, Grid, Target, arrange, compute_grid, has_no_stage_column
from laneway.layout.pages import forced_ranges, ranges_back
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
    #: (i, k): the slide shows part i of k of one stage too big for one slide.
    part: tuple[int, int] | None = None

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
    pieces: list[_Piece] = []
    for columns in planner.ranges(floors.min_scale, slides):
        whole = planner.piece(columns)
        pieces += [whole] if slides is not None else planner.split(whole, floors.min_scale)
    frames = [planner.frame(piece, number) for number, piece in enumerate(pieces, start=1)]
    slide_of = {step_id: f.number for f in frames for step_id in f.view.steps}
    return SlideMap(frames, slide_of, floors)


@dataclass(frozen=True)
class _Piece:
    """What one slide shows: stage columns, the steps in them, which part of a stage."""

    stage_ids: tuple[str | None, ...]
    steps: frozenset[str]
    part: tuple[int, int] | None = None  # (i, k): part i of k of one big stage


class _Planner:
    """Stage ranges, each arranged for the slide: the scale a range reaches is the scale
    of its own arrangement, so the plan is exact (ranges that cannot fit are skipped
    by a lower bound of their width)."""

    def __init__(self, journey: JourneyMap, step_ids: set[str], area: Area) -> None:
        self.journey, self.step_ids, self.area = journey, step_ids, area
        self.order = {key: index for index, key in enumerate(journey.steps)}
        whole = _view(journey, self.order, step_ids, None)
        self.columns: list[str | None] = [s.id for s in whole.stages_in_order()]
        if has_no_stage_column(whole):
            self.columns.append(None)
        counts: dict[str | None, int] = {}
        for step in whole.steps.values():
            counts[step.stage_id] = counts.get(step.stage_id, 0) + 1
        self.counts = [counts.get(c, 0) for c in self.columns]
        self.busy = [count > 0 for count in self.counts]
        self._arrangements: dict[tuple, tuple[JourneyMap, Arrangement]] = {}

    def piece(self, columns: range) -> _Piece:
        stage_ids = tuple(self.columns[columns.start : columns.stop])
        wanted = set(stage_ids)
        steps = frozenset(s for s in self.step_ids if self.journey.steps[s].stage_id in wanted)
        return _Piece(stage_ids, steps)

    def arrangement(self, piece: _Piece, target: Target | None = None):
        """The piece's view (steps without spots) and its arrangement for ``target``
        (default: the slide); the arrangement knows its grid's size."""
        key = (piece.stage_ids, piece.steps, target)
        if key not in self._arrangements:
            stages = {s for s in piece.stage_ids if s is not None}
            view = _view(self.journey, self.order, set(piece.steps), stages)
            target = target or Target("slide", self.area.width, self.area.height)
            self._arrangements[key] = (view, arrange(view, target, style.SLIDE_METRICS))
        return self._arrangements[key]

    def fit(self, piece: _Piece) -> float:
        """The scale the piece reaches on the slide (the arranged grid's size alone)."""
        arranged = self.arrangement(piece)[1]
        return min(self.area.width / arranged.width, self.area.height / arranged.height)

    def placed(self, piece: _Piece, target: Target | None = None) -> tuple[JourneyMap, Grid]:
        """The piece's steps at their arranged spots, and its grid."""
        view, arranged = self.arrangement(piece, target)
        placed = _with_positions(view, arranged.positions)
        return placed, compute_grid(placed, style.SLIDE_METRICS)

    def scale(self, begin: int, end: int) -> float:
        return self.fit(self.piece(range(begin, end)))

    def frame(self, piece: _Piece, number: int) -> SlideFrame:
        placed, grid = self.placed(piece)
        scale = min(_fit(grid, self.area), style.MAX_SCALE)
        bounds, area = grid.bounds, self.area
        left = area.left + (area.width - bounds.width * scale) / 2
        top = area.top + (area.height - bounds.height * scale) / 2
        return SlideFrame(number, placed, grid, scale, left, top, piece.part)

    def split(self, piece: _Piece, min_scale: float) -> list[_Piece]:
        """A lone stage too big for the floor, cut into parts along the journey (runs
        of its slot columns, arranged as wide as k slides) that each meet it."""
        if self._bound(len(piece.steps)) >= min_scale:
            scale = self.fit(piece)
        else:  # certainly too big: estimated with the gaps around each card
            m, area = style.SLIDE_METRICS, self.area
            scale = math.sqrt(area.width * area.height / (len(piece.steps) * m.step_x * m.step_y))
        busy = {self.journey.steps[s].stage_id for s in piece.steps}
        if scale >= min_scale or len(busy) != 1 or len(piece.steps) < 2:
            return [piece]
        stage_ids = tuple(busy)
        first = max(2, math.ceil((min_scale / scale) ** 2))
        best: tuple[float, list[_Piece]] = (scale, [piece])
        slots = self._slots(_Piece(stage_ids, piece.steps), first)
        count = min(first, len(slots))
        for _attempt in range(6):
            groups = _cut(slots, count)
            parts = [_Piece(stage_ids, g, (i, len(groups))) for i, g in enumerate(groups, 1)]
            smallest = min(self.fit(p) for p in parts)
            if smallest > best[0]:
                best = (smallest, parts)
            if smallest >= min_scale or count >= len(slots):
                break
            wanted = count * (min_scale / smallest) ** 2  # the worst part's shortfall
            count = min(len(slots), count + max(1, math.ceil((wanted - count) / 2)))
        return best[1]

    def _slots(self, piece: _Piece, count: int) -> list[list[str]]:
        """The piece's slot columns (left to right) arranged ``count`` slides wide."""
        target = Target("slides", self.area.width * count, self.area.height)
        _view, arranged = self.arrangement(piece, target)
        by_x: dict[float, list[str]] = {}
        for step_id, (x, _y) in arranged.positions.items():
            by_x.setdefault(float(x), []).append(step_id)
        return [by_x[x] for x in sorted(by_x)]

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

    def _bound(self, cards: int) -> float:
        """The largest scale ``cards`` cards could ever be drawn at on the slide (their
        area alone filling it): under the floor, arranging them is not needed to know."""
        m, area = style.SLIDE_METRICS, self.area
        return math.sqrt(area.width * area.height / max(1, cards * m.card_width * m.card_height))

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
                bound = self._bound(sum(self.counts[begin:end]))
                # a stage with more card area than the slide: too small, not arranged
                scale = bound if bound < min_scale else self.scale(begin, end)
                too_small = scale < min_scale
                if too_small and busy > 1:
                    continue
                value = (before[0] + too_small, before[1] + 1, max(before[2], -scale))
                if best[end] is None or value < best[end]:
                    best[end], start[end] = value, begin
        return ranges_back(start, n)

    def _forced(self, count: int) -> list[range]:
        """Exactly ``count`` slides, the smallest scale as large as it can be."""
        return forced_ranges(len(self.columns), count, self.scale, lambda b, e: any(self.busy[b:e]))


def _cut(slots: list[list[str]], count: int) -> list[frozenset[str]]:
    """Consecutive runs of ``slots`` in ``count`` groups, as even in cards as can be."""
    total = sum(len(slot) for slot in slots)
    groups: list[frozenset[str]] = []
    current: list[str] = []
    done = 0
    for index, slot in enumerate(slots):
        current += slot
        left_slots, left_groups = len(slots) - index - 1, count - len(groups) - 1
        goal = (len(groups) + 1) * total / count
        if left_groups and (done + len(current) >= goal or left_slots == left_groups):
            groups.append(frozenset(current))
            done += len(current)
            current = []
    groups.append(frozenset(current))
    return [g for g in groups if g]


def _fit(grid: Grid, area: Area) -> float:
    bounds = grid.bounds
    return min(area.width / bounds.width, area.height / bounds.height)


def _view(
    journey: JourneyMap,
    order: dict[str, int],
    step_ids: set[str],
    stage_ids: set[str] | None,
    positions: dict[str, tuple[float, float]] | None = None,
) -> JourneyMap:
    """A map of ``step_ids`` (and the links between them), every department, the stages
    ``stage_ids`` (None: all); steps at ``positions`` (default: none, to be arranged),
    in the map's own ``order`` (step id → index), so arranging a part is stable."""
    stages = [s for s in journey.stages_in_order() if stage_ids is None or s.id in stage_ids]
    steps = sorted((journey.steps[s] for s in step_ids), key=lambda step: order[step.id])
    links = [
        link for step in steps for link in journey.outgoing(step.id) if link.target in step_ids
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
