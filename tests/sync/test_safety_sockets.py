"""Safe in a room, over real sockets on 127.0.0.1: whatever a stranger sends drops that
connection only; five wrong codes make a new one; another version or map is refused
before any map data is sent."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from laneway.sync.aio import AsyncHost, connect
from laneway.sync.framing import frame
from laneway.sync.join import JoinSession
from laneway.sync.pairing import MAX_FAILED_CODES, PROTOCOL, JoinerHandshake
from laneway.sync.presence import Presence
from laneway.sync.shared import SharedMap
from tests.conftest import build_map
from tests.sync.harness import edit, host_peer, joiner_peer


async def _until(condition, what: str, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def _stranger(port: int, data: bytes) -> bytes:
    """Send ``data`` on a fresh connection; everything the host answered until it closed."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    return answer


def _hello(version: int) -> bytes:
    hello = json.loads(JoinerHandshake("123456").hello())
    return frame(json.dumps({**hello, "protocol": PROTOCOL, "version": version}).encode())


async def _room(folder: Path) -> None:
    host = host_peer(folder, build_map(steps=(("Call", "Sales", "Purchase"),)))
    server = AsyncHost(host.session)
    _address, port = await server.start("127.0.0.1", 0)
    ana = joiner_peer(folder, host, "ana")
    try:
        await connect(ana.session, "127.0.0.1", port)
        await _until(lambda: ana.live is not None and ana.session.connected, "Ana to join")
        code = host.session.code
        hostile = [
            b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",  # not a frame of ours: oversized length
            (1 << 30).to_bytes(4, "big") + b"x" * 100,  # a huge frame announced
            frame(b"not json"),
            frame(b'{"protocol": "laneway-live", "version": 1, "spake2": "zz"}'),
        ]
        for data in hostile:
            answer = await _stranger(port, data)
            assert b"Call" not in answer  # no map data, whatever was sent
        refused = await _stranger(port, _hello(99))
        assert b'"refused":"version"' in refused and b"Call" not in refused
        assert host.session.code == code and ana.session.connected

        edit(host, "Add stage", lambda j: j.add_stage("Still in sync"))
        await _until(
            lambda: "Still in sync" in {s.name for s in ana.journey.stages.values()},
            "Ana to get the host's edit after the strangers",
        )

        # five wrong codes over sockets: the host makes a new one, Ana stays
        for attempt in range(MAX_FAILED_CODES):
            wrong = f"{(int(code) + attempt + 1) % 1_000_000:06d}"
            shared = SharedMap()
            guess = JoinSession(shared, Presence(shared, "M", "#000000"), code=wrong, name="M",
                                colour="#000000")  # fmt: skip
            reasons: list[tuple[str, bool]] = []
            guess.on_closed = lambda reason, fatal, r=reasons: r.append((reason, fatal))
            await connect(guess, "127.0.0.1", port)
            await _until(lambda r=reasons: bool(r), "the refusal")
            assert reasons[0][1] and "refused the code" in reasons[0][0]
            assert shared.is_empty()  # not one byte of the map
        assert host.session.code != code and ana.session.connected
    finally:
        await server.stop()
        await _until(lambda: not ana.session.connected, "the end")
        host.close()
        ana.close()


def test_strangers_wrong_codes_and_other_versions_drop_only_their_connection(folder: Path):
    asyncio.run(asyncio.wait_for(_room(folder), 60))
