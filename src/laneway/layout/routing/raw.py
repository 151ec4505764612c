"""One link's path before nudging: a quick shape if one is free, else A* in widening windows.

A shape or search step is refused when it enters an obstacle, runs along a gap too
narrow for two links, or runs along a channel that links routed before it (lower
ids) already fill: a channel of free width w takes ``w / min_spacing + 1`` links.

The result records what it depended on, so the router re-routes a link only when
that changed: ``probes`` (the boxes whose obstacles it looked at: each shape tried,
each search window, and the room nudging may use around the path), ``crowded`` (the
channels that refused a cheaper shape: a link leaving one may free it) and
``slack`` (how many more links each channel of the path takes before it is full).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol

from laneway.layout.routing.nudging import Room, rooms
from laneway.layout.routing.obstacles import Obstacles, card_key
from laneway.layout.routing.search import narrow_width, search
from laneway.layout.routing.shapes import candidates, route_cost
from laneway.layout.routing.types import Box, Point, RouterSettings, Side, bbox, grow, union

#: Search windows: the two cards plus this many card sizes around them, then everything.
WINDOW_MARGINS = (1.0, 3.0)
#: Searches again around full channels at most this many times (in the whole map more:
#: the last chance before a link runs through a full channel, on top of others).
DETOURS = 6
WHOLE_MAP_DETOURS = 40
#: Channel = (horizontal, box): the box spans the segment's extent and its tight room.
Channel = tuple[bool, Box]


class Crowding(Protocol):
    def load(self, link_id: str, horizontal: bool, box: Box) -> int:
        """How many segments of links before ``link_id`` run along ``box``."""


@dataclass(frozen=True)
class RawRoute:
    points: tuple[Point, ...]
    source_side: Side
    target_side: Side
    region: Box
    blocked: bool = False
    probes: tuple[Box, ...] = ()
    rooms: tuple[Room, ...] = ()
    crowded: tuple[Channel, ...] = ()
    slack: tuple[tuple[Channel, int], ...] = ()
    #: Found by the search: it may depend on any link in its probes.
    searched: bool = False
    #: The probes of the path taken (and its two cards): an obstacle that appears
    #: elsewhere in ``probes`` cannot change the route, only one that goes can.
    path_probes: tuple[Box, ...] = ()
    #: Taken through a channel already full: it may run on top of another link.
    overfull: bool = False


@dataclass
class _Verdict:
    ok: bool
    rooms: list[Room]
    slack: list[tuple[Channel, int]]
    crowded: Channel | None = None
    #: Every full channel along the path (when asked for all of them).
    full: list[Channel] | None = None


def route_raw(
    link_id: str,
    a: Box,
    b: Box,
    ends: tuple[str, str],
    obstacles: Obstacles,
    s: RouterSettings,
    crowding: Crowding | None = None,
) -> RawRoute:
    """The path of ``link_id`` from card ``a`` (step ``ends[0]``) to card ``b``."""
    probes: list[Box] = [a, b]
    crowded: list[Channel] = []
    for shape in candidates(a, b, s):  # each stays within the two cards' box, plus a step
        probes.extend(_segment_probes(shape.points, s))
        verdict = _check(link_id, shape.points, ends, obstacles, s, crowding)
        if verdict.ok:
            sides = (shape.source_side, shape.target_side)
            return _done(shape.points, sides, probes, verdict, crowded, s)
        if verdict.crowded is not None:
            crowded.append(verdict.crowded)
    found = _searched(link_id, a, b, ends, obstacles, s, probes, crowding)
    if found is not None:
        points, sides, verdict, overfull = found
        probes.extend(_segment_probes(points, s))
        return _done(points, sides, probes, verdict, crowded, s, True, overfull=overfull)
    points, sides = _straight_through(a, b)
    verdict = _check(link_id, points, ends, obstacles, s, None, True, True, blocked_ok=True)
    return _done(points, sides, probes, verdict, crowded, s, searched=True, blocked=True)


def recheck(
    old: RawRoute, link_id: str, ends: tuple[str, str], obstacles: Obstacles, s, crowding
) -> RawRoute | None:
    """The same route with its rooms measured again, if it is still the one to take
    after obstacles *appeared* near it (so no shape tried before it became free);
    None when it must be routed again."""
    if old.searched:
        return None
    verdict = _check(link_id, old.points, ends, obstacles, s, crowding)
    if not verdict.ok:
        return None
    return replace(old, rooms=tuple(verdict.rooms), slack=tuple(verdict.slack))


def _segment_probes(points, s: RouterSettings) -> list[Box]:
    """What checking (and later nudging) a segment looks at: it, widened by the nudge."""
    reach = s.max_nudge + s.clearance
    return [grow(bbox((p, q)), reach) for p, q in pairwise(points)]


def _check(
    link_id,
    points,
    ends,
    obstacles: Obstacles,
    s,
    crowding,
    narrow_ok=False,
    crowd_ok=False,
    every_full=False,
    blocked_ok=False,
) -> _Verdict:
    """Whether a path may be taken (clear of obstacles unless ``blocked_ok``; not along
    a narrow gap unless ``narrow_ok``; not along a full channel unless ``crowd_ok``),
    and each segment's room. ``every_full``: note every full channel, not just the first."""
    verdict = _Verdict(True, [], [])
    last = len(points) - 2
    for index, (p, q) in enumerate(pairwise(points)):
        exclude = [card_key(e) for e, at in ((ends[0], 0), (ends[1], last)) if index == at]
        if not blocked_ok and not obstacles.segment_free(p, q, s.clearance, exclude):
            return _Verdict(False, [], [])
        horizontal = p[1] == q[1]
        coord, lo, hi = (p[1], p[0], q[0]) if horizontal else (p[0], p[1], q[1])
        lo, hi = min(lo, hi), max(lo, hi)
        room = rooms(obstacles, horizontal, coord, lo, hi, exclude, s)
        (free_lo, free_hi), (tight_lo, tight_hi) = room
        if not narrow_ok and free_hi - free_lo < narrow_width(s):
            return _Verdict(False, [], [])
        verdict.rooms.append(room)
        box = (lo, tight_lo, hi, tight_hi) if horizontal else (tight_lo, lo, tight_hi, hi)
        takes = int((tight_hi - tight_lo) / s.min_spacing) + 1
        load = crowding.load(link_id, horizontal, box) if crowding is not None else 0
        if not crowd_ok and load >= takes:
            if not every_full:
                return _Verdict(False, [], [], (horizontal, box))
            verdict.ok, verdict.crowded = False, verdict.crowded or (horizontal, box)
            reach = s.max_nudge + s.clearance  # the whole channel, not just this line
            wide = (lo, coord - reach, hi, coord + reach)
            wide = wide if horizontal else (wide[1], wide[0], wide[3], wide[2])
            verdict.full = [*(verdict.full or []), (horizontal, wide)]
        verdict.slack.append(((horizontal, box), takes - load - 1))
    return verdict


def _searched(link_id, a, b, ends, obstacles: Obstacles, s, probes: list[Box], crowding):
    """Nearby windows first, then the whole map; through full channels only when
    nothing else is left (narrow gaps cost the search dearly, see ``search.py``)."""
    size = max(a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1])
    both = union(a, b)
    near = [grow(both, margin * size + 2 * s.clearance) for margin in WINDOW_MARGINS]
    for crowd_ok in (False, True):
        for window in [*near, None]:
            detours = DETOURS
            if window is None:  # everything, when nothing nearer would do
                window = grow(_everything(obstacles, both), size + 2 * s.clearance)
                detours = WHOLE_MAP_DETOURS
            probes.append(grow(window, s.clearance))
            found = _detoured(
                link_id, a, b, ends, obstacles, s, window, crowding, crowd_ok, detours
            )
            if found is not None:
                return (*found, crowd_ok)
    return None


def _detoured(link_id, a, b, ends, obstacles, s, window, crowding, crowd_ok, detours):
    """A search that goes around channels earlier links fill (a few times at most)."""
    full: list[Channel] = []
    for _attempt in range(detours + 1):
        found = search(a, b, ends[0], ends[1], obstacles, s, window, False, full)
        if found is None:
            return None
        points, source_side, target_side = found
        verdict = _check(link_id, points, ends, obstacles, s, crowding, True, crowd_ok, True)
        if verdict.ok:
            return points, (source_side, target_side), verdict
        if not verdict.full:
            return None
        full.extend(verdict.full)
    return None


def _everything(obstacles: Obstacles, box: Box) -> Box:
    left, top, right, bottom = box
    for b in obstacles.index.boxes.values():
        left, top = min(left, b[0]), min(top, b[1])
        right, bottom = max(right, b[2]), max(bottom, b[3])
    return (left, top, right, bottom)


def _done(
    points,
    sides,
    probes,
    verdict: _Verdict,
    crowded,
    s,
    searched=False,
    blocked=False,
    overfull=False,
):
    region = probes[0]
    for box in probes[1:]:
        region = union(region, box)
    path = (probes[0], probes[1], *_segment_probes(points, s))
    return RawRoute(
        tuple(points),
        sides[0],
        sides[1],
        region,
        blocked,
        tuple(probes),
        tuple(verdict.rooms),
        tuple(crowded),
        tuple(verdict.slack),
        searched,
        path,
        overfull,
    )


def _straight_through(a: Box, b: Box) -> tuple[tuple[Point, ...], tuple[Side, Side]]:
    """When nothing is free (cards on top of one another): right side to left side."""
    acy, bcy = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
    x = (a[2] + b[0]) / 2
    points = ((a[2], acy), (x, acy), (x, bcy), (b[0], bcy))
    if acy == bcy:
        points = ((a[2], acy), (b[0], bcy))
    return points, (Side.RIGHT, Side.LEFT)


__all__ = ["Crowding", "RawRoute", "recheck", "route_cost", "route_raw"]
