"""Where a new, next or pasted step goes: a free spot in its cell, never on a card."""

from __future__ import annotations

from collections.abc import Iterable

from laneway.layout.geometry import Metrics, Rect
from laneway.model import JourneyMap, Step

_SEARCH_LIMIT = 400  # candidate spots tried before giving up and stacking below


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


def free_spot(
    journey: JourneyMap,
    department_id: str | None,
    stage_id: str | None,
    near: tuple[float, float] | None = None,
    metrics: Metrics | None = None,
    ignore: Iterable[str] = (),
    taken: Occupancy | None = None,
) -> tuple[float, float]:
    """A cell-relative top-left for a new card, as close to ``near`` as is free."""
    metrics = (metrics or Metrics()).base()  # positions in the map are at 1×
    occupied = (
        taken
        if taken is not None
        else Occupancy(cards_in_cell(journey, department_id, stage_id, metrics, ignore), metrics)
    )
    pad = metrics.cell_padding
    start_x, start_y = near if near is not None else (pad, pad)
    start_x, start_y = max(pad, round(start_x)), max(pad, round(start_y))
    w, h = metrics.card_width, metrics.card_height
    if occupied.is_free(Rect(start_x, start_y, w, h)):
        return (start_x, start_y)
    # Try the grid of slots, nearest to the wanted point first.
    candidates = [
        (pad + col * metrics.step_x, pad + row * metrics.step_y)
        for row in range(20)
        for col in range(20)
    ]
    candidates.sort(key=lambda p: (p[0] - start_x) ** 2 + (p[1] - start_y) ** 2)
    for x, y in candidates[:_SEARCH_LIMIT]:
        if occupied.is_free(Rect(x, y, w, h)):
            return (x, y)
    return (pad, occupied.lowest(pad) + metrics.gap_y)


def next_spot(
    journey: JourneyMap,
    step_id: str,
    department_id: str | object | None = ...,
    metrics: Metrics | None = None,
) -> tuple[float, float]:
    """Right of ``step_id`` in its stage cell; in its lane unless another is given."""
    metrics = (metrics or Metrics()).base()
    step = journey.steps[step_id]
    lane = step.department_id if department_id is ... else department_id
    x = (step.x if step.x is not None else metrics.cell_padding) + metrics.step_x
    y = step.y if step.y is not None else metrics.cell_padding
    if lane != step.department_id:
        x -= metrics.step_x  # below: the same column position, in the other lane
    occupied = Occupancy(cards_in_cell(journey, lane, step.stage_id, metrics), metrics)
    w, h = metrics.card_width, metrics.card_height
    for row in range(_SEARCH_LIMIT):
        spot = Rect(x, y + row * metrics.step_y, w, h)
        if occupied.is_free(spot):
            return (spot.x, spot.y)
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
