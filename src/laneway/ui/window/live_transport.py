"""The live session over Qt's own sockets: QTcpServer for the host, QTcpSocket for each
connection, on the GUI thread's event loop (no asyncio, nothing blocks: the sync core's
calls are short and synchronous, COLLAB.md "transport").

Like ``sync.aio`` it knows nothing of the protocol: bytes read go to the endpoint's
``receive``, the endpoint's Wire writes to the socket; a connection that has not paired
within ``HANDSHAKE_MS`` is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QTcpServer, QTcpSocket

from laneway.i18n import _
from laneway.sync.endpoint import Endpoint
from laneway.sync.host import HostSession
from laneway.sync.join import JoinSession

HANDSHAKE_MS = 10_000
CONNECT_MS = 5_000


class SocketWire:
    """A sans-IO Wire on a QTcpSocket."""

    def __init__(self, socket: QTcpSocket) -> None:
        self.socket = socket

    def send(self, data: bytes) -> None:
        if self.socket.state() == QAbstractSocket.SocketState.ConnectedState:
            self.socket.write(data)

    def close(self) -> None:
        self.socket.flush()  # the last message (the host's "end") goes before the close
        self.socket.disconnectFromHost()


def pump(socket: QTcpSocket, endpoint: Endpoint) -> None:
    """Feed what ``socket`` reads to ``endpoint``; tell it when the socket closes."""
    deadline = QTimer(socket)
    deadline.setSingleShot(True)
    deadline.timeout.connect(
        lambda: (
            None
            if endpoint.live or endpoint.closed
            else endpoint.drop(_("The other side did not finish pairing in time."))
        )
    )
    deadline.start(HANDSHAKE_MS)

    def read() -> None:
        data = bytes(socket.readAll().data())
        if data:
            endpoint.receive(data)

    def gone() -> None:
        deadline.stop()
        read()  # what arrived with the close (the host's "end") is still to be read
        endpoint.lost()
        socket.deleteLater()

    socket.readyRead.connect(read)
    socket.disconnected.connect(gone)


class QtHost(QObject):
    """Serve a HostSession on a TCP address until ``stop``."""

    def __init__(self, session: HostSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.server = QTcpServer(self)
        self.server.newConnection.connect(self._accept)

    def start(self, host: str = "0.0.0.0", port: int = 0) -> tuple[str, int]:
        """Listen; raise OSError with Qt's sentence when the address cannot be used."""
        if not self.server.listen(QHostAddress(host), port):
            raise OSError(self.server.errorString())
        return host, self.server.serverPort()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            pump(socket, self.session.accept(SocketWire(socket)))

    def stop(self) -> None:
        self.session.close()
        self.server.close()


class QtJoin(QObject):
    """Open connections from a JoinSession to a host, one at a time."""

    def __init__(self, session: JoinSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.socket: QTcpSocket | None = None
        #: Called with a sentence when a connection could not be opened at all.
        self.on_unreachable: Callable[[str], None] | None = None

    def connect_to(self, host: str, port: int) -> None:
        socket = QTcpSocket(self)
        self.socket = socket
        timer = QTimer(socket)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._failed(socket, _("the host did not answer")))
        opened = [False]

        def connected() -> None:
            opened[0] = True
            timer.stop()
            pump(socket, self.session.connect(SocketWire(socket)))

        socket.connected.connect(connected)
        # Once connected, an error is followed by ``disconnected`` (the endpoint hears it).
        socket.errorOccurred.connect(
            lambda _error: None if opened[0] else self._failed(socket, socket.errorString())
        )
        timer.start(CONNECT_MS)
        socket.connectToHost(host, port)

    def _failed(self, socket: QTcpSocket, reason: str) -> None:
        if socket.property("failed"):  # abort() below reports its own error
            return
        socket.setProperty("failed", True)
        if socket.state() != QAbstractSocket.SocketState.UnconnectedState:
            socket.abort()
        socket.deleteLater()
        if self.socket is socket:
            self.socket = None
        if self.on_unreachable is not None:
            self.on_unreachable(reason)

    def close(self) -> None:
        """Stop a connection attempt still under way (a live one ends with the session)."""
        if self.socket is not None:
            self.socket.abort()
            self.socket = None
