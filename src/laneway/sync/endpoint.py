"""One end of one connection, sans-IO: bytes in through ``receive``, out through a Wire.

The transport (asyncio streams here, QTcpSocket in the app) owns the socket: it
calls ``receive(data)`` with what arrived and ``lost()`` when the socket closed, and
gives a Wire whose ``send`` queues bytes and whose ``close`` ends the connection.
Everything the peer sends is checked; anything malformed, oversized, replayed or
tampered drops this connection (``drop``) and nothing else.

Inside the encrypted channel each frame is one message: a y-sync message (first
byte 0), a y-awareness message (1) or a control message (``CONTROL`` + JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from laneway.i18n import _
from laneway.sync.framing import FRAME_LIMIT, FrameError, FrameReader, SecureChannel, frame
from laneway.sync.pairing import PairingRefused, decode
from laneway.sync.presence import Presence
from laneway.sync.shared import SharedMap

SYNC, AWARENESS, CONTROL = 0, 1, 0x20
#: y-sync message types (pycrdt.YSyncMessageType)
SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE = 0, 1, 2


def update_message(update: bytes) -> bytes:
    """A y-sync SYNC_UPDATE message (as pycrdt.create_update_message makes it)."""
    length, prefix = len(update), bytearray()
    while length > 127:
        prefix.append(128 | (length & 127))
        length >>= 7
    prefix.append(length)
    return bytes([SYNC, SYNC_UPDATE]) + bytes(prefix) + update


class Wire(Protocol):
    def send(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class Endpoint:
    """What the host's and the joiner's ends of a connection have in common."""

    def __init__(self, wire: Wire, shared: SharedMap, presence: Presence) -> None:
        self.wire = wire
        self.shared = shared
        self.presence = presence
        self.reader = FrameReader()
        self.channel: SecureChannel | None = None
        #: Set once the connection is over: why (a short sentence).
        self.closed: str | None = None
        #: True once the map is being synchronised (paired, accepted).
        self.live = False
        self.on_closed: Callable[[Endpoint, str], None] | None = None
        self._seen_clients: set[int] = set()
        self._merged = False

    # -------------------------------------------------------------- sending
    def send_plain(self, payload: bytes) -> None:
        self.wire.send(frame(payload))

    def send_secure(self, message: bytes) -> None:
        assert self.channel is not None
        if self.closed is None:
            self.wire.send(frame(self.channel.seal(message)))

    def send_control(self, message: dict[str, Any]) -> None:
        self.send_secure(bytes([CONTROL]) + json.dumps(message, separators=(",", ":")).encode())

    # ------------------------------------------------------------ receiving
    def receive(self, data: bytes) -> None:
        """Bytes from the socket; may send, merge, and call ``merged()`` once at the end."""
        if self.closed is not None:
            return
        try:
            for payload in self.reader.feed(data):
                if self.closed is not None:
                    break
                if self.channel is None:
                    self.on_handshake(decode(payload))
                else:
                    self.on_message(self.channel.open(payload))
        except FrameError as error:
            self.drop(_("The connection was dropped: {error}.").format(error=error))
        except PairingRefused as refusal:
            self.refused(refusal)
        if self._merged:
            self._merged = False
            self.merged()

    def encrypted(self, channel: SecureChannel) -> None:
        self.channel = channel
        self.reader.limit = FRAME_LIMIT

    def on_message(self, message: bytes) -> None:
        if not message:
            raise FrameError(_("an empty message"))
        kind = message[0]
        if kind == CONTROL:
            self.on_control(_control(message))
        elif not self.live:
            raise FrameError(_("a map message came before the session was joined"))
        elif kind == SYNC:
            self._on_sync(message)
        elif kind == AWARENESS:
            try:
                self._seen_clients.update(self.presence.apply(message, self))
            except Exception:  # a malformed awareness message, whatever pycrdt raises
                raise FrameError(_("a malformed presence message")) from None
        else:
            raise FrameError(_("an unknown message type {kind}").format(kind=kind))

    def _on_sync(self, message: bytes) -> None:
        if len(message) < 2 or message[1] not in (SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE):
            raise FrameError(_("a malformed sync message"))
        try:
            reply = self.shared.handle_sync(message[1:], self)
        except Exception:  # pycrdt raises ValueError and others, leaving the doc as it was
            raise FrameError(_("a malformed map update")) from None
        if reply is not None:
            self.send_secure(reply)
            self.answered_step1()
        else:
            self._merged = True
            if message[1] == SYNC_STEP2:
                self.got_step2()

    def start_sync(self) -> None:
        """Both ends, once live: my state vector, and everyone I know of."""
        self.live = True
        self.send_secure(self.shared.sync_step1())
        self.send_secure(self.presence.everyone_message())

    # --------------------------------------------------------------- ending
    def drop(self, reason: str) -> None:
        """End the connection from this side."""
        if self.closed is None:
            self.closed = reason
            self.wire.close()
            self._ended(reason)

    def lost(self, reason: str = "The connection was lost.") -> None:
        """The transport says the socket closed."""
        if self.closed is None:
            self.closed = reason
            self._ended(reason)

    def _ended(self, reason: str) -> None:
        self.live = False
        self.presence.forget(self._seen_clients, self)
        if self.on_closed is not None:
            self.on_closed(self, reason)

    # ------------------------------------------------------ for subclasses
    def on_handshake(self, message: dict[str, Any]) -> None:
        raise NotImplementedError

    def on_control(self, message: dict[str, Any]) -> None:
        raise NotImplementedError

    def refused(self, refusal: PairingRefused) -> None:
        self.drop(_("Refused ({reason}).").format(reason=refusal.reason))

    def merged(self) -> None:
        """Updates were merged into the shared map during the last ``receive``."""

    def answered_step1(self) -> None:
        """I sent the peer what it lacked."""

    def got_step2(self) -> None:
        """The peer sent me what I lacked."""


def _control(message: bytes) -> dict[str, Any]:
    try:
        value = json.loads(message[1:].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FrameError(_("a control message is not JSON")) from None
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        raise FrameError(_("a control message has no type"))
    return value
