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


def _is_free(spot: Rect, taken: list[Rect], metrics: Metrics) -> bool:
    # Keep a small breathing gap around cards, not just "no overlap".
    grown = Rect(
        spot.x - metrics.gap_y / 2,
        spot.y - metrics.gap_y / 2,
        spot.width + metrics.gap_y,
        spot.height + metrics.gap_y,
    )
    return not any(grown.intersects(card) for card in taken)


def free_spot(
    journey: JourneyMap,
    department_id: str | None,
    stage_id: str | None,
    near: tuple[float, float] | None = None,
    metrics: Metrics | None = None,
    ignore: Iterable[str] = (),
    taken: list[Rect] | None = None,
) -> tuple[float, float]:
    """A cell-relative top-left for a new card, as close to ``near`` as is free."""
    metrics = metrics or Metrics()
    cards = (
        list(taken)
        if taken is not None
        else cards_in_cell(journey, department_id, stage_id, metrics, ignore)
    )
    pad = metrics.cell_padding
    start_x, start_y = near if near is not None else (pad, pad)
    start_x, start_y = max(pad, round(start_x)), max(pad, round(start_y))
    w, h = metrics.card_width, metrics.card_height
    if _is_free(Rect(start_x, start_y, w, h), cards, metrics):
        return (start_x, start_y)
    # Try the grid of slots, nearest to the wanted point first.
    candidates = [
        (pad + col * metrics.step_x, pad + row * metrics.step_y)
        for row in range(20)
        for col in range(20)
    ]
    candidates.sort(key=lambda p: (p[0] - start_x) ** 2 + (p[1] - start_y) ** 2)
    for x, y in candidates[:_SEARCH_LIMIT]:
        if _is_free(Rect(x, y, w, h), cards, metrics):
            return (x, y)
    lowest = max((card.bottom for card in cards), default=pad)
    return (pad, lowest + metrics.gap_y)


def next_spot(
    journey: JourneyMap,
    step_id: str,
    department_id: str | object | None = ...,
    metrics: Metrics | None = None,
) -> tuple[float, float]:
    """Right of ``step_id`` in its stage cell; in its lane unless another is given."""
    metrics = metrics or Metrics()
    step = journey.steps[step_id]
    lane = step.department_id if department_id is ... else department_id
    x = (step.x if step.x is not None else metrics.cell_padding) + metrics.step_x
    y = step.y if step.y is not None else metrics.cell_padding
    if lane != step.department_id:
        x -= metrics.step_x  # below: the same column position, in the other lane
    cards = cards_in_cell(journey, lane, step.stage_id, metrics)
    w, h = metrics.card_width, metrics.card_height
    for row in range(_SEARCH_LIMIT):
        spot = Rect(x, y + row * metrics.step_y, w, h)
        if _is_free(spot, cards, metrics):
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
    metrics = metrics or Metrics()
    steps = list(pasted)
    placed = [s for s in steps if s.x is not None and s.y is not None]
    result: dict[str, tuple[float, float]] = {}
    shift = 0.0
    cells: dict[tuple[str | None, str | None], list[Rect]] = {}
    for step in placed:
        key = (step.department_id, step.stage_id)
        if key not in cells:
            cells[key] = cards_in_cell(journey, *key, metrics)
    for _attempt in range(60):
        if all(
            _is_free(
                Rect(s.x + shift, s.y + shift, metrics.card_width, metrics.card_height),
                cells[(s.department_id, s.stage_id)],
                metrics,
            )
            for s in placed
        ):
            break
        shift += metrics.gap_x
    for step in placed:
        result[step.id] = (step.x + shift, step.y + shift)
        cells[(step.department_id, step.stage_id)].append(
            Rect(step.x + shift, step.y + shift, metrics.card_width, metrics.card_height)
        )
    for step in steps:
        if step.id in result:
            continue
        key = (step.department_id, step.stage_id)
        if key not in cells:
            cells[key] = cards_in_cell(journey, *key, metrics)
        spot = free_spot(journey, *key, metrics=metrics, taken=cells[key])
        result[step.id] = spot
        cells[key].append(Rect(*spot, metrics.card_width, metrics.card_height))
    return result
