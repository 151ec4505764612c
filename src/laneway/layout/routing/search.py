"""A* over an orthogonal lattice between the cards, bends penalised.

The lattice lines are the cards' edges pushed out by the clearance, the ports of the
two end cards and the window's edges (the orthogonal visibility idea of Wybrow,
Marriott & Stuckey, "Orthogonal connector routing", 2009, built only inside a window
around the two cards). A step between neighbouring lattice points is allowed when it
enters no obstacle; the search state is (point, direction) so each bend costs
``bend_penalty``. Paths hug the clearance lines; nudging spreads and centres them.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass

from laneway.layout.routing.obstacles import Obstacles, card_key
from laneway.layout.routing.types import Box, Point, RouterSettings, Side, grow

_H, _V = 0, 1
PORT_FRACTIONS = (0.5, 0.25, 0.75)


@dataclass(frozen=True)
class Port:
    side: Side
    on_side: Point  # where the path touches the card
    stub_end: Point  # one clearance out from the side: the first lattice point
    penalty: float


def ports(box: Box, s: RouterSettings, outgoing: bool) -> list[Port]:
    """Attachment points on every side (middle first), with the side's cost."""
    left, top, right, bottom = box
    c, k = s.clearance, s.corner
    found = []
    for side in (Side.RIGHT, Side.BOTTOM, Side.TOP, Side.LEFT):
        horizontal = side.horizontal
        lo, hi = (top, bottom) if horizontal else (left, right)
        free = side is (Side.RIGHT if outgoing else Side.LEFT)
        penalty = 0.0 if free else s.side_penalty
        for fraction in PORT_FRACTIONS:
            t = (
                min(max(lo + (hi - lo) * fraction, lo + k), hi - k)
                if hi - lo > 2 * k
                else (lo + hi) / 2
            )
            if side is Side.RIGHT:
                found.append(Port(side, (right, t), (right + c, t), penalty))
            elif side is Side.LEFT:
                found.append(Port(side, (left, t), (left - c, t), penalty))
            elif side is Side.TOP:
                found.append(Port(side, (t, top), (t, top - c), penalty))
            else:
                found.append(Port(side, (t, bottom), (t, bottom + c), penalty))
    return found


_FREE, _BLOCKED, _NARROW = 0, 1, 2
#: Along a gap whose free width (after the clearance on both sides) is less than
#: ``narrow_width(settings)`` two links could not be nudged apart: such steps are
#: refused (``strict``) or cost this many times their length, taken only when going
#: round is far longer.
NARROW_FACTOR = 25.0


def narrow_width(s: RouterSettings) -> float:
    return 2 * s.min_spacing


class _Lattice:
    def __init__(
        self, window: Box, blockers: list[Box], extra_x, extra_y, narrow: float, avoid=()
    ) -> None:
        self.blockers, self.narrow = blockers, narrow
        self._along_rows = [box for horizontal, box in avoid if horizontal]
        self._along_cols = [(t, left, b, r) for h, (left, t, r, b) in avoid if not h]
        self._by_row = _banded(blockers, 1, narrow)
        self._by_col = _banded([(t, left, b, r) for left, t, r, b in blockers], 1, narrow)
        wl, wt, wr, wb = window
        xs = {wl, wr, *(x for x in extra_x if wl <= x <= wr)}
        ys = {wt, wb, *(y for y in extra_y if wt <= y <= wb)}
        for left, top, right, bottom in blockers:
            xs.update(x for x in (left, right) if wl <= x <= wr)
            ys.update(y for y in (top, bottom) if wt <= y <= wb)
        self.xs, self.ys = sorted(xs), sorted(ys)
        self.col_of = {x: i for i, x in enumerate(self.xs)}
        self.row_of = {y: j for j, y in enumerate(self.ys)}
        self._rows: dict[int, bytearray] = {}
        self._cols: dict[int, bytearray] = {}

    def row(self, j: int) -> bytearray:
        """Steps along row j: cell i is the step from xs[i] to xs[i + 1]."""
        cells = self._rows.get(j)
        if cells is None:
            y = self.ys[j]
            cells = _cells(y, self.xs, self._by_row.get(int(y // _BAND), ()), self.narrow)
            self._rows[j] = _refuse_along(cells, self.ys[j], self.xs, self._along_rows)
        return cells

    def col(self, i: int) -> bytearray:
        cells = self._cols.get(i)
        if cells is None:
            x = self.xs[i]
            cells = _cells(x, self.ys, self._by_col.get(int(x // _BAND), ()), self.narrow)
            self._cols[i] = _refuse_along(cells, self.xs[i], self.ys, self._along_cols)
        return cells


_BAND = 64.0


def _banded(blockers, axis: int, narrow: float) -> dict[int, list[Box]]:
    """Blockers by the bands (of ``_BAND`` across) they reach, narrow margin included."""
    bands: dict[int, list[Box]] = {}
    for box in blockers:
        low, high = box[axis] - narrow, box[axis + 2] + narrow
        for band in range(int(low // _BAND), int(high // _BAND) + 1):
            bands.setdefault(band, []).append(box)
    return bands


def _refuse_along(cells: bytearray, line: float, stops: list[float], channels) -> bytearray:
    """Block the steps that run along a full channel (those across it stay open)."""
    for left, top, right, bottom in channels:
        if top <= line <= bottom:
            i0, i1 = bisect_left(stops, left), bisect_left(stops, right)
            cells[i0:i1] = b"\x01" * (i1 - i0)
    return cells


def _cells(line: float, stops: list[float], blockers, narrow: float) -> bytearray:
    """Each step along a line: free, blocked, or narrow (obstacles close on both sides)."""
    n = len(stops)
    cells = bytearray(n)
    above = bytearray(n)
    below = bytearray(n)
    for left, top, right, bottom in blockers:
        if top < line < bottom:
            i0, i1 = bisect_left(stops, left), bisect_left(stops, right)
            cells[i0:i1] = b"\x01" * (i1 - i0)
        elif line - narrow < bottom <= line:
            i0, i1 = bisect_left(stops, left), bisect_left(stops, right)
            above[i0:i1] = b"\x01" * (i1 - i0)
        elif line <= top < line + narrow:
            i0, i1 = bisect_left(stops, left), bisect_left(stops, right)
            below[i0:i1] = b"\x01" * (i1 - i0)
    for i in range(n):
        if above[i] and below[i] and not cells[i]:
            cells[i] = _NARROW
    return cells


def search(
    a: Box,
    b: Box,
    source: str,
    target: str,
    obstacles: Obstacles,
    s: RouterSettings,
    window: Box,
    strict: bool = True,
    avoid=(),
) -> tuple[tuple[Point, ...], Side, Side] | None:
    """The cheapest path from card ``a`` to card ``b`` inside ``window``, or None.

    ``strict``: never along a narrow gap (else: along one at a higher cost).
    ``avoid``: channels (horizontal, box) not to run along (crossing them is fine)."""
    c = s.clearance
    blockers = [grow(box, c) for _key, box in obstacles.meeting(grow(window, c))]
    starts = _open_ports(a, card_key(source), obstacles, s, outgoing=True)
    goals = _open_ports(b, card_key(target), obstacles, s, outgoing=False)
    if not starts or not goals:
        return None
    extra_x = [p.stub_end[0] for p in starts + goals]
    extra_y = [p.stub_end[1] for p in starts + goals]
    for _horizontal, box in avoid:
        extra_x += [box[0], box[2]]
        extra_y += [box[1], box[3]]
    lattice = _Lattice(window, blockers, extra_x, extra_y, narrow_width(s), avoid)
    found = _astar(lattice, starts, goals, s, strict)
    if found is None:
        return None
    start, nodes, goal = found
    points = [start.on_side, *nodes, goal.on_side]
    return _simplified(points), start.side, goal.side


def _open_ports(box: Box, key, obstacles: Obstacles, s: RouterSettings, outgoing: bool):
    return [
        p
        for p in ports(box, s, outgoing)
        if obstacles.segment_free(p.on_side, p.stub_end, s.clearance, (key,))
    ]


def _astar(lattice: _Lattice, starts: list[Port], goals: list[Port], s: RouterSettings, strict):
    """A* from the start ports' stub ends to a goal port; ties go to the deeper state.

    States are numbered ((j * columns + i) * 2 + direction) and kept in flat lists.
    """
    xs, ys, col_of, row_of = lattice.xs, lattice.ys, lattice.col_of, lattice.row_of
    bend, c = s.bend_penalty, s.clearance
    n_x, n_y = len(xs), len(ys)
    goal_at: dict[int, list[Port]] = {}
    for port in goals:
        if port.stub_end[0] in col_of and port.stub_end[1] in row_of:
            node = row_of[port.stub_end[1]] * n_x + col_of[port.stub_end[0]]
            goal_at.setdefault(node, []).append(port)
    if not goal_at:
        return None
    h = _heuristic([(n % n_x, n // n_x) for n in goal_at], xs, ys, bend)
    inf = float("inf")
    best = [inf] * (n_x * n_y * 2)
    parent = [-1] * (n_x * n_y * 2)
    first: dict[int, Port] = {}
    heap: list = []
    tie = 0
    for port in starts:
        if port.stub_end[0] not in col_of or port.stub_end[1] not in row_of:
            continue
        i, j = col_of[port.stub_end[0]], row_of[port.stub_end[1]]
        o = _H if port.side.horizontal else _V
        state, g = (j * n_x + i) * 2 + o, c + port.penalty
        if g < best[state]:
            best[state], first[state] = g, port
            heapq.heappush(heap, (g + h(i, j, o), -g, tie, state, None))
            tie += 1
    done_best: dict[Port, float] = {}
    while heap:
        _f, neg_g, _t, state, goal = heapq.heappop(heap)
        g = -neg_g
        if goal is not None:
            return _unwind(parent, first, state, goal, n_x, xs, ys)
        if g > best[state]:
            continue
        o, node = state & 1, state >> 1
        i, j = node % n_x, node // n_x
        for port in goal_at.get(node, ()):
            total = (
                g + c + port.penalty + (bend if o != (_H if port.side.horizontal else _V) else 0)
            )
            if total < done_best.get(port, inf):
                done_best[port] = total
                heapq.heappush(heap, (total, -total, tie, state, port))
                tie += 1
        row, col = lattice.row(j), lattice.col(i)
        for step, ni, nj, no, length, kind in (
            (
                1,
                i + 1,
                j,
                _H,
                xs[i + 1] - xs[i] if i + 1 < n_x else 0,
                row[i] if i + 1 < n_x else 1,
            ),
            (1, i - 1, j, _H, xs[i] - xs[i - 1] if i > 0 else 0, row[i - 1] if i > 0 else 1),
            (
                1,
                i,
                j + 1,
                _V,
                ys[j + 1] - ys[j] if j + 1 < n_y else 0,
                col[j] if j + 1 < n_y else 1,
            ),
            (1, i, j - 1, _V, ys[j] - ys[j - 1] if j > 0 else 0, col[j - 1] if j > 0 else 1),
        ):
            if kind == _BLOCKED or (strict and kind == _NARROW):
                continue
            ng = g + (length * NARROW_FACTOR if kind == _NARROW else length) * step
            if no != o:
                ng += bend
            nstate = (nj * n_x + ni) * 2 + no
            if ng < best[nstate]:
                best[nstate], parent[nstate] = ng, state
                heapq.heappush(heap, (ng + h(ni, nj, no), -ng, tie, nstate, None))
                tie += 1
    return None


def _heuristic(goal_nodes, xs, ys, bend: float):
    """Manhattan distance to the goals' box, plus a bend when one is unavoidable."""
    gx0 = min(xs[i] for i, _ in goal_nodes)
    gx1 = max(xs[i] for i, _ in goal_nodes)
    gy0 = min(ys[j] for _, j in goal_nodes)
    gy1 = max(ys[j] for _, j in goal_nodes)

    def h(i: int, j: int, o: int) -> float:
        x, y = xs[i], ys[j]
        dx = gx0 - x if x < gx0 else (x - gx1 if x > gx1 else 0.0)
        dy = gy0 - y if y < gy0 else (y - gy1 if y > gy1 else 0.0)
        if dx and dy:
            return dx + dy + bend
        if (dx and o == _V) or (dy and o == _H):
            return dx + dy + bend
        return dx + dy

    return h


def _unwind(parent: list[int], first: dict, state: int, goal: Port, n_x: int, xs, ys):
    nodes = []
    while True:
        node = state >> 1
        nodes.append((xs[node % n_x], ys[node // n_x]))
        if parent[state] < 0:
            break
        state = parent[state]
    nodes.reverse()
    return first[state], nodes, goal


def _simplified(points: list[Point]) -> tuple[Point, ...]:
    """Without repeated points and without points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        if kept and kept[-1] == point:
            continue
        if len(kept) >= 2:
            (x0, y0), (x1, y1) = kept[-2], kept[-1]
            if (x0 == x1 == point[0]) or (y0 == y1 == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)
