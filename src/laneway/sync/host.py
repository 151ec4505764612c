"""The host of a live session: pairs joiners and relays between them (a star).

Like pycrdt-websocket's YRoom, the host holds the shared map and passes every update
it merges on to every other joined connection (its own edits to all of them), and
the same for presence. Joiners pair with the code (pairing.py); after
``MAX_FAILED_CODES`` wrong codes the host makes a new one and says so through
``on_code_changed``. A joiner with a copy of another map, or of another protocol
version, is refused before any map data is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from laneway.i18n import _
from laneway.sync.endpoint import Endpoint, Wire, update_message
from laneway.sync.framing import FrameError
from laneway.sync.pairing import (
    MAX_FAILED_CODES,
    HostHandshake,
    PairingRefused,
    is_code,
    new_code,
    refusal,
)
from laneway.sync.presence import NAME_LIMIT, Presence
from laneway.sync.shared import SharedMap
from laneway.sync.tables import as_color


@dataclass(frozen=True)
class Participant:
    name: str
    colour: str
    site_tag: str | None


class HostSession:
    def __init__(
        self,
        shared: SharedMap,
        presence: Presence,
        *,
        map_id: str,
        title: str,
        site_tag: str | None = None,
        code: str | None = None,
    ) -> None:
        if code is not None and not is_code(code):
            raise ValueError(_("A session code is six digits."))
        self.shared = shared
        self.presence = presence
        self.map_id = map_id
        self.title = title
        self.site_tag = site_tag
        self.code = code or new_code()
        self.failed_codes = 0
        self.connections: list[HostConnection] = []
        #: Called after updates from joiners were merged (the live map refreshes).
        self.on_merged: Callable[[], None] | None = None
        self.on_code_changed: Callable[[str], None] | None = None
        self.on_participants_changed: Callable[[], None] | None = None
        #: Called with each participant once joined (the live map remembers them).
        self.on_joined: Callable[[Participant], None] | None = None
        shared.add_listener(self._relay_update)
        presence.add_listener(self._relay_presence)

    # ---------------------------------------------------------- connections
    def accept(self, wire: Wire) -> HostConnection:
        """A new incoming connection (the transport calls this, then ``receive``)."""
        connection = HostConnection(self, wire)
        self.connections.append(connection)
        connection.on_closed = self._closed
        return connection

    def _closed(self, connection: Endpoint, _reason: str) -> None:
        if connection in self.connections:
            self.connections.remove(connection)  # type: ignore[arg-type]
            if connection.participant is not None and self.on_participants_changed:  # type: ignore[attr-defined]
                self.on_participants_changed()

    def participants(self) -> list[Participant]:
        return [c.participant for c in self.connections if c.participant and c.live]

    def close(self) -> None:
        """End the session: every joiner keeps its copy and goes offline."""
        for connection in list(self.connections):
            if connection.live:
                connection.send_control({"type": "end"})
            connection.drop(_("The host ended the session."))
        self.shared.remove_listener(self._relay_update)
        self.presence.remove_listener(self._relay_presence)

    # ---------------------------------------------------------------- code
    def new_code(self) -> str:
        self.code = new_code()
        self.failed_codes = 0
        if self.on_code_changed is not None:
            self.on_code_changed(self.code)
        return self.code

    def code_failed(self) -> None:
        self.failed_codes += 1
        if self.failed_codes >= MAX_FAILED_CODES:
            self.new_code()

    # -------------------------------------------------------------- relays
    def _relay_update(self, update: bytes, source: object) -> None:
        message = update_message(update)
        for connection in self.connections:
            if connection.live and connection is not source:
                connection.send_secure(message)

    def _relay_presence(self, message: bytes, source: object) -> None:
        for connection in self.connections:
            if connection.live and connection is not source:
                connection.send_secure(message)


class HostConnection(Endpoint):
    def __init__(self, session: HostSession, wire: Wire) -> None:
        super().__init__(wire, session.shared, session.presence)
        self.session = session
        self.participant: Participant | None = None
        self._handshake: HostHandshake | None = None

    def on_handshake(self, message: dict[str, Any]) -> None:
        if self._handshake is None:
            self._handshake = HostHandshake(self.session.code)
            try:
                self.send_plain(self._handshake.answer(message))
            except PairingRefused as refused:
                self.send_plain(refusal(refused.reason))
                raise
            return
        try:
            proof, channel = self._handshake.verify(message)
        except PairingRefused:
            self.send_plain(refusal("code"))
            self.session.code_failed()
            raise
        self.send_plain(proof)
        self.encrypted(channel)

    def on_control(self, message: dict[str, Any]) -> None:
        if message["type"] != "join" or self.live:
            raise FrameError(_("an unexpected {value!r} message").format(value=message["type"]))
        wanted_map = message.get("map_id")
        if wanted_map is not None and wanted_map != self.session.map_id:
            self.send_control({"type": "refused", "reason": "map"})
            raise PairingRefused("map")
        site = message.get("site_tag")
        site = site if isinstance(site, str) else None
        taken = {self.session.site_tag} | {p.site_tag for p in self.session.participants()}
        if site is not None and site in taken:
            self.send_control({"type": "refused", "reason": "site"})
            raise PairingRefused("site")
        name = message.get("name")
        self.participant = Participant(
            name.strip()[:NAME_LIMIT] if isinstance(name, str) and name.strip() else _("Someone"),
            as_color(message.get("colour"), "#6f7d8c"),
            site,
        )
        self.send_control(
            {"type": "welcome", "map_id": self.session.map_id, "title": self.session.title}
        )
        self.start_sync()
        if self.session.on_joined is not None:
            self.session.on_joined(self.participant)
        if self.session.on_participants_changed is not None:
            self.session.on_participants_changed()

    def merged(self) -> None:
        if self.session.on_merged is not None:
            self.session.on_merged()
