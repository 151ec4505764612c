"""Joining a live session: pair with the code, check the map, then stay in sync.

A ``JoinSession`` lives as long as the person stays in the session; each
``connect(wire)`` is one connection to the host (the first, or one after the Wi-Fi
came back). Edits made while no connection is live stay in the shared map and are
counted (``waiting_edits``); the y-sync exchange of state vectors on the next
connection sends them and fetches what was missed, both ways. Why a connection
ended is one sentence in ``on_closed``; ``fatal`` says whether trying again with
the same code and map can help (a wrong code, another version or map: no).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laneway.i18n import N_, _
from laneway.sync.endpoint import Endpoint, Wire, update_message
from laneway.sync.framing import FrameError
from laneway.sync.pairing import PROTOCOL_VERSION, JoinerHandshake, PairingRefused, is_code
from laneway.sync.presence import Presence
from laneway.sync.shared import LOCAL, SharedMap

REFUSALS = {
    "code": N_("The host refused the code: check the six digits shown on the host's screen."),
    "version": N_(
        "The host runs another version of Laneway's live sessions "
        "(this one speaks version {version}); use the same Laneway version."
    ),
    "map": N_("The host's session is on a different map than this copy."),
    "site": N_("Another laptop in the session uses this copy's id tag; join with a new copy."),
}
FATAL = frozenset(REFUSALS)


class JoinSession:
    def __init__(
        self,
        shared: SharedMap,
        presence: Presence,
        *,
        code: str,
        name: str,
        colour: str,
        map_id: str | None = None,
        site_tag: str | None = None,
    ) -> None:
        if not is_code(code):
            raise ValueError(_("A session code is six digits."))
        self.shared = shared
        self.presence = presence
        self.code = code
        self.name = name
        self.colour = colour
        #: The map this copy belongs to (None: a fresh copy, which takes the host's).
        self.map_id = map_id
        self.site_tag = site_tag
        self.title: str | None = None
        self.connection: JoinConnection | None = None
        #: Local edits made while no connection was live, not yet sent.
        self.waiting_edits = 0
        #: True once a first full exchange with the host finished.
        self.synced = False
        #: True once the host said it ended the session (not a lost connection).
        self.host_ended = False
        self.on_welcome: Callable[[str, str], None] | None = None
        self.on_synced: Callable[[], None] | None = None
        self.on_merged: Callable[[], None] | None = None
        self.on_closed: Callable[[str, bool], None] | None = None
        shared.add_listener(self._send_update)
        presence.add_listener(self._send_presence)

    @property
    def connected(self) -> bool:
        return self.connection is not None and self.connection.live

    def connect(self, wire: Wire) -> JoinConnection:
        """Start pairing over a freshly opened connection to the host."""
        if self.connection is not None and self.connection.closed is None:
            self.connection.drop(_("Replaced by a new connection."))
        self.connection = JoinConnection(self, wire)
        return self.connection

    def leave(self) -> None:
        """Leave the session; the copy stays, editable, with everything merged so far."""
        if self.connection is not None:
            self.connection.drop(_("You left the session."))
        self.shared.remove_listener(self._send_update)
        self.presence.remove_listener(self._send_presence)

    def _send_update(self, update: bytes, source: object) -> None:
        if source is not LOCAL:
            return
        if self.connected:
            assert self.connection is not None
            self.connection.send_secure(update_message(update))
        else:
            self.waiting_edits += 1

    def _send_presence(self, message: bytes, source: object) -> None:
        if source is LOCAL and self.connected:
            assert self.connection is not None
            self.connection.send_secure(message)


class JoinConnection(Endpoint):
    def __init__(self, session: JoinSession, wire: Wire) -> None:
        super().__init__(wire, session.shared, session.presence)
        self.session = session
        self.fatal = False
        self._handshake = JoinerHandshake(session.code)
        self._confirmed = False
        self.on_closed = self._tell_session
        self.send_plain(self._handshake.hello())

    def on_handshake(self, message: dict[str, Any]) -> None:
        if not self._confirmed:
            self._confirmed = True
            self.send_plain(self._handshake.confirm(message))
            return
        self.encrypted(self._handshake.finish(message))
        self.send_control(
            {
                "type": "join",
                "name": self.session.name,
                "colour": self.session.colour,
                "map_id": self.session.map_id,
                "site_tag": self.session.site_tag,
            }
        )

    def on_control(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "refused":
            raise PairingRefused(str(message.get("reason")))
        if kind == "end":
            self.session.host_ended = True
            self.drop(_("The host ended the session; your copy stays as it is, editable."))
            return
        if kind != "welcome" or self.live:
            raise FrameError(_("an unexpected {kind!r} message").format(kind=kind))
        map_id, title = message.get("map_id"), message.get("title")
        if not isinstance(map_id, str) or not map_id:
            raise FrameError(_("the host did not say which map it shares"))
        if self.session.map_id is not None and map_id != self.session.map_id:
            raise PairingRefused("map")
        self.session.map_id = map_id
        self.session.title = title if isinstance(title, str) else ""
        if self.session.on_welcome is not None:
            self.session.on_welcome(map_id, self.session.title)
        self.start_sync()

    def refused(self, refusal: PairingRefused) -> None:
        self.fatal = refusal.reason in FATAL
        if refusal.reason in REFUSALS:
            reason = _(REFUSALS[refusal.reason]).format(version=PROTOCOL_VERSION)
        else:
            reason = _("The host refused to pair ({reason}).").format(reason=refusal.reason)
        self.drop(reason)

    def answered_step1(self) -> None:
        self.session.waiting_edits = 0

    def got_step2(self) -> None:
        if not self.session.synced:
            self.session.synced = True
            if self.session.on_synced is not None:
                self.session.on_synced()

    def merged(self) -> None:
        if self.session.on_merged is not None:
            self.session.on_merged()

    def _tell_session(self, _endpoint: Endpoint, reason: str) -> None:
        self.presence.forget_everyone(self)
        if self.session.on_closed is not None:
            self.session.on_closed(reason, self.fatal)
