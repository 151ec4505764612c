"""What every routed picture must satisfy (SPEC §6 "Links never hide"), as assertions."""

from __future__ import annotations

from itertools import pairwise

from laneway.layout import Rect
from laneway.layout.routing import Route
from laneway.layout.routing.types import Box, box_of

#: Two parallel segments closer than this share a line.
SAME_LINE = 1.0
#: ... and share a segment when they run together longer than this ("a few pixels").
SHARED = 4.0


def _inside(seg_a, seg_b, box: Box) -> bool:
    """True when the segment crosses the box's interior (touching its edge is fine)."""
    (x0, y0), (x1, y1) = seg_a, seg_b
    eps = 1e-6
    return (
        min(x0, x1) < box[2] - eps
        and box[0] + eps < max(x0, x1)
        and min(y0, y1) < box[3] - eps
        and box[1] + eps < max(y0, y1)
    )


def _overlap(a: Box, b: Box) -> bool:
    eps = 1e-6
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps


def check_routes(
    routes: dict[str, Route],
    links: dict[str, tuple[str, str]],
    cards: dict[str, Rect],
    badges: dict[str, list[Rect]],
) -> None:
    card_boxes = {sid: box_of(r) for sid, r in cards.items()}
    badge_boxes = [box_of(b) for bs in badges.values() for b in bs]
    for link_id, (source, target) in links.items():
        route = routes[link_id]
        assert not route.blocked, link_id
        _check_path(route, source, target, card_boxes, badge_boxes)
    _check_labels(routes, card_boxes, badge_boxes)
    _check_no_shared_segments(routes)
    for link_id, (source, target) in links.items():
        back = next((k for k, ends in links.items() if ends == (target, source)), None)
        if back is not None:
            assert routes[link_id].points != tuple(reversed(routes[back].points))


def _check_path(route: Route, source, target, cards: dict[str, Box], badges: list[Box]) -> None:
    points = route.points
    assert len(points) >= 2
    for a, b in pairwise(points):
        assert a[0] == b[0] or a[1] == b[1], f"{route.link_id} is not orthogonal"
    assert _on_side(points[0], cards[source], route.source_side.value), route
    assert _on_side(points[-1], cards[target], route.target_side.value), route
    for step_id, box in cards.items():
        for a, b in pairwise(points):
            assert not _inside(a, b, box), f"{route.link_id} runs through card {step_id}"
    for box in badges:
        for a, b in pairwise(points):
            assert not _inside(a, b, box), f"{route.link_id} runs through a badge"


def _on_side(point, box: Box, side: str) -> bool:
    x, y = point
    if side in ("left", "right"):
        edge = box[0] if side == "left" else box[2]
        return abs(x - edge) < 1e-6 and box[1] < y < box[3]
    edge = box[1] if side == "top" else box[3]
    return abs(y - edge) < 1e-6 and box[0] < x < box[2]


def _check_labels(routes, cards: dict[str, Box], badges: list[Box]) -> None:
    labels = [(link_id, box) for link_id, r in sorted(routes.items()) for box in r.labels()]
    for link_id, box in labels:
        for step_id, card in cards.items():
            assert not _overlap(box, card), f"a label of {link_id} is on card {step_id}"
        for badge in badges:
            assert not _overlap(box, badge), f"a label of {link_id} is on a badge"
    for i, (a_id, a) in enumerate(labels):
        for b_id, b in labels[i + 1 :]:
            assert not _overlap(a, b), f"labels of {a_id} and {b_id} overlap"
    for link_id, route in routes.items():
        if route.caption_size is None and route.caption is not None:
            raise AssertionError(f"{link_id} has a caption of no size")


def _segments(route: Route):
    for a, b in pairwise(route.points):
        if a[1] == b[1]:
            yield True, a[1], min(a[0], b[0]), max(a[0], b[0])
        else:
            yield False, a[0], min(a[1], b[1]), max(a[1], b[1])


def _check_no_shared_segments(routes: dict[str, Route]) -> None:
    by_kind: dict[bool, list] = {True: [], False: []}
    for link_id, route in routes.items():
        for horizontal, coord, lo, hi in _segments(route):
            by_kind[horizontal].append((coord, lo, hi, link_id))
    for segs in by_kind.values():
        segs.sort()
        for i, (coord, lo, hi, link_id) in enumerate(segs):
            for other_coord, other_lo, other_hi, other_id in segs[i + 1 :]:
                if other_coord - coord >= SAME_LINE:
                    break
                if other_id == link_id:
                    continue
                shared = min(hi, other_hi) - max(lo, other_lo)
                assert shared <= SHARED, (
                    f"{link_id} and {other_id} share {shared:.1f} px at {coord:.1f}"
                )
