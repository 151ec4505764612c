"""File → Host Live Session and File → Join Live Session, and the status-bar indicator.

Each window has one ``LiveCommands``. Hosting turns the window's own map into the
session's (``HostLink``); joining pairs first (``JoinAttempt``) and, once the copy
exists, opens it in a window of its own that follows the session (``JoinLink``).
Without the optional packages (``laneway[collab]``) both say how to get them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from laneway.i18n import N_, _
from laneway.store.sync_log import read_updates
from laneway.sync import extra
from laneway.sync.addresses import colour_for, default_name, parse_address
from laneway.ui.dialogs.live_host import LiveHostDialog
from laneway.ui.dialogs.live_join import JoinRequest, LiveJoinDialog
from laneway.ui.widgets.accessible import describe

MISSING = N_(
    "Live sessions need the optional live-session packages, which are not installed. "
    'Install them with: pip install "laneway[collab]"'
)
INDICATOR_STYLE = "QLabel {{ color: {}; font-weight: bold; padding: 0 8px; }}"


class LiveCommands:
    def __init__(self, window: QMainWindow, *, discovery: bool | None = None) -> None:
        """``window``: a MainWindow; ``discovery``: announce and browse with mDNS (by
        default unless ``LANEWAY_NO_DISCOVERY=1``)."""
        from laneway.sync.discovery import enabled

        self.window = window
        self.discovery = enabled() if discovery is None else discovery
        #: Where a hosted session listens (every interface: the room joins over Wi-Fi).
        self.listen_host = "0.0.0.0"
        self.link = None
        self.host_dialog: LiveHostDialog | None = None
        self.attempt = None
        self.announcer = None
        self.indicator = QLabel()
        self.indicator.setObjectName("liveIndicator")
        describe(self.indicator, _("Live session"), _("Whether this map is connected to a session"))
        self.indicator.setVisible(False)
        window.statusBar().addPermanentWidget(self.indicator)
        self._watching_focus = True
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Typing in the inspector about one selected step or link: others see "editing"."""
        if self.link is None or self.link.over:
            return
        session = self.window.session
        chosen = [*session.selected_step_ids, *session.selected_link_ids]
        inspecting = new is not None and self.window.inspector.isAncestorOf(new)
        self.link.presence.set_editing(chosen[0] if inspecting and len(chosen) == 1 else None)

    def label_actions(self, actions) -> None:
        """Without the optional packages the menu items say how to get them."""
        if not self.available():
            for key in ("live_host", "live_join"):
                tip = _('Needs the live-session packages: pip install "laneway[collab]"')
                actions[key].setStatusTip(tip)
                actions[key].setToolTip(tip)
                actions[key].setText(actions[key].text().replace("…", " (needs laneway[collab])…"))

    def commands(self) -> dict[str, object]:
        return {"live_host": self.host, "live_join": self.join}

    @staticmethod
    def available() -> bool:
        return extra.available()

    # ------------------------------------------------------------------ host
    def host(self) -> None:
        if not self.available():
            QMessageBox.information(self.window, _("Live session"), _(MISSING))
            return
        from laneway.ui.window.live_session import HostLink, JoinLink

        if isinstance(self.link, JoinLink):
            QMessageBox.information(
                self.window,
                _("Live session"),
                _(
                    "This copy follows another laptop's session; leave it first (File → Join "
                    "Live Session shows how), or host from your own map."
                ),
            )
            return
        if self.link is None:
            if self.window.session.read_only:
                self.window.show_error(_("A read-only map cannot be shared in a live session."))
                return
            name = default_name()
            link = HostLink(
                self.window.session, self.window.scene, name=name, colour=colour_for(name)
            )
            try:
                address = link.listen(self.listen_host)
            except OSError as error:
                link.end()
                self.window.show_error(
                    _("The session could not listen on the network ({error}).").format(error=error)
                )
                return
            self._attach(link)
            if self.discovery:
                self._announce(link, address, name)
        if self.host_dialog is None:
            self.host_dialog = LiveHostDialog(self.window, self.link)
            self.host_dialog.destroyed.connect(lambda: setattr(self, "host_dialog", None))
        self.host_dialog.show()
        self.host_dialog.raise_()

    def _announce(self, link, address: str, name: str) -> None:
        from laneway.ui.window.live_discovery import announce

        host, port = parse_address(address)
        self.announcer = announce(
            host, port, map_id=link.live.map_id,
            title=self.window.session.journey.info.title, host_name=name,
        )  # fmt: skip

    # ------------------------------------------------------------------ join
    def join(self) -> None:
        if not self.available():
            QMessageBox.information(self.window, _("Live session"), _(MISSING))
            return
        from laneway.ui.window.live_session import JoinLink

        if isinstance(self.link, JoinLink):
            answer = QMessageBox.question(
                self.window,
                _("Live session"),
                _("This copy is in a live session. Leave it? The copy stays as it is, editable."),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.link.leave()
            return
        dialog = self.join_dialog()
        browser = getattr(dialog, "browser", None)
        accepted = dialog.exec()
        if browser is not None:
            browser.close()
        if accepted and dialog.request is not None:
            self.start_join(dialog.request)

    def join_dialog(self) -> LiveJoinDialog:
        """The dialog, browsing the network when discovery is on."""
        document = self.window.session.document
        was_live = (
            self.link is None and not document.read_only and bool(read_updates(document.store.db))
        )
        dialog = join_dialog_for(
            self.window, discovery=self.discovery, folder=Path(document.path).parent,
            rejoin=document.path.name if was_live else None,
        )  # fmt: skip
        self.window.tools.last_dialog = dialog
        return dialog

    def start_join(self, request: JoinRequest) -> None:
        if request.copy_path is None:
            self.start_rejoin(request)
            return
        self.window.show_notice(
            _("Joining {host}:{port}…").format(host=request.host, port=request.port)
        )
        self.attempt = begin_join(request, self.window.host, self._join_failed, self._joined)

    def _joined(self) -> None:
        self.attempt = None
        self.window.notice.setVisible(False)  # "Joining…" is over
        self.window.statusBar().clearMessage()

    def start_rejoin(self, request: JoinRequest) -> None:
        """Join with this window's map, a copy that was in the session before: what was
        done on either side meanwhile merges both ways."""
        from laneway.sync.sessions import rejoin
        from laneway.ui.window.live_session import JoinLink
        from laneway.ui.window.live_transport import QtJoin

        again = rejoin(self.window.session.document, code=request.code, name=request.name,
                       colour=colour_for(request.name))  # fmt: skip
        link = JoinLink(
            self.window.session, self.window.scene, live=again.live, presence=again.presence,
            join=QtJoin(again.session), address=(request.host, request.port),
        )  # fmt: skip
        self._attach(link)
        link.reconnecting = True
        link.update_status()
        link.join.connect_to(request.host, request.port)

    def _join_failed(self, reason: str) -> None:
        self.attempt = None
        self.window.show_error(reason)

    # ---------------------------------------------------------------- shared
    def attach(self, link) -> None:
        self._attach(link)

    def _attach(self, link) -> None:
        self.link = link
        link.status_changed.connect(self._show_status)
        link.ended.connect(self._ended)
        self._show_status(link.status)

    def _show_status(self, text: str) -> None:
        colour = "#1e8449" if "connected" in text or "hosting" in text else "#b9770e"
        self.indicator.setStyleSheet(INDICATOR_STYLE.format(colour))
        self.indicator.setText(f"● {text}" if text else "")
        self.indicator.setAccessibleName(text or _("Not in a live session"))
        self.indicator.setVisible(bool(text))

    def _ended(self, reason: str) -> None:
        self.link = None
        self._stop_announcing()
        self.window.show_notice(reason)

    def _stop_announcing(self) -> None:
        if self.announcer is not None:
            announcer, self.announcer = self.announcer, None
            announcer.close()

    def follow_map(self) -> None:
        if self.link is not None:
            self.link.follow_map()

    def close(self) -> None:
        """The window closes: end or leave the session; every copy stays editable."""
        if self._watching_focus:
            self._watching_focus = False
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
        link, self.link = self.link, None
        if link is not None:
            link.ended.disconnect(self._ended)
            if hasattr(link, "end"):
                link.end()
            else:
                link.leave()
        self._stop_announcing()
        if self.host_dialog is not None:
            self.host_dialog.close()


def join_dialog_for(
    parent: QWidget | None, *, discovery: bool, folder: Path, rejoin: str | None = None
) -> LiveJoinDialog:
    """The Join dialog, browsing the network when ``discovery`` (its ``browser`` is to be
    closed by whoever runs it)."""
    browser = None
    if discovery:
        from laneway.ui.window.live_discovery import QtBrowser

        browser = QtBrowser()
        if not browser.start():
            browser = None
    dialog = LiveJoinDialog(
        parent, browser=browser, name=default_name(), folder=folder, rejoin=rejoin
    )
    dialog.browser = browser  # type: ignore[attr-defined]
    return dialog


def begin_join(request: JoinRequest, host, on_failed, on_joined=None):
    """Pair and copy; then open the copy in a window of ``host`` (a WindowHost) that
    follows the session. The JoinAttempt is returned: keep it until it is done."""
    from laneway.ui.window.live_session import JoinAttempt, JoinLink

    assert request.copy_path is not None
    attempt = JoinAttempt(
        (request.host, request.port), request.copy_path,
        code=request.code, name=request.name, colour=colour_for(request.name),
    )  # fmt: skip

    def copied(live) -> None:
        if on_joined is not None:
            on_joined()
        window = host.open_document(live.document)
        link = JoinLink(
            window.session, window.scene, live=live, presence=attempt.joining.presence,
            join=attempt.join, address=attempt.address,
        )  # fmt: skip
        window.live.attach(link)
        window.show_notice(
            _("You joined the live session; this copy is {name}.").format(
                name=live.document.path.name
            )
        )

    attempt.failed.connect(on_failed)
    attempt.copied.connect(copied)
    attempt.start()
    return attempt
