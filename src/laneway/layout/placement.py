"""Where a new, next or pasted step goes: a free spot in its cell, never on a card.

The rule, so a map stacks before it widens and the journey still reads left to right
and top to bottom (as the arrangement lays it out, see ``arrange.py``):

* A cell's *frame* is the room the grid already gives it: as many slot columns as its
  stage column is wide, as many rows as its lane is tall. Spots in slots.
* A spot inside the frame is taken first (nothing grows); then a spot below the
  cards, in the frame's slot columns, while the cell has fewer than
  ``max(STACK_ROWS, frame rows)`` rows (only the lane grows); only then a new slot
  column to the right (the stage widens).
* A new step asked for at a point (a double-click) goes exactly there when free, else
  to the nearest free slot of the first of those three groups that has one.
* The next step after a selected one goes after it in reading order — below it in its
  slot column, then the top of the next slot column — by the same three groups.
"""

from __future__ import annotations

from collections.abc import Iterable

from laneway.layout.geometry import Metrics, Rect
from laneway.model import JourneyMap, Step

_SEARCH_LIMIT = 400  # candidate spots tried before giving up and stacking below
#: A cell stacks this many rows (or as many as its lane has already) before widening.
STACK_ROWS = 3


def cards_in_cell(
    journey: JourneyMap,
    department_id: str | None,
    stage_id: str | None,
    metrics: Metrics,
    ignore: Iterable[str] = (),
) -> list[Rect]:
    skip = set(ignore)
    return [
        Rect(step.x, step.y, metrics.card_width, metrics.card_height)
        for step in journey.steps.values()
        if step.department_id == department_id
        and step.stage_id == stage_id
        and step.x is not None
        and step.y is not None
        and step.id not in skip
    ]


class Occupancy:
    """The cards of one cell, bucketed by slot, to test spots without a full scan.

    A crowded cell holds hundreds of cards and a new card may try hundreds of
    spots: each test looks only at the cards in the buckets the spot touches.
    """

    def __init__(self, cards: Iterable[Rect], metrics: Metrics) -> None:
        self._metrics = metrics
        self._size = (metrics.step_x, metrics.step_y)
        self._buckets: dict[tuple[int, int], list[Rect]] = {}
        for card in cards:
            self.add(card)

    def _keys(self, rect: Rect) -> Iterable[tuple[int, int]]:
        width, height = self._size
        for column in range(int(rect.x // width), int(rect.right // width) + 1):
            for row in range(int(rect.y // height), int(rect.bottom // height) + 1):
                yield (column, row)

    def add(self, card: Rect) -> None:
        for key in self._keys(card):
            self._buckets.setdefault(key, []).append(card)

    def is_free(self, spot: Rect) -> bool:
        # Keep a small breathing gap around cards, not just "no overlap".
        half = self._metrics.gap_y / 2
        grown = Rect(spot.x - half, spot.y - half, spot.width + 2 * half, spot.height + 2 * half)
        buckets = self._buckets
        return not any(
            grown.intersects(card) for key in self._keys(grown) for card in buckets.get(key, ())
        )

    def lowest(self, default: float) -> float:
        return max((c.bottom for cards in self._buckets.values() for c in cards), default=default)


def frame_slots(
    journey: JourneyMap,
    department_id: str | None,
    stage_id: str | None,
    metrics: Metrics,
    ignore: Iterable[str] = (),
) -> tuple[int, int]:
    """(slot columns, rows) the grid already gives a cell: its stage column's width in
    card slots and its lane's height in rows (at least one each)."""
    skip = set(ignore)
    pad = metrics.cell_padding
    right, bottom = pad + metrics.card_width, pad + metrics.card_height
    for step in journey.steps.values():
        if step.x is None or step.y is None or step.id in skip:
            continue
        if step.stage_id == stage_id and step.x + metrics.card_width > right:
            right = step.x + metrics.card_width
        if step.department_id == department_id and step.y + metrics.card_height > bottom:
            bottom = step.y + metrics.card_height
    columns = int((right - pad + metrics.gap_x) // metrics.step_x + 1e-9)
    rows = int((bottom - pad + metrics.gap_y) // metrics.step_y + 1e-9)
    return max(1, columns), max(1, rows)


def _slot(metrics: Metrics, column: int, row: int) -> tuple[float, float]:
    return (
        metrics.cell_padding + column * metrics.step_x,
        metrics.cell_padding + row * metrics.step_y,
    )


def _slot_groups(frame: tuple[int, int]) -> list[list[tuple[int, int]]]:
    """The frame's slots, then the rows below it, then a new slot column: column-major."""
    columns, rows = frame
    stack = max(STACK_ROWS, rows)
    inside = [(c, r) for c in range(columns) for r in range(rows)]
    below = [(c, r) for c in range(columns) for r in range(rows, stack)]
    wider = [(columns, r) for r in range(stack)]
    return [inside, below, wider]


def free_spot(
    journey: JourneyMap,
    department_id: str | None,
    stage_id: str | None,
    near: tuple[float, float] | None = None,
    metrics: Metrics | None = None,
    ignore: Iterable[str] = (),
    taken: Occupancy | None = None,
) -> tuple[float, float]:
    """A cell-relative top-left for a new card: at ``near`` when free, else a free slot
    that grows the grid least (the module's rule), nearest to ``near`` within its group."""
    metrics = (metrics or Metrics()).base()  # positions in the map are at 1×
    occupied = (
        taken
        if taken is not None
        else Occupancy(cards_in_cell(journey, department_id, stage_id, metrics, ignore), metrics)
    )
    pad = metrics.cell_padding
    w, h = metrics.card_width, metrics.card_height
    if near is not None:
        start_x, start_y = max(pad, round(near[0])), max(pad, round(near[1]))
        if occupied.is_free(Rect(start_x, start_y, w, h)):
            return (start_x, start_y)
    frame = frame_slots(journey, department_id, stage_id, metrics, ignore)
    for group in _slot_groups(frame):
        spots = [_slot(metrics, c, r) for c, r in group]
        if near is not None:
            spots.sort(key=lambda p: (p[0] - start_x) ** 2 + (p[1] - start_y) ** 2)
        for x, y in spots:
            if occupied.is_free(Rect(x, y, w, h)):
                return (x, y)
    return _any_free_slot(occupied, metrics, frame)


def _any_free_slot(
    occupied: Occupancy, metrics: Metrics, frame: tuple[int, int]
) -> tuple[float, float]:
    """Further slot columns to the right, then below every card: always free."""
    w, h = metrics.card_width, metrics.card_height
    stack = max(STACK_ROWS, frame[1])
    for column in range(frame[0] + 1, frame[0] + 1 + _SEARCH_LIMIT // stack):
        for row in range(stack):
            x, y = _slot(metrics, column, row)
            if occupied.is_free(Rect(x, y, w, h)):
                return (x, y)
    pad = metrics.cell_padding
    return (pad, occupied.lowest(pad) + metrics.gap_y)


def next_spot(
    journey: JourneyMap,
    step_id: str,
    department_id: str | object | None = ...,
    metrics: Metrics | None = None,
) -> tuple[float, float]:
    """After ``step_id`` in reading order, in its stage; in its lane unless another is given.

    In its own lane: below it in its slot column, then the top of the next one; in
    another lane: its slot column from the top. Rows below the frame are used up to
    ``STACK_ROWS`` before a new slot column (see the module's rule).
    """
    metrics = (metrics or Metrics()).base()
    step = journey.steps[step_id]
    lane = step.department_id if department_id is ... else department_id
    pad = metrics.cell_padding
    x = step.x if step.x is not None else pad
    y = step.y if step.y is not None else pad
    occupied = Occupancy(cards_in_cell(journey, lane, step.stage_id, metrics), metrics)
    frame = frame_slots(journey, lane, step.stage_id, metrics)
    stack = max(STACK_ROWS, frame[1])
    row = round((y - pad) / metrics.step_y)
    first_row = row + 1 if lane == step.department_id else 0
    spots = [(x, y + (r - row) * metrics.step_y) for r in range(first_row, stack)]
    for column in range(1, _SEARCH_LIMIT // stack):
        spots += [(x + column * metrics.step_x, pad + r * metrics.step_y) for r in range(stack)]
    w, h = metrics.card_width, metrics.card_height
    for spot_x, spot_y in spots:
        if occupied.is_free(Rect(spot_x, spot_y, w, h)):
            return (spot_x, spot_y)
    return free_spot(journey, lane, step.stage_id, (x, y), metrics)


def paste_spots(
    journey: JourneyMap,
    pasted: Iterable[Step],
    metrics: Metrics | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions for pasted steps (not yet in ``journey``), keyed by their ids.

    Placed steps keep their arrangement, shifted down-right together until none of
    them lands on a card (pasting twice gives a visible cascade); unplaced ones get
    free spots.
    """
    metrics = (metrics or Metrics()).base()
    steps = list(pasted)
    placed = [s for s in steps if s.x is not None and s.y is not None]
    result: dict[str, tuple[float, float]] = {}
    shift = 0.0
    cells: dict[tuple[str | None, str | None], Occupancy] = {}

    def cell(key: tuple[str | None, str | None]) -> Occupancy:
        if key not in cells:
            cells[key] = Occupancy(cards_in_cell(journey, *key, metrics), metrics)
        return cells[key]

    w, h = metrics.card_width, metrics.card_height
    for _attempt in range(60):
        if all(
            cell((s.department_id, s.stage_id)).is_free(Rect(s.x + shift, s.y + shift, w, h))
            for s in placed
        ):
            break
        shift += metrics.gap_x
    for step in placed:
        result[step.id] = (step.x + shift, step.y + shift)
        cell((step.department_id, step.stage_id)).add(Rect(step.x + shift, step.y + shift, w, h))
    for step in steps:
        if step.id in result:
            continue
        key = (step.department_id, step.stage_id)
        spot = free_spot(journey, *key, metrics=metrics, taken=cell(key))
        result[step.id] = spot
        cell(key).add(Rect(*spot, w, h))
    return result
