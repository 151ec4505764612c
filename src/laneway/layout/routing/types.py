"""What goes into the router and what comes out: plain numbers, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import Enum

#: Internally a rectangle is (left, top, right, bottom): cheaper than ``Rect`` in hot loops.
Box = tuple[float, float, float, float]
Point = tuple[float, float]


class Side(str, Enum):
    """The side of a card a link leaves or enters (PPTX glue sites: 0 top, 1 left,
    2 bottom, 3 right, in ``connection_site`` order)."""

    TOP = "top"
    LEFT = "left"
    BOTTOM = "bottom"
    RIGHT = "right"

    @property
    def horizontal(self) -> bool:
        """True when the link leaves this side horizontally (left and right sides)."""
        return self in (Side.LEFT, Side.RIGHT)

    @property
    def glue_site(self) -> int:
        return ("top", "left", "bottom", "right").index(self.value)


@dataclass(frozen=True)
class LinkSpec:
    """One link to route. ``captions``: the caption's box sizes (w, h) the caller can
    draw, best first (e.g. one line, then wrapped narrower); empty for no caption.
    ``gap_marker``: a "?" circle is drawn on it (a handoff gap)."""

    id: str
    source: str
    target: str
    captions: tuple[tuple[float, float], ...] = ()
    gap_marker: bool = False


@dataclass(frozen=True)
class Route:
    """A routed link.

    ``points``: an orthogonal polyline from the source card's side to the target
    card's side (scene coordinates; the arrow head goes at the last point).
    ``caption``: where the caption box goes, or None (no caption asked for, or no
    room: then ``note_marker`` is set and the caption becomes a numbered note).
    ``caption_size``: which of ``LinkSpec.captions`` fitted (an index), or None.
    ``gap_marker``: the "?" circle's box, when asked for. ``blocked``: no path around
    the cards was found (cards overlap or enclose an end): the path is a straight
    fallback and may cross cards. ``crowded``: every way round ran through channels
    the links before it already fill, so it may run on top of another link (seen
    only on maps far denser than a journey: many long links through 40 px gaps).
    """

    link_id: str
    points: tuple[Point, ...]
    source_side: Side
    target_side: Side
    caption: Box | None = None
    caption_size: int | None = None
    note_marker: Box | None = None
    gap_marker: Box | None = None
    blocked: bool = False
    crowded: bool = False

    def labels(self) -> list[Box]:
        """Every box this route puts on the map (caption, note marker, gap marker)."""
        return [b for b in (self.caption, self.note_marker, self.gap_marker) if b is not None]


@dataclass(frozen=True)
class RouterSettings:
    """Distances in scene units at 1×; ``scaled`` with the text size like ``Metrics``."""

    #: Paths keep this far from every card and badge but their own ends.
    clearance: float = 4.0
    #: The cost of one bend, in units of path length.
    bend_penalty: float = 40.0
    #: Extra cost for leaving a card other than through its right side, or entering
    #: other than through its left side (the journey reads left to right).
    side_penalty: float = 30.0
    #: The farthest nudging moves a segment from where the search put it.
    max_nudge: float = 16.0
    #: Distance between parallel links sharing a channel (less when it is narrow).
    spacing: float = 8.0
    min_spacing: float = 3.0
    #: Attachment points keep this far from a card's corners.
    corner: float = 10.0
    #: Side of the square box of a "?" or numbered-note marker.
    marker_size: float = 18.0
    #: Captions and markers keep this far from cards, badges and one another.
    label_gap: float = 2.0

    def scaled(self, factor: float) -> RouterSettings:
        return replace(self, **{f.name: getattr(self, f.name) * factor for f in fields(self)})


def box_of(rect) -> Box:
    """A ``Rect`` (x, y, width, height) as a Box."""
    return (rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)


def grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def overlaps(a: Box, b: Box) -> bool:
    """True when the two boxes share interior (touching is not overlapping)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def bbox(points) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))
