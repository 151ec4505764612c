"""Fit-all never zooms out beyond the smallest zoom: a huge map shows its middle there."""

from __future__ import annotations

import pytest

from laneway.operations.creating import create_map_file
from laneway.ui.window.view import MIN_ZOOM
from tests.support.maps import workshop_map


def test_fit_all_on_a_map_too_large_stops_at_the_smallest_zoom(controller, tmp_path, qtbot):
    path = tmp_path / "big.laneway"
    create_map_file(path, workshop_map(300))
    window = controller.open_path(path)
    window.resize(700, 500)
    qtbot.waitExposed(window)
    window.view.fit_all()
    assert window.view.zoom == pytest.approx(MIN_ZOOM)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    middle = window.scene.sceneRect().center()
    assert visible.contains(middle)
    assert visible.height() < window.scene.sceneRect().height()  # not all of it: the limit


def test_fit_all_on_a_small_map_shows_all_of_it(main_window):
    view = main_window.view
    view.fit_all()
    assert MIN_ZOOM < view.zoom <= 1.5
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(main_window.scene.sceneRect().adjusted(1, 1, -1, -1))
