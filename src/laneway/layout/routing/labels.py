"""Captions and markers: on their link, overlapping no card, badge or other label.

Links are labelled one by one in the order of their ids; each label avoids the
obstacles and the labels of links before it. A "?" gap marker goes first, on the
path as near its middle as it fits, else on a ring around it; then the caption, the
first of its sizes that fits somewhere along the path (on the line, or beside it).
A caption that fits nowhere along the path becomes a numbered note: a marker placed
like the "?". Each result records the region it looked at, so a change elsewhere can
tell whether this link's labels must be placed again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from laneway.layout.routing.index import BucketIndex
from laneway.layout.routing.obstacles import Obstacles
from laneway.layout.routing.types import Box, LinkSpec, Point, RouterSettings, grow, union

_ALONG = (0.5, 0.3, 0.7, 0.15, 0.85)
_RINGS = 400  # marker rings tried around the path before giving up (never reached)


@dataclass(frozen=True)
class Labels:
    caption: Box | None = None
    caption_size: int | None = None
    note_marker: Box | None = None
    gap_marker: Box | None = None
    region: Box | None = None
    #: The boxes looked at (``region`` is their union).
    probes: tuple[Box, ...] = ()

    def boxes(self) -> list[tuple[str, Box]]:
        found = [("caption", self.caption), ("note", self.note_marker), ("gap", self.gap_marker)]
        return [(kind, box) for kind, box in found if box is not None]


class _Checker:
    """Tests a label box against obstacles and the labels of earlier links."""

    def __init__(self, link_id: str, obstacles: Obstacles, taken: BucketIndex, gap: float):
        self.link_id, self.obstacles, self.taken, self.gap = link_id, obstacles, taken, gap
        self.region: Box | None = None
        self.probes: list[Box] = []
        self.own: list[Box] = []

    def fits(self, box: Box) -> bool:
        grown = grow(box, self.gap)
        self.region = grown if self.region is None else union(self.region, grown)
        self.probes.append(grown)
        if self.obstacles.blocks(grown):
            return False
        left, top, right, bottom = grown
        for other in self.own:
            if left < other[2] and other[0] < right and top < other[3] and other[1] < bottom:
                return False
        boxes = self.taken.boxes
        for key in self.taken.candidates(grown):
            if key[0] < self.link_id:
                b = boxes[key]
                if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                    return False
        return True


def place_labels(
    spec: LinkSpec,
    points: tuple[Point, ...],
    obstacles: Obstacles,
    taken: BucketIndex,
    s: RouterSettings,
) -> Labels:
    """Labels for one link; ``taken`` holds other links' labels keyed (link id, kind)."""
    if not spec.captions and not spec.gap_marker:
        return Labels()
    check = _Checker(spec.id, obstacles, taken, s.label_gap)
    spots = _spots(points)
    gap_marker = None
    if spec.gap_marker:
        gap_marker = _marker(spots, points, check, s)
        if gap_marker is not None:
            check.own.append(gap_marker)
    caption, size, note = None, None, None
    for index, (w, h) in enumerate(spec.captions):
        caption = _caption(spots, w, h, check)
        if caption is not None:
            size = index
            break
    if spec.captions and caption is None:
        note = _marker(spots, points, check, s)
    return Labels(caption, size, note, gap_marker, check.region, tuple(check.probes))


def _spots(points: tuple[Point, ...]) -> list[tuple[Point, bool]]:
    """Points along the path (and whether their segment is horizontal), middle first."""
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(points)]
    total = sum(lengths)
    middle = total / 2
    spots: list[tuple[float, Point, bool]] = []
    start = 0.0
    for (a, b), length in zip(pairwise(points), lengths, strict=True):
        horizontal = a[1] == b[1]
        for t in _ALONG:
            at = start + t * length
            point = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            spots.append((abs(at - middle), point, horizontal))
        start += length
    spots.sort(key=lambda spot: (round(spot[0], 6), spot[1]))
    return [(point, horizontal) for _d, point, horizontal in spots]


def _caption(spots, w: float, h: float, check: _Checker) -> Box | None:
    for (x, y), horizontal in spots:
        if horizontal:
            boxes = (
                (x - w / 2, y - h / 2, x + w / 2, y + h / 2),
                (x - w / 2, y - h - 3, x + w / 2, y - 3),
                (x - w / 2, y + 3, x + w / 2, y + h + 3),
            )
        else:
            boxes = (
                (x - w / 2, y - h / 2, x + w / 2, y + h / 2),
                (x + 4, y - h / 2, x + 4 + w, y + h / 2),
                (x - 4 - w, y - h / 2, x - 4, y + h / 2),
            )
        for box in boxes:
            if check.fits(box):
                return box
    return None


def _marker(spots, points, check: _Checker, s: RouterSettings) -> Box | None:
    half = s.marker_size / 2
    for (x, y), horizontal in spots:
        offsets = ((0, 0), (0, -half - 3), (0, half + 3))
        if not horizontal:
            offsets = ((0, 0), (-half - 3, 0), (half + 3, 0))
        for dx, dy in offsets:
            box = (x + dx - half, y + dy - half, x + dx + half, y + dy + half)
            if check.fits(box):
                return box
    (cx, cy) = spots[0][0] if spots else points[0]
    for ring in range(1, _RINGS + 1):
        radius = ring * s.marker_size
        count = 8 * ring
        for n in range(count):
            angle = 2 * math.pi * n / count
            x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            box = (x - half, y - half, x + half, y + half)
            if check.fits(box):
                return box
    return None
