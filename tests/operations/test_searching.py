"""Find by text (the app's Ctrl+F): which records, which fields, in which order."""

from __future__ import annotations

from laneway.operations.searching import SEARCHED, Match, SearchedField, reading_order, search
from tests.conftest import build_map


def _journey():
    journey = build_map(
        departments=("Marketing", "Sales"),
        stages=("Awareness", "Purchase"),
        steps=(
            ("Qualify lead", "Sales", "Purchase"),
            ("Reads the café blog", "Marketing", "Awareness"),
            ("Nobody calls", None, "Purchase"),
        ),
        links=(("Reads the café blog", "Qualify lead"), ("Qualify lead", "Nobody calls")),
    )
    by_title = {s.title: s.id for s in journey.steps.values()}
    link = journey.link_between(by_title["Reads the café blog"], by_title["Qualify lead"])
    journey.update_link(link.id, agreement="MQL: budget confirmed", sla="24 h")
    journey.update_step(by_title["Nobody calls"], channel="phone")
    return journey, by_title, link.id


def test_steps_links_lanes_and_stages_by_their_text():
    journey, by_title, link_id = _journey()
    sales = journey.department_by_name("Sales").id
    assert search(journey, "sales") == [
        Match("step", by_title["Qualify lead"], ("department",)),
        Match("department", sales, ("name",)),
    ]
    assert search(journey, "BUDGET") == [Match("link", link_id, ("agreement",))]
    assert search(journey, "phone") == [Match("step", by_title["Nobody calls"], ("channel",))]
    purchase = journey.stage_by_name("Purchase").id
    found = search(journey, "purchase")
    assert [m.record_id for m in found] == [
        by_title["Nobody calls"],  # the Unassigned lane is read first
        by_title["Qualify lead"],
        purchase,
    ]
    assert search(journey, "cafe") == [Match("step", by_title["Reads the café blog"], ("title",))]
    assert search(journey, "   ") == [] and search(journey, "nothing like it") == []


def test_the_searched_fields_are_a_table_that_takes_more():
    journey, by_title, _link = _journey()
    notes = {by_title["Qualify lead"]: "Who calls back on Fridays?"}
    with_notes = (*SEARCHED, SearchedField("step", "notes", lambda j, s: (notes.get(s, ""),)))
    assert search(journey, "fridays") == []
    assert search(journey, "fridays", with_notes) == [
        Match("step", by_title["Qualify lead"], ("notes",))
    ]
    assert {f.kind for f in SEARCHED} == {"step", "link", "department", "stage"}


def test_reading_order_is_stage_then_lane_then_place():
    journey, by_title, _link = _journey()
    assert reading_order(journey) == [
        by_title["Reads the café blog"],
        by_title["Nobody calls"],
        by_title["Qualify lead"],
    ]
