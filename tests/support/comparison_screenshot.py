"""Render the README's screenshot of a snapshot comparison (offscreen, no display):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.support.comparison_screenshot OUT.png

The B2B template as a first workshop left it, frozen as "Workshop 1"; then a second
session agrees the Marketing → Sales handoff, gives the billing question to Finance,
adds a step and drops another; Map → Snapshots → Compare shows what changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from laneway.io.templates import load_template
from laneway.operations.creating import create_map_file
from laneway.ui.app.controller import AppController
from laneway.ui.app.main import make_application
from laneway.ui.app.settings import Settings
from laneway.ui.editing import steps


def second_session(window) -> None:
    session = window.session
    journey = session.journey
    gap = journey.link_between("s4", "s5").id
    steps.set_link_field(session, gap, "agreement", "Demo booked, company size known")
    finance = journey.department_by_name("Finance").id
    steps.set_step_field(session, "s14", "department_id", finance)
    steps.delete(session, ["s13"])
    sales = journey.department_by_name("Sales").id
    renewal = journey.stage_by_name("Retention").id
    added = steps.add_step(session, sales, renewal, (16, 140), "Upsell call")
    steps.link_steps(session, "s16", added)


def added_step(window) -> str:
    return next(s.id for s in window.session.journey.steps.values() if s.title == "Upsell call")


def main(out: Path) -> None:
    app = make_application()
    controller = AppController(app, Settings())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "B2B workshop.laneway"
        create_map_file(path, load_template("b2b"))
        window = controller.open_path(path)
        window.resize(1600, 940)
        window.session.document.take_snapshot("Workshop 1")
        second_session(window)
        window.tools.snapshots.compare("Workshop 1")
        window.session.refresh_report()
        window.session.set_selection([], [])
        window.scene.clearSelection()
        for _ in range(5):
            QApplication.processEvents()
        from PySide6.QtCore import QRectF, Qt

        for dock in window.docks:  # the left docks: more room for the map
            if window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea:
                dock.hide()
        findings = window.docks[1]
        window.resizeDocks(
            [findings, window.tools.comparison_dock], [260, 440], Qt.Orientation.Vertical
        )
        for _ in range(5):
            QApplication.processEvents()
        # From the gap closed (Requests a demo → Qualify lead) to the step added.
        shown = QRectF()
        for step in ("s4", "s14", added_step(window)):
            shown = shown.united(window.scene.step_item(step).sceneBoundingRect())
        window.view.fit_rect(shown.adjusted(-30, -120, 30, 60))
        QApplication.processEvents()
        window.grab().save(str(out))
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
