"""The map window's size, place and dock layout, remembered for the user.

One layout for every map (not one per map): the window closed last sets how the next
one opens, whichever map it shows, so moving the findings to the left or widening the
inspector is done once. Kept in the settings file as Qt's own ``saveGeometry`` and
``saveState`` bytes (base64); a layout Qt cannot restore is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from laneway.ui.app.settings import Settings

#: Bump when the docks change so much that an old layout would misplace them.
LAYOUT_VERSION = 1


def remember(window: QMainWindow, settings: Settings) -> None:
    if window.isFullScreen():  # presentation mode is not a layout to come back to
        return
    settings.window_geometry = _text(window.saveGeometry())
    settings.window_state = _text(window.saveState(LAYOUT_VERSION))
    settings.save()


def restore(window: QMainWindow, settings: Settings) -> bool:
    """Give ``window`` the remembered layout; False when there is none (or it is unusable)."""
    if not settings.window_geometry:
        return False
    restored = window.restoreGeometry(_bytes(settings.window_geometry))
    if settings.window_state:
        restored = window.restoreState(_bytes(settings.window_state), LAYOUT_VERSION) and restored
    return restored


def _text(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _bytes(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))
