"""Where new, next and pasted cards go: free spots, never on a card."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.layout import Metrics, Rect, cards_in_cell, free_spot, next_spot, paste_spots
from laneway.layout.placement import STACK_ROWS, Occupancy, frame_slots
from laneway.model import JourneyMap, MapInfo, Step

METRICS = Metrics()
W, H = METRICS.card_width, METRICS.card_height


def _grown(spot: Rect) -> Rect:
    half = METRICS.gap_y / 2
    return Rect(spot.x - half, spot.y - half, spot.width + 2 * half, spot.height + 2 * half)


def _overlaps_any(spot: Rect, cards: list[Rect]) -> bool:
    return any(_grown(spot).intersects(card) for card in cards)


positions = st.tuples(st.integers(0, 1_500), st.integers(0, 900))


@settings(max_examples=200, deadline=None)
@given(st.lists(positions, max_size=40), positions)
def test_occupancy_agrees_with_checking_every_card(cards, spot):
    rects = [Rect(x, y, W, H) for x, y in cards]
    probe = Rect(*spot, W, H)
    assert Occupancy(rects, METRICS).is_free(probe) == (not _overlaps_any(probe, rects))


def _map_with_cards(spots: list[tuple[int, int]]) -> tuple[JourneyMap, str, str]:
    journey = JourneyMap(MapInfo(title="Placement"))
    sales = journey.add_department("Sales").id
    stage = journey.add_stage("Purchase").id
    for index, (x, y) in enumerate(spots):
        journey.add_step(f"Card {index}", department_id=sales, stage_id=stage, x=x, y=y)
    return journey, sales, stage


@settings(max_examples=100, deadline=None)
@given(st.lists(positions, max_size=30), st.one_of(st.none(), positions))
def test_a_new_card_never_lands_on_another(spots, near):
    journey, sales, stage = _map_with_cards(spots)
    x, y = free_spot(journey, sales, stage, near, METRICS)
    cards = cards_in_cell(journey, sales, stage, METRICS)
    assert not _overlaps_any(Rect(x, y, W, H), cards)
    assert x >= METRICS.cell_padding and y >= METRICS.cell_padding


def test_a_new_card_takes_the_wanted_spot_when_it_is_free():
    journey, sales, stage = _map_with_cards([(20, 20)])
    assert free_spot(journey, sales, stage, (600, 300), METRICS) == (600, 300)


def test_a_full_row_sends_the_new_card_to_the_nearest_free_slot():
    pad, step_x = METRICS.cell_padding, METRICS.step_x
    journey, sales, stage = _map_with_cards([(pad + i * step_x, pad) for i in range(3)])
    assert free_spot(journey, sales, stage, None, METRICS) == (pad, pad + METRICS.step_y)


def test_the_next_card_goes_below_the_selected_one_then_tops_the_next_slot_column():
    pad, step_x, step_y = METRICS.cell_padding, METRICS.step_x, METRICS.step_y
    journey, _sales, _stage = _map_with_cards([(pad, pad), (pad + step_x, pad)])
    first, last = list(journey.steps)
    assert next_spot(journey, first, metrics=METRICS) == (pad, pad + step_y)
    assert next_spot(journey, last, metrics=METRICS) == (pad + step_x, pad + step_y)
    # a full stack of STACK_ROWS: the next one starts the next slot column, at the top
    journey, _sales, _stage = _map_with_cards([(pad, pad + r * step_y) for r in range(STACK_ROWS)])
    bottom = list(journey.steps)[-1]
    assert next_spot(journey, bottom, metrics=METRICS) == (pad + step_x, pad)


def test_the_next_card_in_another_lane_takes_the_same_slot_column_from_the_top():
    pad, step_x, step_y = METRICS.cell_padding, METRICS.step_x, METRICS.step_y
    journey, _sales, stage = _map_with_cards([(pad, pad), (pad + step_x, pad)])
    legal = journey.add_department("Legal").id
    journey.add_step("Legal card", department_id=legal, stage_id=stage, x=pad + step_x, y=pad)
    second = list(journey.steps)[1]
    assert next_spot(journey, second, legal, metrics=METRICS) == (pad + step_x, pad + step_y)
    assert next_spot(journey, next(iter(journey.steps)), legal, metrics=METRICS) == (pad, pad)


def test_a_new_card_fills_the_frame_then_stacks_then_widens():
    """No point given: inside the room the grid already gives the cell, then below
    (up to STACK_ROWS rows), and only then a new slot column."""
    pad, step_x, step_y = METRICS.cell_padding, METRICS.step_x, METRICS.step_y
    journey, sales, stage = _map_with_cards([(pad, pad)])
    other = journey.add_department("Legal").id
    journey.add_step("Wide row", department_id=other, stage_id=stage, x=pad + step_x, y=pad)
    # the stage column is two slots wide already: the free slot beside the card first
    assert frame_slots(journey, sales, stage, METRICS) == (2, 1)
    assert free_spot(journey, sales, stage, None, METRICS) == (pad + step_x, pad)
    journey.add_step("Beside", department_id=sales, stage_id=stage, x=pad + step_x, y=pad)
    spots = []
    for _ in range(2 * (STACK_ROWS - 1) + 1):
        x, y = free_spot(journey, sales, stage, None, METRICS)
        spots.append((x, y))
        journey.add_step("More", department_id=sales, stage_id=stage, x=x, y=y)
    # each new row grows the lane once; the slot beside it is then in the frame
    rows_below = [
        (c * step_x + pad, r * step_y + pad) for r in range(1, STACK_ROWS) for c in range(2)
    ]
    assert spots[:-1] == rows_below
    assert spots[-1] == (pad + 2 * step_x, pad)  # the stack is full: the stage widens


def test_a_new_card_asked_for_at_a_taken_point_takes_the_nearest_slot_that_grows_nothing():
    pad, step_x, step_y = METRICS.cell_padding, METRICS.step_x, METRICS.step_y
    journey, sales, stage = _map_with_cards([(pad + c * step_x, pad) for c in range(3)])
    journey.add_step("Tall", department_id=sales, stage_id=stage, x=pad, y=pad + step_y)
    # wanted on the third card: the free slot below it is in the frame (two rows)
    assert free_spot(journey, sales, stage, (pad + 2 * step_x, pad), METRICS) == (
        pad + 2 * step_x,
        pad + step_y,
    )


def test_pasting_twice_cascades_instead_of_stacking():
    journey, sales, stage = _map_with_cards([(20, 20), (244, 20)])
    copies = [
        Step(id=f"copy{i}", title=s.title, department_id=sales, stage_id=stage, x=s.x, y=s.y)
        for i, s in enumerate(journey.steps.values())
    ]
    spots = paste_spots(journey, copies, METRICS)
    shift = spots["copy0"][0] - 20
    assert shift > 0
    assert spots == {"copy0": (20 + shift, 20 + shift), "copy1": (244 + shift, 20 + shift)}
    cards = cards_in_cell(journey, sales, stage, METRICS)
    for x, y in spots.values():
        assert not _overlaps_any(Rect(x, y, W, H), cards)


def test_pasted_cards_without_positions_get_free_spots_and_do_not_overlap_each_other():
    journey, sales, stage = _map_with_cards([(20, 20)])
    copies = [
        Step(id=f"copy{i}", title="Copy", department_id=sales, stage_id=stage) for i in range(5)
    ]
    spots = list(paste_spots(journey, copies, METRICS).values())
    rects = [Rect(x, y, W, H) for x, y in spots] + cards_in_cell(journey, sales, stage, METRICS)
    for index, rect in enumerate(rects):
        assert not _overlaps_any(rect, rects[:index] + rects[index + 1 :])
