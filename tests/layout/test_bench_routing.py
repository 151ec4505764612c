"""Router benchmarks on the 2,000-step map (skipped in the normal run):
`pytest tests/layout/test_bench_routing.py --benchmark-only`.

The map is built like the app benchmark's (``workshop_map(2000)``), placed by the
compact arrangement. Incremental figures are the router's share of an edit: what the
canvas will call after the edit is committed and the grid recomputed.
"""

from __future__ import annotations

import pytest

from laneway.layout import Metrics, Rect, compute_grid, free_spot, tidy_positions
from laneway.layout.routing import LinkSpec, Router, route_all
from laneway.model import JourneyMap
from tests.support.maps import workshop_map

METRICS = Metrics()


@pytest.fixture(scope="module")
def big_map() -> JourneyMap:
    journey = workshop_map(2_000)
    journey.require_transaction = False
    for step_id, (x, y) in tidy_positions(journey).items():
        journey.update_step(step_id, x=x, y=y)
    return journey


def _badges(cards: dict[str, Rect]) -> dict[str, list[Rect]]:
    """A badge on every third card, where the canvas draws it (the top-right corner)."""
    return {
        sid: [Rect(r.right - 16, r.y - 12, 20, 20)]
        for n, (sid, r) in enumerate(sorted(cards.items()))
        if n % 3 == 0
    }


def _specs(journey: JourneyMap) -> list[LinkSpec]:
    specs = []
    for link in journey.links.values():
        captions = ((150.0, 16.0), (100.0, 30.0)) if link.agreement else ()
        gap = journey.is_handoff(link) and not link.agreement
        specs.append(LinkSpec(link.id, link.source, link.target, captions, gap))
    return specs


def _router(journey: JourneyMap) -> tuple[Router, dict[str, Rect]]:
    cards = compute_grid(journey, METRICS).step_rects
    router = Router()
    router.set_cards(cards, _badges(cards))
    router.set_links(_specs(journey))
    router.route()
    return router, cards


@pytest.mark.benchmark(group="routing")
def test_bench_route_2000_steps(benchmark, big_map):
    cards = compute_grid(big_map, METRICS).step_rects
    badges, specs = _badges(cards), _specs(big_map)
    routes = benchmark.pedantic(lambda: route_all(cards, specs, badges), rounds=5, iterations=1)
    assert len(routes) == len(big_map.links)


def _moves(journey: JourneyMap, count: int) -> list[tuple[str, Rect, Rect]]:
    """Cards spread over the map, each with the first free slot of its cell to go to."""
    grid = compute_grid(journey, METRICS)
    steps = list(journey.steps.values())
    moves = []
    for step in steps[:: len(steps) // count][:count]:
        cell = grid.cell_rect(step.department_id, step.stage_id)
        x, y = free_spot(journey, step.department_id, step.stage_id, None, METRICS)
        home = grid.step_rect(step.id)
        moves.append((step.id, home, Rect(cell.x + x, cell.y + y, home.width, home.height)))
    return moves


@pytest.mark.benchmark(group="routing")
def test_bench_move_one_card_of_2000(benchmark, big_map):
    """A card dragged to another free spot of its cell (the grid's frame stays), and
    back in the next round: 20 cards spread over the map."""
    router, _cards = _router(big_map)
    rounds = [
        (step_id, spot) for step_id, home, away in _moves(big_map, 20) for spot in (away, home)
    ]
    turn = iter(rounds)

    def move():
        step_id, spot = next(turn)
        router.update_cards({step_id: spot})
        return router.route()

    benchmark.pedantic(move, rounds=len(rounds), iterations=1)


@pytest.mark.benchmark(group="routing")
def test_bench_add_one_linked_step_to_2000(benchmark, big_map):
    """Ctrl+Enter: a new card in a busy cell and a link to it (no lane grows)."""
    router, _cards = _router(big_map)
    source, _home, spot = _moves(big_map, 1)[0]

    def setup():
        router.update_cards({"new": None})
        router.update_links(removed=["new-link"])
        router.route()
        return (), {}

    def add():
        router.update_cards({"new": spot})
        router.update_links([LinkSpec("new-link", source, "new")])
        return router.route()

    benchmark.pedantic(add, setup=setup, rounds=30, iterations=1)


@pytest.mark.benchmark(group="routing")
def test_bench_a_lane_grows_in_2000(benchmark, big_map):
    """A step added below the Sales lane: every lane below shifts down (``shift``)."""
    journey = big_map.copy()
    journey.require_transaction = False
    router, _cards = _router(journey)
    grid = compute_grid(journey, METRICS)
    sales = journey.department_by_name("Sales").id
    stage = journey.stages_in_order()[2].id
    lane = grid.lane(sales)
    below = [lane2 for lane2 in grid.lanes if lane2.rect.y > lane.rect.y]
    lowest = lane.rect.height - METRICS.cell_padding
    new = journey.add_step("Lower", department_id=sales, stage_id=stage, x=20, y=lowest + 20)
    grown = compute_grid(journey, METRICS)
    dy = grown.lane(sales).rect.height - lane.rect.height
    assert dy > 0
    journey.remove_step(new.id)
    new_rect = grown.step_rect(new.id)
    breaks = [(below[0].rect.y, dy)]
    state = {"grown": False}

    def setup():
        if state["grown"]:  # back to the lane as it was, untimed
            router.update_cards({"lower": None})
            router.shift("y", [(below[0].rect.y + dy, -dy)])
            router.route()
        return (), {}

    def grow():
        state["grown"] = True
        router.shift("y", breaks)
        router.update_cards({"lower": new_rect})
        return router.route()

    changed = []
    benchmark.pedantic(lambda: changed.append(len(grow())), setup=setup, rounds=20, iterations=1)
    assert max(changed) > 100  # the routes below moved with their lanes
