"""Drive the canvas as a user would, then check what reached the file."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.conftest import reopen
from tests.ui.conftest import card_center, drag, send_mouse, step_id, view_point


def _title_editor(window) -> QLineEdit:
    return window.view.viewport().findChild(QLineEdit, "titleEditor")


def _undo_redo(window, check_before, check_after) -> None:
    window.session.undo_stack.undo()
    check_before()
    window.session.undo_stack.redo()
    check_after()


def test_double_click_creates_a_step_where_clicked_and_takes_its_title(
    main_window, map_file, qtbot
):
    window = main_window
    journey = window.session.journey
    sales = journey.department_by_name("Sales").id
    awareness = journey.stage_by_name("Awareness").id
    cell = window.scene.grid.cell_rect(sales, awareness)
    point = view_point(window, QPointF(cell.x + cell.width / 2, cell.y + cell.height / 2))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = _title_editor(window)
    assert editor is not None and editor.hasFocus()
    qtbot.keyClicks(editor, "Calls back within a day")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def created():
        steps = [s for s in reopen(map_file).steps.values() if s.title == "Calls back within a day"]
        assert len(steps) == 1
        assert (steps[0].department_id, steps[0].stage_id) == (sales, awareness)

    def absent():
        assert "Calls back within a day" not in [s.title for s in reopen(map_file).steps.values()]

    created()
    assert window.session.undo_stack.count() == 1
    _undo_redo(window, absent, created)


def test_escape_cancels_the_new_step(main_window, map_file, qtbot):
    window = main_window
    cell = window.scene.grid.cell_rect(None, window.session.journey.stage_by_name("Purchase").id)
    point = view_point(window, QPointF(cell.right - 30, cell.bottom - 20))
    before = len(reopen(map_file).steps)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = _title_editor(window)
    qtbot.keyClicks(editor, "Never mind")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(reopen(map_file).steps) == before
    assert window.session.undo_stack.count() == 0


def test_add_next_step_by_keyboard_links_it_in_the_same_lane(main_window, map_file, qtbot):
    window = main_window
    source = step_id(window, "Qualify lead")
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(window, source)
    )
    assert window.session.selected_step_ids == {source}
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor = _title_editor(window)
    qtbot.keyClicks(editor, "Sends proposal")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    journey = reopen(map_file)
    new = next(s for s in journey.steps.values() if s.title == "Sends proposal")
    assert new.department_id == journey.steps[source].department_id
    assert new.stage_id == journey.steps[source].stage_id
    before = journey.steps[source]
    assert new.x > before.x or (new.x == before.x and new.y > before.y)  # after it: right or below
    assert journey.link_between(source, new.id) is not None
    # the new step and the title typed for it are one undo step (issue 14)
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Add next step"
    stack.undo()
    assert new.id not in reopen(map_file).steps
    stack.redo()
    assert reopen(map_file).link_between(source, new.id) is not None
    assert reopen(map_file).steps[new.id].title == "Sends proposal"


def test_drag_from_the_handle_links_two_steps(main_window, map_file, qtbot):
    window = main_window
    source, target = step_id(window, "Reads blog"), step_id(window, "Nobody calls")
    assert reopen(map_file).link_between(source, target) is None
    handle = window.scene.step_item(source).handle_center()
    start = view_point(window, handle)
    end = card_center(window, target)
    start = window.view.mapFromScene(handle)
    drag(window.view.viewport(), start, end)
    link = reopen(map_file).link_between(source, target)
    assert link is not None

    def linked():
        assert reopen(map_file).link_between(source, target) is not None

    def unlinked():
        assert reopen(map_file).link_between(source, target) is None

    _undo_redo(window, unlinked, linked)


def test_dragging_a_card_into_another_lane_changes_its_owner(main_window, map_file, qtbot):
    window = main_window
    moved = step_id(window, "Nobody calls")
    journey = window.session.journey
    sales = journey.department_by_name("Sales").id
    purchase = journey.stages[journey.steps[moved].stage_id].id
    target_cell = window.scene.grid.cell_rect(sales, purchase)
    start = card_center(window, moved)
    end = window.view.mapFromScene(QPointF(target_cell.x + 150, target_cell.bottom - 30))
    drag(window.view.viewport(), start, end)
    assert reopen(map_file).steps[moved].department_id == sales
    assert window.session.undo_stack.count() == 1
    assert window.session.undo_stack.undoText().startswith("Give 'Nobody calls' to Sales")

    def unowned():
        assert reopen(map_file).steps[moved].department_id is None

    def owned():
        assert reopen(map_file).steps[moved].department_id == sales

    _undo_redo(window, unowned, owned)


def test_arrows_follow_a_card_while_it_is_dragged(main_window, map_file):
    window = main_window
    moved = step_id(window, "Nobody calls")
    journey = window.session.journey
    link = journey.links_of(moved)[0]
    arrow = window.scene.link_item(link.id)

    def arrow_ends():
        path = arrow.mapToScene(arrow.path())
        return [path.elementAt(0), path.elementAt(path.elementCount() - 1)]

    before = [(e.x, e.y) for e in arrow_ends()]
    placed_before = (journey.steps[moved].department_id, journey.steps[moved].y)
    viewport = window.view.viewport()
    start = card_center(window, moved)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(viewport, QMouseEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 6):
        send_mouse(viewport, QMouseEvent.Type.MouseMove, start + QPoint(0, 12 * i), none, left)
    during = [(e.x, e.y) for e in arrow_ends()]
    card = window.scene.step_item(moved).sceneBoundingRect()
    assert during != before  # re-aimed before the button is released
    assert any(card.adjusted(-2, -2, 2, 2).contains(QPointF(x, y)) for x, y in during)
    send_mouse(viewport, QMouseEvent.Type.MouseButtonRelease, start + QPoint(0, 60), left, none)
    written = reopen(map_file).steps[moved]
    assert (written.department_id, written.y) != placed_before  # the drop was written


def test_dragging_into_the_unassigned_lane_makes_a_step_unowned(main_window, map_file, qtbot):
    window = main_window
    moved = step_id(window, "Qualify lead")
    journey = window.session.journey
    cell = window.scene.grid.cell_rect(None, journey.steps[moved].stage_id)
    start = card_center(window, moved)
    end = window.view.mapFromScene(QPointF(cell.x + 40, cell.y + 30))
    drag(window.view.viewport(), start, end)
    assert reopen(map_file).steps[moved].department_id is None
    qtbot.waitUntil(lambda: window.scene.report.summary.owned_steps == 2)


def test_delete_removes_the_selection_and_its_links(main_window, map_file, qtbot):
    window = main_window
    doomed = step_id(window, "Requests demo")
    links_before = len(reopen(map_file).links)
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(window, doomed)
    )
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    journey = reopen(map_file)
    assert doomed not in journey.steps
    assert len(journey.links) == links_before - 2

    def present():
        assert doomed in reopen(map_file).steps
        assert len(reopen(map_file).links) == links_before

    def gone():
        assert doomed not in reopen(map_file).steps

    _undo_redo(window, present, gone)


def test_rubber_band_selects_several_and_copy_paste_duplicates_them(main_window, map_file, qtbot):
    window = main_window
    first, second = step_id(window, "Reads blog"), step_id(window, "Requests demo")
    window.scene.select_ids([first, second])
    assert window.session.selected_step_ids == {first, second}
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    journey = reopen(map_file)
    titles = [s.title for s in journey.steps.values()]
    assert titles.count("Reads blog") == 2 and titles.count("Requests demo") == 2
    copies = [s for s in journey.steps.values() if s.id not in (first, second)]
    pasted = {s.title: s for s in copies if s.title in ("Reads blog", "Requests demo")}
    assert journey.link_between(pasted["Reads blog"].id, pasted["Requests demo"].id) is not None
    assert pasted["Reads blog"].department_id == journey.steps[first].department_id
    assert (pasted["Reads blog"].x, pasted["Reads blog"].y) != (
        journey.steps[first].x,
        journey.steps[first].y,
    )
    window.session.undo_stack.undo()
    assert [s.title for s in reopen(map_file).steps.values()].count("Reads blog") == 1


def test_rubber_band_drag_on_empty_canvas_selects_cards(main_window, qtbot):
    window = main_window
    grid = window.scene.grid
    marketing = grid.lane(window.session.journey.department_by_name("Marketing").id).rect
    start = window.view.mapFromScene(QPointF(grid.metrics.lane_header_width + 4, marketing.y + 4))
    end = window.view.mapFromScene(QPointF(marketing.right - 4, marketing.bottom - 4))
    drag(window.view.viewport(), start, end)
    assert window.session.selected_step_ids == {
        step_id(window, "Reads blog"),
        step_id(window, "Requests demo"),
    }


def test_paste_between_two_open_maps(controller, main_window, tmp_path, qtbot, sample_map):
    from laneway.store import create_map

    other_path = tmp_path / "other.laneway"
    create_map(other_path, sample_map)
    source = main_window
    qualify = step_id(source, "Qualify lead")
    source.scene.select_ids([qualify])
    source.copy_selection()
    other = controller.open_path(other_path)
    qtbot.waitExposed(other)
    other.paste()
    titles = [s.title for s in reopen(other_path).steps.values()]
    assert titles.count("Qualify lead") == 2


def test_tidy_layout_is_one_undoable_edit(main_window, map_file, qtbot):
    window = main_window
    before = {s.id: (s.x, s.y) for s in reopen(map_file).steps.values()}
    with window.session.document.edit("scatter") as _:
        for i, sid in enumerate(list(window.session.journey.steps)):
            window.session.journey.update_step(sid, x=400 - 90 * i, y=20 + 37 * i)
    window.tidy(False)
    after = {s.id: (s.x, s.y) for s in reopen(map_file).steps.values()}
    assert after == before or all(x >= 20 for x, _ in after.values())
    assert window.session.undo_stack.undoText() == "Tidy layout"


def test_zoom_and_fit(main_window, qtbot):
    window = main_window
    window.view.set_zoom(1.0)
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom > 1.0
    window.view.zoom_by(0.5)
    assert window.view.zoom < 1.0
    window.view.fit_all()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.itemsBoundingRect().adjusted(2, 2, -2, -2))


def test_large_text_keeps_cards_apart_and_a_drag_is_stored_at_1x(controller, main_window, map_file):
    window = main_window
    controller.set_font_scale(1.5)
    try:
        cards = [item.sceneBoundingRect() for item in window.scene.step_items()]
        for index, card in enumerate(cards):
            for other in cards[index + 1 :]:
                assert not card.adjusted(6, 14, -13, -6).intersects(other.adjusted(6, 14, -13, -6))
        moved = step_id(window, "Qualify lead")
        before = window.session.journey.steps[moved]
        start = card_center(window, moved)
        zoom = window.view.zoom
        end = start + QPoint(round(150 * zoom), 0)  # 150 scene px = 100 px at 1x
        drag(window.view.viewport(), start, end)
        after = reopen(map_file).steps[moved]
        assert after.department_id == before.department_id
        assert abs(after.x - (before.x + 100)) <= 2
    finally:
        controller.set_font_scale(1.0)


def test_dragging_two_cards_from_different_lanes_re_lanes_both_in_one_step(main_window, map_file):
    window = main_window
    journey = window.session.journey
    blog, lead = step_id(window, "Reads blog"), step_id(window, "Qualify lead")
    marketing = journey.department_by_name("Marketing").id
    window.scene.select_ids([blog, lead])
    lane_height = window.scene.grid.lane(marketing).rect.height
    start = card_center(window, blog)
    end = start - QPoint(0, round(lane_height * window.view.zoom))
    drag(window.view.viewport(), start, end)
    written = reopen(map_file).steps
    assert written[blog].department_id is None  # Marketing → Unassigned
    assert written[lead].department_id == marketing  # Sales → Marketing
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    restored = reopen(map_file).steps
    assert restored[blog].department_id == marketing
    assert restored[lead].department_id == journey.department_by_name("Sales").id


def test_escape_during_a_drag_puts_the_card_back_and_writes_nothing(main_window, map_file):
    window = main_window
    moved = step_id(window, "Qualify lead")
    item = window.scene.step_item(moved)
    where = item.scenePos()
    viewport = window.view.viewport()
    start = card_center(window, moved)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(viewport, QMouseEvent.Type.MouseButtonPress, start, left, left)
    send_mouse(viewport, QMouseEvent.Type.MouseMove, start + QPoint(40, 40), none, left)
    assert item.scenePos() != where
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert item.scenePos() == where
    send_mouse(viewport, QMouseEvent.Type.MouseMove, start + QPoint(80, 80), none, left)
    send_mouse(viewport, QMouseEvent.Type.MouseButtonRelease, start + QPoint(80, 80), left, none)
    assert item.scenePos() == where
    assert window.session.undo_stack.count() == 0
    assert reopen(map_file).same_content(window.session.journey)
