"""Esc during each gesture, and drops that are refused: nothing written, nothing rebuilt.

Every gesture is driven through the view as a user would (real mouse and key events on
its viewport); what reached the file is checked by reopening it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QRubberBand

from laneway.store import StoreWriteError
from laneway.ui.editing import records
from tests.conftest import reopen
from tests.ui.conftest import card_center, send_mouse, step_id, view_point

LEFT, MIDDLE, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton, Qt.MouseButton.NoButton
PRESS, MOVE, RELEASE = (
    QMouseEvent.Type.MouseButtonPress,
    QMouseEvent.Type.MouseMove,
    QMouseEvent.Type.MouseButtonRelease,
)


@pytest.fixture
def rebuilds(main_window, monkeypatch) -> list[int]:
    """Counts full rebuilds of the window's scene (a refused drop must not need one)."""
    scene, counted = main_window.scene, []
    rebuild = scene.rebuild
    monkeypatch.setattr(scene, "rebuild", lambda: (counted.append(1), rebuild())[1])
    return counted


def _places(window) -> dict[str, tuple[float, float]]:
    return {i.step_id: (i.scenePos().x(), i.scenePos().y()) for i in window.scene.step_items()}


def _arrows(window) -> dict[str, tuple[float, float, float, float]]:
    shown = {}
    for link_id in window.session.journey.links:
        path = window.scene.link_item(link_id).mapToScene(window.scene.link_item(link_id).path())
        first, last = path.elementAt(0), path.elementAt(path.elementCount() - 1)
        shown[link_id] = (first.x, first.y, last.x, last.y)
    return shown


def _press_and_move(viewport, start: QPoint, end: QPoint, button=LEFT, steps: int = 4) -> None:
    send_mouse(viewport, PRESS, start, button, button)
    for i in range(1, steps + 1):
        send_mouse(viewport, MOVE, start + (end - start) * (i / steps), NONE, button)


def _into_sales(window, moved: str) -> QPoint:
    journey = window.session.journey
    sales = journey.department_by_name("Sales").id
    cell = window.scene.grid.cell_rect(sales, journey.steps[moved].stage_id)
    return view_point(window, QPointF(cell.x + 150, cell.bottom - 30))


# --------------------------------------------------------------------- Esc
def test_escape_during_a_link_drag_draws_no_link(main_window, map_file):
    window = main_window
    source, target = step_id(window, "Reads blog"), step_id(window, "Nobody calls")
    viewport = window.view.viewport()
    start = window.view.mapFromScene(window.scene.step_item(source).handle_center())
    _press_and_move(viewport, start, card_center(window, target))
    assert window.scene.showing_link_preview  # the rubber line follows the pointer
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert not window.scene.showing_link_preview
    send_mouse(viewport, RELEASE, card_center(window, target), LEFT, NONE)
    assert reopen(map_file).link_between(source, target) is None
    assert window.session.undo_stack.count() == 0


def test_escape_during_a_rename_keeps_the_title(main_window, map_file, qtbot):
    window = main_window
    renamed = step_id(window, "Qualify lead")
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=card_center(window, renamed))
    editor = window.view.viewport().findChild(QLineEdit, "titleEditor")
    assert editor is not None and editor.text() == "Qualify lead"
    qtbot.keyClicks(editor, "Ignored title")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view.active_gesture is None
    assert reopen(map_file).steps[renamed].title == "Qualify lead"
    assert window.session.undo_stack.count() == 0


def test_escape_during_a_rubber_band_restores_the_selection(main_window, map_file):
    window = main_window
    blog = step_id(window, "Reads blog")
    window.scene.select_ids([step_id(window, "Qualify lead")])
    before = window.session.selected_step_ids
    grid = window.scene.grid
    marketing = grid.lane(window.session.journey.department_by_name("Marketing").id).rect
    viewport = window.view.viewport()
    start = window.view.mapFromScene(QPointF(grid.metrics.lane_header_width + 4, marketing.y + 4))
    end = window.view.mapFromScene(QPointF(marketing.right - 4, marketing.bottom - 4))
    _press_and_move(viewport, start, end)
    band = viewport.findChild(QRubberBand)
    assert band is not None and band.isVisible()
    assert blog in window.session.selected_step_ids  # selected while the band is drawn
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert not band.isVisible()
    assert window.session.selected_step_ids == before
    send_mouse(viewport, RELEASE, end, LEFT, NONE)
    assert window.session.selected_step_ids == before
    assert reopen(map_file).same_content(window.session.journey)


def test_escape_during_a_pan_scrolls_back(main_window):
    window = main_window
    window.view.set_zoom(2.0)
    bars = (window.view.horizontalScrollBar(), window.view.verticalScrollBar())
    for bar in bars:
        bar.setValue((bar.minimum() + bar.maximum()) // 2)
    where = [bar.value() for bar in bars]
    viewport = window.view.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() // 2)
    _press_and_move(viewport, start, start + QPoint(-120, -80), button=MIDDLE)
    assert [bar.value() for bar in bars] != where  # the map moved under the pointer
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert [bar.value() for bar in bars] == where
    send_mouse(viewport, RELEASE, start + QPoint(-120, -80), MIDDLE, NONE)
    assert [bar.value() for bar in bars] == where


# ----------------------------------------------------------- refused drops
def test_a_drop_whose_write_fails_leaves_every_card_in_place_without_a_rebuild(
    main_window, map_file, monkeypatch, rebuilds
):
    window = main_window
    moved = step_id(window, "Nobody calls")
    places, arrows, before = _places(window), _arrows(window), reopen(map_file)
    viewport = window.view.viewport()
    end = _into_sales(window, moved)
    _press_and_move(viewport, card_center(window, moved), end)
    assert _places(window)[moved] != places[moved]  # the preview follows the pointer

    def fail(changeset, **kwargs):
        raise StoreWriteError(window.session.document.path, "could not be written (disk full)")

    monkeypatch.setattr(window.session.document.store, "write", fail)
    send_mouse(viewport, RELEASE, end, LEFT, NONE)
    assert window.session.read_only and window.banner.isVisible()
    assert _places(window) == places and _arrows(window) == arrows
    assert rebuilds == []
    assert window.session.journey.steps[moved].department_id is None
    assert reopen(map_file).same_content(before)
    assert window.session.undo_stack.count() == 0


def test_a_map_made_read_only_during_a_drag_refuses_the_drop_without_a_rebuild(
    main_window, map_file, monkeypatch, rebuilds
):
    window = main_window
    moved, other = step_id(window, "Nobody calls"), step_id(window, "Reads blog")
    places, arrows, before = _places(window), _arrows(window), reopen(map_file)
    viewport = window.view.viewport()
    end = _into_sales(window, moved)
    _press_and_move(viewport, card_center(window, moved), end)

    def fail(changeset, **kwargs):
        raise StoreWriteError(window.session.document.path, "could not be written (disk full)")

    # While the card is held, another edit (a field in the inspector) hits a full disk.
    monkeypatch.setattr(window.session.document.store, "write", fail)
    window.session.run_edit("Rename", lambda j: j.update_step(other, title="Lost"))
    assert window.session.read_only
    send_mouse(viewport, MOVE, end + QPoint(20, 0), NONE, LEFT)
    send_mouse(viewport, RELEASE, end + QPoint(20, 0), LEFT, NONE)
    assert _places(window) == places and _arrows(window) == arrows
    assert rebuilds == []
    assert reopen(map_file).same_content(before)


def test_a_drop_into_a_lane_deleted_during_the_drag_is_refused_without_a_rebuild(
    main_window, map_file, rebuilds
):
    window = main_window
    journey = window.session.journey
    moved = step_id(window, "Nobody calls")
    sales = journey.department_by_name("Sales").id
    viewport = window.view.viewport()
    end = _into_sales(window, moved)
    _press_and_move(viewport, card_center(window, moved), end)
    # While the card is held over Sales, the lane goes (from the lanes panel).
    assert records.delete_record(window.session, "department", sales)
    send_mouse(viewport, MOVE, end + QPoint(10, 0), NONE, LEFT)
    send_mouse(viewport, RELEASE, end + QPoint(10, 0), LEFT, NONE)
    written = reopen(map_file)
    assert sales not in written.departments
    assert written.steps[moved].department_id is None  # the drop wrote nothing
    assert window.session.undo_stack.undoText() == "Delete department Sales"
    assert rebuilds == []
    # Every card is where the map (without Sales) puts it: no preview left behind.
    grid = window.scene.grid
    for item in window.scene.step_items():
        cell = grid.cell_rect(*grid.step_cells[item.step_id])
        x, y = grid.step_offsets[item.step_id]
        assert (item.scenePos().x(), item.scenePos().y()) == (cell.x + x, cell.y + y)
