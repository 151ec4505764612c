"""Presence: name, colour, selection and editing reach everyone through the host."""

from __future__ import annotations

from laneway.sync.presence import OUTDATED_MS, person_from_state
from tests.sync.harness import Room


def _names(peer) -> set[str]:
    return {person.name for person in peer.presence.others().values()}


def test_everyone_sees_everyone_else(room: Room):
    assert _names(room.host) == {"ana", "bo"}
    assert _names(room.ana) == {"host", "bo"}
    assert _names(room.bo) == {"host", "ana"}


def test_a_selection_and_an_edit_in_progress_reach_the_others(room: Room):
    lead = room.step(room.host, "Qualify lead")
    repaints = []
    room.bo.presence.add_change_callback(lambda: repaints.append(True))
    room.ana.presence.set_selection([lead, "s1"])
    room.ana.presence.set_editing(lead)
    room.sync()
    (ana,) = [p for p in room.bo.presence.others().values() if p.name == "ana"]
    assert ana.selection == tuple(sorted([lead, "s1"])) and ana.editing == lead
    assert repaints


def test_who_drops_off_disappears_for_the_others(room: Room):
    room.network.cut(room.ana.wires[0])
    room.sync()
    assert _names(room.host) == {"bo"} and _names(room.bo) == {"host"}
    assert _names(room.ana) == set()  # offline: nobody else is shown


def test_states_not_renewed_are_dropped_and_mine_is_renewed(room: Room):
    presence = room.host.presence
    meta = presence.awareness.meta
    clock = meta[presence.client_id]["clock"]
    presence.tick(max(info["lastUpdated"] for info in meta.values()) + OUTDATED_MS)
    assert _names(room.host) == set()
    assert meta[presence.client_id]["clock"] == clock + 1  # renewed, and sent on
    room.sync()
    assert "host" in _names(room.ana)


def test_states_sent_by_a_peer_are_made_safe():
    person = person_from_state(
        7, {"name": "x" * 500, "colour": "javascript:", "selection": ["s1", 3, None], "editing": 5}
    )
    assert person is not None
    assert len(person.name) == 60 and person.colour.startswith("#")
    assert person.selection == ("s1",) and person.editing is None
    assert person_from_state(8, "not a state") is None
    assert person_from_state(9, {}).name == "Someone"
