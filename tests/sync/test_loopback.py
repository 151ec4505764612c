"""Over real sockets on 127.0.0.1: a host and two joiners on asyncio streams, one of
them dropping, editing offline, and rejoining."""

from __future__ import annotations

import asyncio
from pathlib import Path

from laneway.sync.aio import AsyncHost, connect
from tests.conftest import build_map
from tests.sync.harness import Peer, assert_converged, edit, host_peer, joiner_peer


async def _until(condition, what: str, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def _same(peers: list[Peer]) -> bool:
    return all(p.live is not None for p in peers) and all(
        p.journey.same_content(peers[0].journey) for p in peers
    )


async def _session(folder: Path) -> None:
    host = host_peer(folder, build_map(steps=(("Call", "Sales", "Purchase"),)))
    server = AsyncHost(host.session)
    address, port = await server.start("127.0.0.1", 0)
    ana, bo = joiner_peer(folder, host, "ana"), joiner_peer(folder, host, "bo")
    peers = [host, ana, bo]
    try:
        await connect(ana.session, address, port)
        await connect(bo.session, address, port)
        await _until(lambda: _same(peers), "both joiners to copy the map")

        edit(host, "Add stage", lambda j: j.add_stage("Onboarding"))
        await _until(lambda: _same(peers), "the host's edit to reach both")

        # Ana's Wi-Fi drops; everyone goes on editing
        ana.session.connection.drop("Wi-Fi gone")
        await _until(lambda: len(host.session.participants()) == 1, "the host to notice")
        edit(ana, "Add lane", lambda j: j.add_department("Legal"))
        edit(ana, "Retitle", lambda j: j.set_info(title="Ana's title"))
        edit(bo, "Add lane", lambda j: j.add_department("legal"))
        assert ana.session.waiting_edits == 2 and not _same(peers)

        await connect(ana.session, address, port)
        await _until(lambda: _same(peers) and ana.session.connected, "Ana's edits to merge")
        assert ana.session.waiting_edits == 0
        names = sorted(d.name.casefold() for d in host.journey.departments.values())
        assert names.count("legal") == 1 and "legal (2)" in names
        assert host.journey.info.title == "Ana's title"
    finally:
        await server.stop()
        await _until(lambda: not ana.session.connected and not bo.session.connected, "the end")
    assert_converged(peers)  # everyone keeps a working copy
    for peer in peers:
        edit(peer, "After", lambda j, name=peer.name: j.add_stage(f"After ({name})"))
        peer.close()


def test_host_and_two_joiners_over_loopback_sockets(folder: Path):
    asyncio.run(asyncio.wait_for(_session(folder), 60))
