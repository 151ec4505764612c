"""The named conflict cases of issue 16, each on three peers with real files."""

from __future__ import annotations

from laneway.model import ChangeSet
from laneway.sync.ids_order import id_order
from tests.sync.harness import Room, assert_converged, edit


def test_joiners_get_the_hosts_map_in_their_own_files(room: Room):
    assert len(room.ana.journey.steps) == 3
    assert room.ana.path.exists() and room.bo.path.exists()
    assert room.ana.live.map_id == room.host.live.map_id == room.bo.live.map_id
    assert len({room.ana.live.site_tag, room.bo.live.site_tag, room.host.live.site_tag}) == 3


def test_same_department_created_twice_keeps_both_under_distinct_names(room: Room):
    made = {}
    for peer, name in ((room.ana, "Legal"), (room.bo, "  legal"), (room.host, "LEGAL")):
        edit(peer, "Add lane", lambda j, name=name: made.setdefault(name, j.add_department(name)))
    room.sync()
    assert_converged(room.peers)
    # smallest id keeps its name, the others show "(2)", "(3)" in id order
    in_order = sorted(made.values(), key=lambda d: id_order(d.id))
    expected = [in_order[0].name, f"{in_order[1].name} (2)", f"{in_order[2].name} (3)"]
    assert [room.bo.journey.departments[d.id].name for d in in_order] == expected


def test_same_link_created_twice_shows_once(room: Room):
    a, b = room.step(room.ana, "Requests demo"), room.step(room.ana, "Qualify lead")
    edit(room.ana, "Link", lambda j: j.add_link(a, b, label="from ana"))
    edit(room.bo, "Link", lambda j: j.add_link(a, b, label="from bo"))
    room.sync()
    assert_converged(room.peers)
    links = [k for k in room.host.journey.links.values() if k.pair == (a, b)]
    assert len(links) == 1


def test_deleting_the_shown_duplicate_link_removes_the_link_for_everyone(room: Room):
    a, b = room.step(room.ana, "Requests demo"), room.step(room.ana, "Qualify lead")
    edit(room.ana, "Link", lambda j: j.add_link(a, b))
    edit(room.bo, "Link", lambda j: j.add_link(a, b))
    room.sync()
    (shown,) = [k for k in room.bo.journey.links.values() if k.pair == (a, b)]
    edit(room.bo, "Delete link", lambda j: j.remove_link(shown.id))
    room.sync()
    assert_converged(room.peers)
    assert room.host.journey.link_between(a, b) is None


def test_delete_a_step_another_links_to_then_undo_brings_both_back(room: Room):
    demo, lead = room.step(room.host, "Requests demo"), room.step(room.host, "Qualify lead")
    edit(room.ana, "Delete step", lambda j: j.remove_step(lead))
    edit(room.bo, "Link", lambda j: j.add_link(demo, lead, agreement="SQL in 24 h"))
    room.sync()
    assert_converged(room.peers)
    assert lead not in room.host.journey.steps
    assert not [k for k in room.host.journey.links.values() if lead in k.pair]
    assert room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    assert lead in room.bo.journey.steps
    link = room.bo.journey.link_between(demo, lead)
    assert link is not None and link.agreement == "SQL in 24 h"


def test_delete_a_lane_another_moves_a_step_into_leaves_the_step_unowned(room: Room):
    sales = room.host.journey.department_by_name("Sales").id
    blog = room.step(room.host, "Reads blog")
    edit(room.ana, "Delete lane", lambda j: j.remove_department(sales))
    edit(room.bo, "Move", lambda j: j.update_step(blog, department_id=sales))
    room.sync()
    assert_converged(room.peers)
    assert sales not in room.host.journey.departments
    assert room.host.journey.steps[blog].department_id is None
    # undoing the delete brings the lane back, with the step Bo moved into it
    assert room.ana.live.undo()
    room.sync()
    assert_converged(room.peers)
    assert room.host.journey.steps[blog].department_id == sales


def test_move_and_retitle_one_step_keeps_both_edits(room: Room):
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Move", lambda j: j.update_step(lead, x=640.0, y=300.0))
    edit(room.bo, "Retitle", lambda j: j.update_step(lead, title="Qualify the lead"))
    room.sync()
    assert_converged(room.peers)
    step = room.host.journey.steps[lead]
    assert (step.x, step.y, step.title) == (640.0, 300.0, "Qualify the lead")


def test_two_writes_of_one_field_get_one_winner_everywhere(room: Room):
    lead = room.step(room.host, "Qualify lead")
    edit(room.ana, "Retitle", lambda j: j.update_step(lead, title="Ana's"))
    edit(room.bo, "Retitle", lambda j: j.update_step(lead, title="Bo's"))
    room.sync()
    assert_converged(room.peers)
    assert room.host.journey.steps[lead].title in ("Ana's", "Bo's")


def test_rename_swap_commits_in_every_file(room: Room):
    marketing = room.host.journey.department_by_name("Marketing").id
    sales = room.host.journey.department_by_name("Sales").id

    def swap(j):
        j.update_department(marketing, name="Temp")
        j.update_department(sales, name="Marketing")
        j.update_department(marketing, name="Sales")

    edit(room.ana, "Swap names", swap)
    room.sync()
    assert_converged(room.peers)
    assert room.bo.journey.departments[marketing].name == "Sales"
    assert room.bo.journey.departments[sales].name == "Marketing"


def test_concurrent_renames_to_one_name_then_one_gives_way(room: Room):
    marketing = room.host.journey.department_by_name("Marketing").id
    sales = room.host.journey.department_by_name("Sales").id
    edit(room.ana, "Rename", lambda j: j.update_department(marketing, name="Growth"))
    edit(room.bo, "Rename", lambda j: j.update_department(sales, name="growth"))
    room.sync()
    assert_converged(room.peers)
    assert {d.name for d in room.host.journey.departments.values()} == {"Growth", "growth (2)"}
    # the one shown as "growth (2)" gets the plain name once the other is renamed:
    # a unique name moves from one record to another inside one write
    edit(room.ana, "Rename", lambda j: j.update_department(marketing, name="Marketing"))
    room.sync()
    assert_converged(room.peers)
    assert room.host.journey.departments[sales].name == "growth"


def test_same_stage_created_twice(room: Room):
    edit(room.ana, "Add stage", lambda j: j.add_stage("Renewal"))
    edit(room.bo, "Add stage", lambda j: j.add_stage("Renewal"))
    room.sync()
    assert_converged(room.peers)
    names = sorted(s.name for s in room.host.journey.stages.values())
    assert names == ["Awareness", "Purchase", "Renewal", "Renewal (2)"]


def test_remote_changes_reach_observers_with_their_own_origin(room: Room):
    heard: list[tuple[ChangeSet, str]] = []
    room.bo.document.add_observer(lambda changeset, origin: heard.append((changeset, origin)))
    edit(room.ana, "Add stage", lambda j: j.add_stage("Renewal"))
    room.sync()
    assert [origin for _, origin in heard] == ["remote"]
    assert heard[0][0].changes[0].new.name == "Renewal"
    assert len(room.bo.live.history) == 0  # others' edits are not Bo's to undo


def test_when_the_host_leaves_everyone_keeps_editing_and_anyone_can_host_again(room: Room):
    from laneway.sync.sessions import host_again, join_again
    from tests.sync.harness import Network

    room.host.session.close()
    room.sync()
    assert not room.ana.session.connected and not room.bo.session.connected
    edit(room.ana, "Offline", lambda j: j.add_stage("Ana offline"))
    edit(room.bo, "Offline", lambda j: j.add_stage("Bo offline"))
    # Ana hosts the same map now; Bo joins her with his copy
    room.ana.session.leave()
    room.bo.session.leave()
    ana_hosting = host_again(room.ana.live, room.ana.presence)
    bo_join = join_again(
        room.bo.live, room.bo.presence, code=ana_hosting.code, name="bo", colour="#00aa00"
    )
    network = Network()
    network.connect(ana_hosting, bo_join)
    network.deliver_all()
    assert bo_join.connected
    assert_converged([room.ana, room.bo])
    stages = {s.name for s in room.bo.journey.stages.values()}
    assert {"Ana offline", "Bo offline"} <= stages
