"""The grid: lanes and columns that grow to fit their cards; the tidy layout."""

from __future__ import annotations

from laneway.layout import NO_STAGE_NAME, UNASSIGNED_NAME, Metrics, compute_grid, tidy_positions
from laneway.layout.tidy import journey_ranks
from laneway.model import JourneyMap, MapInfo
from tests.support.maps import workshop_map

METRICS = Metrics()


def _two_lane_map() -> tuple[JourneyMap, str, str, str]:
    journey = JourneyMap(MapInfo(title="Grid"))
    marketing = journey.add_department("Marketing").id
    sales = journey.add_department("Sales").id
    awareness = journey.add_stage("Awareness").id
    journey.add_stage("Purchase")
    return journey, marketing, sales, awareness


def test_lanes_run_unassigned_first_then_departments_in_order():
    journey, _marketing, _sales, _awareness = _two_lane_map()
    grid = compute_grid(journey, METRICS)
    assert [lane.name for lane in grid.lanes] == [UNASSIGNED_NAME, "Marketing", "Sales"]
    assert [column.name for column in grid.columns] == ["Awareness", "Purchase"]
    tops = [lane.rect.y for lane in grid.lanes]
    assert tops == sorted(tops) and tops[0] == METRICS.stage_header_height


def test_empty_stages_and_an_empty_unassigned_lane_stay_narrow_but_present():
    journey, marketing, _sales, awareness = _two_lane_map()
    journey.add_step("Only card", department_id=marketing, stage_id=awareness, x=20, y=20)
    grid = compute_grid(journey, METRICS)
    purchase = grid.columns[1]
    assert purchase.name == "Purchase" and purchase.rect.width == METRICS.empty_column_width
    assert grid.columns[0].rect.width == METRICS.min_column_width
    unassigned, marketing_lane, sales_lane = grid.lanes
    assert unassigned.rect.height == sales_lane.rect.height == METRICS.empty_lane_height
    assert marketing_lane.rect.height == METRICS.min_lane_height
    # still a cell to drop on
    assert grid.cell_at(purchase.rect.x + 1, unassigned.rect.y + 1) == (None, purchase.stage_id)
    big = Metrics().scaled(2.0)
    assert compute_grid(journey, big).columns[1].rect.width == 2 * METRICS.empty_column_width


def test_a_no_stage_column_appears_for_a_step_without_a_stage():
    journey, marketing, _sales, _awareness = _two_lane_map()
    journey.add_step("Somewhere", department_id=marketing, x=20, y=20)
    grid = compute_grid(journey, METRICS)
    assert [column.name for column in grid.columns] == ["Awareness", "Purchase", NO_STAGE_NAME]


def test_a_lane_grows_to_fit_its_lowest_card_and_shifts_the_lanes_below():
    journey, marketing, sales, awareness = _two_lane_map()
    before = compute_grid(journey, METRICS)
    journey.add_step("Low card", department_id=marketing, stage_id=awareness, x=20, y=500)
    after = compute_grid(journey, METRICS)
    lane = after.lane(marketing)
    assert lane.rect.height == 500 + METRICS.card_height + METRICS.cell_padding
    grown = lane.rect.height - before.lane(marketing).rect.height
    assert after.lane(sales).rect.y == before.lane(sales).rect.y + grown
    assert not after.same_frame(before)


def test_a_column_grows_to_fit_its_rightmost_card():
    journey, marketing, _sales, awareness = _two_lane_map()
    journey.add_step("Far right", department_id=marketing, stage_id=awareness, x=900, y=20)
    grid = compute_grid(journey, METRICS)
    assert grid.column(awareness).rect.width == 900 + METRICS.card_width + METRICS.cell_padding


def test_a_card_sits_at_its_offset_inside_its_cell():
    journey, _marketing, sales, awareness = _two_lane_map()
    step = journey.add_step("Call", department_id=sales, stage_id=awareness, x=40, y=30)
    grid = compute_grid(journey, METRICS)
    cell = grid.cell_rect(sales, awareness)
    assert grid.step_position(step.id) == (cell.x + 40, cell.y + 30)
    assert grid.cell_at(cell.x + 50, cell.y + 40) == (sales, awareness)
    assert grid.step_rects[step.id].width == METRICS.card_width


def test_a_card_added_inside_the_lanes_keeps_the_frame():
    journey, _marketing, sales, awareness = _two_lane_map()
    journey.add_step("First", department_id=sales, stage_id=awareness, x=20, y=20)
    before = compute_grid(journey, METRICS)
    journey.add_step("Beside", department_id=sales, stage_id=awareness, x=20, y=20)
    assert compute_grid(journey, METRICS).same_frame(before)


def test_steps_without_positions_are_placed_automatically_and_the_frame_says_so():
    journey, _marketing, sales, awareness = _two_lane_map()
    journey.add_step("Unplaced", department_id=sales, stage_id=awareness)
    grid = compute_grid(journey, METRICS)
    assert grid.auto_placed == frozenset(journey.steps)
    assert not grid.same_frame(grid)  # automatic spots may move with any edit


def test_tidy_layout_keeps_links_running_right_or_down_within_a_stage():
    """A later step of a stage is right of an earlier one, or in its slot column (below
    it when they share a lane): chains stack instead of running off to the right."""
    journey = workshop_map(60)
    ranks = journey_ranks(journey)
    positions = tidy_positions(journey, metrics=METRICS)
    assert set(positions) == set(journey.steps)
    stacked = 0
    for link in journey.links.values():
        source, target = journey.steps[link.source], journey.steps[link.target]
        assert ranks[link.target] > ranks[link.source]
        if source.stage_id != target.stage_id:
            continue
        (sx, sy), (tx, ty) = positions[source.id], positions[target.id]
        assert tx > sx or (tx == sx and (source.department_id != target.department_id or ty > sy))
        stacked += tx == sx
    assert stacked > 0


def test_tidy_layout_never_puts_two_cards_on_one_spot():
    journey = workshop_map(120)
    positions = tidy_positions(journey, metrics=METRICS)
    seen = {
        (step.department_id, step.stage_id, positions[step.id]) for step in journey.steps.values()
    }
    assert len(seen) == len(journey.steps)


def test_larger_text_scales_positions_with_the_cards_and_stores_them_at_1x():
    journey, _marketing, sales, awareness = _two_lane_map()
    left = journey.add_step("Left", department_id=sales, stage_id=awareness, x=20, y=20).id
    right = journey.add_step("Right", department_id=sales, stage_id=awareness, x=244, y=20).id
    large = Metrics().scaled(1.5)
    grid = compute_grid(journey, large)
    a, b = grid.step_rect(left), grid.step_rect(right)
    assert b.x >= a.right  # still side by side, not on top of each other
    assert grid.step_offsets[right] == (244 * 1.5, 20 * 1.5)
    cell = grid.cell_rect(sales, awareness)
    assert grid.to_cell_offset(sales, awareness, b.x, b.y) == (244, 20)
    assert cell.width >= 244 * 1.5 + large.card_width


def test_placement_works_in_stored_units_whatever_the_text_size():
    from laneway.layout import free_spot

    journey, _marketing, sales, awareness = _two_lane_map()
    journey.add_step("First", department_id=sales, stage_id=awareness, x=20, y=20)
    at_1x = free_spot(journey, sales, awareness, None, Metrics())
    assert free_spot(journey, sales, awareness, None, Metrics().scaled(1.5)) == at_1x
