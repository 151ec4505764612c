"""Pairing and framing: the code, SPAKE2, encrypted frames; a bad frame drops only its
own connection."""

from __future__ import annotations

from pathlib import Path

import pytest

from laneway.sync.framing import FRAME_LIMIT, HANDSHAKE_LIMIT, FrameError, FrameReader, frame
from laneway.sync.host import HostSession
from laneway.sync.join import JoinSession
from laneway.sync.pairing import MAX_FAILED_CODES, is_code, new_code
from laneway.sync.presence import Presence
from laneway.sync.shared import SharedMap
from tests.conftest import build_map
from tests.sync.harness import Network, Room, assert_converged, edit, host_peer


def _stranger(code: str, **options) -> JoinSession:
    shared = SharedMap()
    presence = Presence(shared, "Eve", "#000000")
    session = JoinSession(shared, presence, code=code, name="Eve", colour="#000000", **options)
    session.closed_with = []
    session.on_closed = lambda reason, fatal: session.closed_with.append((reason, fatal))
    return session


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


@pytest.fixture
def hosted(folder: Path):
    host = host_peer(folder, build_map(title="Secret pricing workshop"))
    yield host, Network()
    host.close()


def test_codes_are_six_digits():
    codes = {new_code() for _ in range(200)}
    assert all(is_code(c) for c in codes) and len(codes) > 150
    assert not is_code("12345") and not is_code("12345a") and not is_code("١٢٣٤٥٦")


def test_the_right_code_pairs_and_syncs(room: Room):
    assert room.ana.session.connected and room.bo.session.connected
    assert [p.name for p in room.host.session.participants()] == ["ana", "bo"]


def test_a_wrong_code_is_refused_and_reveals_no_map_data(hosted):
    host, network = hosted
    eve = _stranger(_wrong(host.session.code))
    down, _up = network.connect(host.session, eve)
    network.deliver_all()
    assert eve.closed_with == [(eve.closed_with[0][0], True)]
    assert "refused the code" in eve.closed_with[0][0]
    assert eve.shared.is_empty() and eve.map_id is None
    assert down.sent_bytes < 400  # two handshake frames: hello and the refusal
    assert host.session.participants() == [] and host.session.failed_codes == 1


def test_five_wrong_codes_make_the_host_choose_a_new_one(hosted):
    host, network = hosted
    first = host.session.code
    told = []
    host.session.on_code_changed = told.append
    for attempt in range(MAX_FAILED_CODES):
        assert host.session.code == first, attempt
        network.connect(host.session, _stranger(_wrong(first)))
        network.deliver_all()
    assert told == [host.session.code] and host.session.code != first
    assert host.session.failed_codes == 0
    # the old code no longer pairs; the new one does
    late = _stranger(first)
    network.connect(host.session, late)
    network.deliver_all()
    assert late.closed_with and not late.connected
    good = _stranger(host.session.code)
    network.connect(host.session, good)
    network.deliver_all()
    assert good.connected and not good.shared.is_empty()


def test_another_protocol_version_is_refused_in_one_sentence(hosted, monkeypatch):
    host, network = hosted
    import laneway.sync.pairing as pairing

    eve = _stranger(host.session.code)
    monkeypatch.setattr(pairing, "PROTOCOL_VERSION", 99)
    network.connect(host.session, eve)  # Eve's hello says version 99
    monkeypatch.undo()
    network.deliver_all()
    (reason, fatal), *_ = eve.closed_with
    assert fatal and "another version" in reason
    assert host.session.failed_codes == 0


def test_a_copy_of_another_map_is_refused(hosted):
    host, network = hosted
    eve = _stranger(host.session.code, map_id="0123456789abcdef")
    network.connect(host.session, eve)
    network.deliver_all()
    (reason, fatal), *_ = eve.closed_with
    assert fatal and "different map" in reason and eve.shared.is_empty()


def test_a_copy_with_a_site_tag_already_in_the_session_is_refused(hosted):
    host, network = hosted
    eve = _stranger(host.session.code, site_tag=host.live.site_tag)
    network.connect(host.session, eve)
    network.deliver_all()
    assert eve.closed_with and eve.closed_with[0][1] and eve.shared.is_empty()


def _edit_in_flight(room: Room):
    """Make the host send Ana and Bo an update; return the host → Ana wire."""
    edit(room.host, "Add stage", lambda j: j.add_stage("Later"))
    down = room.ana.wires[0]
    assert down.pending
    return down


def _only_ana_dropped(room: Room) -> None:
    room.sync()
    assert not room.ana.session.connected and room.bo.session.connected
    assert room.bo.journey.stage_by_name("Later") is not None
    # the host and Bo go on working
    edit(room.bo, "Add stage", lambda j: j.add_stage("After"))
    room.sync()
    assert room.host.journey.stage_by_name("After") is not None


def test_a_tampered_frame_drops_that_connection_only(room: Room):
    down = _edit_in_flight(room)
    data = bytearray(down.pending[0])
    data[-1] ^= 0x01
    down.pending[0] = bytes(data)
    _only_ana_dropped(room)
    assert "authentication" in room.ana.session.connection.closed
    assert room.ana.journey.stage_by_name("Later") is None


def test_a_replayed_frame_drops_that_connection_only(room: Room):
    down = _edit_in_flight(room)
    down.pending.append(down.pending[0])
    _only_ana_dropped(room)


def test_reordered_frames_drop_that_connection_only(room: Room):
    edit(room.host, "Add stage", lambda j: j.add_stage("Later"))
    edit(room.host, "Add stage", lambda j: j.add_stage("Later still"))
    down = room.ana.wires[0]
    assert len(down.pending) >= 2
    down.pending[0], down.pending[1] = down.pending[1], down.pending[0]
    _only_ana_dropped(room)


def test_an_oversized_frame_drops_that_connection_only(room: Room):
    up = room.ana.wires[1]
    host_end = up.target
    up.pending.append((FRAME_LIMIT + 1).to_bytes(4, "big") + b"x" * 100)
    room.sync()
    assert "over the limit" in host_end.closed
    assert not room.ana.session.connected and room.bo.session.connected
    edit(room.bo, "Add stage", lambda j: j.add_stage("After"))
    room.sync()
    assert room.host.journey.stage_by_name("After") is not None


def test_a_stranger_cannot_make_the_host_buffer_a_big_frame_before_pairing(hosted):
    host, _network = hosted
    dropped = []

    class Wire:
        def send(self, data):
            pass

        def close(self):
            dropped.append(True)

    connection = host.session.accept(Wire())
    connection.receive((HANDSHAKE_LIMIT + 1).to_bytes(4, "big"))
    assert dropped and "over the limit" in connection.closed


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\x00\x00\x05hello",
        frame(b"[1, 2]"),
        frame(b'{"protocol": "http"}'),
        frame(b'{"protocol": "laneway-live", "version": 1, "spake2": "zz"}'),
        frame(b'{"protocol": "laneway-live", "version": 1, "spake2": "41aa"}'),
    ],
)
def test_garbage_before_pairing_drops_the_connection(hosted, garbage):
    host, _network = hosted
    sent = []

    class Wire:
        def send(self, data):
            sent.append(data)

        def close(self):
            pass

    connection = host.session.accept(Wire())
    connection.receive(garbage)
    assert connection.closed is not None and not connection.live
    assert host.session.failed_codes == 0


class _Recorder:
    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.closed = False

    def send(self, data: bytes) -> None:
        self.sent.append(data)

    def close(self) -> None:
        self.closed = True


def _paired_by_hand(host_session: HostSession):
    """Pair with the host step by step, as a hand-written client would."""
    from laneway.sync.pairing import JoinerHandshake, decode

    wire = _Recorder()
    connection = host_session.accept(wire)
    joiner = JoinerHandshake(host_session.code)
    connection.receive(frame(joiner.hello()))
    host_hello = decode(FrameReader().feed(wire.sent.pop())[0])
    connection.receive(frame(joiner.confirm(host_hello)))
    channel = joiner.finish(decode(FrameReader().feed(wire.sent.pop())[0]))
    return connection, channel, wire


def test_map_messages_before_joining_drop_the_connection(hosted):
    from laneway.sync.endpoint import update_message

    host, _network = hosted
    connection, channel, wire = _paired_by_hand(host.session)
    assert connection.closed is None and not connection.live
    connection.receive(frame(channel.seal(update_message(b"\x00\x00"))))
    assert wire.closed and "before the session was joined" in connection.closed
    assert wire.sent == []  # not one byte of the map went out


def test_a_malformed_update_after_joining_drops_the_connection_and_keeps_the_map(hosted):
    from laneway.sync.endpoint import update_message

    host, _network = hosted
    connection, channel, wire = _paired_by_hand(host.session)
    connection.receive(frame(channel.seal(b'\x20{"type":"join","name":"Eve"}')))
    assert connection.live
    before = host.shared.read()
    connection.receive(frame(channel.seal(update_message(b"\x07garbage"))))
    assert wire.closed and "malformed" in connection.closed
    assert host.shared.read() == before


def test_frames_split_and_joined_anyhow_are_read_back():
    payloads = [b"", b"a", b"x" * 1000, bytes(range(256))]
    stream = b"".join(frame(p) for p in payloads)
    reader = FrameReader(limit=2000)
    got = []
    for i in range(len(stream)):
        got += reader.feed(stream[i : i + 1])
    assert got == payloads
    with pytest.raises(FrameError):
        FrameReader(limit=10).feed(frame(b"x" * 11))


def test_a_dropped_joiner_can_pair_again_and_catch_up(room: Room):
    room.network.cut(room.ana.wires[0])
    edit(room.host, "Add stage", lambda j: j.add_stage("While away"))
    room.sync()
    from tests.sync.harness import connect

    connect(room.network, room.host, room.ana)
    room.sync()
    assert_converged(room.peers)
    assert isinstance(room.host.session, HostSession)
