"""The asyncio transport: the sans-IO host and joiner over TCP streams.

For headless use (``laneway host`` / ``laneway join``) and the tests; the app uses
QTcpServer/QTcpSocket the same way. Nothing here knows the protocol: bytes read go
to ``endpoint.receive``, the endpoint's Wire writes to the stream.
"""

from __future__ import annotations

import asyncio
import contextlib

from laneway.i18n import _
from laneway.sync.endpoint import Endpoint
from laneway.sync.host import HostSession
from laneway.sync.join import JoinConnection, JoinSession

READ_SIZE = 64 * 1024
#: A connection that has not paired and joined by then is dropped.
HANDSHAKE_SECONDS = 10.0


class StreamWire:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer

    def send(self, data: bytes) -> None:
        if not self.writer.is_closing():
            self.writer.write(data)

    def close(self) -> None:
        self.writer.close()


async def pump(reader: asyncio.StreamReader, wire: StreamWire, endpoint: Endpoint) -> None:
    """Feed what arrives to ``endpoint`` until either side ends the connection."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + HANDSHAKE_SECONDS
    try:
        while endpoint.closed is None:
            timeout = None if endpoint.live else max(0.0, deadline - loop.time())
            try:
                data = await asyncio.wait_for(reader.read(READ_SIZE), timeout)
            except asyncio.TimeoutError:
                endpoint.drop(_("The other side did not finish pairing in time."))
                break
            if not data:
                break
            endpoint.receive(data)
            with contextlib.suppress(ConnectionError):
                await wire.writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        endpoint.lost()
        wire.close()


class AsyncHost:
    """Serve a HostSession on a TCP address until ``stop``."""

    def __init__(self, session: HostSession) -> None:
        self.session = session
        self.server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task] = set()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        self.server = await asyncio.start_server(self._serve, host, port)
        address = self.server.sockets[0].getsockname()
        return address[0], address[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        wire = StreamWire(writer)
        connection = self.session.accept(wire)
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            await pump(reader, wire, connection)
        finally:
            if task is not None:
                self._tasks.discard(task)

    async def stop(self) -> None:
        self.session.close()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 2)


async def connect(
    session: JoinSession, host: str, port: int
) -> tuple[JoinConnection, asyncio.Task]:
    """Open one connection to the host; the task pumps it until it ends."""
    reader, writer = await asyncio.open_connection(host, port)
    wire = StreamWire(writer)
    connection = session.connect(wire)
    await writer.drain()
    return connection, asyncio.create_task(pump(reader, wire, connection))
