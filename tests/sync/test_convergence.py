"""Convergence (COLLAB.md "Testing it"): three peers with real files, random edits of
every kind, undo and redo, dropped and restored connections, random delivery order;
at the end every map is equal, every file equals its peer's memory, no invariant is
broken."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.conftest import build_map
from tests.sync.harness import (
    Network,
    Peer,
    assert_converged,
    assert_file_is_memory,
    assert_valid,
    connect,
    host_peer,
    joiner_peer,
)
from tests.sync.random_edits import random_edit


def _start_map():
    return build_map(
        departments=("Marketing", "Sales"),
        stages=("Awareness", "Purchase"),
        steps=(("Reads blog", "Marketing", "Awareness"), ("Calls", "Sales", "Purchase")),
        links=(("Reads blog", "Calls"),),
    )


class Session:
    def __init__(self, folder: Path, joiners: int = 2) -> None:
        self.network = Network()
        self.host = host_peer(folder, _start_map())
        self.joiners = [joiner_peer(folder, self.host, f"joiner{i}") for i in range(joiners)]
        for joiner in self.joiners:
            connect(self.network, self.host, joiner)
        self.network.deliver_all()

    @property
    def peers(self) -> list[Peer]:
        return [self.host, *self.joiners]

    def connected(self, joiner: Peer) -> bool:
        return joiner.wires is not None and not joiner.wires[0].dead

    def cut(self, joiner: Peer) -> None:
        assert joiner.wires is not None
        self.network.cut(joiner.wires[0])

    def reconnect(self, joiner: Peer) -> None:
        connect(self.network, self.host, joiner)

    def settle(self) -> None:
        for joiner in self.joiners:
            if not self.connected(joiner):
                self.reconnect(joiner)
        self.network.deliver_all()

    def close(self) -> None:
        for peer in self.peers:
            peer.close()


def run_session(folder: Path, seed: int, operations: int) -> None:
    rng = random.Random(seed)
    session = Session(folder)
    try:
        for _ in range(operations):
            roll = rng.random()
            if roll < 0.55:
                random_edit(rng.choice(session.peers), rng)
            elif roll < 0.9:
                for _ in range(rng.randrange(1, 12)):
                    session.network.deliver_one(rng)
            elif roll < 0.95:
                joiner = rng.choice(session.joiners)
                if session.connected(joiner):
                    session.cut(joiner)
            else:
                joiner = rng.choice(session.joiners)
                if not session.connected(joiner):
                    session.reconnect(joiner)
        session.settle()
        assert_converged(session.peers)
    finally:
        session.close()


@pytest.mark.parametrize("seed", range(16))
def test_random_sessions_converge(folder: Path, seed: int):
    run_session(folder, seed, operations=150)


@pytest.mark.slow_sync
@pytest.mark.parametrize("seed", range(100, 160))
def test_long_random_sessions_converge(folder: Path, seed: int):
    run_session(folder, seed, operations=1500)


class LiveSessionMachine(RuleBasedStateMachine):
    """The same, step by step: hypothesis picks each edit, delivery and drop."""

    @initialize()
    def start(self) -> None:
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="laneway-sm-", dir=_tmpfs()))
        self.session = Session(self.folder)

    @rule(peer=st.integers(0, 2), seed=st.integers(0, 2**32 - 1))
    def edit(self, peer: int, seed: int) -> None:
        random_edit(self.session.peers[peer], random.Random(seed))

    @rule(count=st.integers(1, 20), seed=st.integers(0, 2**32 - 1))
    def deliver(self, count: int, seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(count):
            self.session.network.deliver_one(rng)

    @precondition(lambda self: any(self.session.connected(j) for j in self.session.joiners))
    @rule(which=st.integers(0, 1))
    def drop(self, which: int) -> None:
        joiner = self.session.joiners[which]
        if self.session.connected(joiner):
            self.session.cut(joiner)

    @rule(which=st.integers(0, 1))
    def rejoin(self, which: int) -> None:
        joiner = self.session.joiners[which]
        if not self.session.connected(joiner):
            self.session.reconnect(joiner)

    @invariant()
    def every_file_is_its_memory_and_valid(self) -> None:
        for peer in self.session.peers:
            assert_valid(peer.journey)
            assert_file_is_memory(peer)

    def teardown(self) -> None:
        if hasattr(self, "session"):
            try:
                self.session.settle()
                assert_converged(self.session.peers)
            finally:
                self.session.close()


def _tmpfs() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() else None


LiveSessionMachine.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_live_session_state_machine = LiveSessionMachine.TestCase
