"""The invariants of SPEC §1, kept by the one mutation API."""

from __future__ import annotations

import pytest

from laneway.model import ChangeSet, JourneyMap, ModelError, OutsideTransactionError
from tests.conftest import build_map


def test_department_names_are_unique_ignoring_case_and_spaces():
    journey = build_map(departments=("Sales",))
    with pytest.raises(ModelError, match="already a department called 'Sales'"):
        journey.add_department("  sALES ")


def test_renaming_a_department_to_another_ones_name_is_refused():
    journey = build_map(departments=("Sales", "Legal"))
    legal = journey.department_by_name("Legal")
    with pytest.raises(ModelError, match="already a department"):
        journey.update_department(legal.id, name="sales")
    # a department may change the case of its own name
    sales = journey.department_by_name("Sales")
    assert journey.update_department(sales.id, name="SALES").name == "SALES"


def test_renaming_a_department_keeps_its_steps():
    journey = build_map(steps=(("Call", "Sales", None),))
    sales = journey.department_by_name("Sales")
    journey.update_department(sales.id, name="Inside sales")
    (step,) = journey.steps.values()
    assert journey.department_name(step.department_id) == "Inside sales"


def test_department_name_cannot_be_blank():
    with pytest.raises(ModelError, match="needs a name"):
        JourneyMap().add_department("   ")


def test_at_most_one_link_per_ordered_pair():
    journey = build_map(steps=(("A", None, None), ("B", None, None)), links=(("A", "B"),))
    a, b = journey.steps
    with pytest.raises(ModelError, match="already linked"):
        journey.add_link(a, b)
    # the reverse direction is another pair
    assert journey.add_link(b, a).pair == (b, a)


def test_no_self_links():
    journey = build_map(steps=(("A", None, None),))
    (a,) = journey.steps
    with pytest.raises(ModelError, match="cannot be linked to itself"):
        journey.add_link(a, a)


def test_link_to_missing_step_is_refused():
    journey = build_map(steps=(("A", None, None),))
    with pytest.raises(ModelError, match="no step with id 'ghost'"):
        journey.add_link("s1", "ghost")


def test_deleting_a_step_deletes_its_links_first():
    journey = build_map(
        steps=(("A", None, None), ("B", None, None), ("C", None, None)),
        links=(("A", "B"), ("B", "C"), ("A", "C")),
    )
    with journey.record("Delete B") as recording:
        journey.remove_step("s2")
    assert [link.pair for link in journey.links.values()] == [("s1", "s3")]
    kinds = [(c.table, c.kind) for c in recording.changeset.changes]
    assert kinds == [("link", "delete"), ("link", "delete"), ("step", "delete")]


def test_emotion_must_be_within_range():
    journey = JourneyMap()
    with pytest.raises(ModelError, match="from -2 to 2"):
        journey.add_step("A", emotion=3)
    with pytest.raises(ModelError, match="from -2 to 2"):
        journey.add_step("A", emotion=1.5)
    assert journey.add_step("A", emotion=-2).emotion == -2


def test_unknown_department_or_stage_is_refused():
    journey = JourneyMap()
    with pytest.raises(ModelError, match="no department"):
        journey.add_step("A", department_id="d9")
    with pytest.raises(ModelError, match="no stage"):
        journey.add_step("A", stage_id="g9")


def test_removing_a_department_leaves_its_steps_unowned():
    journey = build_map(steps=(("Call", "Sales", None),))
    journey.remove_department(journey.department_by_name("Sales").id)
    (step,) = journey.steps.values()
    assert step.department_id is None


def test_merging_departments_moves_steps_and_removes_the_source():
    journey = build_map(steps=(("Ad", "Marketing", None), ("Call", "Sales", None)))
    marketing = journey.department_by_name("Marketing")
    sales = journey.department_by_name("Sales")
    journey.merge_departments(marketing.id, sales.id)
    assert list(journey.departments) == [sales.id]
    assert {s.department_id for s in journey.steps.values()} == {sales.id}


def test_removing_a_stage_keeps_its_steps_without_a_stage():
    journey = build_map(steps=(("Ad", None, "Awareness"),))
    journey.remove_stage(journey.stage_by_name("Awareness").id)
    assert next(iter(journey.steps.values())).stage_id is None


def test_reorder_must_name_every_department_once():
    journey = build_map(departments=("A", "B", "C"))
    with pytest.raises(ModelError, match="every department"):
        journey.reorder_departments(["d1", "d2"])
    journey.reorder_departments(["d3", "d1", "d2"])
    assert [d.name for d in journey.departments_in_order()] == ["C", "A", "B"]


def test_imported_ids_are_kept_and_new_ids_never_collide():
    journey = JourneyMap()
    journey.add_step("Imported", step_id="s7")
    journey.add_step("Also imported", step_id="42")
    fresh = journey.add_step("New")
    assert fresh.id not in {"s7", "42"}
    assert fresh.id == "s8"
    with pytest.raises(ModelError, match="used twice"):
        journey.add_step("Clash", step_id="s7")


def test_a_failed_transaction_leaves_the_map_as_it_was():
    journey = build_map(steps=(("A", "Sales", None),))
    before = journey.copy()
    with pytest.raises(ModelError), journey.transaction():
        journey.update_step("s1", title="Changed")
        journey.add_link("s1", "s1")
    assert journey.same_content(before)


def test_edits_outside_a_transaction_raise_when_required():
    journey = build_map()
    journey.require_transaction = True
    with pytest.raises(OutsideTransactionError):
        journey.add_step("A")
    with journey.transaction():
        journey.add_step("A")


def test_changeset_inverse_restores_the_start():
    journey = build_map(steps=(("A", "Sales", None), ("B", None, None)), links=(("A", "B"),))
    start = journey.copy()
    with journey.record("Many") as recording:
        journey.update_step("s1", title="A2", emotion=2)
        journey.remove_step("s2")
        journey.merge_departments("d2", "d1")
        journey.add_stage("Later")
    assert not journey.same_content(start)
    journey.apply(recording.changeset.inverse())
    assert journey.same_content(start)
    journey.apply(recording.changeset)
    assert journey.steps["s1"].title == "A2"


def test_an_edit_that_changes_nothing_records_nothing():
    journey = build_map(steps=(("A", None, None),))
    with journey.record("No-op") as recording:
        journey.update_step("s1", title="A")
    assert recording.changeset == ChangeSet("No-op")


def test_touches_only_recognises_repeated_edits_of_one_field():
    journey = build_map(steps=(("A", None, None),))
    with journey.record("Title") as first:
        journey.update_step("s1", title="Ab")
    with journey.record("Title") as both:
        journey.update_step("s1", title="Abc", channel="web")
    assert first.changeset.touches_only("step", "s1", "title")
    assert not both.changeset.touches_only("step", "s1", "title")
