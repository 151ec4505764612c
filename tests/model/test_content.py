"""Personas, definitions and notes in the mutation API: invariants and change events."""

from __future__ import annotations

import re

import pytest

from laneway.model import JourneyMap, MapInfo, ModelError


def _map() -> JourneyMap:
    journey = JourneyMap(MapInfo(title="Content"))
    marketing = journey.add_department("Marketing").id
    sales = journey.add_department("Sales").id
    journey.add_step("Requests a demo", step_id="s1", department_id=marketing)
    journey.add_step("Qualify lead", step_id="s2", department_id=sales)
    journey.add_step("Demo", step_id="s3", department_id=sales)
    journey.add_link("s1", "s2", agreement="[[MQL]] reached; an [[ mql ]] is not an [[SQL]]")
    journey.add_link("s2", "s3", agreement="[[Mql]]")
    return journey


def _undo(journey: JourneyMap, recording) -> None:
    journey.apply(recording.changeset.inverse())


# ------------------------------------------------------------------ personas
def test_personas_are_added_renamed_recoloured_reordered_with_unique_names():
    journey = _map()
    buyer = journey.add_persona("Buyer", description="Signs the contract")
    user = journey.add_persona("User", "#0F8B8D")
    assert (buyer.order, user.order) == (0, 1) and user.color == "#0f8b8d"
    assert buyer.color != user.color  # the palette hands out different colours
    with pytest.raises(ModelError, match=re.escape("There is already a persona called 'Buyer'.")):
        journey.add_persona(" buyer ")
    journey.update_persona(user.id, name="Day-to-day user", color="#8e44ad", description="Daily")
    journey.reorder_personas([user.id, buyer.id])
    assert [p.name for p in journey.personas_in_order()] == ["Day-to-day user", "Buyer"]
    assert journey.persona_by_name("DAY-TO-DAY USER").id == user.id
    with pytest.raises(ModelError, match="A persona has no field 'age'"):
        journey.update_persona(user.id, age="40")


def test_a_step_names_existing_personas_once_in_its_order():
    journey = _map()
    buyer, user = journey.add_persona("Buyer").id, journey.add_persona("User").id
    step = journey.update_step("s1", personas=[user, buyer, user])
    assert step.personas == (user, buyer)
    assert step.concerns(user) and not journey.steps["s2"].personas  # none: about everyone
    assert journey.steps["s2"].concerns(buyer)
    assert [s.id for s in journey.steps_of_persona(buyer)] == ["s1", "s2", "s3"]
    journey.update_step("s3", personas=[user])
    assert [s.id for s in journey.steps_of_persona(buyer)] == ["s1", "s2"]
    with pytest.raises(ModelError, match=re.escape("There is no persona with id 'p9'.")):
        journey.update_step("s1", personas=["p9"])


def test_deleting_a_persona_takes_it_off_its_steps_in_the_same_change_set():
    journey = _map()
    buyer, user = journey.add_persona("Buyer").id, journey.add_persona("User").id
    journey.update_step("s1", personas=[buyer, user])
    journey.update_step("s2", personas=[buyer])
    with journey.record("Delete persona") as recording:
        journey.remove_persona(buyer)
    assert [c.table for c in recording.changeset.changes] == ["step", "step", "persona"]
    assert journey.steps["s1"].personas == (user,) and journey.steps["s2"].personas == ()
    _undo(journey, recording)
    assert journey.steps["s1"].personas == (buyer, user)
    assert journey.steps["s2"].personas == (buyer,) and buyer in journey.personas


# --------------------------------------------------------------- definitions
def test_terms_are_unique_ignoring_case_and_spaces_and_citable():
    journey = _map()
    journey.add_definition(" MQL ", "Score >= 50")
    assert journey.definition_by_term("mql").term == "MQL"
    with pytest.raises(ModelError, match=re.escape("The term 'MQL' is already defined")):
        journey.add_definition("  mql")
    for bad in ("[[SQL]]", "Closed\nwon", "   "):
        with pytest.raises(ModelError):
            journey.add_definition(bad)
    journey.add_definition("SQL", "Accepted by sales")
    journey.add_definition("Closed won")
    assert [d.term for d in journey.definitions_matching("sq")] == ["SQL"]
    assert [d.term for d in journey.definitions_matching("s")] == ["SQL", "Closed won"]
    assert [d.term for d in journey.definitions_matching("QL")] == ["MQL", "SQL"]  # inside


def test_renaming_a_term_rewrites_the_agreements_citing_it_in_one_change_set():
    journey = _map()
    mql = journey.add_definition("MQL", "Score >= 50").id
    before = {link.id: link.agreement for link in journey.links.values()}
    with journey.record("Rename term") as recording:
        journey.update_definition(mql, term="Marketing qualified lead")
    assert {link.agreement for link in journey.links.values()} == {
        "[[Marketing qualified lead]] reached; an [[Marketing qualified lead]] is not an [[SQL]]",
        "[[Marketing qualified lead]]",
    }
    assert [c.table for c in recording.changeset.changes] == ["link", "link", "definition"]
    _undo(journey, recording)  # one undo step takes back the term and its citations
    assert {link.id: link.agreement for link in journey.links.values()} == before
    assert journey.definitions[mql].term == "MQL"
    with journey.record("Meaning only") as recording:
        journey.update_definition(mql, meaning="Score >= 60")
    assert [c.table for c in recording.changeset.changes] == ["definition"]


def test_deleting_a_term_leaves_its_citations():
    journey = _map()
    mql = journey.add_definition("MQL").id
    journey.remove_definition(mql)
    assert "[[MQL]]" in journey.link_between("s1", "s2").agreement
    assert not journey.definitions


# --------------------------------------------------------------------- notes
def test_notes_on_a_step_a_link_or_the_map_are_resolved_and_reopened():
    journey = _map()
    link = journey.link_between("s1", "s2").id
    on_step = journey.add_note("Who calls back on Fridays?", author="Ana", step_id="s2")
    on_link = journey.add_note("Agree the SQL wording", link_id=link)
    on_map = journey.add_note("Retention is out of scope", created="2026-12-01T10:02:00Z")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", on_step.created)  # now, in UTC
    assert (on_step.target, on_link.target, on_map.target) == (
        ("step", "s2"),
        ("link", link),
        ("map", None),
    )
    assert journey.notes_on("step", "s2") == [on_step] and journey.notes_on("map") == [on_map]
    assert journey.resolve_note(on_step.id).resolved
    assert journey.open_notes() == [on_link, on_map]
    assert not journey.reopen_note(on_step.id).resolved
    assert journey.update_note(on_link.id, text="Agree the wording").text == "Agree the wording"
    with pytest.raises(ModelError, match=re.escape("A note needs some text.")):
        journey.update_note(on_link.id, text="  ")
    with pytest.raises(ModelError, match="not on two things"):
        journey.add_note("Both?", step_id="s1", link_id=link)
    with pytest.raises(ModelError, match="not a time like"):
        journey.add_note("When?", created="last Friday")
    assert journey.notes_matching(" fridays") == [on_step]
    assert journey.notes_matching("ANA") == [on_step] and journey.notes_matching(" ") == []
    journey.remove_note(on_map.id)
    assert on_map.id not in journey.notes and journey.notes_on("map") == []


def test_deleting_a_step_deletes_the_notes_on_it_and_on_its_links_undone_together():
    journey = _map()
    first, second = journey.link_between("s1", "s2").id, journey.link_between("s2", "s3").id
    journey.add_note("On the step", step_id="s2")
    journey.add_note("On its link in", link_id=first)
    journey.add_note("On its link out", link_id=second)
    kept = journey.add_note("On another step", step_id="s1")
    before = journey.copy()
    with journey.record("Delete step") as recording:
        journey.remove_step("s2")
    assert list(journey.notes) == [kept.id]
    tables = [c.table for c in recording.changeset.changes]
    assert tables == ["note", "link", "note", "link", "note", "step"]  # notes before links
    _undo(journey, recording)
    assert journey.same_content(before)
    assert len(journey.notes_on("link", first)) == 1
    with journey.record("Delete link") as recording:
        journey.remove_link(first)
    assert [c.table for c in recording.changeset.changes] == ["note", "link"]


def test_a_copy_and_same_content_cover_the_journey_content():
    journey = _map()
    persona = journey.add_persona("Buyer").id
    journey.update_step("s1", personas=[persona])
    journey.add_definition("MQL", "Score >= 50")
    note = journey.add_note("Who calls back?", step_id="s2")
    twin = journey.copy()
    assert twin.same_content(journey) and twin.notes_on("step", "s2") == [note]
    twin.resolve_note(note.id)
    assert not twin.same_content(journey)
