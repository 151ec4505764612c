"""zeroconf on its own threads, its results on the GUI thread.

``QtBrowser`` wraps ``sync.discovery.Browser``: zeroconf calls back on its thread, and
emitting a signal of this GUI-thread object from there queues the call into the GUI
thread's event loop (Qt's automatic queued connection), so the join dialog only ever
sees the records on its own thread. Starting either one is left to the user's action
(File → Host / Join Live Session); tests never start mDNS.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from laneway.sync.discovery import Announcer, Browser


class QtBrowser(QObject):
    found = Signal(object)
    lost = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._browser: Browser | None = None

    def start(self) -> bool:
        """Browse; False when the network refuses (no interface, no multicast)."""
        try:
            self._browser = Browser(self.found.emit, self.lost.emit)
        except (OSError, ImportError):
            return False
        return True

    def close(self) -> None:
        if self._browser is not None:
            browser, self._browser = self._browser, None
            browser.close()


def announce(address: str, port: int, *, map_id: str, title: str, host_name: str):
    """Announce a hosted session (None when the network refuses it)."""
    try:
        return Announcer(address, port, map_id=map_id, title=title, host_name=host_name)
    except (OSError, ImportError):
        return None
