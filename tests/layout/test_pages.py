"""Splitting a map by stage range: fewest pages that fit, never an empty-stage page."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.layout import Metrics, compute_grid, plan_pages, range_size, tidy_positions
from laneway.layout.pages import _Ranges
from laneway.model import JourneyMap
from tests.support.maps import workshop_map

METRICS = Metrics()
PAGE_W, PAGE_H = 960.0, 540.0


def _placed_map(steps: int, seed: int, empty_stages: int = 0) -> JourneyMap:
    rng = random.Random(seed)
    journey = workshop_map(steps, seed=seed)
    journey.require_transaction = False
    for index in range(empty_stages):
        journey.add_stage(f"Empty {index}")
    order = [s.id for s in journey.stages_in_order()]
    rng.shuffle(order)
    journey.reorder_stages(order)
    for step_id, (x, y) in tidy_positions(journey).items():
        journey.update_step(step_id, x=x, y=y)
    return journey


def _partitions(n: int):
    for cuts in itertools.product([False, True], repeat=n - 1):
        plan, begin = [], 0
        for index, cut in enumerate(cuts, start=1):
            if cut:
                plan.append(range(begin, index))
                begin = index
        yield [*plan, range(begin, n)]


def _valid(plan, ranges: _Ranges) -> bool:
    return all(ranges.busy_count(r) > 0 for r in plan)


def _check_covers(plan: list[range], n: int) -> None:
    assert plan[0].start == 0 and plan[-1].stop == n
    assert all(a.stop == b.start for a, b in itertools.pairwise(plan))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 1000), st.integers(4, 60), st.integers(0, 3), st.floats(0.05, 0.6))
def test_the_plan_is_the_fewest_pages_that_fit_with_no_empty_stage_page(
    seed, steps, empty, min_scale
):
    grid = compute_grid(_placed_map(steps, seed, empty), METRICS)
    ranges = _Ranges(grid)
    n = len(grid.columns)
    plan = plan_pages(grid, PAGE_W, PAGE_H, min_scale)
    _check_covers(plan, n)
    assert _valid(plan, ranges)
    for columns in plan:
        if ranges.busy_count(columns) > 1:
            assert ranges.scale(columns, PAGE_W, PAGE_H) >= min_scale

    def cost(candidate):
        scales = [ranges.scale(c, PAGE_W, PAGE_H) for c in candidate]
        small = sum(s < min_scale for s in scales)
        return (small, len(candidate), -min(scales))

    allowed = [
        p
        for p in _partitions(n)
        if _valid(p, ranges)
        and all(
            ranges.busy_count(c) == 1 or ranges.scale(c, PAGE_W, PAGE_H) >= min_scale for c in p
        )
    ]
    assert cost(plan) == pytest.approx(min(cost(p) for p in allowed))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 1000), st.integers(4, 60), st.integers(0, 3), st.integers(1, 9))
def test_a_forced_number_of_pages_balances_the_scale(seed, steps, empty, count):
    grid = compute_grid(_placed_map(steps, seed, empty), METRICS)
    ranges = _Ranges(grid)
    n = len(grid.columns)
    plan = plan_pages(grid, PAGE_W, PAGE_H, 1.0, count=count)
    _check_covers(plan, n)
    assert _valid(plan, ranges)
    assert len(plan) == min(count, sum(ranges.busy))
    best = max(
        min(ranges.scale(c, PAGE_W, PAGE_H) for c in p)
        for p in _partitions(n)
        if len(p) == len(plan) and _valid(p, ranges)
    )
    assert min(ranges.scale(c, PAGE_W, PAGE_H) for c in plan) == pytest.approx(best)


def test_a_page_is_as_big_as_the_grid_of_an_excerpt_of_its_stages():
    journey = _placed_map(40, seed=5, empty_stages=1)
    grid = compute_grid(journey, METRICS)
    for columns in (range(0, 2), range(2, 5), range(3, 4), range(0, len(grid.columns))):
        kept = {grid.columns[i].stage_id for i in columns}
        excerpt = journey.copy()
        excerpt.require_transaction = False
        for step in list(excerpt.steps.values()):
            if step.stage_id not in kept:
                excerpt.remove_step(step.id)
        for stage in list(excerpt.stages.values()):
            if stage.id not in kept:
                excerpt.remove_stage(stage.id)
        bounds = compute_grid(excerpt, METRICS).bounds
        assert range_size(grid, columns) == (bounds.width, bounds.height)


def test_a_small_map_fits_one_page_and_a_big_one_splits():
    small = compute_grid(_placed_map(13, seed=1), METRICS)
    assert plan_pages(small, PAGE_W, PAGE_H, 0.3) == [range(len(small.columns))]
    big = compute_grid(_placed_map(200, seed=1), METRICS)
    plan = plan_pages(big, PAGE_W, PAGE_H, 0.45)
    assert 1 < len(plan) <= len(big.columns)


def test_a_map_without_cards_is_one_page_and_zero_pages_is_refused():
    journey = JourneyMap()
    journey.require_transaction = False
    journey.add_stage("Only")
    grid = compute_grid(journey, METRICS)
    assert plan_pages(grid, PAGE_W, PAGE_H, 1.0) == [range(len(grid.columns))]
    with pytest.raises(ValueError, match="at least one page"):
        plan_pages(grid, PAGE_W, PAGE_H, 1.0, count=0)
