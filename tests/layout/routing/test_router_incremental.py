"""Routing after edits, incrementally, gives exactly what routing from scratch gives."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laneway.layout import Rect
from laneway.layout.routing import LinkSpec, Route, Router, route_all
from tests.layout.routing.test_router_properties import FUZZ, random_map, scene_of

KINDS = ("move", "add", "unlink", "remove", "caption", "badge", "shift_y", "shift_x")


def _free_spot(rng: random.Random, cards: dict[str, Rect], size=(184.0, 96.0)) -> Rect | None:
    right = max((r.right for r in cards.values()), default=600.0) + 250
    bottom = max((r.bottom for r in cards.values()), default=400.0) + 150
    for _ in range(60):
        rect = Rect(round(rng.uniform(0, right)), round(rng.uniform(0, bottom)), *size)
        grown = Rect(rect.x - 12, rect.y - 12, rect.width + 24, rect.height + 24)
        if not any(grown.intersects(other) for other in cards.values()):
            return rect
    return None


def _gap_line(cards: dict[str, Rect], along: str, rng: random.Random) -> float | None:
    """A line across the map that no card straddles."""
    spans = sorted((r.y, r.bottom) if along == "y" else (r.x, r.right) for r in cards.values())
    gaps, reach = [], -math.inf
    for start, end in spans:
        if start > reach + 2:
            gaps.append((reach + start) / 2 if reach > -math.inf else start - 10)
        reach = max(reach, end)
    return rng.choice(gaps) if gaps else None


class _Scene:
    """The cards, badges and links as the caller knows them, and the router fed alike."""

    def __init__(self, cards, badges, links) -> None:
        self.cards, self.badges = dict(cards), {k: list(v) for k, v in badges.items()}
        self.links = {spec.id: spec for spec in links}
        self.router = Router()
        self.router.set_cards(self.cards, self.badges)
        self.router.set_links(self.links.values())
        self.router.route()
        self.made = 0

    def edit(self, kind: str, rng: random.Random) -> None:
        getattr(self, f"_{kind}")(rng)

    def _move(self, rng):
        if self.cards:
            step_id = rng.choice(sorted(self.cards))
            others = {k: v for k, v in self.cards.items() if k != step_id}
            spot = _free_spot(rng, others)
            if spot is not None:
                self.cards[step_id] = spot
                self.badges.pop(step_id, None)
                self.router.update_cards({step_id: spot}, {step_id: []})

    def _add(self, rng):
        spot = _free_spot(rng, self.cards)
        if spot is None or not self.cards:
            return
        self.made += 1
        step_id, link_id = f"new{self.made}", f"l-new{self.made}"
        source = rng.choice(sorted(self.cards))
        self.cards[step_id] = spot
        self.links[link_id] = LinkSpec(link_id, source, step_id, ((90.0, 16.0),), True)
        self.router.update_cards({step_id: spot})
        self.router.update_links([self.links[link_id]])

    def _unlink(self, rng):
        if self.links:
            link_id = rng.choice(sorted(self.links))
            del self.links[link_id]
            self.router.update_links(removed=[link_id])

    def _remove(self, rng):
        if self.cards:
            step_id = rng.choice(sorted(self.cards))
            del self.cards[step_id]
            self.badges.pop(step_id, None)
            gone = [k for k, s in self.links.items() if step_id in (s.source, s.target)]
            for link_id in gone:
                del self.links[link_id]
            self.router.update_cards({step_id: None})
            self.router.update_links(removed=gone)

    def _caption(self, rng):
        if self.links:
            spec = self.links[rng.choice(sorted(self.links))]
            captions = () if spec.captions else ((rng.choice([60.0, 140.0]), 16.0),)
            new = LinkSpec(spec.id, spec.source, spec.target, captions, not spec.gap_marker)
            self.links[spec.id] = new
            self.router.update_links([new])

    def _badge(self, rng):
        if self.cards:
            step_id = rng.choice(sorted(self.cards))
            r = self.cards[step_id]
            badges = [] if self.badges.get(step_id) else [Rect(r.right - 16, r.y - 12, 20, 20)]
            self.badges[step_id] = badges
            self.router.update_cards({}, {step_id: badges})

    def _shift(self, rng, along: str):
        line = _gap_line(self.cards, along, rng)
        if line is None:
            return
        delta = float(rng.choice([24, 116, 224]))
        for step_id, r in list(self.cards.items()):
            start = r.y if along == "y" else r.x
            if start >= line:
                dx, dy = (0.0, delta) if along == "y" else (delta, 0.0)
                self.cards[step_id] = Rect(r.x + dx, r.y + dy, r.width, r.height)
                self.badges[step_id] = [
                    Rect(b.x + dx, b.y + dy, b.width, b.height)
                    for b in self.badges.get(step_id, [])
                ]
        self.router.shift(along, [(line, delta)])

    def _shift_y(self, rng):
        self._shift(rng, "y")

    def _shift_x(self, rng):
        self._shift(rng, "x")


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return all(abs(x - y) < 1e-6 for x, y in zip(a, b, strict=True))


def _same(a: Route, b: Route) -> bool:
    return (
        len(a.points) == len(b.points)
        and all(_close(p, q) for p, q in zip(a.points, b.points, strict=True))
        and (a.source_side, a.target_side, a.caption_size, a.blocked, a.crowded)
        == (b.source_side, b.target_side, b.caption_size, b.blocked, b.crowded)
        and _close(a.caption, b.caption)
        and _close(a.note_marker, b.note_marker)
        and _close(a.gap_marker, b.gap_marker)
    )


edits = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10**6)), min_size=1, max_size=6)
small = st.builds(
    random_map,
    st.integers(0, 10**6),
    st.integers(2, 40),
    st.sampled_from([0.8, 1.5, 2.0]),
    st.sampled_from([0.0, 0.3]),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small, st.integers(0, 1000), edits)
def test_incremental_routes_equal_routing_from_scratch(journey, seed, steps):
    scene = _Scene(*scene_of(journey, seed))
    for kind, edit_seed in steps:
        before = dict(scene.router.routes)
        scene.edit(kind, random.Random(edit_seed))
        changed = scene.router.route()
        fresh = route_all(scene.cards, scene.links.values(), scene.badges)
        now = scene.router.routes
        assert set(now) == set(fresh), kind
        for link_id, route in fresh.items():
            assert _same(now[link_id], route), (kind, link_id, now[link_id], route)
        differs = {k for k in set(before) | set(now) if before.get(k) != now.get(k)}
        assert differs <= changed, kind


def test_routing_only_what_is_visible_leaves_the_rest_for_later():
    cards = {f"c{i}": Rect(i * 300.0, 0.0, 184.0, 96.0) for i in range(8)}
    links = [LinkSpec(f"l{i}", f"c{i}", f"c{i + 1}") for i in range(7)]
    router = Router()
    router.set_cards(cards)
    router.set_links(links)
    changed = router.route(within=Rect(0, 0, 700, 200))
    assert changed == {"l0", "l1", "l2"}  # the links that touch what is on screen
    assert router.pending == {"l3", "l4", "l5", "l6"}
    assert router.route() == {"l3", "l4", "l5", "l6"}
    assert router.routes == route_all(cards, links)


@pytest.mark.fuzz
@FUZZ
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small, st.integers(0, 1000), edits)
def test_incremental_routes_equal_routing_from_scratch_long(journey, seed, steps):
    test_incremental_routes_equal_routing_from_scratch.hypothesis.inner_test(journey, seed, steps)
