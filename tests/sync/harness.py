"""Live-session peers with real files, joined over an in-memory network.

The network is the transport: each connection is two FIFO wires, and the test
decides which wire delivers its next chunk (at random, as Yjs's testHelper does),
when a connection is cut (both ends lose it, whatever was in flight is gone) and
when a peer reconnects. Everything above the wires is the real code: pairing,
encryption, y-sync, relaying, projection, diff, the files.
"""

from __future__ import annotations

import random
from collections import deque
from pathlib import Path

from laneway.document import Document
from laneway.model import JourneyMap, ModelError
from laneway.store import create_map
from laneway.sync.endpoint import Endpoint
from laneway.sync.host import HostSession
from laneway.sync.join import JoinSession
from laneway.sync.live import LiveMap
from laneway.sync.presence import Presence
from laneway.sync.projection import project
from laneway.sync.sessions import start_hosting, start_joining
from laneway.sync.shared import SharedMap
from tests.conftest import build_map, reopen

COLOURS = ("#e74c3c", "#2980b9", "#27ae60", "#8e44ad")


class MemoryWire:
    def __init__(self) -> None:
        self.pending: deque[bytes] = deque()
        self.target: Endpoint | None = None
        self.twin: MemoryWire | None = None
        self.closing = False
        self.dead = False
        self.sent_bytes = 0

    def send(self, data: bytes) -> None:
        if not self.dead and not self.closing:
            self.pending.append(data)
            self.sent_bytes += len(data)

    def close(self) -> None:
        self.closing = True

    @property
    def busy(self) -> bool:
        return not self.dead and (bool(self.pending) or self.closing)


class Network:
    def __init__(self) -> None:
        self.wires: list[MemoryWire] = []

    def connect(self, host: HostSession, joiner: JoinSession) -> tuple[MemoryWire, MemoryWire]:
        """A new connection; returns (host → joiner, joiner → host) wires."""
        down, up = MemoryWire(), MemoryWire()
        down.twin, up.twin = up, down
        up.target = host.accept(down)
        down.target = joiner.connect(up)
        self.wires += [down, up]
        return down, up

    def deliver_one(self, rng: random.Random | None = None) -> bool:
        busy = [w for w in self.wires if w.busy]
        if not busy:
            return False
        wire = rng.choice(busy) if rng else busy[0]
        assert wire.target is not None and wire.twin is not None
        if wire.pending:
            wire.target.receive(wire.pending.popleft())
        else:  # closed by its sender, everything sent has arrived
            self._kill(wire)
        return True

    def deliver_all(self, rng: random.Random | None = None, limit: int = 200_000) -> None:
        for _ in range(limit):
            if not self.deliver_one(rng):
                self.wires = [w for w in self.wires if not w.dead]
                return
        raise AssertionError("the network never went quiet")

    def cut(self, wire: MemoryWire) -> None:
        """The Wi-Fi drops: both ends lose the connection, in-flight bytes are gone."""
        self._kill(wire)

    def _kill(self, wire: MemoryWire) -> None:
        assert wire.twin is not None
        for one in (wire, wire.twin):
            if not one.dead:
                one.dead = True
                one.pending.clear()
                if one.target is not None:
                    one.target.lost()


class Peer:
    """A laptop: a map file, its shared map, its presence and its session."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.shared: SharedMap
        self.presence: Presence
        self.live: LiveMap | None = None
        self.session: HostSession | JoinSession | None = None
        self.wires: tuple[MemoryWire, MemoryWire] | None = None

    @property
    def document(self) -> Document:
        assert self.live is not None
        return self.live.document

    @property
    def journey(self) -> JourneyMap:
        return self.document.journey

    def close(self) -> None:
        if self.live is not None:
            self.live.close()
            self.document.close()


def host_peer(folder: Path, journey: JourneyMap, name: str = "host") -> Peer:
    peer = Peer(name, folder / f"{name}.laneway")
    create_map(peer.path, journey)
    hosting = start_hosting(Document.open(peer.path), name=name, colour=COLOURS[0])
    peer.shared, peer.presence = hosting.live.shared, hosting.presence
    peer.live, peer.session = hosting.live, hosting.session
    return peer


def joiner_peer(folder: Path, host: Peer, name: str) -> Peer:
    assert isinstance(host.session, HostSession)
    peer = Peer(name, folder / f"{name}.laneway")
    joining = start_joining(peer.path, code=host.session.code, name=name, colour=COLOURS[1])
    peer.shared, peer.presence, peer.session = joining.shared, joining.presence, joining.session

    def copy_made(live: LiveMap) -> None:
        peer.live = live

    joining.on_copy = copy_made
    return peer


def connect(network: Network, host: Peer, joiner: Peer) -> None:
    assert isinstance(host.session, HostSession) and isinstance(joiner.session, JoinSession)
    joiner.wires = network.connect(host.session, joiner.session)


def edit(peer: Peer, label: str, change) -> bool:
    """Make an edit as the app would (refused edits change nothing); check it projected."""
    try:
        with peer.document.edit(label):
            change(peer.journey)
    except ModelError:
        return False
    assert_projection_is_memory(peer)
    return True


def assert_projection_is_memory(peer: Peer) -> None:
    assert project(peer.shared.read()).same_content(peer.journey), peer.name


def assert_file_is_memory(peer: Peer) -> None:
    stored = reopen(peer.path)
    assert stored.same_content(peer.journey), peer.name


def assert_valid(journey: JourneyMap) -> None:
    """The invariants of SPEC §1 (the file's constraints check the rest)."""
    keys = [d.name.strip().casefold() for d in journey.departments.values()]
    assert len(keys) == len(set(keys)), keys
    stages = [s.name for s in journey.stages.values()]
    assert len(stages) == len(set(stages)), stages
    pairs = [link.pair for link in journey.links.values()]
    assert len(pairs) == len(set(pairs))
    for link in journey.links.values():
        assert link.source != link.target
        assert link.source in journey.steps and link.target in journey.steps
    for step in journey.steps.values():
        assert step.department_id is None or step.department_id in journey.departments
        assert step.stage_id is None or step.stage_id in journey.stages


def assert_converged(peers: list[Peer]) -> None:
    first = peers[0]
    for peer in peers:
        assert_valid(peer.journey)
        assert_projection_is_memory(peer)
        assert_file_is_memory(peer)
        assert peer.journey.same_content(first.journey), (first.name, peer.name)


class Room:
    def __init__(self, folder: Path) -> None:
        self.network = Network()
        self.host = host_peer(
            folder,
            build_map(
                steps=(
                    ("Reads blog", "Marketing", "Awareness"),
                    ("Requests demo", "Marketing", "Awareness"),
                    ("Qualify lead", "Sales", "Purchase"),
                ),
                links=(("Reads blog", "Requests demo"),),
            ),
        )
        self.ana = joiner_peer(folder, self.host, "ana")
        self.bo = joiner_peer(folder, self.host, "bo")
        for joiner in (self.ana, self.bo):
            connect(self.network, self.host, joiner)
        self.sync()

    @property
    def peers(self) -> list[Peer]:
        return [self.host, self.ana, self.bo]

    def sync(self) -> None:
        self.network.deliver_all()

    def step(self, peer: Peer, title: str) -> str:
        return next(s.id for s in peer.journey.steps.values() if s.title == title)

    def close(self) -> None:
        for peer in self.peers:
            peer.close()
