"""The inspector's fields update the map as you type (issue 14, item 3), and Ctrl+Enter
in a multi-line field stays in the field (issue 14, item 1)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from laneway.ui.editing.session import ANALYSIS_DELAY_MS
from laneway.ui.widgets.fields import LIVE_DELAY_MS
from tests.conftest import reopen
from tests.ui.conftest import step_id
from tests.ui.keyboard import CTRL, focus_canvas

#: Typing pauses, the map takes the text, the analysis re-runs: this long at most.
SEEN_WITHIN_MS = LIVE_DELAY_MS + ANALYSIS_DELAY_MS + 250


def _gap_link(window) -> str:
    source, target = step_id(window, "Requests demo"), step_id(window, "Qualify lead")
    return window.session.journey.link_between(source, target).id


def _gap_findings(window, link_id: str) -> list:
    return [
        f
        for f in window.findings._report.findings
        if f.rule == "handoff-gap" and link_id in f.link_ids
    ]


def test_a_gap_closes_while_the_agreement_is_typed(main_window, map_file, qtbot):
    window = main_window
    link_id = _gap_link(window)
    window.session.focus([], [link_id])
    field = window.inspector.link_form.agreement
    focus_canvas(window, qtbot)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    assert _gap_findings(window, link_id)
    assert window.scene.link_item(link_id).shows_gap
    qtbot.keyClicks(field, "MQL: score >= 50")
    typed_at = time.perf_counter()
    qtbot.waitUntil(lambda: not _gap_findings(window, link_id), timeout=SEEN_WITHIN_MS)
    seen_after_ms = (time.perf_counter() - typed_at) * 1000
    assert not window.scene.link_item(link_id).shows_gap  # the canvas too
    assert "agreed" in window.inspector.link_form.status.text()
    assert QApplication.focusWidget() is field  # no focus change was needed
    assert reopen(map_file).links[link_id].agreement == "MQL: score >= 50"
    # More words after a pause: still the same visit, still one undo step.
    qtbot.keyClicks(field, ", budget confirmed")
    qtbot.waitUntil(
        lambda: reopen(map_file).links[link_id].agreement.endswith("budget confirmed"),
        timeout=SEEN_WITHIN_MS,
    )
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Agree handoff"
    print(f"\ngap gone {seen_after_ms:.0f} ms after the last key (debounce {LIVE_DELAY_MS} ms)")


def test_each_visit_to_a_field_is_its_own_undo_step(main_window, map_file, qtbot):
    window = main_window
    step = step_id(window, "Qualify lead")
    window.session.focus([step])
    field = window.inspector.step_form.texts["channel"]
    focus_canvas(window, qtbot)
    for words in ("phone", " call"):
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        field.end(False)
        qtbot.keyClicks(field, words)
        qtbot.waitUntil(lambda: not field.live_pending, timeout=SEEN_WITHIN_MS)
        window.view.setFocus()  # leave the field: the visit ends
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    assert reopen(map_file).steps[step].channel == "phone call"
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Edit channel", "Edit channel"]
    stack.undo()
    assert reopen(map_file).steps[step].channel == "phone"


def test_a_title_emptied_while_typing_is_not_taken(main_window, map_file, qtbot):
    window = main_window
    step = step_id(window, "Qualify lead")
    window.session.focus([step])
    field = window.inspector.step_form.texts["title"]
    focus_canvas(window, qtbot)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.wait(SEEN_WITHIN_MS)
    assert field.text() == ""  # the user's empty field is left alone while typing
    assert reopen(map_file).steps[step].title == "Qualify lead"
    qtbot.keyClicks(field, "Qualifies the lead")
    qtbot.waitUntil(
        lambda: window.scene.step_item(step).step.title == "Qualifies the lead",
        timeout=SEEN_WITHIN_MS,
    )
    assert reopen(map_file).steps[step].title == "Qualifies the lead"


def test_ctrl_enter_in_a_multi_line_field_stays_in_it(main_window, map_file, qtbot):
    """Issue 14: the typed text landed on a new step and the edited one stayed empty."""
    window = main_window
    step = step_id(window, "Qualify lead")
    window.session.focus([step])
    before = len(window.session.journey.steps)
    focus_canvas(window, qtbot)
    for name in ("description", "pain_points"):
        field = window.inspector.step_form.texts[name]
        field.setFocus()
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)
        qtbot.keyClicks(field, "Waits three days")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
        assert QApplication.focusWidget() is field
    assert len(window.session.journey.steps) == before  # no step was added
    saved = reopen(map_file).steps[step]
    assert saved.description == saved.pain_points == "Waits three days"


def test_a_lane_renamed_as_typed_waits_while_the_name_is_taken(main_window, map_file, qtbot):
    window = main_window
    marketing = window.session.journey.department_by_name("Marketing").id
    window.session.department_selected.emit(marketing)
    field = window.inspector.department_form.name
    focus_canvas(window, qtbot)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    qtbot.keyClicks(field, "Sales")  # taken: nothing happens while typing
    qtbot.wait(SEEN_WITHIN_MS)
    assert [d.name for d in reopen(map_file).departments_in_order()] == ["Marketing", "Sales"]
    qtbot.keyClicks(field, " Ops")
    qtbot.waitUntil(
        lambda: reopen(map_file).department_by_name("Sales Ops") is not None,
        timeout=SEEN_WITHIN_MS,
    )
    assert window.scene.grid.lane(marketing).name == "Sales Ops"  # the lane on the canvas
    window.view.setFocus()
    assert field.text() == "Sales Ops"
    assert window.session.undo_stack.count() == 1
