"""The compact arrangement: dense, shaped for its target, the journey still in order."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.io.templates import load_template
from laneway.layout import (
    A4_LANDSCAPE,
    POSTER_A0,
    SCREEN,
    SLIDE_16_9,
    Metrics,
    Target,
    arrange,
    compute_grid,
    fill_ratio,
    journey_ranks,
    tidy_positions,
)
from laneway.model import JourneyMap, MapInfo
from tests.support.maps import workshop_map

METRICS = Metrics()
TEMPLATES = ("b2b", "ecommerce", "support")
SIZES = (13, 20, 40, 60, 200)


def _maps() -> list[tuple[str, JourneyMap]]:
    maps = [(name, load_template(name)) for name in TEMPLATES]
    return maps + [(f"workshop {n}", workshop_map(n)) for n in SIZES]


def _ribbon(journey: JourneyMap) -> dict[str, tuple[float, float]]:
    """The layout of maps tidied by earlier releases (still in their files): one slot
    column per journey rank in each stage, steps of one rank and cell stacked."""
    ranks = journey_ranks(journey)
    present: dict[str | None, set[int]] = {}
    for step in journey.steps.values():
        present.setdefault(step.stage_id, set()).add(ranks[step.id])
    slot = {stage: {r: i for i, r in enumerate(sorted(rs))} for stage, rs in present.items()}
    rows: dict[tuple, int] = {}
    positions = {}
    for step in journey.steps.values():
        column = slot[step.stage_id][ranks[step.id]]
        key = (step.department_id, step.stage_id, column)
        rows[key] = rows.get(key, -1) + 1
        positions[step.id] = (20 + column * METRICS.step_x, 20 + rows[key] * METRICS.step_y)
    return positions


def _apply(journey: JourneyMap, positions: dict[str, tuple[float, float]]) -> JourneyMap:
    journey.require_transaction = False
    for step_id, (x, y) in positions.items():
        journey.update_step(step_id, x=x, y=y)
    return journey


def _area(journey: JourneyMap) -> tuple[float, float, float]:
    grid = compute_grid(journey, METRICS)
    return grid.bounds.width, grid.bounds.height, fill_ratio(grid)


@pytest.mark.parametrize(
    ("name", "journey"), _maps(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_tidy_makes_a_ribbon_map_more_compact_never_wider(name, journey):
    _apply(journey, _ribbon(journey))
    width, height, fill = _area(journey)
    _apply(journey, tidy_positions(journey))
    tidy_width, tidy_height, tidy_fill = _area(journey)
    assert tidy_width <= width
    assert tidy_width * tidy_height <= width * height
    assert tidy_fill > fill
    # on a 16:9 slide the tidied map is shown larger
    assert SLIDE_16_9.fit_scale(tidy_width, tidy_height) > SLIDE_16_9.fit_scale(width, height)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 80))
def test_tidy_never_widens_a_map_placed_by_hand(seed, size):
    """Cards dropped anywhere in their cells (as drags leave them): tidy is never wider
    and never larger, and tidying again changes nothing."""
    rng = random.Random(seed)
    journey = workshop_map(size, seed=seed % 7)
    positions = {
        sid: (rng.choice([0, 20, 60, 244, 468]), rng.choice([0, 20, 136, 300]))
        for sid in journey.steps
    }
    _apply(journey, positions)
    width, height, _fill = _area(journey)
    _apply(journey, tidy_positions(journey))
    tidy_width, tidy_height, _ = _area(journey)
    assert tidy_width <= width and tidy_width * tidy_height <= width * height
    again = tidy_positions(journey)
    assert all(again[sid] == (s.x, s.y) for sid, s in journey.steps.items())


@pytest.mark.parametrize(
    ("name", "journey"), _maps(), ids=lambda v: v if isinstance(v, str) else ""
)
@pytest.mark.parametrize("target", [SCREEN, SLIDE_16_9, A4_LANDSCAPE, POSTER_A0], ids=str)
def test_the_predicted_grid_is_the_grid_and_no_two_cards_share_a_spot(name, journey, target):
    arrangement = arrange(journey, target, METRICS)
    _apply(journey, arrangement.positions)
    grid = compute_grid(journey, METRICS)
    assert (grid.bounds.width, grid.bounds.height) == (arrangement.width, arrangement.height)
    rects = sorted(grid.step_rects.values(), key=lambda r: (r.x, r.y))
    for a, b in itertools.pairwise(rects):
        assert not a.intersects(b)
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 : i + 40])


def test_the_arrangement_follows_the_target_shape():
    journey = workshop_map(200)
    wide = arrange(journey, Target("banner", 4000, 1000), METRICS)
    slide = arrange(journey, SLIDE_16_9, METRICS)
    tall = arrange(journey, Target("portrait", 1000, 1400), METRICS)
    aspects = [a.width / a.height for a in (wide, slide, tall)]
    assert aspects == sorted(aspects, reverse=True)
    assert abs(math.log(aspects[1] / SLIDE_16_9.aspect)) < math.log(1.25)


def _random_map(draw_seed: int, steps: int, links: int) -> JourneyMap:
    rng = random.Random(draw_seed)
    journey = JourneyMap(MapInfo(title="Random"))
    departments = [journey.add_department(f"D{i}").id for i in range(rng.randint(1, 5))]
    stages = [journey.add_stage(f"S{i}").id for i in range(rng.randint(1, 5))]
    ids = [
        journey.add_step(
            f"Step {i}",
            department_id=rng.choice([None, *departments]),
            stage_id=rng.choice([None, *stages]) if rng.random() < 0.2 else rng.choice(stages),
        ).id
        for i in range(steps)
    ]
    for _ in range(links):
        a, b = rng.sample(ids, 2)
        if journey.link_between(a, b) is None:
            journey.add_link(a, b)
    return journey


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 100_000), st.integers(2, 60), st.integers(0, 120))
def test_within_a_stage_earlier_steps_are_left_of_or_above_later_ones(seed, steps, links):
    journey = _random_map(seed, steps, links)
    ranks = journey_ranks(journey)
    positions = arrange(journey, SCREEN, METRICS).positions
    by_stage: dict[str | None, list[str]] = {}
    for step in journey.steps.values():
        by_stage.setdefault(step.stage_id, []).append(step.id)
    for members in by_stage.values():
        for a in members:
            for b in members:
                if ranks[a] >= ranks[b]:
                    continue
                (ax, ay), (bx, by) = positions[a], positions[b]
                same_lane = journey.steps[a].department_id == journey.steps[b].department_id
                assert ax < bx or (ax == bx and (not same_lane or ay < by))


def test_steps_of_one_rank_in_one_cell_keep_their_reading_order():
    journey = JourneyMap(MapInfo(title="Order"))
    journey.require_transaction = False
    sales = journey.add_department("Sales").id
    stage = journey.add_stage("Purchase").id
    spots = {"C": (20, 20), "A": (244, 20), "B": (20, 136)}  # reading order: C, A, B
    for title, (x, y) in spots.items():
        journey.add_step(title, department_id=sales, stage_id=stage, x=x, y=y)
    tidy = tidy_positions(journey)
    order = sorted(journey.steps.values(), key=lambda s: (tidy[s.id][0], tidy[s.id][1]))
    assert [s.title for s in order] == ["C", "A", "B"]


def test_arranging_some_steps_puts_them_below_the_cards_that_stay():
    journey = workshop_map(30)
    _apply(journey, tidy_positions(journey))
    chosen = [sid for sid in journey.steps][::3]
    for sid in chosen:
        journey.update_step(sid, x=None, y=None)
    placed = arrange(journey, SCREEN, METRICS, chosen).positions
    assert set(placed) == set(chosen)
    _apply(journey, placed)
    rects = list(compute_grid(journey, METRICS).step_rects.values())
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_fill_ratio_is_card_area_over_grid_area():
    journey = workshop_map(13)
    grid = compute_grid(journey, METRICS)
    cards = 13 * METRICS.card_width * METRICS.card_height
    assert fill_ratio(grid) == pytest.approx(cards / (grid.bounds.width * grid.bounds.height))
