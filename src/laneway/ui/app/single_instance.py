"""One Laneway per user: a second launch hands its maps to the app already running.

The running app listens on a local server (a Unix socket or a Windows named pipe) whose
name is the user's: derived from the user name and the settings folder, so two users, or
two test runs with their own ``LANEWAY_CONFIG_DIR``, never meet; ``LANEWAY_INSTANCE_NAME``
names it outright. A second ``laneway MAP.laneway`` connects before it makes a
``QApplication`` (so it needs no display), sends one JSON line ``{"open": [absolute
paths], "demo": false}``, waits for ``{"ok": true}`` and exits; the running app opens the
maps in windows and raises them. When nobody answers, the launch becomes the running app.
A server name left behind by a crash (a socket file nobody listens on) is removed.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from laneway import applog
from laneway.ui.app.settings import config_dir

NAME_ENV = "LANEWAY_INSTANCE_NAME"
CONNECT_MS, REPLY_MS = 500, 5000
MAX_REQUEST_BYTES = 1_000_000


@dataclass(frozen=True)
class OpenRequest:
    """What a launch asks the app for: maps to open, or the demo, or just a window."""

    paths: list[str] = field(default_factory=list)
    demo: bool = False

    def to_line(self) -> bytes:
        return json.dumps({"open": self.paths, "demo": self.demo}).encode("utf-8") + b"\n"

    @classmethod
    def from_line(cls, line: bytes) -> OpenRequest | None:
        try:
            data = json.loads(line.decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("open"), list):
            return None
        paths = [p for p in data["open"] if isinstance(p, str)]
        return cls(paths, data.get("demo") is True)


def server_name() -> str:
    override = os.environ.get(NAME_ENV)
    if override:
        return override
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without one)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{config_dir().absolute()}".encode()).hexdigest()
    return f"laneway-{digest[:16]}"


def hand_off(request: OpenRequest, name: str | None = None) -> bool:
    """Give ``request`` to the Laneway already running; False when none answers.

    Needs no ``QApplication``: the socket is used with blocking waits.
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(request.to_line())
        if not socket.waitForBytesWritten(REPLY_MS):
            return False
        reply = b""
        while b"\n" not in reply and socket.waitForReadyRead(REPLY_MS):
            reply += bytes(socket.readAll().data())
        return reply.startswith(b'{"ok": true}')
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """The running app's end: emits ``open_requested`` for each launch that hands off."""

    open_requested = Signal(object)  # OpenRequest

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Serve under the user's name; False when another Laneway already does.

        Asked first, because Qt's user-only socket is made aside and renamed into place,
        which would silently take a live name over. A name nobody answers on is a
        leftover of a crashed app: it is removed and taken over.
        """
        if _someone_answers(self.name):
            return False
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        applog.log_warning(
            f"Single instance: cannot listen on {self.name!r} ({self.server.errorString()})."
        )
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_REQUEST_BYTES:
                socket.abort()
            return
        request = OpenRequest.from_line(bytes(buffer).split(b"\n", 1)[0])
        if request is None:
            socket.write(b'{"ok": false}\n')
            socket.disconnectFromServer()
            return
        socket.write(b'{"ok": true}\n')
        socket.flush()
        self.open_requested.emit(request)


def _someone_answers(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    answered = probe.waitForConnected(CONNECT_MS)
    probe.abort()
    return answered


def request_for(paths: list[str], demo: bool) -> OpenRequest:
    """The launch's request, with paths made absolute (the running app has another cwd)."""
    return OpenRequest([str(Path(p).absolute()) for p in paths], demo)
