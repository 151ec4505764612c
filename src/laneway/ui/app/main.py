"""The app's entry point: QApplication, one app per user, theme, start screen or maps,
the log and the crash dialog."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication

from laneway import __version__, applog
from laneway.i18n import _
from laneway.ui.app.icon import install_app_icon
from laneway.ui.app.single_instance import InstanceServer, hand_off, request_for
from laneway.ui.dialogs.crash import CrashDialog

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
    install_app_icon(app)
    # Cards are painted once per zoom level into pixmaps kept here; Qt's 10 MB default
    # holds only a few dozen cards on a 2x screen, so panning would repaint them all.
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    return app


def crash_sentence(kind: type, error: BaseException, app) -> str:
    """What went wrong and, truthfully, where the user's work is."""
    sentence = _(
        "Something went wrong ({name}: {error}). Laneway writes each "
        "change to the map file as it is made and never half of one, "
        "so the file holds every change that was written; close and "
        "reopen the map to see exactly what it holds."
    ).format(name=kind.__name__, error=error)
    controller = getattr(app, "_laneway_controller", None)
    for window in getattr(controller, "windows", {}).values():
        reason = window.session.document.read_only_reason
        if reason and reason != _("opened read-only"):
            sentence += _(" Changes to {name} were not saved since: {reason}.").format(
                name=window.session.document.path.name, reason=reason
            )
    return sentence


def report_unexpected(kind, error, tb) -> CrashDialog | None:
    """Log an unexpected error with its traceback and make the dialog that says so.

    None when there is no application to show a dialog in (the traceback is logged).
    """
    text = applog.log_unexpected(kind, error, tb, _("the app"))
    sys.stderr.write(text)
    app = QApplication.instance()
    if app is None:
        return None
    return CrashDialog(crash_sentence(kind, error, app), text, applog.log_path())


def install_error_dialog() -> None:
    """Unexpected errors become the log's traceback and a dialog, not a vanished app."""

    def hook(kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        dialog = report_unexpected(kind, error, tb)
        if dialog is not None:
            dialog.exec()

    sys.excepthook = hook


def log_qt_warning(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings and errors go to the log (and still to stderr); its chatter does not."""
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        return
    sys.stderr.write(f"{message}\n")
    applog.log_warning(f"Qt: {message}")


def run_app(paths: list[str], demo: bool = False) -> int:
    request = request_for(paths, demo)
    if hand_off(request):  # a Laneway runs already: it opens the maps
        return 0
    applog.logger()  # from now on, warnings go to the log too
    app = make_application(sys.argv[:1])
    install_error_dialog()
    qInstallMessageHandler(log_qt_warning)
    server = InstanceServer(parent=app)
    if not server.listen() and hand_off(request):  # one started at the same moment
        return 0
    from laneway.ui.app.controller import AppController
    from laneway.ui.app.file_open import install_file_open_handler

    controller = AppController(app)
    install_file_open_handler(app, controller.open_path)
    server.open_requested.connect(controller.handle_request)
    controller.handle_request(request, raise_window=False)
    app._laneway_controller = controller  # type: ignore[attr-defined]
    if os.environ.get("LANEWAY_QUIT_AFTER_MS", "").isdigit():  # smoke tests (.ci/run)
        QTimer.singleShot(int(os.environ["LANEWAY_QUIT_AFTER_MS"]), app.closeAllWindows)
    code = app.exec()
    server.close()
    return code


__all__ = ["make_application", "report_unexpected", "run_app"]
