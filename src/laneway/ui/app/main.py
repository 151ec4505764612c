"""The app's entry point: QApplication, theme, start screen or maps, error dialogs."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox

from laneway import __version__
from laneway.resources import app_icon_file

#: Room for the cards' cached pictures: a few hundred cards at 2x.
PIXMAP_CACHE_KB = 128 * 1024


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or ["laneway"])
    app.setApplicationName("Laneway")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Laneway")
    app.setDesktopFileName("org.laneway.Laneway")  # packaging/linux/org.laneway.Laneway.desktop
    app.setWindowIcon(QIcon(str(app_icon_file())))
    # Cards are painted once per zoom level into pixmaps kept here; Qt's 10 MB default
    # holds only a few dozen cards on a 2x screen, so panning would repaint them all.
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    return app


def install_error_dialog() -> None:
    """Unexpected errors become a dialog with one sentence, not a vanished app."""

    def hook(kind, error, tb) -> None:
        traceback.print_exception(kind, error, tb)
        app = QApplication.instance()
        if app is None:
            return
        QMessageBox.critical(None, "Laneway", crash_sentence(kind, error, app))

    sys.excepthook = hook


def crash_sentence(kind: type, error: BaseException, app) -> str:
    """What went wrong and, truthfully, where the user's work is."""
    sentence = (
        f"Something went wrong ({kind.__name__}: {error}). Laneway writes each change to the "
        "map file as it is made and never half of one, so the file holds every change that "
        "was written; close and reopen the map to see exactly what it holds."
    )
    controller = getattr(app, "_laneway_controller", None)
    for window in getattr(controller, "windows", {}).values():
        reason = window.session.document.read_only_reason
        if reason and reason != "opened read-only":
            sentence += (
                f" Changes to {window.session.document.path.name} were not saved since: {reason}."
            )
    return sentence


def run_app(paths: list[str], demo: bool = False) -> int:
    from laneway.ui.app.controller import AppController

    app = make_application(sys.argv[:1])
    install_error_dialog()
    controller = AppController(app)
    opened = []
    if demo:
        opened.append(controller.open_demo())
    for path in paths:
        opened.append(controller.open_path(Path(path)))
    if not any(opened):
        controller.show_start_screen()
    app._laneway_controller = controller  # type: ignore[attr-defined]
    if os.environ.get("LANEWAY_QUIT_AFTER_MS", "").isdigit():  # smoke tests (.ci/run)
        QTimer.singleShot(int(os.environ["LANEWAY_QUIT_AFTER_MS"]), app.closeAllWindows)
    return app.exec()
