"""The app as a desktop citizen (issue 11, items 4, 6 and 7): its icon on every window,
macOS's open-file event, the crash dialog and the log, the remembered window layout and
a theme that follows the system's light/dark switch."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from laneway.resources import resource_file
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFileOpenEvent, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from laneway import applog
from laneway.ui.app import main as app_main
from laneway.ui.app.controller import AppController
from laneway.ui.app.file_open import install_file_open_handler
from laneway.ui.app.settings import Settings
from laneway.ui.app.themes import WIDGET_COLORS
from laneway.ui.dialogs.crash import CrashDialog
from tests.conftest import build_map


def _same_picture(icon, size: int) -> bool:
    shown = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    shipped = QImage(str(resource_file(f"icons/laneway-{size}.png"))).convertToFormat(
        QImage.Format.Format_ARGB32
    )
    return shown == shipped


# ------------------------------------------------------------------------ icon
def test_every_window_shows_the_app_icon_at_each_size(controller, main_window, qtbot):
    start = controller.show_start_screen()
    dialog = CrashDialog("Something went wrong.", "Traceback ...", Path("laneway.log"), main_window)
    qtbot.addWidget(dialog)
    for window in (main_window, start, dialog):
        icon = window.windowIcon()
        assert not icon.isNull(), window
        assert sorted(s.width() for s in icon.availableSizes()) == [
            16,
            24,
            32,
            48,
            64,
            128,
            256,
            512,
        ]
        assert _same_picture(icon, 32) and _same_picture(icon, 256)
    start.close()


# ----------------------------------------------------------- macOS file-open event
def test_a_file_open_event_opens_the_map(controller, qapp, tmp_path, qtbot):
    from laneway.store import create_map

    path = create_map(tmp_path / "from finder.laneway", build_map(title="From Finder"))
    handler = install_file_open_handler(qapp, controller.open_path)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(path)))
        assert path.resolve() in controller.windows
        window = controller.windows[path.resolve()]
        assert window.isVisible() and window.session.journey.info.title == "From Finder"
        QApplication.sendEvent(qapp, QFileOpenEvent(str(path)))  # again: the same window
        assert list(controller.windows.values()) == [window]
    finally:
        qapp.removeEventFilter(handler)
        handler.deleteLater()


# -------------------------------------------------------------- crash and log
@pytest.fixture
def log_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv(applog.LOG_DIR_ENV, str(folder))
    return folder


def _raised() -> tuple:
    try:
        {}["missing card"]
    except KeyError:
        return sys.exc_info()
    raise AssertionError("unreachable")


def test_the_excepthook_writes_the_traceback_to_the_log_and_shows_the_dialog(
    qapp, log_dir, monkeypatch
):
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app_main.install_error_dialog()
    sys.excepthook(*_raised())
    text = (log_dir / "laneway.log").read_text(encoding="utf-8")
    assert "Unexpected error in the app" in text and "Traceback (most recent call last):" in text
    assert "KeyError: 'missing card'" in text and '{}["missing card"]' in text
    [dialog] = shown
    assert str(log_dir / "laneway.log") in dialog.message.text()
    assert dialog.message.text().startswith("Something went wrong (KeyError: 'missing card').")
    assert "KeyError: 'missing card'" in dialog.details.toPlainText()
    dialog.deleteLater()


def test_the_crash_dialog_copies_the_log_path_and_the_traceback(qapp, log_dir, qtbot):
    dialog = app_main.report_unexpected(*_raised())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert f"Log file: {log_dir / 'laneway.log'}" in copied
    assert "Traceback (most recent call last):" in copied and "KeyError: 'missing card'" in copied
    assert dialog.isVisible(), "copying does not close the dialog"
    assert dialog.copy_button.text() == "Copied"
    dialog.close()


def test_qt_warnings_go_to_the_log(log_dir):
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    app_main.log_qt_warning(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::end: nope")
    app_main.log_qt_warning(QtMsgType.QtDebugMsg, QMessageLogContext(), "chatter")
    text = (log_dir / "laneway.log").read_text(encoding="utf-8")
    assert "WARNING" in text and "Qt: QPainter::end: nope" in text and "chatter" not in text


# ----------------------------------------------------------- remembered layout
def test_the_window_layout_is_remembered_for_the_next_window(qapp, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(AppController, "show_error", lambda self, parent, sentence: None)
    first_app = AppController(qapp, Settings.load())
    window = first_app.open_path(map_file)
    qtbot.waitExposed(window)
    findings = next(d for d in window.docks if d.windowTitle() == "Findings")
    assert window.dockWidgetArea(findings) == Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, findings)  # moved to the left
    history = next(d for d in window.docks if d.windowTitle() == "History")
    history.setVisible(False)
    window.resize(780, 560)  # within the offscreen screen (800 x 600): restoring clamps to it
    window.move(QPoint(12, 20))
    qtbot.waitUntil(lambda: window.size().width() == 780)
    window.resizeDocks([findings], [300], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    width_before = findings.width()
    geometry_before = window.geometry()
    window.close()
    QApplication.processEvents()

    second_app = AppController(qapp, Settings.load())  # the next start reads the file
    again = second_app.open_path(map_file)
    qtbot.waitExposed(again)
    QApplication.processEvents()
    try:
        moved = next(d for d in again.docks if d.windowTitle() == "Findings")
        assert again.dockWidgetArea(moved) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert not next(d for d in again.docks if d.windowTitle() == "History").isVisible()
        assert again.size() == geometry_before.size()
        assert abs(moved.width() - width_before) <= 2
    finally:
        again.close()
        first_app.shutdown()
        second_app.shutdown()


def test_a_damaged_layout_is_ignored(controller, map_file, qtbot):
    controller.settings.window_geometry = "bm90IGEgbGF5b3V0"  # "not a layout"
    controller.settings.window_state = "bm90IGEgbGF5b3V0"
    window = controller.open_path(map_file)
    qtbot.waitExposed(window)
    assert window.size().width() == 1500  # the default


# ------------------------------------------------------------ following the system
def _window_color() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_the_system_theme_is_followed_while_running(controller, main_window):
    hints = QGuiApplication.styleHints()
    controller.settings.theme = "system"
    light, dark = WIDGET_COLORS[QPalette.ColorRole.Window]
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert controller.dark and _window_color() == dark
        assert main_window.appearance.style.name == "dark"
        assert main_window.scene.style.background == "#16191d"
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not controller.dark and _window_color() == light
        assert main_window.scene.style.name == "light"
        controller.settings.theme = "light"  # chosen by the user: the system is not followed
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert not controller.dark and _window_color() == light
    finally:
        controller.settings.theme = "system"
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
