"""The quick routes tried before any search: straight, one bend (L), two bends (Z, C).

Most links of an arranged map join neighbouring cards through the channels between
them, so one of these is almost always free; each is checked against the obstacles
and the cheapest free one is taken (same cost as the search: length, bends, sides).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from laneway.layout.routing.types import Box, Point, RouterSettings, Side

B, L, R, T = Side.BOTTOM, Side.LEFT, Side.RIGHT, Side.TOP


@dataclass(frozen=True, order=True)
class Candidate:
    cost: float
    order: int
    points: tuple[Point, ...]
    source_side: Side
    target_side: Side


def route_cost(points, source_side: Side, target_side: Side, s: RouterSettings) -> float:
    length = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairwise(points))
    bends = len(points) - 2
    sides = (source_side is not R) + (target_side is not L)
    return length + bends * s.bend_penalty + sides * s.side_penalty


def candidates(a: Box, b: Box, s: RouterSettings) -> list[Candidate]:
    """Every quick shape between card ``a`` and card ``b``, cheapest first."""
    found: list[Candidate] = []

    def add(points: list[Point], source_side: Side, target_side: Side) -> None:
        cost = route_cost(points, source_side, target_side, s)
        found.append(Candidate(cost, len(found), tuple(points), source_side, target_side))

    _straight(a, b, s, add)
    _two_bends(a, b, s, add)
    _one_bend(a, b, s, add)
    _around(a, b, s, add)
    found.sort()
    return found


def _straight(a: Box, b: Box, s: RouterSettings, add) -> None:
    al, at, ar, ab = a
    bl, bt, br, bb = b
    gap, k = 2 * s.clearance, s.corner
    # the window both sides share must hold two tracks: an opposite pair drawn straight
    # in a narrower one would lie on one line (nudging cannot move an end off its side)
    lo, hi = max(at, bt) + k, min(ab, bb) - k
    if hi - lo >= s.spacing:
        y = (lo + hi) / 2
        if bl >= ar + gap:
            add([(ar, y), (bl, y)], R, L)
        if br <= al - gap:
            add([(al, y), (br, y)], L, R)
    lo, hi = max(al, bl) + k, min(ar, br) - k
    if hi - lo >= s.spacing:
        x = (lo + hi) / 2
        if bt >= ab + gap:
            add([(x, ab), (x, bt)], B, T)
        if bb <= at - gap:
            add([(x, at), (x, bb)], T, B)


def _two_bends(a: Box, b: Box, s: RouterSettings, add) -> None:
    al, at, ar, ab = a
    bl, bt, br, bb = b
    acx, acy, bcx, bcy = (al + ar) / 2, (at + ab) / 2, (bl + br) / 2, (bt + bb) / 2
    gap = 2 * s.clearance
    if abs(acy - bcy) > 0.5:
        if bl >= ar + gap:
            x = (ar + bl) / 2
            add([(ar, acy), (x, acy), (x, bcy), (bl, bcy)], R, L)
        if br <= al - gap:
            x = (al + br) / 2
            add([(al, acy), (x, acy), (x, bcy), (br, bcy)], L, R)
    if abs(acx - bcx) > 0.5:
        if bt >= ab + gap:
            y = (ab + bt) / 2
            add([(acx, ab), (acx, y), (bcx, y), (bcx, bt)], B, T)
        if bb <= at - gap:
            y = (at + bb) / 2
            add([(acx, at), (acx, y), (bcx, y), (bcx, bb)], T, B)


def _one_bend(a: Box, b: Box, s: RouterSettings, add) -> None:
    al, at, ar, ab = a
    bl, bt, br, bb = b
    acx, acy, bcx, bcy = (al + ar) / 2, (at + ab) / 2, (bl + br) / 2, (bt + bb) / 2
    c = s.clearance
    for x, side, beyond in ((ar, R, bcx >= ar + c), (al, L, bcx <= al - c)):
        if beyond and bt >= acy + c:
            add([(x, acy), (bcx, acy), (bcx, bt)], side, T)
        if beyond and bb <= acy - c:
            add([(x, acy), (bcx, acy), (bcx, bb)], side, B)
    for y, side, beyond in ((ab, B, bcy >= ab + c), (at, T, bcy <= at - c)):
        if beyond and bl >= acx + c:
            add([(acx, y), (acx, bcy), (bl, bcy)], side, L)
        if beyond and br <= acx - c:
            add([(acx, y), (acx, bcy), (br, bcy)], side, R)


def _around(a: Box, b: Box, s: RouterSettings, add) -> None:
    """C shapes: out of one side and back into the same side of the other card."""
    al, at, ar, ab = a
    bl, bt, br, bb = b
    acx, acy, bcx, bcy = (al + ar) / 2, (at + ab) / 2, (bl + br) / 2, (bt + bb) / 2
    out = 2 * s.clearance + 2 * s.spacing
    if abs(acy - bcy) >= 2 * s.clearance:
        x = max(ar, br) + out
        add([(ar, acy), (x, acy), (x, bcy), (br, bcy)], R, R)
        x = min(al, bl) - out
        add([(al, acy), (x, acy), (x, bcy), (bl, bcy)], L, L)
    if abs(acx - bcx) >= 2 * s.clearance:
        y = min(at, bt) - out
        add([(acx, at), (acx, y), (bcx, y), (bcx, bt)], T, T)
        y = max(ab, bb) + out
        add([(acx, ab), (acx, y), (bcx, y), (bcx, bb)], B, B)
