"""Nudging: parallel segments that share a channel are spread apart and centred.

After the search, links running through one channel lie on the same line. Each
segment gets the interval it may move in (``free_interval``: up to ``max_nudge``
either way, never closer than the clearance to an obstacle, an end segment never
off its card's side). Segments that could meet are grouped into *zones*; within a
zone, segments on one line whose extents overlap form a *bundle* spread evenly
around the middle of their common free interval, in a fixed order (each link keeps
to its right, so the two links of an opposite pair take opposite sides), and every
two segments that could touch are pushed at least ``spacing`` apart where there is
room. This is the nudging step of orthogonal connector routing (libavoid's), with a
simple iterative projection in place of its quadratic solver.

Every segment moves at most ``max_nudge`` and its free interval was measured over its
extent widened by ``max_nudge``, so the corners between moved segments stay in free
space too. A zone is found from its segments alone, so re-nudging one zone after an
edit gives exactly what nudging everything would.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.layout.routing.index import BucketIndex
from laneway.layout.routing.obstacles import Obstacles, card_key
from laneway.layout.routing.types import Box, Point, RouterSettings

SegKey = tuple[str, int]  # (link id, index of the segment along the path)
_ROUNDS = 4  # forward and backward passes tried before a zone counts as too tight


@dataclass(frozen=True)
class Seg:
    key: SegKey
    horizontal: bool
    coord: float  # y of a horizontal segment, x of a vertical one
    lo: float  # extent along the segment
    hi: float
    free_lo: float  # where nudging may put it
    free_hi: float
    order: tuple  # its place among segments on the same line
    tight_lo: float = 0.0  # where it may go when the gap is too narrow otherwise:
    tight_hi: float = 0.0  # a quarter of the clearance from obstacles

    def zone_box(self, reach: float) -> Box:
        if self.horizontal:
            return (self.lo - reach, self.coord - reach, self.hi + reach, self.coord + reach)
        return (self.coord - reach, self.lo - reach, self.coord + reach, self.hi + reach)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def segments(
    link_id: str,
    points: tuple[Point, ...],
    ends: tuple[Box, Box],
    path_rooms: list[Room],
    s: RouterSettings,
) -> list[Seg]:
    """The segments of one path with the room each has (end segments stay on their side)."""
    found = []
    last = len(points) - 2
    for index in range(last + 1):
        (x0, y0), (x1, y1) = points[index], points[index + 1]
        horizontal = y0 == y1
        coord, a, b = (y0, x0, x1) if horizontal else (x0, y0, y1)
        clamped = []
        for lo, hi in path_rooms[index]:
            for end, box in ((0, ends[0]), (last, ends[1])):
                if index == end:
                    side_lo, side_hi = (box[1], box[3]) if horizontal else (box[0], box[2])
                    lo, hi = max(lo, side_lo + s.corner), min(hi, side_hi - s.corner)
            clamped.append((min(lo, coord), max(hi, coord)))
        (lo, hi), (tight_lo, tight_hi) = clamped
        order = (_keep_right(horizontal, b - a), _turns(points, index, horizontal), link_id, index)
        extent = (min(a, b), max(a, b))
        found.append(
            Seg((link_id, index), horizontal, coord, *extent, lo, hi, order, tight_lo, tight_hi)
        )
    return found


def _keep_right(horizontal: bool, along: float) -> int:
    """Travelling east a link keeps south (larger y); travelling south it keeps west."""
    return _sign(along) if horizontal else -_sign(along)


def _turns(points, index: int, horizontal: bool) -> int:
    """Which side the path comes from and goes to: a segment leaving downwards sits low."""
    axis = 1 if horizontal else 0
    before = _sign(points[index][axis] - points[index - 1][axis]) if index > 0 else 0
    after = (
        _sign(points[index + 2][axis] - points[index + 1][axis]) if index + 2 < len(points) else 0
    )
    return after - before


Room = tuple[tuple[float, float], tuple[float, float]]  # (free interval, tight interval)


def rooms(
    obstacles: Obstacles, horizontal: bool, coord: float, lo: float, hi: float, exclude, s
) -> Room:
    """How far a segment may move either way (at most ``max_nudge``): keeping the
    clearance from obstacles, and keeping a quarter of it (for crowded channels)."""
    reach, wide = s.max_nudge, s.clearance
    if horizontal:
        probe = (lo - reach, coord - reach - wide, hi + reach, coord + reach + wide)
    else:
        probe = (coord - reach - wide, lo - reach, coord + reach + wide, hi + reach)
    near = [
        _along_across(box, horizontal)
        for key, box in obstacles.meeting(probe)
        if key not in exclude
    ]
    return (
        _interval(near, coord, lo, hi, wide, reach),
        _interval(near, coord, lo, hi, wide / 4, reach),
    )


def _along_across(box: Box, horizontal: bool) -> Box:
    """(along start, across start, along end, across end) of an obstacle."""
    return box if horizontal else (box[1], box[0], box[3], box[2])


def _interval(near, coord: float, lo: float, hi: float, c: float, reach: float):
    start, end = lo - reach, hi + reach
    across = []
    for a0, c0, a1, c1 in near:
        a0, c0, a1, c1 = a0 - c, c0 - c, a1 + c, c1 + c
        if c0 < coord < c1:  # on the line, beyond an end: the corner may not reach it
            if a0 >= hi:
                end = min(end, a0)
            elif a1 <= lo:
                start = max(start, a1)
            continue
        across.append((a0, a1, c0, c1))
    low, high = coord - reach, coord + reach
    for a0, a1, c0, c1 in across:
        if a0 < end and a1 > start:
            if c1 <= coord:
                low = max(low, c1)
            else:
                high = min(high, c0)
    return low, high


def segment_rooms(points, steps: tuple[str, str], obstacles: Obstacles, s) -> list[Room]:
    """The rooms of every segment of a path (its end segments may touch their cards)."""
    found = []
    last = len(points) - 2
    for index in range(last + 1):
        (x0, y0), (x1, y1) = points[index], points[index + 1]
        horizontal = y0 == y1
        coord, a, b = (y0, x0, x1) if horizontal else (x0, y0, y1)
        exclude = []
        if index == 0:
            exclude.append(card_key(steps[0]))
        if index == last:
            exclude.append(card_key(steps[1]))
        found.append(rooms(obstacles, horizontal, coord, min(a, b), max(a, b), exclude, s))
    return found


class Zones:
    """Every segment in one index per direction, to find the segments that could meet."""

    def __init__(self, s: RouterSettings) -> None:
        self.settings = s
        self.reach = s.max_nudge
        self.segs: dict[SegKey, Seg] = {}
        self._index = {True: BucketIndex(), False: BucketIndex()}

    def add(self, seg: Seg) -> None:
        self.segs[seg.key] = seg
        self._index[seg.horizontal].put(seg.key, seg.zone_box(self.reach))

    def remove(self, key: SegKey) -> Seg | None:
        seg = self.segs.pop(key, None)
        if seg is not None:
            self._index[seg.horizontal].remove(key)
        return seg

    def index(self, horizontal: bool) -> BucketIndex:
        """Segments of one direction, each under its box widened by ``max_nudge``."""
        return self._index[horizontal]

    def neighbours(self, seg: Seg) -> list[SegKey]:
        return self._index[seg.horizontal].touching(seg.zone_box(self.reach))

    def zones_of(self, seeds) -> list[list[Seg]]:
        """The zones (connected groups of segments that could meet) holding ``seeds``."""
        seen: set[SegKey] = set()
        zones = []
        for seed in sorted(k for k in seeds if k in self.segs):
            if seed in seen:
                continue
            seen.add(seed)
            zone, todo = [], [seed]
            while todo:
                key = todo.pop()
                seg = self.segs[key]
                zone.append(seg)
                for other in self.neighbours(seg):
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
            zones.append(zone)
        return zones


def place_zone(zone: list[Seg], s: RouterSettings) -> dict[SegKey, float]:
    """Where each segment of a zone goes: apart by the wanted distances where the room
    allows, else by a half, a quarter... of them (never less than ``min_spacing`` if
    that fits at all)."""
    members = sorted(zone, key=lambda g: (round(g.coord, 1), g.order))
    desired, spacing_of, track_of = _desired(members, s)
    members.sort(key=lambda g: (round(g.coord, 1), track_of[g.key], g.order))
    pairs = _pairs(members, spacing_of, s)
    pos: dict[SegKey, float] = {}
    for part, part_pairs in _components(members, pairs):
        pos.update(_spread(part, part_pairs, desired, s))
    return pos


def _components(members: list[Seg], pairs):
    """Groups of segments joined by pairs (each keeps the members' order)."""
    group = {g.key: g.key for g in members}

    def find(key):
        while group[key] != key:
            group[key] = group[group[key]]
            key = group[key]
        return key

    for a, b, _sep in pairs:
        group[find(a.key)] = find(b.key)
    parts: dict[SegKey, tuple[list[Seg], list]] = {}
    for g in members:
        parts.setdefault(find(g.key), ([], []))[0].append(g)
    for pair in pairs:
        parts[find(pair[0].key)][1].append(pair)
    return list(parts.values())


def _spread(members: list[Seg], pairs, desired, s: RouterSettings) -> dict[SegKey, float]:
    room = {g.key: (g.free_lo, g.free_hi) for g in members}
    tight = {g.key: (g.tight_lo, g.tight_hi) for g in members}
    floor = s.min_spacing
    attempts = [(1.0, room, floor), (0.5, room, floor), (0.25, room, floor), (0.0, room, floor)]
    attempts += [(0.0, tight, floor), (0.0, tight, floor / 2)]  # a crowded channel
    pos: dict[SegKey, float] = {}
    for factor, bounds, least in attempts:
        pos = {g.key: min(max(desired[g.key], bounds[g.key][0]), bounds[g.key][1]) for g in members}
        scaled = [(a, b, max(sep * factor, least)) for a, b, sep in pairs]
        if _separate(pos, scaled, bounds):
            break
    return pos


def _separate(pos: dict[SegKey, float], pairs, bounds) -> bool:
    """Spread the segments: each at least ``sep`` above the ones before it that it could
    touch (a forward pass), then pulled back under the ones after it (a backward pass),
    always within bounds; True when every pair ends up apart."""
    after: dict[SegKey, list] = {}
    before: dict[SegKey, list] = {}
    for a, b, sep in pairs:
        after.setdefault(b.key, []).append((a.key, sep))
        before.setdefault(a.key, []).append((b.key, sep))
    keys = list(pos)  # already in order, lowest first
    for _round in range(_ROUNDS):
        for key in keys:
            low = max((pos[k] + sep for k, sep in after.get(key, ())), default=pos[key])
            pos[key] = min(max(pos[key], low), bounds[key][1])
        for key in reversed(keys):
            high = min((pos[k] - sep for k, sep in before.get(key, ())), default=pos[key])
            pos[key] = max(min(pos[key], high), bounds[key][0])
        if all(pos[b.key] - pos[a.key] >= sep - 0.01 for a, b, sep in pairs):
            return True
    return False


def _desired(members: list[Seg], s: RouterSettings):
    """Bundles (one line, extents overlapping or nearly) get tracks, as few as the most
    segments side by side; the tracks are spread around the bundle's free middle."""
    desired: dict[SegKey, float] = {}
    spacing_of: dict[SegKey, tuple[int, float]] = {}
    track_of: dict[SegKey, int] = {}
    bundle_id = 0
    for line in _lines(members):
        for bundle in _bundles(line, s.max_nudge):
            tracks = _tracks(bundle, s.max_nudge)
            k = max(tracks.values()) + 1
            lo = max(g.free_lo for g in bundle)
            hi = min(g.free_hi for g in bundle)
            if lo <= hi:
                centre, width = (lo + hi) / 2, hi - lo
                spacing = min(s.spacing, width / k) if k > 1 else 0.0
                if k > 1 and spacing < s.min_spacing:
                    spacing = width / (k - 1)
            else:
                centre, spacing = sum(g.coord for g in bundle) / len(bundle), s.spacing
            for g in bundle:
                desired[g.key] = centre + (tracks[g.key] - (k - 1) / 2) * spacing
                spacing_of[g.key] = (bundle_id, spacing)
            track_of.update(tracks)
            bundle_id += 1
    return desired, spacing_of, track_of


def _tracks(bundle: list[Seg], reach: float) -> dict[SegKey, int]:
    """The lowest track free of every segment it could touch, in line order."""
    tracks: dict[SegKey, int] = {}
    placed: list[Seg] = []
    for g in bundle:
        taken = {tracks[o.key] for o in placed if g.lo < o.hi + reach and o.lo < g.hi + reach}
        track = 0
        while track in taken:
            track += 1
        tracks[g.key] = track
        placed.append(g)
    return tracks


def _lines(members: list[Seg]) -> list[list[Seg]]:
    lines: list[list[Seg]] = []
    for g in members:
        if lines and abs(lines[-1][0].coord - g.coord) < 0.5:
            lines[-1].append(g)
        else:
            lines.append([g])
    return lines


def _bundles(line: list[Seg], reach: float) -> list[list[Seg]]:
    """Segments of one line joined by extents closer than ``reach``, in line order."""
    group = list(range(len(line)))

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    by_start = sorted(range(len(line)), key=lambda i: line[i].lo)
    reach_end, reach_owner = -float("inf"), -1
    for i in by_start:
        if line[i].lo < reach_end + reach:
            group[find(i)] = find(reach_owner)
        if line[i].hi > reach_end:
            reach_end, reach_owner = line[i].hi, i
    bundles: dict[int, list[Seg]] = {}
    for i, g in enumerate(line):
        bundles.setdefault(find(i), []).append(g)
    return list(bundles.values())


def _pairs(members: list[Seg], spacing_of, s: RouterSettings):
    """(lower, upper, distance) for every two segments that could touch."""
    reach = s.max_nudge
    pairs = []
    order = {g.key: n for n, g in enumerate(members)}
    by_start = sorted(members, key=lambda g: g.lo)
    for n, a in enumerate(by_start):
        for b in by_start[n + 1 :]:
            if b.lo >= a.hi + reach:
                break
            if abs(a.coord - b.coord) > 2 * reach:
                continue
            if _reach(a)[0] > _reach(b)[1] or _reach(b)[0] > _reach(a)[1]:
                continue  # no position either may take meets the other's
            low, high = (a, b) if order[a.key] < order[b.key] else (b, a)
            if spacing_of[a.key][0] == spacing_of[b.key][0]:
                sep = spacing_of[a.key][1]  # one bundle: its even spread
            elif a.lo < b.hi and b.lo < a.hi:
                sep = s.spacing  # side by side in one channel
            else:
                sep = s.min_spacing  # end to end: only kept off one line
            pairs.append((low, high, max(sep, s.min_spacing)))
    pairs.sort(key=lambda p: (order[p[0].key], order[p[1].key]))
    return pairs


def _reach(g: Seg) -> tuple[float, float]:
    """Every position ``_spread`` may give the segment: its free room or its tight one
    (the two need not nest: a free room is measured on a wider probe)."""
    return min(g.free_lo, g.tight_lo, g.coord), max(g.free_hi, g.tight_hi, g.coord)


def nudged_points(points: tuple[Point, ...], positions: list[float]) -> tuple[Point, ...]:
    """The path with each segment moved to its position (corners follow both)."""
    n = len(points) - 1
    horizontal = [points[i][1] == points[i + 1][1] for i in range(n)]
    out: list[Point] = []
    first = positions[0]
    out.append((points[0][0], first) if horizontal[0] else (first, points[0][1]))
    for i in range(1, n):
        a, b = positions[i - 1], positions[i]
        out.append((b, a) if horizontal[i - 1] else (a, b))
    last = positions[-1]
    out.append((points[-1][0], last) if horizontal[-1] else (last, points[-1][1]))
    return _clean(out)


def _clean(points: list[Point]) -> tuple[Point, ...]:
    kept: list[Point] = []
    for point in points:
        if kept and abs(kept[-1][0] - point[0]) < 1e-9 and abs(kept[-1][1] - point[1]) < 1e-9:
            continue
        if len(kept) >= 2:
            (x0, y0), (x1, y1) = kept[-2], kept[-1]
            if (x0 == x1 == point[0]) or (y0 == y1 == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)
