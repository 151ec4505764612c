"""Arrows on the canvas follow the router: round cards, apart, labels clear of everything."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

from laneway.analysis import analyze
from laneway.canvas import JourneyScene
from laneway.io.templates import load_template, template_names
from laneway.layout import Metrics, tidy_positions
from laneway.model import JourneyMap, MapInfo
from tests.support.maps import workshop_map

METRICS = Metrics()


def _maps() -> list[tuple[str, JourneyMap]]:
    found = [(name, load_template(name)) for name in template_names()]
    found += [("workshop-60", workshop_map(60)), ("workshop-120", workshop_map(120, seed=11))]
    return found


def _scene(journey: JourneyMap) -> JourneyScene:
    scene = JourneyScene(journey, metrics=METRICS)
    scene.set_report(analyze(journey))
    scene.finish_routing()
    return scene


def _inside(point, rect: QRectF, slack: float = 0.5) -> bool:
    x, y = point
    return (
        rect.left() + slack < x < rect.right() - slack
        and rect.top() + slack < y < rect.bottom() - slack
    )


def _crosses(a, b, rect: QRectF) -> bool:
    """True when the axis-parallel segment a→b runs through the inside of ``rect``."""
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    (ax, ay), (bx, by) = a, b
    if ay == by:
        lo, hi = sorted((ax, bx))
        return inner.top() < ay < inner.bottom() and lo < inner.right() and inner.left() < hi
    lo, hi = sorted((ay, by))
    return inner.left() < ax < inner.right() and lo < inner.bottom() and inner.top() < hi


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("name", "journey"), _maps(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_arrows_never_pass_behind_a_card_and_labels_overlap_nothing(name, journey):
    scene = _scene(journey)
    cards = {i.step_id: i.mapRectToScene(i.card_rect()) for i in scene.step_items()}
    badges = [i.mapRectToScene(i.badge_rect()) for i in scene.step_items() if i.worst_severity()]
    labels: list[tuple[str, QRectF]] = []
    for link in journey.links.values():
        item = scene.link_item(link.id)
        route = item.route
        assert route is not None, f"{name}: {link.id} not routed"
        if route.blocked:
            continue
        points = route.points
        for a, b in itertools.pairwise(points):
            assert a[0] == b[0] or a[1] == b[1], "orthogonal segments"
            for step_id, rect in cards.items():
                if step_id not in (link.source, link.target):
                    assert not _crosses(a, b, rect), f"{name}: {link.id} behind {step_id}"
        assert item.path().elementCount() >= 2
        boxes = [item.caption_rect(), *item.marker_rects()]
        labels += [(link.id, box) for box in boxes if not box.isEmpty()]
    for link_id, box in labels:
        for rect in [*cards.values(), *badges]:
            assert not box.intersects(rect), f"{name}: label of {link_id} on a card or badge"
    for n, (link_id, box) in enumerate(labels):
        for other_id, other in labels[n + 1 :]:
            assert not box.intersects(other), f"{name}: labels of {link_id} and {other_id}"


@pytest.mark.usefixtures("qapp")
def test_opposite_links_are_drawn_apart_and_a_gap_is_dashed_with_a_question_mark():
    journey = JourneyMap(MapInfo(title="Opposite"))
    sales = journey.add_department("Sales").id
    legal = journey.add_department("Legal").id
    stage = journey.add_stage("Contract").id
    a = journey.add_step("Sends the draft", department_id=sales, stage_id=stage, x=20, y=20).id
    b = journey.add_step("Returns redlines", department_id=legal, stage_id=stage, x=20, y=20).id
    agreed = journey.add_link(b, a, agreement="Redlines returned within two working days").id
    gap = journey.add_link(a, b).id
    scene = _scene(journey)
    agreed_item, gap_item = scene.link_item(agreed), scene.link_item(gap)
    assert gap_item.shows_gap and gap_item.route.gap_marker is not None
    assert gap_item.marker_rects()
    # the two lines never run on top of each other
    one, other = agreed_item.route.points, gap_item.route.points
    for a1, b1 in itertools.pairwise(one):
        for a2, b2 in itertools.pairwise(other):
            assert not _overlapping(a1, b1, a2, b2, 3.0)
    # the agreement is readable in full on the canvas
    assert agreed_item.caption == "Redlines returned within two working days"


def _overlapping(a1, b1, a2, b2, tolerance: float) -> bool:
    """Two collinear axis-parallel segments sharing more than ``tolerance``."""
    if a1[1] == b1[1] == a2[1] == b2[1]:
        lo1, hi1 = sorted((a1[0], b1[0]))
        lo2, hi2 = sorted((a2[0], b2[0]))
        return min(hi1, hi2) - max(lo1, lo2) > tolerance
    if a1[0] == b1[0] == a2[0] == b2[0]:
        lo1, hi1 = sorted((a1[1], b1[1]))
        lo2, hi2 = sorted((a2[1], b2[1]))
        return min(hi1, hi2) - max(lo1, lo2) > tolerance
    return False


@pytest.mark.usefixtures("qapp")
def test_an_edit_re_paths_only_the_arrows_whose_route_changed():
    journey = workshop_map(60)
    journey.require_transaction = False
    for step_id, (x, y) in tidy_positions(journey).items():
        journey.update_step(step_id, x=x, y=y)
    journey.require_transaction = True
    scene = _scene(journey)
    repathed: list[str] = []
    for item in (scene.link_item(k) for k in journey.links):
        original = item.set_route

        def spy(route, number=None, item=item, original=original):
            if route != item.route:
                repathed.append(item.link_id)
            original(route, number)

        item.set_route = spy

    def routes():
        return {k: scene.link_item(k).route for k in journey.links}

    def edit(change) -> None:
        with journey.record("Edit") as recording:
            change(journey)
        scene.reconcile(recording.changeset)

    before = routes()

    def rightmost(stage_id):
        return max(s.x for s in journey.steps.values() if s.stage_id == stage_id)

    steps = journey.steps.values()
    step = next(s for s in steps if journey.links_of(s.id) and s.x + 30 < rightmost(s.stage_id))
    edit(lambda j: j.update_step(step.id, title="A new title, same place"))
    assert repathed == [] and routes() == before
    # a card nudged inside its cell, the grid's frame unchanged
    frame = scene.grid
    edit(lambda j: j.update_step(step.id, x=step.x + 30))
    assert scene.grid.same_frame(frame)
    after = routes()
    changed = {k for k in journey.links if after[k] != before[k]}
    assert changed and sorted(repathed) == sorted(changed)
    assert len(changed) < len(journey.links) / 2


@pytest.mark.usefixtures("qapp")
def test_on_a_big_map_on_screen_arrows_follow_a_growing_lane_at_once_and_are_routed_after():
    from PySide6.QtWidgets import QGraphicsView

    journey = workshop_map(420)
    journey.require_transaction = False
    for step_id, (x, y) in tidy_positions(journey).items():
        journey.update_step(step_id, x=x, y=y)
    journey.require_transaction = True
    scene = _scene(journey)
    view = QGraphicsView(scene)
    view.resize(900, 600)
    view.show()
    sales = journey.department_by_name("Sales").id
    stage = journey.stages_in_order()[1].id
    lowest = max(s.y for s in journey.steps.values() if s.department_id == sales)
    with journey.record("Add") as recording:
        journey.add_step("Low", department_id=sales, stage_id=stage, x=20, y=lowest + 400)
    scene.reconcile(recording.changeset)
    assert scene.routing.pending  # the router catches up after the edit
    # meanwhile every arrow still starts and ends on its cards
    for link in journey.links.values():
        item = scene.link_item(link.id)
        if item.route is None:
            continue
        path = item.mapToScene(item.path())
        start, end = path.elementAt(0), path.elementAt(path.elementCount() - 1)
        source = scene.step_item(link.source).sceneBoundingRect().adjusted(-1, -1, 1, 1)
        target = scene.step_item(link.target).sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert source.contains(start.x, start.y) and target.contains(end.x, end.y)
    scene.finish_routing()
    assert not scene.routing.pending
    fresh = _scene(journey)
    for link_id in journey.links:
        ours, theirs = scene.link_item(link_id), fresh.link_item(link_id)
        assert ours.pos().isNull() and ours.route == theirs.route
    view.close()
