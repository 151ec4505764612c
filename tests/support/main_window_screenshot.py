"""Render the README's main-window screenshots (offscreen, no display):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.support.main_window_screenshot DOCS

``DOCS/screenshot-light.png``: the B2B template, light theme, the Sales → Legal handoff
gap picked in the findings panel (the inspector ready for its agreement).
``DOCS/screenshot-dark.png``: a generated 60-step workshop map in the dark theme.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from laneway.io.templates import load_template
from laneway.operations.creating import create_map_file
from laneway.ui.app.controller import AppController
from laneway.ui.app.main import make_application
from laneway.ui.app.settings import Settings
from tests.support.maps import workshop_map


def _settle(window) -> None:
    window.session.refresh_report()
    for _ in range(8):
        QApplication.processEvents()
    window.scene.finish_routing()
    QApplication.processEvents()


def _hide_left_docks(window) -> None:
    for dock in window.docks:
        if window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea:
            dock.hide()


def light(controller, folder: Path, out: Path) -> None:
    path = folder / "B2B.laneway"
    create_map_file(path, load_template("b2b"))
    window = controller.open_path(path)
    window.resize(1600, 980)
    _hide_left_docks(window)
    _settle(window)
    journey = window.session.journey
    gap = next(link for link in journey.links.values() if journey.is_gap(link))
    window.scene.select_ids([], [gap.id])  # as a click on it does; the inspector follows
    _settle(window)
    window.view.fit_rect(window.scene.itemsBoundingRect())
    QApplication.processEvents()
    window.grab().save(str(out))
    window.close()


def dark(controller, folder: Path, out: Path) -> None:
    controller.set_theme("dark")
    path = folder / "Workshop.laneway"
    create_map_file(path, workshop_map(60))
    window = controller.open_path(path)
    window.resize(1600, 980)
    _hide_left_docks(window)
    _settle(window)
    window.view.fit_rect(window.scene.itemsBoundingRect())
    _settle(window)
    window.grab().save(str(out))
    window.close()
    controller.set_theme("light")


def main(folder: Path) -> None:
    app = make_application()
    controller = AppController(app, Settings())
    with tempfile.TemporaryDirectory() as work:
        light(controller, Path(work), folder / "screenshot-light.png")
        dark(controller, Path(work), folder / "screenshot-dark.png")
    controller.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
