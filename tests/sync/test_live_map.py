"""LiveMap: the document ↔ shared map glue, beyond the plain edit path."""

from __future__ import annotations

from dataclasses import replace

from laneway.model import Change, ChangeSet
from laneway.store import MapStore
from tests.conftest import reopen
from tests.sync.harness import Room, assert_converged, edit


def test_a_change_another_program_made_to_the_file_reaches_the_session(room: Room):
    other = MapStore.open(room.host.path)  # e.g. a command-line tool on the same file
    lead = next(s for s in room.host.journey.steps.values() if s.title == "Qualify lead")
    other.write(ChangeSet("Edit", (Change("step", lead.id, lead, replace(lead, kpi="48 h")),)))
    other.close()
    assert room.host.document.reload_if_changed_elsewhere()
    room.sync()
    assert_converged(room.peers)
    assert room.bo.journey.steps[lead.id].kpi == "48 h"


def test_a_merge_that_cannot_be_written_is_reported_in_one_sentence(room: Room):
    problems = []
    room.bo.live.on_problem = problems.append
    room.bo.document.read_only_reason = "the disk is full"
    edit(room.ana, "Add stage", lambda j: j.add_stage("Later"))
    room.sync()
    assert len(problems) == 1 and "the disk is full" in problems[0]
    assert room.bo.journey.stage_by_name("Later") is None  # memory still equals the file
    room.bo.document.read_only_reason = None
    assert room.bo.live.refresh()  # the next refresh catches up
    assert_converged(room.peers)


def test_leaving_keeps_a_working_map_that_no_longer_follows(room: Room):
    room.bo.session.leave()
    room.bo.live.close()
    edit(room.ana, "Add stage", lambda j: j.add_stage("Later"))
    room.sync()
    assert room.bo.journey.stage_by_name("Later") is None
    with room.bo.document.edit("Own edit"):
        room.bo.journey.add_stage("Bo's own")
    room.sync()
    assert room.host.journey.stage_by_name("Bo's own") is None
    assert reopen(room.bo.path).stage_by_name("Bo's own") is not None
