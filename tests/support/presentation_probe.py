"""Run presentation mode on a real (offscreen) 1920×1080 screen and measure it.

Run as a program (the screen's size is fixed when Qt starts, so the test suite's own
800×800 offscreen screen cannot be used): ``QT_QPA_PLATFORM=offscreen:configfile=...
python -m tests.support.presentation_probe OUT.json [PNG_FOLDER]``. For each map and text
size it presses F11, measures the step titles' on-screen em height (the cards' own font,
scaled by the view) for the whole map, every stage range (PgDn) and every finding (→),
and writes the figures as JSON; with a folder it also saves screenshots.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from laneway.io.templates import load_template, template_names
from laneway.store import create_map
from laneway.ui.app.controller import AppController
from laneway.ui.app.settings import Settings
from tests.support.maps import workshop_map

#: The maps measured at the projector text size too.
LARGE_TOO = {"b2b", "generated-20"}


def _maps():
    yield from ((name, load_template(name)) for name in template_names())
    yield from ((f"generated-{n}", workshop_map(n)) for n in (13, 20, 40))


def _pump(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()


def _title_px(window) -> float:
    """The em height, in screen pixels, of the step titles as the cards draw them."""
    view = window.presentation.view
    scene = view.scene()
    card = next(item for item in scene.items() if hasattr(item, "_title_font"))
    return card._title_font.pointSizeF() * view.logicalDpiY() / 72.0 * view.zoom


def _measure(app, window, shots: Path | None, name: str) -> dict:
    presentation, view = window.presentation, window.presentation.view
    area = view.viewport().rect()
    grid = presentation.scene.grid.bounds
    figures = {
        "screen": [window.width(), window.height()],
        "full_screen": window.isFullScreen(),
        "steps": len(window.session.journey.steps),
        "arranged": presentation.arranged,
        "floor_px": presentation.floor_zoom() * presentation.title_px(1.0),
        "whole_px": _title_px(window),
        "whole_fill": max(
            grid.width * view.zoom / area.width(), grid.height * view.zoom / area.height()
        ),
        "ranges": [],
        "stops": [],
    }
    if shots is not None:
        window.grab().save(str(shots / f"{name}-whole.png"))
    for index in range(len(presentation.ranges)):
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        _pump(app, 3)
        stages = presentation.ranges[index]
        figures["ranges"].append({"stages": len(stages), "px": _title_px(window)})
        if shots is not None and index == 0:
            window.grab().save(str(shots / f"{name}-stages.png"))
    QTest.keyClick(view, Qt.Key.Key_F)
    for index in range(len(presentation.walk.stops)):
        QTest.keyClick(view, Qt.Key.Key_Right)
        _pump(app, 3)
        stop = presentation.walk.current
        rect = presentation._stop_rect(stop)
        floor_zoom = presentation.floor_zoom()
        fits = (rect.width() * floor_zoom <= area.width()
                and rect.height() * floor_zoom <= area.height() * 0.6)  # fmt: skip
        figures["stops"].append(
            {
                "rule": stop.finding.rule,
                "steps": len(stop.step_ids),
                "px": _title_px(window),
                "fits_at_floor": fits,
            }
        )
        if shots is not None and index < 2:
            window.grab().save(str(shots / f"{name}-finding{index + 1}.png"))
    return figures


def main(out: Path, shots: Path | None) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="laneway-probe-"))
    results: dict[str, dict] = {}
    for name, journey in _maps():
        for scale in (1.0, 1.25) if name in LARGE_TOO else (1.0,):
            path = folder / f"{name}-{scale}.laneway"
            create_map(path, journey)
            settings = Settings()
            settings.font_scale = scale
            controller = AppController(app, settings)
            window = controller.open_path(path)
            window.show()
            window.activateWindow()
            _pump(app)
            window.session.refresh_report()
            QTest.keyClick(window.view, Qt.Key.Key_F11)
            _pump(app, 20)
            label = f"{name}@{scale}"
            results[label] = _measure(app, window, shots if scale == 1.0 else None, name)
            QTest.keyClick(window.presentation.view, Qt.Key.Key_Escape)
            _pump(app)
            results[label]["left_full_screen"] = not window.isFullScreen()
            window.close()
            controller.shutdown()
            _pump(app)
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
