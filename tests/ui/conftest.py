"""Fixtures for driving the real app: a controller, a main window on a map file.

Every test must leave no top-level window open (napari-style leak check).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from laneway.document import Document
from laneway.ui.app.controller import AppController
from laneway.ui.app.settings import Settings
from laneway.ui.editing.session import MapSession


@pytest.fixture(scope="session", autouse=True)
def clipboard_emptied_before_exit(qapp):
    """The clipboard deletes the QMimeData a copy gave it when Qt's statics are torn down,
    after Python has gone: that crashed the test run at exit (status 139). Empty it while
    Python is still there."""
    yield
    QApplication.clipboard().clear()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    yield
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and w.windowType() == Qt.WindowType.Window
    ]
    for widget in leaked:
        widget.close()
    assert not leaked, f"test left windows open: {[w.windowTitle() for w in leaked]}"


@pytest.fixture
def controller(qapp, monkeypatch):
    ctl = AppController(qapp, Settings())
    ctl.errors = []
    monkeypatch.setattr(ctl, "show_error", lambda parent, sentence: ctl.errors.append(sentence))
    yield ctl
    for window in list(ctl.windows.values()):
        window.close()
    if ctl.start_screen is not None:
        ctl.start_screen.close()
    ctl.shutdown()
    QApplication.processEvents()


@pytest.fixture
def session(map_file: Path):
    """An editing session on the sample map, for testing one panel on its own."""
    session = MapSession(Document.open(map_file))
    yield session
    session.close()


def shown(widget, qtbot, width: int, height: int):
    """Show a panel at a size, as a user would see it, and wait until it is on screen."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def main_window(controller, map_file: Path, qtbot):
    window = controller.open_path(map_file)
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    window.session.refresh_report()
    return window


def step_id(window, title: str) -> str:
    return next(s.id for s in window.session.journey.steps.values() if s.title == title)


def view_point(window, scene_point: QPointF) -> QPoint:
    """Where a scene point is on the view's viewport, scrolled into view first."""
    window.view.ensureVisible(scene_point.x() - 5, scene_point.y() - 5, 10, 10, 80, 80)
    return window.view.mapFromScene(scene_point)


def card_center(window, step: str) -> QPoint:
    item = window.scene.step_item(step)
    return view_point(window, item.sceneBoundingRect().center() + QPointF(0, 6))


def send_mouse(widget, kind, pos: QPoint, button, buttons) -> None:
    """A real QMouseEvent (QTest cannot hold a button while moving)."""
    global_pos = widget.mapToGlobal(pos)
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(global_pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPoint, end: QPoint, steps: int = 8) -> None:
    left = Qt.MouseButton.LeftButton
    send_mouse(widget, QMouseEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        send_mouse(widget, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left)
    send_mouse(widget, QMouseEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)
