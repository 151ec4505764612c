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
