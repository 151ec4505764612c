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

from laneway.i18n import N_, _
from laneway.layout.arrange import arrange
from laneway.layout.cells import Cell, has_no_stage_column
from laneway.layout.geometry import Metrics, Rect
from laneway.layout.targets import SCREEN
from laneway.model import JourneyMap, palette

UNASSIGNED_NAME = N_("Unassigned")
NO_STAGE_NAME = N_("No stage")


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
    #: Cell-relative offsets actually used (records' positions, or automatic ones).
    step_offsets: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: Each step's (department, stage): with the offsets, where its card sits.
    step_cells: dict[str, Cell] = field(default_factory=dict)
    lane_tops: dict[str | None, float] = field(default_factory=dict)
    column_lefts: dict[str | None, float] = field(default_factory=dict)
    #: Steps without a stored position, placed by the tidy layout for now.
    auto_placed: frozenset[str] = frozenset()

    def same_frame(self, other: Grid) -> bool:
        """True when every lane and column starts where it does in ``other``.

        Then only the cards whose own cell or offset changed need to move.
        """
        return (
            self.lane_tops == other.lane_tops
            and self.column_lefts == other.column_lefts
            and not self.auto_placed
            and not other.auto_placed
        )

    def step_position(self, step_id: str) -> tuple[float, float]:
        """The scene top-left of a step's card."""
        department_id, stage_id = self.step_cells[step_id]
        x, y = self.step_offsets[step_id]
        return (self.column_lefts[stage_id] + x, self.lane_tops[department_id] + y)

    def step_rect(self, step_id: str) -> Rect:
        x, y = self.step_position(step_id)
        return Rect(x, y, self.metrics.card_width, self.metrics.card_height)

    @property
    def step_rects(self) -> dict[str, Rect]:
        return {step_id: self.step_rect(step_id) for step_id in self.step_offsets}

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
        """A card's scene top-left as the offset the map stores (1×), inside the padding."""
        cell = self.cell_rect(department_id, stage_id)
        scale = self.metrics.scale
        pad = self.metrics.cell_padding / scale
        return (
            round(max(pad, (scene_x - cell.x) / scale)),
            round(max(pad, (scene_y - cell.y) / scale)),
        )


def compute_grid(journey: JourneyMap, metrics: Metrics | None = None) -> Grid:
    """Lanes and columns sized to their cards; empty ones narrow (``Metrics.empty_*``).

    Runs after every edit, so the per-step work is one pass of plain arithmetic;
    card rectangles are derived on demand from the lane tops and column lefts.
    """
    metrics = metrics or Metrics()
    offsets, auto_placed = _offsets(journey, metrics)

    column_specs: list[tuple[str | None, str]] = [
        (stage.id, stage.name) for stage in journey.stages_in_order()
    ]
    if has_no_stage_column(journey):
        column_specs.append((None, _(NO_STAGE_NAME) if journey.stages else ""))
    lane_specs: list[tuple[str | None, str, str | None]] = [(None, _(UNASSIGNED_NAME), None)]
    departments = journey.departments_in_order()
    shown = palette.display_colors((d.id, d.color) for d in departments)  # never alarm red
    lane_specs += [(d.id, d.name, shown[d.id]) for d in departments]

    rightmost: dict[str | None, float] = {}
    lowest: dict[str | None, float] = {}
    counts: dict[str | None, int] = {}
    cells: dict[str, Cell] = {}
    steps = journey.steps
    for step_id, (x, y) in offsets.items():
        step = steps[step_id]
        department_id, stage_id = step.department_id, step.stage_id
        cells[step_id] = (department_id, stage_id)
        counts[department_id] = counts.get(department_id, 0) + 1
        if x > rightmost.get(stage_id, -1.0):
            rightmost[stage_id] = x
        if y > lowest.get(department_id, -1.0):
            lowest[department_id] = y
    card_right = metrics.card_width + metrics.cell_padding
    card_bottom = metrics.card_height + metrics.cell_padding

    columns, x = [], metrics.lane_header_width
    for stage_id, name in column_specs:
        width = metrics.empty_column_width
        if stage_id in rightmost:
            width = max(metrics.min_column_width, rightmost[stage_id] + card_right)
        columns.append(Column(stage_id, name, Rect(x, 0.0, width, 0.0)))
        x += width
    lanes, y = [], metrics.stage_header_height
    for dept_id, name, color in lane_specs:
        height = metrics.empty_lane_height
        if dept_id in lowest:
            height = max(metrics.min_lane_height, lowest[dept_id] + card_bottom)
        lanes.append(Lane(dept_id, name, color, Rect(0.0, y, x, height), counts.get(dept_id, 0)))
        y += height
    columns = [Column(c.stage_id, c.name, Rect(c.rect.x, 0.0, c.rect.width, y)) for c in columns]
    return Grid(
        metrics,
        lanes,
        columns,
        step_offsets=offsets,
        step_cells=cells,
        lane_tops={lane.department_id: lane.rect.y for lane in lanes},
        column_lefts={column.stage_id: column.rect.x for column in columns},
        auto_placed=auto_placed,
    )


def _offsets(
    journey: JourneyMap, metrics: Metrics
) -> tuple[dict[str, tuple[float, float]], frozenset[str]]:
    """Each card's offset in its cell, in scene units (the map's 1× offsets × scale)."""
    steps = journey.steps.values()
    unplaced = [s.id for s in steps if s.x is None or s.y is None]
    # Arranged like Tidy Layout would place them (tidy.py), at 1x, around the others.
    automatic = (
        arrange(journey, SCREEN, metrics.base(), set(unplaced), None).positions if unplaced else {}
    )
    scale = metrics.scale
    offsets: dict[str, tuple[float, float]] = {}
    for step in steps:
        if step.id in automatic:
            x, y = automatic[step.id]
        else:
            x, y = float(step.x), float(step.y)
        offsets[step.id] = ((x if x > 0.0 else 0.0) * scale, (y if y > 0.0 else 0.0) * scale)
    return offsets, frozenset(automatic)


def fill_ratio(grid: Grid) -> float:
    """Card area over the whole grid's area (headers included): how dense the map is."""
    bounds = grid.bounds
    cards = len(grid.step_offsets) * grid.metrics.card_width * grid.metrics.card_height
    return cards / (bounds.width * bounds.height) if bounds.width and bounds.height else 0.0
