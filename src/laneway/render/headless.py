"""A Qt application for rendering, also where there is no display (the command line)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def ensure_application() -> QApplication:
    """The running QApplication, or a new one; offscreen when there is no display."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(["laneway"])
