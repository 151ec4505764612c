"""The scene's grid: lane bands, stage columns, and where every card sits.

Lanes run top to bottom — the Unassigned lane (department None) first, then the
departments in order; columns run left to right — the stages in order, then a
"No stage" column when needed. Lanes and columns grow to fit their cards. Step
positions in the model are offsets inside their cell; this turns them into
scene rectangles, and scene points back into cells and offsets.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from laneway.layout.cells import Cell, has_no_stage_column
from laneway.layout.geometry import Metrics, Rect
from laneway.layout.tidy import tidy_positions
from laneway.model import JourneyMap

UNASSIGNED_NAME = "Unassigned"
NO_STAGE_NAME = "No stage"


@dataclass(frozen=True)
class Lane:
    department_id: str | None
    name: str
    color: str | None
    rect: Rect
    step_count: int = 0


@dataclass(frozen=True)
class Column:
    stage_id: str | None
    name: str
    rect: Rect


@dataclass
class Grid:
    metrics: Metrics
    lanes: list[Lane]
    columns: list[Column]
    step_rects: dict[str, Rect] = field(default_factory=dict)
    #: Cell-relative offsets actually used (records' positions, or automatic ones).
    step_offsets: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def bounds(self) -> Rect:
        right = self.columns[-1].rect.right if self.columns else self.metrics.lane_header_width
        bottom = self.lanes[-1].rect.bottom if self.lanes else self.metrics.stage_header_height
        return Rect(0.0, 0.0, right, bottom)

    @property
    def cells_origin(self) -> tuple[float, float]:
        return (self.metrics.lane_header_width, self.metrics.stage_header_height)

    def lane(self, department_id: str | None) -> Lane:
        return next(lane for lane in self.lanes if lane.department_id == department_id)

    def column(self, stage_id: str | None) -> Column:
        for column in self.columns:
            if column.stage_id == stage_id:
                return column
        raise KeyError(stage_id)

    def has_column(self, stage_id: str | None) -> bool:
        return any(column.stage_id == stage_id for column in self.columns)

    def lane_at(self, y: float) -> Lane | None:
        tops = [lane.rect.y for lane in self.lanes]
        index = bisect.bisect_right(tops, y) - 1
        if index < 0 or y >= self.lanes[-1].rect.bottom:
            return None
        return self.lanes[index]

    def column_at(self, x: float) -> Column | None:
        lefts = [column.rect.x for column in self.columns]
        index = bisect.bisect_right(lefts, x) - 1
        if index < 0 or x >= self.columns[-1].rect.right:
            return None
        return self.columns[index]

    def cell_at(self, x: float, y: float) -> Cell | None:
        """The (department, stage) cell under a scene point; None outside the cells."""
        lane, column = self.lane_at(y), self.column_at(x)
        if lane is None or column is None:
            return None
        return (lane.department_id, column.stage_id)

    def nearest_cell(self, x: float, y: float) -> Cell:
        """The cell under a point, clamped into the grid (for drops on the headers)."""
        bounds = self.bounds
        ox, oy = self.cells_origin
        cx = min(max(x, ox), bounds.right - 1)
        cy = min(max(y, oy), bounds.bottom - 1)
        cell = self.cell_at(cx, cy)
        assert cell is not None
        return cell

    def cell_rect(self, department_id: str | None, stage_id: str | None) -> Rect:
        lane, column = self.lane(department_id).rect, self.column(stage_id).rect
        return Rect(column.x, lane.y, column.width, lane.height)

    def to_cell_offset(
        self, department_id: str | None, stage_id: str | None, scene_x: float, scene_y: float
    ) -> tuple[float, float]:
        """A card's scene top-left as an offset in a cell, kept inside the padding."""
        cell = self.cell_rect(department_id, stage_id)
        pad = self.metrics.cell_padding
        return (round(max(pad, scene_x - cell.x)), round(max(pad, scene_y - cell.y)))


def compute_grid(journey: JourneyMap, metrics: Metrics | None = None) -> Grid:
    metrics = metrics or Metrics()
    offsets = _offsets(journey, metrics)

    column_specs: list[tuple[str | None, str]] = [
        (stage.id, stage.name) for stage in journey.stages_in_order()
    ]
    if has_no_stage_column(journey):
        column_specs.append((None, NO_STAGE_NAME if journey.stages else ""))
    lane_specs: list[tuple[str | None, str, str | None]] = [(None, UNASSIGNED_NAME, None)]
    lane_specs += [(d.id, d.name, d.color) for d in journey.departments_in_order()]

    widths = {stage_id: metrics.min_column_width for stage_id, _ in column_specs}
    heights = {dept_id: metrics.min_lane_height for dept_id, _, _ in lane_specs}
    counts: dict[str | None, int] = {}
    for step_id, (x, y) in offsets.items():
        step = journey.steps[step_id]
        counts[step.department_id] = counts.get(step.department_id, 0) + 1
        widths[step.stage_id] = max(
            widths[step.stage_id], x + metrics.card_width + metrics.cell_padding
        )
        heights[step.department_id] = max(
            heights[step.department_id], y + metrics.card_height + metrics.cell_padding
        )

    columns, x = [], metrics.lane_header_width
    for stage_id, name in column_specs:
        columns.append(Column(stage_id, name, Rect(x, 0.0, widths[stage_id], 0.0)))
        x += widths[stage_id]
    lanes, y = [], metrics.stage_header_height
    for dept_id, name, color in lane_specs:
        lanes.append(
            Lane(dept_id, name, color, Rect(0.0, y, x, heights[dept_id]), counts.get(dept_id, 0))
        )
        y += heights[dept_id]
    columns = [Column(c.stage_id, c.name, Rect(c.rect.x, 0.0, c.rect.width, y)) for c in columns]

    grid = Grid(metrics, lanes, columns, step_offsets=offsets)
    lane_top = {lane.department_id: lane.rect.y for lane in lanes}
    column_left = {column.stage_id: column.rect.x for column in columns}
    for step_id, (ox, oy) in offsets.items():
        step = journey.steps[step_id]
        grid.step_rects[step_id] = Rect(
            column_left[step.stage_id] + ox,
            lane_top[step.department_id] + oy,
            metrics.card_width,
            metrics.card_height,
        )
    return grid


def _offsets(journey: JourneyMap, metrics: Metrics) -> dict[str, tuple[float, float]]:
    unplaced = [s.id for s in journey.steps.values() if s.x is None or s.y is None]
    automatic = tidy_positions(journey, unplaced, metrics) if unplaced else {}
    offsets: dict[str, tuple[float, float]] = {}
    for step in journey.steps.values():
        if step.id in automatic:
            offsets[step.id] = automatic[step.id]
        else:
            offsets[step.id] = (max(0.0, float(step.x)), max(0.0, float(step.y)))
    return offsets
