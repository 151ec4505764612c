"""The session state lives in each map file (format 3): a copy reopened later merges
with the others both ways; the host leaving leaves everyone editable; anyone can host
again; edits made outside the session count as the person's own."""

from __future__ import annotations

from pathlib import Path

from laneway.document import Document
from laneway.store import MapStore
from laneway.store.sync_log import COMPACT_AFTER, read_peers, read_updates
from laneway.sync.host import HostSession
from laneway.sync.join import JoinSession
from laneway.sync.projection import project
from laneway.sync.sessions import host_again, join_again, rejoin
from laneway.sync.shared import SharedMap
from tests.conftest import reopen
from tests.sync.harness import Network, Peer, Room, assert_converged, edit


def _stored_state(path: Path) -> SharedMap:
    store = MapStore.open(path, read_only=True)
    try:
        updates = read_updates(store.db)
    finally:
        store.close()
    shared = SharedMap()
    for update in updates:
        shared.apply_update(update, "test")
    return shared


def _leave_and_close(peer: Peer) -> None:
    assert isinstance(peer.session, JoinSession)
    peer.session.leave()
    peer.close()


def _edit_file_outside_the_session(path: Path, change) -> None:
    document = Document.open(path)
    try:
        with document.edit("Offline"):
            change(document.journey)
    finally:
        document.close()


def test_every_file_holds_the_shared_state_it_shows(room: Room):
    edit(room.ana, "Add stage", lambda j: j.add_stage("Onboarding"))
    room.sync()
    edit(room.bo, "Retitle", lambda j: j.set_info(title="Workshop map"))
    room.sync()
    for peer in room.peers:
        stored = project(_stored_state(peer.path).read())
        assert stored.same_content(reopen(peer.path)), peer.name
        assert stored.info.title == "Workshop map"
    store = MapStore.open(room.host.path, read_only=True)
    try:
        assert {p.name for p in read_peers(store.db)} == {"ana", "bo"}
    finally:
        store.close()


def test_the_log_is_compacted_and_still_holds_everything(room: Room):
    for number in range(COMPACT_AFTER + 20):
        edit(room.ana, "Retitle", lambda j, n=number: j.set_info(title=f"Title {n}"))
    room.sync()
    for peer in room.peers:
        store = MapStore.open(peer.path, read_only=True)
        try:
            assert len(read_updates(store.db)) <= COMPACT_AFTER
        finally:
            store.close()
        assert project(_stored_state(peer.path).read()).info.title == f"Title {COMPACT_AFTER + 19}"


def test_a_copy_reopened_later_merges_its_offline_edits_both_ways(room: Room):
    host = room.host
    assert isinstance(host.session, HostSession)
    _leave_and_close(room.ana)
    # Ana quits the app, and edits her copy later without a session
    _edit_file_outside_the_session(room.ana.path, lambda j: j.add_department("Legal"))
    edit(host, "Add stage", lambda j: j.add_stage("Renewal"))
    room.sync()

    again = rejoin(
        Document.open(room.ana.path), code=host.session.code, name="ana", colour="#2980b9"
    )
    room.ana.live, room.ana.shared, room.ana.session = again.live, again.live.shared, again.session
    room.ana.presence = again.presence
    room.network.connect(host.session, again.session)
    room.sync()
    assert_converged(room.peers)
    assert "Legal" in {d.name for d in host.journey.departments.values()}
    assert "Renewal" in {s.name for s in room.ana.journey.stages.values()}


def test_a_copy_of_another_map_is_refused_when_it_rejoins(room: Room, folder: Path):
    host = room.host
    assert isinstance(host.session, HostSession)
    (folder / "other").mkdir()
    other = Room(folder / "other")
    assert isinstance(other.host.session, HostSession)
    _leave_and_close(room.ana)
    again = rejoin(
        Document.open(room.ana.path), code=other.host.session.code, name="ana", colour="#2980b9"
    )
    reasons: list[tuple[str, bool]] = []
    again.session.on_closed = lambda reason, fatal: reasons.append((reason, fatal))
    before = len(other.host.journey.steps)
    other.network.connect(other.host.session, again.session)
    other.sync()
    assert reasons and reasons[-1][1] and "different map" in reasons[-1][0]
    assert len(other.host.journey.steps) == before
    again.leave()
    again.live.document.close()
    other.close()


def test_the_host_leaving_leaves_everyone_editable_and_anyone_can_host_again(room: Room):
    host, ana, bo = room.host, room.ana, room.bo
    assert isinstance(host.session, HostSession)
    host.session.close()
    room.sync()
    host.live.close()
    assert not ana.session.connected and not bo.session.connected
    # everyone goes on editing, offline
    with host.document.edit("Add stage"):  # no longer in a session: a plain edit
        host.journey.add_stage("Host alone")
    edit(ana, "Add stage", lambda j: j.add_stage("Ana alone"))
    edit(bo, "Add lane", lambda j: j.add_department("Bo's lane"))
    host.close()

    # Ana hosts; Bo and the old host (from its file) join her
    network = Network()
    ana_hosting = host_again(ana.live, ana.presence)
    ana.session.leave()
    ana.session = ana_hosting
    bo.session.leave()
    bo.session = join_again(
        bo.live, bo.presence, code=ana_hosting.code, name="bo", colour="#27ae60"
    )
    network.connect(ana_hosting, bo.session)
    back = rejoin(Document.open(host.path), code=ana_hosting.code, name="host", colour="#e74c3c")
    host.live, host.shared, host.session, host.presence = (
        back.live, back.live.shared, back.session, back.presence)  # fmt: skip
    network.connect(ana_hosting, back.session)
    network.deliver_all()
    assert_converged([ana, bo, host])
    assert {"Host alone", "Ana alone"} <= {s.name for s in bo.journey.stages.values()}
    assert "Bo's lane" in {d.name for d in host.journey.departments.values()}
    assert {p.name for p in ana_hosting.participants()} == {"bo", "host"}
