"""Ctrl+F: matches marked on the canvas, Enter / F3 cycle and centre them, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from laneway.ui.editing import steps as step_edits
from laneway.ui.window.search_bar import SEARCH_DELAY_MS
from tests.ui.conftest import step_id
from tests.ui.keyboard import CTRL, SHIFT, Keyboard, focus_canvas


def _centred(window, step: str) -> bool:
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return visible.contains(window.scene.step_item(step).sceneBoundingRect())


def test_find_marks_cycles_centres_and_clears(main_window, qtbot):
    window = main_window
    bar = window.tools.search
    focus_canvas(window, qtbot)
    keys = Keyboard()
    keys.press(Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and QApplication.focusWidget() is bar.query
    keys.type("marketing")
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 3 matches", timeout=SEARCH_DELAY_MS * 10)
    reads, demo = step_id(window, "Reads blog"), step_id(window, "Requests demo")
    marketing = window.session.journey.department_by_name("Marketing").id
    assert bar.marked_ids() == [("step", reads), ("step", demo), ("department", marketing)]
    assert window.session.selected_step_ids == frozenset()  # typing only marks
    window.view.set_zoom(3.0)
    window.view.centerOn(2000, 2000)
    keys.press(Qt.Key.Key_Return)  # the first match: selected and centred
    assert window.session.selected_step_ids == {reads} and _centred(window, reads)
    keys.press(Qt.Key.Key_F3)
    assert window.session.selected_step_ids == {demo} and _centred(window, demo)
    assert bar.count.text() == "2 of 3 matches"
    keys.press(Qt.Key.Key_F3, SHIFT)
    assert window.session.selected_step_ids == {reads}
    keys.press(Qt.Key.Key_Return, SHIFT)  # from the first back to the last: the lane
    assert bar.count.text() == "3 of 3 matches"
    assert window.inspector.current_page is window.inspector.department_form
    keys.press(Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.marked_ids() == []
    assert QApplication.focusWidget() is window.view


def test_find_follows_the_map_and_finds_agreements(main_window, qtbot):
    window = main_window
    source, target = step_id(window, "Requests demo"), step_id(window, "Qualify lead")
    link = window.session.journey.link_between(source, target).id
    step_edits.set_link_field(window.session, link, "agreement", "Budget confirmed")
    bar = window.tools.search
    bar.open()
    qtbot.keyClicks(bar.query, "budget")
    bar.run()
    assert bar.marked_ids() == [("link", link)]
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert window.session.selected_link_ids == {link}
    step_edits.rename_step(window.session, step_id(window, "Reads blog"), "Budget talk")
    assert bar.marked_ids() == [("step", step_id(window, "Budget talk")), ("link", link)]
    assert bar.count.text() == "2 of 2 matches"  # the current match stayed the link
    assert bar.layer.shape_rect(bar.layer.marks[0]) is not None  # drawn round the card
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)


def test_escape_on_the_canvas_clears_the_search(main_window, qtbot):
    window = main_window
    bar = window.tools.search
    bar.open()
    qtbot.keyClicks(bar.query, "lead")
    bar.run()
    assert bar.marked_ids()
    focus_canvas(window, qtbot)
    Keyboard().press(Qt.Key.Key_Escape)
    assert bar.marked_ids() == [] and not bar.isVisible()
