"""The projection: any merged state → a valid JourneyMap, by the same rules everywhere."""

from __future__ import annotations

import math
import random

import pytest

from laneway.model import Department, Step
from laneway.sync.projection import project
from laneway.sync.tables import as_color


def raw(**tables):
    return {"info": {"title": "Map"}, "department": {}, "stage": {}, "step": {}, "link": {}} | (
        tables
    )


def dept(name, order=0, color="#2f80ed"):
    return {"name": name, "color": color, "order": order}


def step(title="", **values):
    return {"title": title, **values}


def link(source, target, **values):
    return {"source": source, "target": target, **values}


def test_duplicate_department_names_smallest_id_keeps_the_name():
    journey = project(
        raw(
            department={
                "d10": dept("SALES"),
                "d2": dept("Sales"),
                "d3.k3f9q": dept(" sales "),
                "d7": dept("Sales (2)"),
            }
        )
    )
    names = {key: d.name for key, d in journey.departments.items()}
    assert names == {"d2": "Sales", "d3.k3f9q": "sales (3)", "d7": "Sales (2)", "d10": "SALES (4)"}


def test_duplicate_stage_names_are_exact_and_numbered():
    journey = project(
        raw(
            stage={
                "g2": {"name": "Buy", "order": 1},
                "g1": {"name": "Buy", "order": 0},
                "g3": {"name": "buy", "order": 2},
            }
        )
    )
    assert {k: s.name for k, s in journey.stages.items()} == {
        "g1": "Buy",
        "g2": "Buy (2)",
        "g3": "buy",
    }


def test_two_links_on_one_pair_the_smallest_id_shows_and_self_links_are_dropped():
    journey = project(
        raw(
            step={"s1": step("a"), "s2": step("b")},
            link={
                "l9": link("s1", "s2", label="later"),
                "l3.k3f9q": link("s1", "s2", label="first"),
                "l4": link("s2", "s2"),
                "l5": link("s2", "s1"),
            },
        )
    )
    assert sorted(journey.links) == ["l3.k3f9q", "l5"]
    assert journey.links["l3.k3f9q"].label == "first"


def test_a_link_to_a_missing_step_is_hidden_and_shows_again_when_the_step_is_back():
    state = raw(step={"s1": step("a")}, link={"l1": link("s1", "s2", agreement="24 h")})
    assert project(state).links == {}
    state["step"]["s2"] = step("b")
    assert project(state).links["l1"].agreement == "24 h"


def test_a_step_whose_lane_or_stage_is_gone_is_unowned_without_stage():
    journey = project(
        raw(
            department={"d1": dept("Sales")},
            step={
                "s1": step("a", department_id="d9", stage_id="g4"),
                "s2": step("b", department_id="d1"),
            },
        )
    )
    assert journey.steps["s1"].department_id is None and journey.steps["s1"].stage_id is None
    assert journey.steps["s2"].department_id == "d1"


def test_floats_for_ints_and_bools_come_back_typed():
    journey = project(
        raw(
            department={"d1": dept("Sales", order=3.0)},
            step={"s1": step("a", emotion=-2.0, entry=True, x=10, y=20.5)},
        )
    )
    assert journey.departments["d1"].order == 3 and isinstance(journey.departments["d1"].order, int)
    s = journey.steps["s1"]
    assert (s.emotion, s.entry, s.x, s.y) == (-2, True, 10.0, 20.5)
    assert isinstance(s.emotion, int) and isinstance(s.x, float)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"emotion": 3.0}, {"emotion": None}),
        ({"emotion": 1.5}, {"emotion": None}),
        ({"emotion": "2"}, {"emotion": None}),
        ({"emotion": True}, {"emotion": None}),
        ({"x": math.nan, "y": math.inf}, {"x": None, "y": None}),
        ({"x": "12", "y": [1]}, {"x": None, "y": None}),
        ({"title": 42, "kpi": None, "channel": {"a": 1}}, {"title": "", "kpi": "", "channel": ""}),
        ({"entry": 1.0, "terminal": "yes"}, {"entry": False, "terminal": False}),
        ({"department_id": 7, "stage_id": ""}, {"department_id": None, "stage_id": None}),
    ],
)
def test_mistyped_or_out_of_range_values_read_as_defaults(values, expected):
    journey = project(raw(step={"s1": {"title": "t", **values}}))
    s = journey.steps["s1"]
    assert {key: getattr(s, key) for key in expected} == expected


def test_malformed_records_and_tables_are_skipped_or_defaulted():
    journey = project(
        {
            "info": {"title": 5, "description": "kept"},
            "department": {
                "d1": "not a record",
                "d2": {"name": "  ", "color": "red", "order": "x"},
            },
            "stage": ["not", "a", "table"],
            "step": {"s1": {}},
            "link": {"l1": {"source": "s1"}},
        }
    )
    assert journey.info.title == "Untitled journey" and journey.info.description == "kept"
    assert journey.departments == {"d2": Department("d2", "Department", as_color(None), 0)}
    assert journey.stages == {} and journey.links == {}
    assert journey.steps == {"s1": Step("s1", "")}


def test_the_projection_does_not_depend_on_the_order_records_arrive_in():
    rng = random.Random(4)
    names = ["Sales", "sales", "SALES", "Legal", "legal ", "Sales (2)"]
    departments = {f"d{i}.{rng.choice('abc')}": dept(rng.choice(names)) for i in range(30)}
    steps = {f"s{i}": step(department_id=rng.choice(list(departments))) for i in range(20)}
    links = {f"l{i}": link(f"s{rng.randrange(22)}", f"s{rng.randrange(22)}") for i in range(40)}
    first = project(raw(department=departments, step=steps, link=links))
    for _ in range(5):
        shuffled = {
            name: dict(rng.sample(list(table.items()), len(table)))
            for name, table in (("department", departments), ("step", steps), ("link", links))
        }
        again = project(raw(**shuffled))
        assert again.same_content(first)
    keys = [d.name.strip().casefold() for d in first.departments.values()]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------- journey content (SPEC §7)
def test_personas_and_terms_are_unique_and_a_term_stays_citable():
    journey = project(
        raw(
            persona={"p2": {"name": "Buyer", "color": "#8e44ad"}, "p9": {"name": " buyer "},
                     "p3": {"name": 7, "color": "red"}},
            definition={"t1": {"term": "MQL", "meaning": "Score"}, "t2": {"term": "mql"},
                        "t3": {"term": "[[SQL]]\nnow"}},
        )
    )  # fmt: skip
    assert {k: (p.name, p.color) for k, p in journey.personas.items()} == {
        "p2": ("Buyer", "#8e44ad"),
        "p3": ("Persona", "#8e44ad"),
        "p9": ("buyer (2)", "#8e44ad"),
    }
    assert {k: d.term for k, d in journey.definitions.items()} == {
        "t1": "MQL",
        "t2": "mql (2)",
        "t3": "SQLnow",
    }


def test_a_steps_missing_personas_are_left_out_of_its_list():
    journey = project(
        raw(
            persona={"p1": {"name": "Buyer"}},
            step={"s1": step("A", personas=["p9", "p1", "p1", 3]), "s2": step("B", personas="p1")},
        )
    )
    assert journey.steps["s1"].personas == ("p1",)
    assert journey.steps["s2"].personas == ()


def test_a_note_on_a_missing_step_or_link_is_hidden_until_it_comes_back():
    notes = {
        "n1": {"text": "On a step", "step_id": "s1"},
        "n2": {"text": "On a gone step", "step_id": "s9"},
        "n3": {"text": "On a link", "link_id": "l1"},
        "n4": {"text": "On both", "step_id": "s1", "link_id": "l1"},
        "n5": {"text": "", "created": "soon", "resolved": 1},
    }
    state = raw(step={"s1": step("A"), "s2": step("B")}, link={"l1": link("s1", "s2")}, note=notes)
    journey = project(state)
    assert sorted(journey.notes) == ["n1", "n3", "n5"]
    assert journey.notes["n5"].text == "(no text)" and journey.notes["n5"].created == ""
    assert journey.notes["n5"].resolved is False  # not a boolean: the default
    state["step"]["s9"] = step("Back again")
    assert "n2" in project(state).notes
    del state["step"]["s2"]  # the link goes hidden, and the note on it with it
    assert sorted(project(state).notes) == ["n1", "n2", "n5"]
