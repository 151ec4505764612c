"""The emotion curve's geometry (SPEC §7), without Qt: the canvas and exports only draw it.

A band above the lanes plots each step's emotion (−2 … +2) along the journey, stage by
stage: the band is cut into the grid's stage columns, and inside a column the steps that
have an emotion follow in journey order (the tidy layout's rank — how far along the
links a step is — then where its card sits, then its lane), spread evenly over the
column's width. A step has the same x on every line. With personas, there is one line
per persona through the steps that concern it (a step naming no persona concerns all);
without, one line through every step. A line's low points are its dips below neutral:
points under 0 no lower than their neighbours (the first of a flat run), which the
drawing labels with the step's title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from laneway.layout.geometry import Rect
from laneway.layout.grid import Grid
from laneway.layout.tidy import journey_ranks
from laneway.model import EMOTION_MAX, EMOTION_MIN, JourneyMap

#: The band's height at 1× (multiplied by the grid's scale).
EMOTION_BAND_HEIGHT = 132.0
#: Space above +2 and below −2 inside the band, at 1×.
EMOTION_BAND_PADDING = 16.0


@dataclass(frozen=True)
class CurvePoint:
    step_id: str
    title: str
    emotion: int
    stage_id: str | None
    x: float
    y: float


@dataclass(frozen=True)
class CurveLine:
    """One line: a persona's (``persona_id``), or everyone's (``None``, no personas)."""

    persona_id: str | None
    name: str
    #: The persona's colour; None for the everyone line (the style's ink).
    color: str | None
    points: tuple[CurvePoint, ...]
    low_points: tuple[CurvePoint, ...]


@dataclass(frozen=True)
class StageSpan:
    """A stage column's stretch of the band; its edges are the stage boundaries."""

    stage_id: str | None
    name: str
    left: float
    right: float


@dataclass(frozen=True)
class EmotionCurve:
    band: Rect
    stages: tuple[StageSpan, ...]
    lines: tuple[CurveLine, ...]
    padding: float

    def y_of(self, emotion: float) -> float:
        """The band's y for an emotion (+2 at the top, −2 at the bottom)."""
        usable = self.band.height - 2 * self.padding
        return (
            self.band.y
            + self.padding
            + (EMOTION_MAX - emotion) * usable / (EMOTION_MAX - EMOTION_MIN)
        )

    @property
    def neutral_y(self) -> float:
        """Where emotion 0 lies: the band's middle line."""
        return self.y_of(0)

    @property
    def boundaries(self) -> tuple[float, ...]:
        """The x of each boundary between two stages, left to right."""
        return tuple(span.left for span in self.stages[1:])

    @property
    def is_empty(self) -> bool:
        """True when no line has a point (no step has an emotion)."""
        return not any(line.points for line in self.lines)


def emotion_curve(
    journey: JourneyMap,
    grid: Grid,
    *,
    band_top: float | None = None,
    band_height: float | None = None,
    persona_ids: Iterable[str] | None = None,
) -> EmotionCurve:
    """The curve of ``journey`` laid over ``grid``'s stage columns.

    The band spans the columns (not the lane headers); by default it sits just above
    the grid (``band_top`` = −height). ``persona_ids`` limits the lines to those personas
    (a persona filter); by default every persona gets a line, in the personas' order.
    """
    scale = grid.metrics.scale
    height = EMOTION_BAND_HEIGHT * scale if band_height is None else band_height
    top = -height if band_top is None else band_top
    left = grid.columns[0].rect.x if grid.columns else grid.metrics.lane_header_width
    right = grid.columns[-1].rect.right if grid.columns else left
    band = Rect(left, top, right - left, height)
    stages = tuple(StageSpan(c.stage_id, c.name, c.rect.x, c.rect.right) for c in grid.columns)
    curve = EmotionCurve(band, stages, (), EMOTION_BAND_PADDING * scale)
    places = _step_places(journey, grid, curve)
    lines = tuple(
        _line(journey, persona_id, places, curve)
        for persona_id in _persona_ids(journey, persona_ids)
    )
    return EmotionCurve(band, stages, lines, curve.padding)


def _persona_ids(journey: JourneyMap, chosen: Iterable[str] | None) -> list[str | None]:
    ordered = [p.id for p in journey.personas_in_order()]
    if chosen is not None:
        wanted = set(chosen)
        ordered = [persona_id for persona_id in ordered if persona_id in wanted]
    return ordered if journey.personas else [None]


def journey_order(journey: JourneyMap, grid: Grid) -> list[str]:
    """The steps that have an emotion, stage column by column in the grid's order, each
    column's steps in journey order (rank, then the card's x, then its lane)."""
    ranks = journey_ranks(journey) if journey.steps else {}
    column_rank = {column.stage_id: i for i, column in enumerate(grid.columns)}
    lane_rank = {lane.department_id: i for i, lane in enumerate(grid.lanes)}
    felt = [s for s in journey.steps.values() if s.emotion is not None and s.id in grid.step_cells]
    return [
        step.id
        for step in sorted(
            felt,
            key=lambda s: (
                column_rank.get(s.stage_id, len(column_rank)),
                ranks.get(s.id, 0),
                grid.step_offsets[s.id][0],
                lane_rank.get(s.department_id, 0),
                s.id,
            ),
        )
    ]


def _step_places(journey: JourneyMap, grid: Grid, curve: EmotionCurve) -> dict[str, CurvePoint]:
    """Each step with an emotion as a point: spread evenly over its stage's span."""
    ordered = journey_order(journey, grid)
    by_column: dict[str | None, list[str]] = {}
    for step_id in ordered:
        by_column.setdefault(journey.steps[step_id].stage_id, []).append(step_id)
    places: dict[str, CurvePoint] = {}
    for span in curve.stages:
        members = by_column.get(span.stage_id, [])
        width = (span.right - span.left) / max(1, len(members))
        for index, step_id in enumerate(members):
            step = journey.steps[step_id]
            assert step.emotion is not None
            places[step_id] = CurvePoint(
                step_id,
                step.title,
                step.emotion,
                step.stage_id,
                span.left + (index + 0.5) * width,
                curve.y_of(step.emotion),
            )
    return places


def _line(
    journey: JourneyMap,
    persona_id: str | None,
    places: dict[str, CurvePoint],
    curve: EmotionCurve,
) -> CurveLine:
    points = tuple(
        point
        for step_id, point in places.items()
        if persona_id is None or journey.steps[step_id].concerns(persona_id)
    )
    points = tuple(sorted(points, key=lambda p: p.x))
    persona = journey.personas.get(persona_id) if persona_id else None
    return CurveLine(
        persona_id,
        persona.name if persona else "",
        persona.color if persona else None,
        points,
        low_points(points),
    )


def low_points(points: tuple[CurvePoint, ...]) -> tuple[CurvePoint, ...]:
    """The dips of a line: below 0, no higher than the point before or after; of a flat
    run of equal lows, the first."""
    lows = []
    for index, point in enumerate(points):
        if point.emotion >= 0:
            continue
        before = points[index - 1].emotion if index > 0 else None
        after = next((p.emotion for p in points[index + 1 :] if p.emotion != point.emotion), None)
        if before is not None and before <= point.emotion:
            continue  # not the first of the run, or the line was already lower
        if after is not None and after < point.emotion:
            continue  # the line goes on down
        lows.append(point)
    return tuple(lows)
