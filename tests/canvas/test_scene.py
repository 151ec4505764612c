"""The scene follows the map edit by edit exactly as a scene built afresh would show it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.canvas import JourneyScene
from laneway.layout import Metrics
from laneway.model import JourneyMap, MapInfo

METRICS = Metrics()


def _journey() -> JourneyMap:
    journey = JourneyMap(MapInfo(title="Scene"))
    for name in ("Marketing", "Sales", "Finance"):
        journey.add_department(name)
    for name in ("Awareness", "Purchase", "Renewal"):
        journey.add_stage(name)
    return journey


def _edit(journey: JourneyMap, scene: JourneyScene, change) -> None:
    with journey.record("Edit") as recording:
        change(journey)
    scene.reconcile(recording.changeset)


def _random_edit(journey: JourneyMap, rng: random.Random):
    departments = [None, *journey.departments]
    stages = [None, *journey.stages]
    steps = list(journey.steps)
    kinds = ["add", "add", "add", "move", "relane", "link", "delete", "reorder", "drop lane"]
    kind = rng.choice([*kinds, "drop stage", "new lane"])

    def change(j: JourneyMap) -> None:
        if kind == "add" or not steps:
            j.add_step(
                "Step",
                department_id=rng.choice(departments),
                stage_id=rng.choice(stages),
                x=rng.choice([20, 244, 468, 692]),
                y=rng.choice([20, 136, 252, 368]),
            )
        elif kind == "move":
            j.update_step(rng.choice(steps), x=rng.randrange(0, 900), y=rng.randrange(0, 600))
        elif kind == "relane":
            j.update_step(rng.choice(steps), department_id=rng.choice(departments))
        elif kind == "link" and len(steps) > 1:
            source, target = rng.sample(steps, 2)
            if j.link_between(source, target) is None:
                j.add_link(source, target)
        elif kind == "delete":
            j.remove_step(rng.choice(steps))
        elif kind == "reorder":
            order = list(j.departments)
            rng.shuffle(order)
            j.reorder_departments(order)
        elif kind == "drop lane" and j.departments:
            j.remove_department(rng.choice(list(j.departments)))
        elif kind == "drop stage" and j.stages:
            j.remove_stage(rng.choice(list(j.stages)))
        elif kind == "new lane":
            taken = {d.name for d in j.departments.values()}
            j.add_department(
                next(f"Team {n}" for n in range(1, 10_000) if f"Team {n}" not in taken)
            )

    return change


def _picture(scene: JourneyScene) -> tuple[dict, dict]:
    cards = {s.step_id: (s.scenePos().x(), s.scenePos().y()) for s in scene.step_items()}
    ends = {}
    for link_id in scene.journey.links:
        item = scene.link_item(link_id)
        path = item.mapToScene(item.path())
        points = [path.elementAt(i) for i in range(path.elementCount())]
        ends[link_id] = [(round(e.x, 3), round(e.y, 3)) for e in points]
    return cards, ends


@pytest.mark.usefixtures("qapp")
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25))
def test_reconciled_scene_matches_a_fresh_one(seed, edits):
    rng = random.Random(seed)
    journey = _journey()
    scene = JourneyScene(journey, metrics=METRICS)
    for _ in range(edits):
        _edit(journey, scene, _random_edit(journey, rng))
        assert _picture(scene) == _picture(JourneyScene(journey, metrics=METRICS))


@pytest.mark.usefixtures("qapp")
def test_a_card_added_inside_its_lane_moves_no_other_card():
    journey = _journey()
    sales = journey.department_by_name("Sales").id
    purchase = journey.stages_in_order()[1].id
    for x in (20, 244):
        journey.add_step("Card", department_id=sales, stage_id=purchase, x=x, y=20)
    scene = JourneyScene(journey, metrics=METRICS)
    before = {s.step_id: s.scenePos() for s in scene.step_items()}
    _edit(
        journey,
        scene,
        lambda j: j.add_step("New", department_id=sales, stage_id=purchase, x=468, y=20),
    )
    assert {s.step_id: s.scenePos() for s in scene.step_items() if s.step_id in before} == before


@pytest.mark.usefixtures("qapp")
def test_a_lane_that_grows_pushes_the_lanes_below_and_their_links_down():
    journey = _journey()
    marketing = journey.department_by_name("Marketing").id
    finance = journey.department_by_name("Finance").id
    awareness = journey.stages_in_order()[0].id
    a = journey.add_step("Pays", department_id=finance, stage_id=awareness, x=20, y=20).id
    b = journey.add_step("Renews", department_id=finance, stage_id=awareness, x=244, y=20).id
    journey.add_link(a, b)
    scene = JourneyScene(journey, metrics=METRICS)
    y_before = scene.step_item(a).scenePos().y()
    _edit(
        journey,
        scene,
        lambda j: j.add_step("Low", department_id=marketing, stage_id=awareness, x=20, y=600),
    )
    assert scene.step_item(a).scenePos().y() > y_before
    assert _picture(scene) == _picture(JourneyScene(journey, metrics=METRICS))


@pytest.mark.usefixtures("qapp")
def test_captions_of_arrows_into_one_card_do_not_cover_each_other():
    journey = _journey()
    marketing = journey.department_by_name("Marketing").id
    sales = journey.department_by_name("Sales").id
    awareness, purchase = (stage.id for stage in journey.stages_in_order()[:2])
    target = journey.add_step("Qualify", department_id=sales, stage_id=purchase, x=20, y=20).id
    sources = [
        journey.add_step(f"Source {i}", department_id=marketing, stage_id=awareness, x=x, y=20).id
        for i, x in enumerate((20, 244, 468))
    ]
    for source in sources:
        journey.add_link(source, target, agreement=f"Agreed hand-over number {source}")
    scene = JourneyScene(journey, metrics=METRICS)

    def assert_apart():
        boxes = [
            scene.link_item(link.id).mapRectToScene(scene.link_item(link.id).caption_rect())
            for link in journey.incoming(target)
        ]
        assert all(not box.isEmpty() for box in boxes)
        for index, box in enumerate(boxes):
            for other in boxes[index + 1 :]:
                assert not box.intersects(other)

    assert_apart()
    # and they stay apart after one of them loses its caption and gets it back
    link_id = journey.incoming(target)[1].id
    _edit(journey, scene, lambda j: j.update_link(link_id, agreement=""))
    _edit(journey, scene, lambda j: j.update_link(link_id, agreement="Back again"))
    assert_apart()


@pytest.mark.usefixtures("qapp")
def test_a_caption_with_no_room_becomes_a_numbered_note_never_cut():
    journey = _journey()
    marketing = journey.department_by_name("Marketing").id
    sales = journey.department_by_name("Sales").id
    awareness = journey.stages_in_order()[0].id
    near = [
        journey.add_step(title, department_id=marketing, stage_id=awareness, x=x, y=20).id
        for title, x in (("Reads", 20), ("Downloads", 244))
    ]
    far = journey.add_step("Calls", department_id=sales, stage_id=awareness, x=700, y=20).id
    long = "Redlines returned within two working days, with every clause marked"
    cramped = journey.add_link(*near, agreement=long).id
    roomy = journey.add_link(near[1], far, agreement="Score at least 50").id
    labelled = journey.add_link(near[0], far, label="demo request").id
    scene = JourneyScene(journey, metrics=METRICS)
    item = scene.link_item(cramped)
    for link_id in (roomy, labelled, cramped):
        assert "…" not in scene.link_item(link_id).caption
    assert scene.link_item(roomy).caption == "Score at least 50"
    assert scene.link_item(labelled).caption == "demo request"
    assert item.caption == "" and item.note_number == 1
    assert f"Agreement: {long}" in item.toolTip() and "Note 1" in item.toolTip()
    # moving the cards apart gives the words back, wrapped but whole
    _edit(journey, scene, lambda j: j.update_step(near[1], x=700, y=300))
    assert item.note_number is None
    assert item.caption == long
    assert len(item.caption_lines) > 1
