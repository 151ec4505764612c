"""Zoomed out: fit-all stops at the smallest zoom, and the arrows are one overview of lines."""

from __future__ import annotations

import pytest

from laneway.operations.creating import create_map_file
from laneway.ui.window.view import MIN_FIT_ZOOM, MIN_ZOOM
from tests.support.maps import workshop_map


def test_fit_all_on_a_map_too_large_stops_at_the_smallest_zoom(
    controller, tmp_path, qtbot, monkeypatch
):
    from laneway.ui.window import view

    monkeypatch.setattr(view, "MIN_FIT_ZOOM", MIN_ZOOM)  # so that a 300-step map is too large
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
    assert MIN_FIT_ZOOM < view.zoom <= 1.5
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(main_window.scene.sceneRect().adjusted(1, 1, -1, -1))


def _draws_nothing(item) -> bool:
    from PySide6.QtWidgets import QGraphicsItem

    return bool(item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)


def _shown_lines(scene) -> int:
    lines = scene._overview._gather()
    return sum(len(group) for group in lines.values())


def test_zoomed_out_the_arrows_are_one_overview_of_lines(main_window, qtbot, monkeypatch):
    from laneway.canvas import overview
    from laneway.canvas.detail import READABLE_LOD

    monkeypatch.setattr(overview, "OVERVIEW_MIN_LINKS", 1)  # the sample map counts as big
    from laneway.ui.editing import steps as step_edits
    from tests.ui.conftest import step_id

    view, scene = main_window.view, main_window.scene
    links = [scene.link_item(k) for k in main_window.session.journey.links]
    view.set_zoom(READABLE_LOD * 0.8)
    assert scene.overview_active
    assert all(_draws_nothing(item) for item in links)  # Qt does not paint them
    assert _shown_lines(scene) == len(links)
    # A link drawn while zoomed out joins the overview, not the items.
    source, target = step_id(main_window, "Reads blog"), step_id(main_window, "Nobody calls")
    step_edits.link_steps(main_window.session, source, target)
    new = scene.link_item(main_window.session.journey.link_between(source, target).id)
    assert _draws_nothing(new) and _shown_lines(scene) == len(links) + 1
    image = view.viewport().grab().toImage()
    assert not image.isNull()
    view.set_zoom(1.0)
    assert not scene.overview_active
    assert all(not _draws_nothing(scene.link_item(k)) for k in main_window.session.journey.links)


def test_a_small_map_zoomed_out_keeps_its_arrow_items(main_window):
    from laneway.canvas.detail import READABLE_LOD

    main_window.view.set_zoom(READABLE_LOD * 0.8)
    assert not main_window.scene.overview_active
    links = main_window.session.journey.links
    assert not any(_draws_nothing(main_window.scene.link_item(k)) for k in links)


def test_on_screen_zoomed_out_cards_are_blocks_and_at_100_percent_full_cards(main_window, qtbot):
    from laneway.canvas.detail import READABLE_LOD
    from tests.ui.conftest import step_id

    view, scene = main_window.view, main_window.scene
    card = scene.step_item(step_id(main_window, "Reads blog"))

    def card_colours() -> int:
        rect = view.mapFromScene(card.mapRectToScene(card.card_rect())).boundingRect()
        image = view.viewport().grab(rect.adjusted(3, 3, -3, -3)).toImage()
        return len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())})

    view.set_zoom(READABLE_LOD * 0.7)
    view.centerOn(card)
    assert card_colours() <= 6  # a block: fill, lane strip (the cached, on-screen paint)
    view.set_zoom(1.0)
    view.centerOn(card)
    assert card_colours() > 20  # title text
