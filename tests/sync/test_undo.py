"""Per-person undo (COLLAB.md "Undo"): mine only, never someone's later change, one
Ctrl+Z one entry."""

from __future__ import annotations

from laneway.sync.undo import PersonalHistory
from tests.sync.harness import Room, assert_converged, edit


def test_my_undo_never_changes_a_field_someone_changed_after_me(room: Room):
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Edit step", lambda j: j.update_step(lead, title="Ana's title", x=500.0))
    room.sync()
    edit(room.bo, "Retitle", lambda j: j.update_step(lead, title="Bo's title"))
    room.sync()
    effective = room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    step = room.host.journey.steps[lead]
    assert step.title == "Bo's title"  # Bo's later change stays
    assert step.x != 500.0  # what is still Ana's is reverted
    assert effective is not None and effective.label == "Edit step"
    assert [c.key for c in effective.changes] == [lead]


def test_one_undo_is_one_history_entry(room: Room):
    for title in ("one", "two", "three"):
        edit(room.ana, f"Add {title}", lambda j, t=title: j.add_step(t))
    room.sync()
    assert len(room.ana.live.history) == 3
    room.ana.live.undo()
    room.sync()
    assert len(room.ana.live.history) == 2
    titles = {s.title for s in room.bo.journey.steps.values()}
    assert {"one", "two"} <= titles and "three" not in titles


def test_an_undo_with_nothing_left_is_dropped_and_the_next_one_is_untouched(room: Room):
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Add stage", lambda j: j.add_stage("Renewal"))
    edit(room.ana, "Retitle", lambda j: j.update_step(lead, title="Ana's"))
    room.sync()
    edit(room.bo, "Retitle", lambda j: j.update_step(lead, title="Bo's"))
    room.sync()
    before = room.host.journey.copy()
    assert room.ana.live.undo() is None  # Bo overwrote all of it: nothing to take back
    room.sync()
    assert room.host.journey.same_content(before)
    assert len(room.ana.live.history) == 1 and room.ana.live.history.undo_label() == "Add stage"
    assert room.ana.live.undo() is not None
    room.sync()
    assert room.host.journey.stage_by_name("Renewal") is None


def test_undo_of_my_insert_deletes_it_even_after_others_edited_it(room: Room):
    made = {}
    edit(room.ana, "Add", lambda j: made.setdefault("step", j.add_step("Ana's step")))
    room.sync()
    step_id = made["step"].id
    edit(room.bo, "Retitle", lambda j: j.update_step(step_id, title="Bo's words"))
    room.sync()
    room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    assert step_id not in room.bo.journey.steps


def test_undo_of_my_delete_restores_only_links_that_still_make_sense(room: Room):
    blog, demo = room.step(room.host, "Reads blog"), room.step(room.host, "Requests demo")
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Link", lambda j: j.add_link(demo, lead))
    room.sync()
    edit(room.ana, "Delete", lambda j: j.remove_step(demo))
    room.sync()
    edit(room.bo, "Delete", lambda j: j.remove_step(lead))
    room.sync()
    room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    journey = room.host.journey
    assert demo in journey.steps
    assert journey.link_between(blog, demo) is not None  # its other end is still there
    assert lead not in journey.steps  # Bo's delete stands; that link stays gone


def test_undo_redo_undo_of_a_delete_alternate(room: Room):
    demo = room.step(room.host, "Requests demo")
    edit(room.ana, "Delete", lambda j: j.remove_step(demo))
    room.sync()
    room.ana.live.undo()
    room.sync()
    room.ana.live.redo()
    room.sync()
    assert demo not in room.host.journey.steps
    room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    assert demo in room.host.journey.steps


def test_redo_restores_what_the_undo_took_back_and_a_new_edit_clears_it(room: Room):
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Retitle", lambda j: j.update_step(lead, title="Ana's"))
    room.ana.live.undo()
    redone = room.ana.live.redo()
    room.sync()
    assert redone is not None and room.bo.journey.steps[lead].title == "Ana's"
    room.ana.live.undo()
    edit(room.ana, "Other", lambda j: j.add_stage("Later"))
    assert room.ana.live.redo() is None
    room.sync()
    assert_converged(room.peers)


def test_undo_and_redo_reach_observers_with_their_origins(room: Room):
    heard = []
    room.ana.document.add_observer(lambda changeset, origin: heard.append(origin))
    edit(room.ana, "Add stage", lambda j: j.add_stage("Later"))
    room.ana.live.undo()
    room.ana.live.redo()
    assert heard == ["edit", "undo", "redo"]


def test_undo_of_a_rename_that_now_collides_shows_the_numbered_name(room: Room):
    sales = room.host.journey.department_by_name("Sales").id
    edit(room.ana, "Rename", lambda j: j.update_department(sales, name="Revenue"))
    room.sync()
    edit(room.bo, "Add lane", lambda j: j.add_department("sales"))
    room.sync()
    room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    names = sorted(d.name for d in room.host.journey.departments.values())
    assert len([n for n in names if n.casefold().startswith("sales")]) == 2


def test_repeated_edits_of_one_field_can_merge_into_one_entry():
    from laneway.model import Change, ChangeSet

    history = PersonalHistory()
    history.record(ChangeSet("Move", (Change("step", "s1", None, None),)))
    history.record(ChangeSet("Move", (Change("step", "s1", None, None),)))
    assert history.merge_last_two() and len(history) == 1
    assert len(history.pop_undo().changes) == 2


def test_undo_of_my_step_deletion_brings_back_the_notes_bo_wrote_on_it(room: Room):
    lead = room.step(room.host, "Qualify lead")
    room.sync()
    edit(room.bo, "Note", lambda j: j.add_note("Who calls back?", author="Bo", step_id=lead))
    room.sync()
    edit(room.ana, "Delete step", lambda j: j.remove_step(lead))
    room.sync()
    assert not room.host.journey.notes
    room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    [note] = room.host.journey.notes.values()
    assert (note.text, note.author, note.step_id) == ("Who calls back?", "Bo", lead)


def test_renaming_a_term_reaches_everyone_with_the_agreements_that_cite_it(room: Room):
    first, second = room.step(room.host, "Requests demo"), room.step(room.host, "Qualify lead")
    made = {}

    def define(j):
        made["term"] = j.add_definition("MQL", "Score >= 50")
        j.add_link(first, second, agreement="[[MQL]] reached")

    edit(room.ana, "Define", define)
    room.sync()
    edit(room.bo, "Rename", lambda j: j.update_definition(made["term"].id, term="Lead"))
    room.sync()
    assert_converged(room.peers)
    link = room.ana.journey.link_between(first, second)
    assert link.agreement == "[[Lead]] reached"
