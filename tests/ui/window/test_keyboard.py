"""Keyboard-first capture (issue 14, item 1): keys sent to whatever has the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from laneway.model import JourneyMap, MapInfo
from laneway.operations.creating import create_map_file, new_journey
from tests.conftest import reopen
from tests.ui.conftest import step_id
from tests.ui.keyboard import ALT, CTRL, Keyboard, focus_canvas

Enter = Qt.Key.Key_Return


def _grid_map() -> JourneyMap:
    """Two lanes × two stages, two cards side by side in the first cell:

    Marketing | A1  A2 | B1
    Sales     | C1     | D1
    """
    journey = JourneyMap(MapInfo(title="Grid"))
    mkt, sales = (journey.add_department(n).id for n in ("Marketing", "Sales"))
    first, second = (journey.add_stage(n).id for n in ("Awareness", "Purchase"))
    for title, lane, stage, x in (
        ("A1", mkt, first, 16),
        ("A2", mkt, first, 200),
        ("B1", mkt, second, 16),
        ("C1", sales, first, 16),
        ("D1", sales, second, 16),
    ):
        journey.add_step(title, department_id=lane, stage_id=stage, x=x, y=16)
    return journey


@pytest.fixture
def grid_window(controller, tmp_path: Path, qtbot):
    path = tmp_path / "grid.laneway"
    create_map_file(path, _grid_map())
    window = controller.open_path(path)
    qtbot.waitExposed(window)
    focus_canvas(window, qtbot)
    window.path = path
    return window


def _selected_title(window) -> str:
    [selected] = window.session.selected_step_ids
    return window.session.journey.steps[selected].title


def test_ctrl_enter_on_an_empty_map_adds_the_first_step_named_in_place(controller, tmp_path, qtbot):
    path = tmp_path / "blank.laneway"
    journey = new_journey(None, "Blank")
    for name in ("Marketing", "Sales"):
        journey.add_department(name)
    for name in ("Awareness", "Purchase"):
        journey.add_stage(name)
    create_map_file(path, journey)
    window = controller.open_path(path)
    qtbot.waitExposed(window)
    focus_canvas(window, qtbot)
    keys = Keyboard()
    keys.press(Enter, CTRL)
    assert QApplication.focusWidget().objectName() == "titleEditor"
    keys.type("Campaign goes live")
    keys.press(Enter)
    saved = reopen(path)
    [step] = saved.steps.values()
    assert step.title == "Campaign goes live"
    assert saved.department_name(step.department_id) == "Marketing"
    assert saved.stage_name(step.stage_id) == "Awareness"
    stack = window.session.undo_stack
    assert stack.count() == 1  # the step and its title: one undo step
    assert QApplication.focusWidget() is window.view  # ready for the next key
    stack.undo()
    assert not reopen(path).steps


def test_arrows_walk_the_cards_along_lanes_and_stages(grid_window):
    window = grid_window
    keys = Keyboard()
    keys.press(Qt.Key.Key_Right)  # nothing selected: the first card as read
    assert _selected_title(window) == "A1"
    walk = [
        (Qt.Key.Key_Right, "A2"),
        (Qt.Key.Key_Right, "B1"),
        (Qt.Key.Key_Down, "D1"),
        (Qt.Key.Key_Left, "C1"),
        (Qt.Key.Key_Up, "A1"),
        (Qt.Key.Key_Left, "A1"),  # nothing further left: stays
    ]
    for key, title in walk:
        keys.press(key)
        assert _selected_title(window) == title, key
    assert window.session.undo_stack.count() == 0  # walking changes nothing


def test_alt_arrows_move_the_selected_cards_one_cell_as_one_undo_step(grid_window):
    window = grid_window
    journey = window.session.journey
    chosen = {step_id(window, "A1"), step_id(window, "C1")}
    window.focus_items(chosen, [])
    keys = Keyboard()
    keys.press(Qt.Key.Key_Right, ALT)
    saved = reopen(window.path)
    assert {saved.stage_name(saved.steps[s].stage_id) for s in chosen} == {"Purchase"}
    cards = [saved.steps[s] for s in saved.steps]
    spots = {(c.department_id, c.stage_id, c.x, c.y) for c in cards}
    assert len(spots) == len(cards)  # each took a free spot: none on another card
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Move 2 steps"
    keys.press(Qt.Key.Key_Right, ALT)  # the last stage: nothing further that way
    assert stack.count() == 1
    assert "no stage further" in window.notice.text()
    window.focus_items([step_id(window, "A2")], [])
    keys.press(Qt.Key.Key_Down, ALT)
    assert journey.department_name(journey.steps[step_id(window, "A2")].department_id) == "Sales"
    assert stack.text(1) == "Give 'A2' to Sales"
    stack.undo()
    stack.undo()
    assert reopen(window.path).steps == _positions_as_created(window)


def _positions_as_created(window) -> dict:
    created = _grid_map()
    saved = reopen(window.path)
    assert {s.title: (s.department_id, s.stage_id, s.x, s.y) for s in saved.steps.values()} == {
        s.title: (s.department_id, s.stage_id, s.x, s.y) for s in created.steps.values()
    }
    return saved.steps


def test_next_step_in_the_next_stage_and_in_the_lane_below(grid_window):
    window = grid_window
    keys = Keyboard()
    window.focus_items([step_id(window, "A2")], [])
    keys.press(Enter, CTRL | ALT)
    keys.type("Compares prices")
    keys.press(Enter)
    keys.press(Enter, CTRL | Qt.KeyboardModifier.ShiftModifier)
    keys.type("Calls back")
    keys.press(Enter)
    saved = reopen(window.path)
    compare = next(s for s in saved.steps.values() if s.title == "Compares prices")
    call = next(s for s in saved.steps.values() if s.title == "Calls back")
    assert saved.stage_name(compare.stage_id) == "Purchase"
    assert saved.department_name(compare.department_id) == "Marketing"
    assert (saved.department_name(call.department_id), saved.stage_name(call.stage_id)) == (
        "Sales",
        "Purchase",
    )
    assert saved.link_between(step_id(window, "A2"), compare.id)
    assert saved.link_between(compare.id, call.id)
    assert [window.session.undo_stack.text(i) for i in range(2)] == ["Add next step"] * 2


def test_del_and_f2_work_in_the_lane_and_stage_lists(grid_window):
    """Issue 14: the window's Del and F2 clashed with the lists' own keys."""
    window = grid_window
    window.session.run_edit("Add", lambda j: j.add_department("Finance"))
    window.session.run_edit("Add", lambda j: j.add_stage("Retention"))
    before_steps = len(window.session.journey.steps)
    for panel, name, renamed in (
        (window.departments, "Finance", "Legal"),
        (window.stages, "Retention", "Advocacy"),
    ):
        window.docks[2].raise_()
        window.docks[2].widget().setCurrentWidget(panel)
        row = [panel.list.item(i).text() for i in range(panel.list.count())].index(name)
        panel.list.setCurrentRow(row)
        panel.list.setFocus()
        keys = Keyboard()
        keys.press(Qt.Key.Key_F2)
        assert panel.list.state() == QAbstractItemView.State.EditingState
        editor = QApplication.focusWidget()
        editor.selectAll()
        keys.type(renamed)
        keys.press(Enter)
        names = [panel.list.item(i).text() for i in range(panel.list.count())]
        assert renamed in names and name not in names
        panel.list.setCurrentRow(names.index(renamed))
        panel.list.setFocus()
        keys.press(Qt.Key.Key_Delete)  # nothing uses it: deleted without a question
        assert renamed not in [panel.list.item(i).text() for i in range(panel.list.count())]
    saved = reopen(window.path)
    assert "Legal" not in [d.name for d in saved.departments.values()]
    assert "Advocacy" not in [s.name for s in saved.stages.values()]
    assert len(saved.steps) == before_steps  # Del in a list never deleted the cards


def test_tab_goes_canvas_inspector_findings_and_back(grid_window):
    window = grid_window
    window.focus_items([step_id(window, "A1")], [])
    keys = Keyboard()
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.inspector.step_form.texts["title"]
    seen = []
    for _ in range(40):
        keys.press(Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if QApplication.focusWidget() is window.findings.tree:
            break
    assert window.findings.tree in seen
    inspector_fields = [w for w in seen if window.inspector.isAncestorOf(w)]
    assert window.inspector.step_form.texts["responsible"] in inspector_fields
    assert seen.index(window.findings.filter) < seen.index(window.findings.tree)
    window.inspector.step_form.texts["title"].setFocus()
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.view
    assert "focus" in window.view.styleSheet()  # the canvas shows it has the keyboard


def test_map_menu_adds_departments_and_stages(grid_window):
    window = grid_window
    keys = Keyboard()
    keys.name_in_dialog("Finance")
    keys.press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    keys.name_in_dialog("Retention")
    keys.press(Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    saved = reopen(window.path)
    assert [d.name for d in saved.departments_in_order()][-1] == "Finance"
    assert [s.name for s in saved.stages_in_order()][-1] == "Retention"
    map_menu = window.chrome.menus["&Map"]
    texts = [a.text() for a in map_menu.actions()]
    assert "Add &Department…" in texts and "Add S&tage…" in texts


def test_the_window_opens_fitted(controller, tmp_path, qtbot):
    from laneway.io.templates import load_template

    path = tmp_path / "b2b.laneway"
    create_map_file(path, load_template("b2b"))
    window = controller.open_path(path)
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    window.view.show_start()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    grid = window.scene.grid.bounds
    assert visible.width() >= grid.width and visible.height() >= grid.height  # all of it
    blank = tmp_path / "blank.laneway"
    create_map_file(blank, new_journey(None))
    empty = controller.open_path(blank)
    qtbot.waitExposed(empty)
    empty.view.show_start()
    assert empty.view.zoom <= 1.0  # not magnified to 150 %


def test_ctrl_enter_with_the_mouse_over_a_cell_adds_the_step_there(grid_window, qtbot):
    from PySide6.QtGui import QCursor

    window = grid_window
    journey = window.session.journey
    sales, purchase = journey.department_by_name("Sales").id, journey.stage_by_name("Purchase").id
    cell = window.scene.grid.cell_rect(sales, purchase)
    spot = window.view.mapFromScene(cell.x + cell.width - 20, cell.y + cell.height - 10)
    QCursor.setPos(window.view.viewport().mapToGlobal(spot))
    window.view.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # the pointer rests there
    if window.view.cell_under_pointer() != (sales, purchase):
        pytest.skip("this platform does not let a test place the pointer")
    keys = Keyboard()
    keys.press(Enter, CTRL)
    keys.type("Asks for a discount")
    keys.press(Enter)
    saved = reopen(window.path)
    step = next(s for s in saved.steps.values() if s.title == "Asks for a discount")
    assert (step.department_id, step.stage_id) == (sales, purchase)


def test_a_map_too_large_to_fit_opens_at_its_start_at_the_smallest_zoom(
    controller, tmp_path, qtbot
):
    from laneway.ui.window.view import MIN_ZOOM
    from tests.support.maps import workshop_map

    path = tmp_path / "big.laneway"
    create_map_file(path, workshop_map(300))
    window = controller.open_path(path)
    window.resize(700, 500)
    qtbot.waitExposed(window)
    window.view.show_start()
    assert window.view.zoom == pytest.approx(MIN_ZOOM)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.left() <= 0 and visible.top() <= 0  # the journey's start
