"""zeroconf on its own threads, its results on the GUI thread.

``QtBrowser`` wraps ``sync.discovery.Browser``: zeroconf calls back on its thread, and
emitting a signal of this GUI-thread object from there queues the call into the GUI
thread's event loop (Qt's automatic queued connection), so the join dialog only ever
sees the records on its own thread. Starting either one is left to the user's action
(File → Host / Join Live Session); tests never start mDNS.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from laneway.sync.discovery import Announcer, Browser


def _in_background(work: Callable[[], None]) -> threading.Thread:
    """zeroconf's start and close send packets and wait for answers (a second or two):
    never on the GUI thread. A failure of discovery never stops the session."""

    def run() -> None:
        try:
            work()
        except Exception:  # no network, no multicast, a name conflict: no announcement
            pass

    thread = threading.Thread(target=run, name="laneway-zeroconf", daemon=True)
    thread.start()
    return thread


class QtBrowser(QObject):
    found = Signal(object)
    lost = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._browser: Browser | None = None

    def start(self) -> bool:
        """Browse (on zeroconf's threads); False when the network refuses at once."""
        try:
            self._browser = Browser(self.found.emit, self.lost.emit)
        except Exception:  # no interface, no multicast, zeroconf missing
            return False
        return True

    def close(self) -> None:
        if self._browser is not None:
            browser, self._browser = self._browser, None
            _in_background(browser.close)


class BackgroundAnnouncer:
    """Announce a hosted session from a thread of its own; ``close`` withdraws it."""

    def __init__(self, address: str, port: int, *, map_id: str, title: str, host_name: str):
        self._announcer: Announcer | None = None

        def start() -> None:
            self._announcer = Announcer(
                address, port, map_id=map_id, title=title, host_name=host_name
            )

        self._starting = _in_background(start)

    def close(self) -> None:
        def stop() -> None:
            self._starting.join()
            if self._announcer is not None:
                self._announcer.close()

        _in_background(stop)


def announce(address: str, port: int, *, map_id: str, title: str, host_name: str):
    """Announce a hosted session; returns at once (the work is on another thread)."""
    return BackgroundAnnouncer(address, port, map_id=map_id, title=title, host_name=host_name)
