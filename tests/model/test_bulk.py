"""The bulk load path: the mutation API's invariants and sentences, no change events."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

from laneway.model import (
    Department,
    JourneyMap,
    Link,
    MapBuilder,
    MapInfo,
    ModelError,
    Stage,
    Step,
    map_from_dict,
    map_from_records,
    map_to_dict,
)
from tests.analysis.test_properties import random_maps
from tests.support.maps import generated_journey, journey_dict


def _base(target):
    """Two departments, a stage, two steps and a link, added through ``target``'s add_*."""
    marketing = target.add_department("Marketing", department_id="d1")
    target.add_department("Sales", "#27ae60", department_id="d2")
    stage = target.add_stage("Awareness", stage_id="g1")
    target.add_step("Reads blog", step_id="s1", department_id=marketing.id, stage_id=stage.id)
    target.add_step("Calls", step_id="s2", department_id="d2")
    target.add_link("s1", "s2", link_id="l1", agreement="MQL")
    target.add_persona("Buyer", persona_id="p1")
    target.add_definition("MQL", "Score >= 50", definition_id="t1")
    target.add_note("Who calls back?", step_id="s2", note_id="n1", created="")
    return target


VIOLATIONS: dict[str, Callable] = {
    "department name in another case": lambda m: m.add_department("  mARKETING "),
    "blank department name": lambda m: m.add_department("   "),
    "bad colour": lambda m: m.add_department("Legal", "blue"),
    "department id twice": lambda m: m.add_department("Legal", department_id="d1"),
    "empty department id": lambda m: m.add_department("Legal", department_id=" "),
    "stage name twice": lambda m: m.add_stage(" Awareness"),
    "blank stage name": lambda m: m.add_stage(""),
    "stage id twice": lambda m: m.add_stage("Purchase", stage_id="g1"),
    "step id twice": lambda m: m.add_step("Again", step_id="s1"),
    "missing department": lambda m: m.add_step("Lost", department_id="d9"),
    "missing stage": lambda m: m.add_step("Lost", stage_id="g9"),
    "unknown step field": lambda m: m.add_step("Odd", colour="red"),
    "emotion out of range": lambda m: m.add_step("Angry", emotion=3),
    "emotion not whole": lambda m: m.add_step("Unsure", emotion=0.5),
    "emotion not a number": lambda m: m.add_step("Moody", emotion="sad"),
    "emotion infinite": lambda m: m.add_step("Moody", emotion=float("inf")),
    "link to a missing step": lambda m: m.add_link("s1", "s9"),
    "link from a missing step": lambda m: m.add_link("s9", "s1"),
    "self-link": lambda m: m.add_link("s1", "s1"),
    "second link of a pair": lambda m: m.add_link("s1", "s2"),
    "link id twice": lambda m: m.add_link("s2", "s1", link_id="l1"),
    "persona name in another case": lambda m: m.add_persona(" buyer"),
    "blank persona name": lambda m: m.add_persona(" "),
    "persona colour": lambda m: m.add_persona("Champion", "purple"),
    "persona id twice": lambda m: m.add_persona("Champion", persona_id="p1"),
    "missing persona": lambda m: m.add_step("For whom?", personas=["p9"]),
    "personas not a list": lambda m: m.add_step("For whom?", personas="p1"),
    "term in another case": lambda m: m.add_definition(" mql "),
    "blank term": lambda m: m.add_definition("  "),
    "term with brackets": lambda m: m.add_definition("[[SQL]]"),
    "term with a line break": lambda m: m.add_definition("Closed\nwon"),
    "definition id twice": lambda m: m.add_definition("SQL", definition_id="t1"),
    "note on a missing step": lambda m: m.add_note("?", step_id="s9"),
    "note on a missing link": lambda m: m.add_note("?", link_id="l9"),
    "note on two things": lambda m: m.add_note("?", step_id="s1", link_id="l1"),
    "empty note": lambda m: m.add_note("  ", step_id="s1"),
    "note time not ISO": lambda m: m.add_note("?", created="yesterday"),
    "note id twice": lambda m: m.add_note("Again", note_id="n1"),
}


def _refusal(target, violation) -> str:
    with pytest.raises(ModelError) as caught:
        violation(target)
    return str(caught.value)


@pytest.mark.parametrize("name", list(VIOLATIONS))
def test_the_builder_refuses_what_the_mutation_api_refuses_in_the_same_words(name):
    by_mutation = _refusal(_base(JourneyMap()), VIOLATIONS[name])
    by_builder = _refusal(_base(MapBuilder()), VIOLATIONS[name])
    assert by_builder == by_mutation
    assert by_builder.endswith(".") and "\n" not in by_builder


def _same_map(a: JourneyMap, b: JourneyMap) -> None:
    assert a.same_content(b)
    assert a.info == b.info
    for step_id in a.steps:
        assert a.outgoing(step_id) == b.outgoing(step_id)
        assert a.incoming(step_id) == b.incoming(step_id)
    for link in a.links.values():
        assert b.link_between(link.source, link.target) == link
    # New records get the same fresh ids, so later edits match too.
    assert a.add_department("New lane").id == b.add_department("New lane").id
    assert a.add_stage("New stage").id == b.add_stage("New stage").id
    assert a.add_step("New").id == b.add_step("New").id
    assert a.add_note("New").id == b.add_note("New").id
    assert a.add_definition("New term").id == b.add_definition("New term").id
    first, second, *_ = [*sorted(a.steps), "s-none"]
    if second in a.steps and a.link_between(first, second) is None:
        assert a.add_link(first, second).id == b.add_link(first, second).id


def _by_mutation(data: dict) -> JourneyMap:
    """What map_from_dict built before the bulk path: the mutation API, call by call."""
    journey = JourneyMap(MapInfo(title=data.get("title", "Untitled journey")))
    for item in data.get("departments", []):
        journey.add_department(item["name"], item.get("color"))
    for name in data.get("stages", []):
        journey.add_stage(name)
    for item in data.get("definitions", []):
        journey.add_definition(item["term"], item.get("meaning", ""))
    for raw in data["steps"]:
        values = {k: v for k, v in raw.items() if k not in ("id", "department", "stage")}
        department, stage = raw.get("department"), raw.get("stage")
        if department:
            values["department_id"] = (
                journey.department_by_name(department) or journey.add_department(department)
            ).id
        if stage:
            values["stage_id"] = (journey.stage_by_name(stage) or journey.add_stage(stage)).id
        journey.add_step(step_id=str(raw["id"]), **values)
    for raw in data["links"]:
        texts = {k: v for k, v in raw.items() if k not in ("from", "to")}
        journey.add_link(str(raw["from"]), str(raw["to"]), **texts)
    for raw in data.get("notes", []):
        on = raw.get("on", "map")
        target = {}
        if isinstance(on, dict) and "step" in on:
            target["step_id"] = on["step"]
        elif isinstance(on, dict):
            target["link_id"] = journey.link_between(*on["link"]).id
        extra = {k: raw[k] for k in ("author", "created", "resolved") if k in raw}
        journey.add_note(raw["text"], created=extra.pop("created", ""), **target, **extra)
    return journey


@settings(max_examples=60, deadline=None)
@given(random_maps())
def test_a_map_read_in_bulk_equals_the_map_built_edit_by_edit(journey):
    data = map_to_dict(journey)
    _same_map(map_from_dict(data), _by_mutation(data))


def test_a_generated_journey_read_in_bulk_equals_the_one_built_edit_by_edit():
    data = journey_dict(400, seed=3)
    _same_map(map_from_dict(data), _by_mutation(data))


def test_from_records_keeps_the_records_and_their_indexes():
    journey = generated_journey(300, seed=5)
    loaded = map_from_records(
        journey.info,
        journey.departments.values(),
        journey.stages.values(),
        journey.steps.values(),
        journey.links.values(),
        journey.personas.values(),
        journey.definitions.values(),
        journey.notes.values(),
    )
    assert loaded.notes and loaded.definitions
    _same_map(loaded, journey.copy())


@pytest.mark.parametrize(
    ("records", "sentence"),
    [
        (
            {"departments": [Department("d1", "Sales", "#2f80ed", 0),
                             Department("d2", "SALES", "#2f80ed", 1)]},
            "There is already a department called 'Sales'.",
        ),
        (
            {"stages": [Stage("g1", "Awareness", 0), Stage("g2", "Awareness", 1)]},
            "There is already a stage called 'Awareness'.",
        ),
        ({"steps": [Step("s1", "A", department_id="d7")]}, "There is no department with id 'd7'."),
        ({"steps": [Step("s1", "A", stage_id="g7")]}, "There is no stage with id 'g7'."),
        (
            {"steps": [Step("s1", "A", emotion=5)]},
            "Emotion must be a whole number from -2 to 2, not 5.",
        ),
        ({"steps": [Step("s1", "A"), Step("s1", "B")]}, "The step id 's1' is used twice."),
        (
            {"steps": [Step("s1", "A")], "links": [Link("l1", "s1", "s1")]},
            "A step cannot be linked to itself.",
        ),
        (
            {"steps": [Step("s1", "A")], "links": [Link("l1", "s1", "s2")]},
            "There is no step with id 's2'.",
        ),
        (
            {
                "steps": [Step("s1", "A"), Step("s2", "B")],
                "links": [Link("l1", "s1", "s2"), Link("l2", "s1", "s2")],
            },
            "'A' is already linked to 'B'.",
        ),
    ],
)  # fmt: skip
def test_from_records_refuses_damaged_records(records, sentence):
    with pytest.raises(ModelError) as caught:
        map_from_records(
            MapInfo(),
            records.get("departments", ()),
            records.get("stages", ()),
            records.get("steps", ()),
            records.get("links", ()),
        )
    assert str(caught.value) == sentence


def test_reading_in_bulk_records_no_change_events():
    journey = MapBuilder(MapInfo(title="Bulk"))
    _base(journey)
    built = journey.build()
    with built.record("Nothing") as recording:
        pass
    assert not recording.changeset
    assert [s.title for s in built.steps.values()] == ["Reads blog", "Calls"]
    assert built.link_between("s1", "s2").agreement == "MQL"
