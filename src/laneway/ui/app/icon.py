"""The app's icon, from ``resources/icons/``: every PNG size, for the app and each window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from laneway.resources import resource_file

#: The sizes packaging/make_icons.py renders from the SVG master.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """One icon with each rendered size, so Qt never scales a small one up."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_file(f"icons/laneway-{size}.png")), QSize(size, size))
    return icon


def install_app_icon(app: QApplication) -> QIcon:
    """Give the app its icon: each window and dialog without one of its own shows it."""
    icon = app_icon()
    app.setWindowIcon(icon)
    return icon
