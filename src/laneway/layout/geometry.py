"""Plain-number geometry: the sizes of everything on the canvas, and rectangles."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Metrics:
    """Every size of the canvas at 1× (scene pixels); ``scaled`` for bigger text."""

    card_width: float = 184.0
    card_height: float = 96.0
    gap_x: float = 40.0
    gap_y: float = 20.0
    cell_padding: float = 20.0
    lane_header_width: float = 200.0
    stage_header_height: float = 48.0
    min_lane_height: float = 136.0
    min_column_width: float = 224.0
    #: A stage column with no cards: narrow, but wide enough to read its name and drop on.
    empty_column_width: float = 112.0
    #: A lane with no cards (the empty Unassigned lane, a new department): one header's height.
    empty_lane_height: float = 64.0
    #: How much bigger than 1× these sizes are (the text size setting). Positions in
    #: the map are always stored at 1×; the scene multiplies them by this.
    scale: float = 1.0

    def scaled(self, factor: float) -> Metrics:
        return replace(self, **{f.name: getattr(self, f.name) * factor for f in fields(self)})

    def base(self) -> Metrics:
        """The same sizes at 1×: the units of positions stored in the map."""
        if self.scale == 1.0:
            return self
        return replace(self, **{f.name: getattr(self, f.name) / self.scale for f in fields(self)})

    @property
    def step_x(self) -> float:
        """Distance between the left edges of two cards side by side."""
        return self.card_width + self.gap_x

    @property
    def step_y(self) -> float:
        return self.card_height + self.gap_y


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def intersects(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.width, self.height)
