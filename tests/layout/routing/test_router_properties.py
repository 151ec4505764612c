"""The router's guarantees on random maps: links never hide (SPEC §6)."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laneway.layout import Metrics, Rect, arrange, compute_grid, free_spot
from laneway.layout.routing import LinkSpec, Router, route_all
from laneway.model import JourneyMap, MapInfo
from tests.layout.routing.checks import check_routes

METRICS = Metrics()


def random_map(seed: int, steps: int, density: float, drags: float) -> JourneyMap:
    """Random lanes, stages and links (dense and cyclic allowed: ``density`` links per
    step, one in five between any two steps of the map, the rest within a stage or to
    the next or previous one), arranged, then some cards dragged to random free spots
    of random cells."""
    rng = random.Random(seed)
    journey = JourneyMap(MapInfo(title="Random"))
    journey.require_transaction = False
    big = steps > 60  # a big journey has several lanes and stages
    departments = [
        journey.add_department(f"D{i}").id for i in range(rng.randint(3 if big else 1, 6))
    ]
    few, many = (4, 8) if big else (1, 6)
    stages = [journey.add_stage(f"S{i}").id for i in range(rng.randint(few, many))]
    ids = [
        journey.add_step(
            f"Step {i}",
            department_id=rng.choice([None, *departments]),
            stage_id=rng.choice(stages),
        ).id
        for i in range(steps)
    ]
    stage_of = {sid: stages.index(journey.steps[sid].stage_id) for sid in ids}
    for _ in range(int(density * steps) if steps > 1 else 0):
        a = rng.choice(ids)
        near = [sid for sid in ids if sid != a and abs(stage_of[sid] - stage_of[a]) <= 1]
        # mostly along the journey (this stage or the next, any lane, either way), some
        # long links and loops across the map
        b = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(ids)
        if a != b and journey.link_between(a, b) is None:
            journey.add_link(a, b)
        if a != b and rng.random() < 0.15 and journey.link_between(b, a) is None:
            journey.add_link(b, a)  # an opposite pair
    for step_id, (x, y) in arrange(journey, metrics=METRICS).positions.items():
        journey.update_step(step_id, x=x, y=y)
    for step_id in ids:
        if rng.random() < drags:
            lane, stage = rng.choice([None, *departments]), rng.choice(stages)
            near = (rng.uniform(0, 900), rng.uniform(0, 500))
            x, y = free_spot(journey, lane, stage, near, METRICS, ignore=[step_id])
            journey.update_step(step_id, department_id=lane, stage_id=stage, x=x, y=y)
    return journey


def scene_of(journey: JourneyMap, seed: int):
    rng = random.Random(seed)
    cards = compute_grid(journey, METRICS).step_rects
    badges = {
        sid: [Rect(r.right - 16, r.y - 12, 20, 20)]
        for sid, r in cards.items()
        if rng.random() < 0.4
    }
    links = []
    for link in journey.links.values():
        captions = ()
        if rng.random() < 0.35:
            w = rng.choice([60, 110, 150])
            captions = ((w, 16), (w * 0.6, 30))
        links.append(LinkSpec(link.id, link.source, link.target, captions, rng.random() < 0.3))
    return cards, badges, links


seeds = st.integers(0, 10**6)
drags = st.sampled_from([0.0, 0.2, 0.6])
small_or_big = (
    st.builds(random_map, seeds, st.integers(2, 60), st.sampled_from([0.8, 1.5, 2.0]), drags),
    st.builds(random_map, seeds, st.integers(61, 200), st.sampled_from([0.6, 1.5]), drags),
)
maps = st.one_of(small_or_big[0], small_or_big[0], small_or_big[1])


@settings(max_examples=14, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps, st.integers(0, 1000))
def test_links_never_hide_on_random_maps(journey, seed):
    cards, badges, links = scene_of(journey, seed)
    routes = route_all(cards, links, badges)
    ends = {spec.id: (spec.source, spec.target) for spec in links}
    assert set(routes) == set(ends)
    check_routes(routes, ends, cards, badges)


small_maps = st.builds(random_map, seeds, st.integers(2, 50), st.sampled_from([0.8, 2.0]), drags)


@settings(max_examples=6, deadline=None)
@given(small_maps, st.integers(0, 1000))
def test_the_same_input_gives_the_same_routes_whatever_its_order(journey, seed):
    cards, badges, links = scene_of(journey, seed)
    first = route_all(cards, links, badges)
    shuffled = random.Random(seed).sample(links, len(links))
    reversed_cards = dict(reversed(list(cards.items())))
    assert route_all(reversed_cards, shuffled, badges) == first


def test_an_opposite_pair_is_drawn_as_two_lines():
    cards = {"a": Rect(0, 0, 184, 96), "b": Rect(300, 0, 184, 96)}
    links = [LinkSpec("ab", "a", "b"), LinkSpec("ba", "b", "a")]
    routes = route_all(cards, links)
    there, back = routes["ab"].points, routes["ba"].points
    assert there[0][0] == 184 and back[-1][0] == 184  # right side of a, both ways
    assert abs(there[0][1] - back[-1][1]) >= 6  # apart along the side
    check_routes(routes, {"ab": ("a", "b"), "ba": ("b", "a")}, cards, {})


def test_a_link_goes_around_a_card_in_its_way():
    cards = {"a": Rect(0, 0, 184, 96), "m": Rect(250, 0, 184, 96), "b": Rect(500, 0, 184, 96)}
    routes = route_all(cards, [LinkSpec("ab", "a", "b")])
    check_routes(routes, {"ab": ("a", "b")}, cards, {})
    assert len(routes["ab"].points) > 2


@pytest.mark.parametrize("size", [(150, 30)])
def test_a_caption_with_no_room_becomes_a_numbered_note(size):
    # two cards 20 px apart, boxed in: no room anywhere along the link for the caption
    cards = {f"c{i}": Rect(0, i * 116, 184, 96) for i in range(2)}
    cards.update(
        {
            f"w{i}": Rect(x, y, 184, 96)
            for i, (x, y) in enumerate(
                [(-224, 0), (224, 0), (-224, 116), (224, 116), (0, -136), (0, 252)]
            )
        }
    )
    routes = route_all(cards, [LinkSpec("l", "c0", "c1", (size,))])
    route = routes["l"]
    assert route.caption is None and route.caption_size is None
    assert route.note_marker is not None
    check_routes(routes, {"l": ("c0", "c1")}, cards, {})


FUZZ = pytest.mark.skipif(
    not os.environ.get("LANEWAY_FUZZ"), reason="long fuzz run: set LANEWAY_FUZZ=1 to run it"
)


@pytest.mark.fuzz
@FUZZ
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps, st.integers(0, 1000))
def test_links_never_hide_on_many_random_maps(journey, seed):
    test_links_never_hide_on_random_maps.hypothesis.inner_test(journey, seed)


def _two_columns() -> tuple[dict[str, Rect], list[LinkSpec]]:
    """Two stacks of cards 40 px apart and 16 links that all want the gap between them."""
    cards = {f"L{i}": Rect(0, i * 116, 184, 96) for i in range(8)}
    cards.update({f"R{i}": Rect(224, i * 116, 184, 96) for i in range(8)})
    links = [
        LinkSpec(f"l{n:02}", f"L{i}", f"R{j}")
        for n, (i, j) in enumerate((i, j) for i in range(4) for j in range(4, 8))
    ]
    return cards, links


def _in_the_gap(route) -> bool:
    return any(
        a[0] == b[0] and 184 < a[0] < 224 and abs(a[1] - b[1]) > 150
        for a, b in zip(route.points, route.points[1:], strict=False)
    )


def test_a_full_channel_sends_later_links_around_it():
    cards, links = _two_columns()
    routes = route_all(cards, links)
    check_routes(routes, {s.id: (s.source, s.target) for s in links}, cards, {})
    through = [k for k in sorted(routes) if _in_the_gap(routes[k])]
    around = [k for k in sorted(routes) if k not in through]
    # the gap takes 38 / 3 + 1 = 13 links side by side; the last ones go round
    assert 0 < len(around) < len(links) and max(through) < max(around)


def test_a_link_leaving_a_full_channel_lets_a_later_one_in():
    cards, links = _two_columns()
    router = Router()
    router.set_cards(cards)
    router.set_links(links)
    router.route()
    around = [k for k, r in router.routes.items() if not _in_the_gap(r)]
    router.update_links(removed=["l00", "l01", "l02", "l03"])
    changed = router.route()
    fresh = route_all(cards, links[4:])
    assert router.routes == fresh
    assert set(around) & changed
    assert sum(not _in_the_gap(r) for r in fresh.values()) < len(around)


@pytest.mark.parametrize("vertical", [False, True])
def test_an_opposite_pair_whose_cards_barely_face_each_other_is_drawn_apart(vertical):
    """The sides' shared window (less the corners) is one point: drawn straight, both
    links would lie on that one line (found by the long fuzz run)."""
    a, b = Rect(0, 76, 184, 96), Rect(400, 0, 184, 96)
    if vertical:
        a, b = Rect(76, 0, 96, 184), Rect(0, 400, 96, 184)
    cards = {"a": a, "b": b}
    links = [LinkSpec("l1", "a", "b"), LinkSpec("l2", "b", "a")]
    routes = route_all(cards, links)
    check_routes(routes, {"l1": ("a", "b"), "l2": ("b", "a")}, cards, {})
