"""Splitting a map across pages or slides by stage range.

A page shows the lane headers, the stage headers and a run of consecutive stage
columns; each lane is as tall as its cards *in those columns* need (what
``compute_grid`` gives for an excerpt holding only the steps of those stages, every
lane kept). A page is never only empty stage columns: an empty stage travels with a
neighbour. Scales are page units per scene unit (for a grid at 1× and a page in
points, 1.0 means one point per scene pixel).
"""

from __future__ import annotations

from collections.abc import Callable

from laneway.layout.grid import Grid


class _Ranges:
    """Per column: its width, whether it holds a card, and each lane's lowest card."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        index = {column.stage_id: i for i, column in enumerate(grid.columns)}
        self.widths = [column.rect.width for column in grid.columns]
        self.busy = [False] * len(grid.columns)
        self.lowest: list[dict[str | None, float]] = [{} for _ in grid.columns]
        for step_id, (department_id, stage_id) in grid.step_cells.items():
            column = index[stage_id]
            self.busy[column] = True
            y = grid.step_offsets[step_id][1]
            if y > self.lowest[column].get(department_id, -1.0):
                self.lowest[column][department_id] = y

    def size(self, columns: range) -> tuple[float, float]:
        m = self.grid.metrics
        width = m.lane_header_width + sum(self.widths[i] for i in columns)
        height = m.stage_header_height
        for lane in self.grid.lanes:
            y = max((self.lowest[i].get(lane.department_id, -1.0) for i in columns), default=-1.0)
            if y < 0.0:
                height += m.empty_lane_height
            else:
                height += max(m.min_lane_height, y + m.card_height + m.cell_padding)
        return width, height

    def scale(self, columns: range, page_w: float, page_h: float) -> float:
        width, height = self.size(columns)
        return min(page_w / width, page_h / height)

    def busy_count(self, columns: range) -> int:
        return sum(self.busy[i] for i in columns)


def range_size(grid: Grid, columns: range) -> tuple[float, float]:
    """Width and height (scene units) of a page showing ``columns`` (indices into
    ``grid.columns``) with every lane."""
    return _Ranges(grid).size(columns)


def plan_pages(
    grid: Grid,
    page_w: float,
    page_h: float,
    min_scale: float,
    count: int | None = None,
) -> list[range]:
    """Consecutive column ranges (indices into ``grid.columns``), one per page.

    Without ``count``: the fewest pages on which every range fits ``page_w`` ×
    ``page_h`` at ``min_scale`` or more, and among those the plan whose smallest
    scale is largest. A single stage too big for a page at ``min_scale`` gets a
    page of its own (the exporter shrinks it, or prints a poster). With ``count``
    (a forced number of pages, e.g. ``--slides N``): exactly that many ranges, the
    smallest scale as large as possible, ``min_scale`` ignored; never more pages
    than stages with cards. A map with no cards at all is one page.
    """
    if count is not None and count < 1:
        raise ValueError(f"A map needs at least one page, not {count}.")
    ranges = _Ranges(grid)
    n = len(grid.columns)
    busy = sum(ranges.busy)
    if n == 0 or busy == 0:
        return [range(n)]
    if count is not None:
        return _forced(ranges, n, min(count, busy), page_w, page_h)
    return _fewest(ranges, n, page_w, page_h, min_scale)


def _fewest(ranges: _Ranges, n: int, page_w: float, page_h: float, min_scale: float) -> list[range]:
    # best[i]: (pages too small, pages, -smallest scale) for the first i columns.
    best: list[tuple[int, int, float] | None] = [None] * (n + 1)
    start: list[int] = [0] * (n + 1)
    best[0] = (0, 0, -float("inf"))
    for end in range(1, n + 1):
        for begin in range(end):
            before = best[begin]
            columns = range(begin, end)
            busy = ranges.busy_count(columns)
            if before is None or busy == 0:
                continue
            scale = ranges.scale(columns, page_w, page_h)
            too_small = scale < min_scale
            if too_small and busy > 1:
                continue
            value = (before[0] + too_small, before[1] + 1, max(before[2], -scale))
            current = best[end]
            if current is None or value < current:
                best[end], start[end] = value, begin
    return ranges_back(start, n)


def _forced(ranges: _Ranges, n: int, count: int, page_w: float, page_h: float) -> list[range]:
    return forced_ranges(
        n,
        count,
        lambda begin, end: ranges.scale(range(begin, end), page_w, page_h),
        lambda begin, end: ranges.busy_count(range(begin, end)) > 0,
    )


def forced_ranges(
    n: int,
    count: int,
    scale: Callable[[int, int], float],
    busy: Callable[[int, int], bool],
) -> list[range]:
    """``count`` consecutive ranges of ``n`` columns, each holding a busy one, whose
    smallest ``scale(begin, end)`` is as large as it can be (pages, slides)."""
    # best[k][i]: the largest smallest scale covering the first i columns with k ranges.
    neg_inf = -float("inf")
    best = [[neg_inf] * (n + 1) for _ in range(count + 1)]
    start = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = float("inf")
    for k in range(1, count + 1):
        for end in range(1, n + 1):
            for begin in range(k - 1, end):
                if best[k - 1][begin] == neg_inf or not busy(begin, end):
                    continue
                value = min(best[k - 1][begin], scale(begin, end))
                if value > best[k][end]:
                    best[k][end], start[k][end] = value, begin
    plan: list[range] = []
    end = n
    for k in range(count, 0, -1):
        begin = start[k][end]
        plan.append(range(begin, end))
        end = begin
    return plan[::-1]


def ranges_back(start: list[int], n: int) -> list[range]:
    """The ranges a shortest-plan table ``start`` (``start[end]``: where the range
    ending at ``end`` begins) walks back to, in order."""
    plan: list[range] = []
    end = n
    while end > 0:
        plan.append(range(start[end], end))
        end = start[end]
    return plan[::-1]
