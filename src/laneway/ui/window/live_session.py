"""A map window in a live session: the host's or a joiner's side, on the Qt transport.

``LiveLink`` ties one window's MapSession to a LiveMap: undo and redo take back only
what is still mine, my selection goes out as presence, others' presence comes back as
outlines (``canvas.presence_layer``), and ``status`` says in a few words where the
session stands (the status-bar indicator). ``HostLink`` serves the session;
``JoinLink`` follows one and connects again whenever the connection drops, counting
the edits waiting meanwhile. ``JoinAttempt`` is a join before the copy exists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from laneway.canvas.presence_layer import PresenceLayer, Seen
from laneway.i18n import _, ngettext
from laneway.sync.addresses import DEFAULT_PORT, reachable_address
from laneway.sync.host import Participant
from laneway.sync.join import JoinSession
from laneway.sync.live import LiveMap
from laneway.sync.presence import Presence
from laneway.sync.sessions import Hosting, start_hosting, start_joining
from laneway.ui.editing.session import MapSession
from laneway.ui.window.live_transport import QtHost, QtJoin

PRESENCE_TICK_MS = 5_000
RECONNECT_MS = 2_000


class LiveLink(QObject):
    #: The indicator's words changed ("Live: connected", "Live: offline — 2 edits waiting").
    status_changed = Signal(str)
    #: The session is over for this window: why, in one sentence.
    ended = Signal(str)

    def __init__(self, session: MapSession, live: LiveMap, presence: Presence, scene) -> None:
        super().__init__(session)
        self.session = session
        self.live = live
        self.presence = presence
        self.overlay = PresenceLayer(scene)
        self.status = ""
        self.over = False
        session.take_back = live.take_back
        live.observe_last()
        session.selection_changed.connect(self._selection_changed)
        session.changed.connect(lambda *_: self.update_status())
        live.on_problem = session.error.emit
        live.schedule = lambda write: QTimer.singleShot(0, self, write)
        presence.add_change_callback(lambda: QTimer.singleShot(0, self._people_changed))
        self._tick = QTimer(self)
        self._tick.setInterval(PRESENCE_TICK_MS)
        self._tick.timeout.connect(presence.tick)
        self._tick.start()
        self._selection_changed(session.selected_step_ids, session.selected_link_ids)

    def _selection_changed(self, step_ids, link_ids) -> None:
        if not self.over:
            self.presence.set_selection([*step_ids, *link_ids])

    def _people_changed(self) -> None:
        if self.over:
            return
        self.overlay.show(
            Seen(p.name, p.colour, p.selection, p.editing) for p in self.presence.others().values()
        )

    def follow_map(self) -> None:
        """The map changed: the outlines follow their cards."""
        self.overlay.refresh()

    def set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            try:
                self.status_changed.emit(text)
            except RuntimeError:  # the window went first (the app is quitting)
                pass

    def update_status(self) -> None:
        """Recompute the indicator (subclasses)."""

    def _finish(self, reason: str) -> None:
        """Stop following: the window's map stays an ordinary, editable map."""
        if self.over:
            return
        self.over = True
        self._tick.stop()
        self.session.take_back = None
        self.session.undo_stack.clear()  # its entries were taken back the session's way
        self.overlay.show([])
        self.live.close()
        self.set_status("")
        self.ended.emit(reason)


class HostLink(LiveLink):
    participants_changed = Signal()
    code_changed = Signal(str)

    def __init__(self, session: MapSession, scene, *, name: str, colour: str) -> None:
        hosting: Hosting = start_hosting(session.document, name=name, colour=colour)
        super().__init__(session, hosting.live, hosting.presence, scene)
        self.hosting = hosting
        self.server = QtHost(hosting.session, self)
        hosting.session.on_code_changed = self.code_changed.emit
        hosting.session.on_participants_changed = self._participants_changed
        self.address = ""

    def listen(self, host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> str:
        """Start serving (on any free port when ``port`` is taken); the address to join."""
        try:
            bound_host, bound_port = self.server.start(host, port)
        except OSError:
            bound_host, bound_port = self.server.start(host, 0)
        self.address = reachable_address(bound_host, bound_port)
        self.update_status()
        return self.address

    @property
    def code(self) -> str:
        return self.hosting.session.code

    def new_code(self) -> str:
        return self.hosting.session.new_code()

    def participants(self) -> list[Participant]:
        return self.hosting.session.participants()

    def _participants_changed(self) -> None:
        self.participants_changed.emit()
        self.update_status()

    def update_status(self) -> None:
        if not self.over:
            people = len(self.participants())
            self.set_status(
                ngettext(
                    "Live: hosting, {n} person joined", "Live: hosting, {n} people joined", people
                ).format(n=people)
            )

    def end(self) -> None:
        if not self.over:
            self.server.stop()
            self._finish(_("You ended the live session; the map stays as it is."))


class JoinLink(LiveLink):
    def __init__(
        self,
        session: MapSession,
        scene,
        *,
        live: LiveMap,
        presence: Presence,
        join: QtJoin,
        address: tuple[str, int],
    ) -> None:
        super().__init__(session, live, presence, scene)
        self.join = join
        self.join.setParent(self)
        self.address = address
        self.joined: JoinSession = join.session
        self.joined.on_closed = self._closed
        self.joined.on_merged = live.refresh
        join.on_unreachable = lambda _reason: self._retry_later()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RECONNECT_MS)
        self._retry.timeout.connect(self._reconnect)
        self.reconnecting = False
        # after the session's own listener (which counts what waits), so the count is new
        live.shared.add_listener(self._shared_changed)
        self.update_status()

    def _shared_changed(self, _update: bytes, _source: object) -> None:
        self.update_status()

    def _finish(self, reason: str) -> None:
        self.live.shared.remove_listener(self._shared_changed)
        super()._finish(reason)

    def _closed(self, reason: str, fatal: bool) -> None:
        if self.over:
            return
        if fatal or self.joined.host_ended:
            self.joined.leave()
            self._finish(reason)
            return
        self.reconnecting = True
        self.update_status()
        self._retry.start()

    def _retry_later(self) -> None:
        if not self.over:
            self.reconnecting = False  # the host is not there: offline until it answers
            self.update_status()
            self._retry.start()

    def _reconnect(self) -> None:
        if not self.over and not self.joined.connected:
            self.reconnecting = True
            self.update_status()
            self.join.connect_to(*self.address)

    def update_status(self) -> None:
        if self.over:
            return
        if self.joined.connected:
            self.reconnecting = False
            self.set_status(_("Live: connected"))
        elif self.reconnecting and not self.joined.waiting_edits:
            self.set_status(_("Live: reconnecting…"))
        else:
            waiting = self.joined.waiting_edits
            self.set_status(
                ngettext(
                    "Live: offline, {n} edit waiting", "Live: offline, {n} edits waiting", waiting
                ).format(n=waiting)
            )

    def leave(self) -> None:
        if not self.over:
            self._retry.stop()
            self.join.close()
            self.joined.leave()
            self._finish(_("You left the live session; your copy stays as it is, editable."))


class JoinAttempt(QObject):
    """Pairing and the first sync, before the copy's window exists."""

    #: The copy exists and follows the session (the LiveMap).
    copied = Signal(object)
    #: The join failed: one sentence (wrong code, another map or version, no host).
    failed = Signal(str)

    def __init__(
        self, address: tuple[str, int], copy_path: Path, *, code: str, name: str, colour: str
    ) -> None:
        super().__init__()
        self.address = address
        self.joining = start_joining(copy_path, code=code, name=name, colour=colour)
        self.join = QtJoin(self.joining.session, self)
        self.joining.on_copy = self.copied.emit
        self.joining.session.on_closed = self._closed
        self.join.on_unreachable = lambda reason: self._fail(
            _("No live session answers at {host}:{port} ({reason}).").format(
                host=address[0], port=address[1], reason=reason.rstrip(".")
            )
        )

    def start(self) -> None:
        self.join.connect_to(*self.address)

    def _closed(self, reason: str, _fatal: bool) -> None:
        if self.joining.live is None:
            self._fail(reason)

    def _fail(self, reason: str) -> None:
        self.joining.session.leave()
        self.failed.emit(reason)
