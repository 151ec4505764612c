"""Presentation mode driven as the facilitator does: F11, the walks, zoom, Esc."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from laneway.document import Document
from laneway.store import create_map
from tests.conftest import build_map

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier

#: The walk SPEC §6 asks for: errors, warnings, then notes; each along the journey.
EXPECTED_WALK = [
    ("unowned-step", {"Zero call"}),
    ("unowned-step", {"Asks price"}),
    ("handoff-gap", {"Reads blog", "Qualify lead"}),
    ("dead-end", {"Qualify lead"}),
    ("one-way-handoff", {"Reads blog", "Qualify lead"}),
    ("empty-stage", set()),
    ("idle-department", set()),
]


def _walk_map():
    journey = build_map(
        departments=("Marketing", "Sales", "Legal"),
        stages=("Awareness", "Purchase", "Onboarding"),
        steps=(
            ("Reads blog", "Marketing", "Awareness"),
            ("Asks price", None, "Awareness"),
            ("Zero call", None, "Awareness"),
            ("Qualify lead", "Sales", "Purchase"),
        ),
        links=(
            ("Reads blog", "Zero call"),
            ("Zero call", "Asks price"),
            ("Asks price", "Qualify lead"),
            ("Reads blog", "Qualify lead"),
        ),
        title="Walk journey",
    )
    first = next(s for s in journey.steps.values() if s.title == "Reads blog")
    journey.update_step(first.id, entry=True)
    return journey


@pytest.fixture
def walk_window(controller, tmp_path: Path, qtbot):
    path = tmp_path / "walk.laneway"
    create_map(path, _walk_map())
    window = controller.open_path(path)
    window.resize(1200, 800)
    qtbot.waitExposed(window)
    window.session.refresh_report()
    return window


def _titles(window, step_ids) -> set[str]:
    return {window.session.journey.steps[s].title for s in step_ids}


def _enter(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the window's shortcuts answer keys then
    qtbot.keyClick(window.view, Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    view = window.presentation.view
    qtbot.waitUntil(view.isVisible)
    QApplication.processEvents()
    return view


def test_f11_walks_the_findings_in_order_and_esc_restores_the_window(walk_window, qtbot):
    window = walk_window
    window.view.set_zoom(0.8)
    window.view.horizontalScrollBar().setValue(25)
    before = (window.view.transform(), window.view.horizontalScrollBar().value())
    view = _enter(window, qtbot)
    assert not window.menuBar().isVisible() and not window.docks[0].isVisible()
    assert not window.view.isVisible() and view.hasFocus()
    scene = window.presentation.scene
    for index, (rule, titles) in enumerate(EXPECTED_WALK):
        qtbot.keyClick(view, Key.Key_Right if index % 2 == 0 else Key.Key_Space)
        stop = window.presentation.walk.current
        assert (stop.finding.rule, _titles(window, stop.step_ids)) == (rule, titles), index
        assert _titles(window, window.session.selected_step_ids) == titles
        assert set(scene.selected_step_ids()) == set(stop.step_ids)
        assert set(scene.selected_link_ids()) == set(stop.link_ids)
        shown = window.presentation._stop_rect(stop)
        visible = view.visible_rect()
        # what the pinned lane and stage names and the sentence panel leave of the screen
        m = scene.grid.metrics
        caption = window.presentation.view.overlay.caption_rect()
        below = (view.viewport().height() + view.viewport().y() - caption.top()) / view.zoom
        pinned_left = m.lane_header_width * 0.8 if visible.left() > 0 else 0
        if shown.left() < m.lane_header_width:  # a lane: its own header is the name
            pinned_left = 0
        pinned_top = m.stage_header_height if shown.top() >= m.stage_header_height else 0
        free = visible.adjusted(pinned_left, pinned_top, 0, -max(0, below))
        assert free.adjusted(-2, -2, 2, 2).contains(shown), (index, free, shown)
        # centred in it, unless that would show empty screen beyond the map's edges
        grid = window.presentation._grid_rect(scene)
        at_edge = min(abs(visible.left() - grid.left()), abs(visible.right() - grid.right())) < 2
        whole_width = visible.left() <= grid.left() and visible.right() >= grid.right()
        balance = (shown.left() - free.left()) - (free.right() - shown.right())
        centred = abs(balance) < 0.1 * visible.width()
        assert centred or at_edge or whole_width, (index, visible, shown)
        assert window.presentation.view.overlay.caption.sentence == stop.finding.message
    qtbot.keyClick(view, Key.Key_Right)  # past the last: stays on it
    assert window.presentation.walk.index == len(EXPECTED_WALK) - 1
    qtbot.keyClick(view, Key.Key_Left)
    assert window.presentation.walk.current.finding.rule == EXPECTED_WALK[-2][0]
    qtbot.keyClick(view, Key.Key_Home)
    assert _titles(window, window.session.selected_step_ids) == {"Zero call"}
    qtbot.keyClick(view, Key.Key_End)
    assert window.presentation.walk.current.finding.rule == "idle-department"
    qtbot.keyClick(view, Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.docks[0].isVisible() and window.menuBar().isVisible()
    assert window.view.isVisible() and not view.isVisible()
    qtbot.wait(10)
    assert window.view.transform() == before[0]
    assert window.view.horizontalScrollBar().value() == before[1]
    assert all(a.isEnabled() for a in window.chrome.edit_actions)


def test_f11_leaves_too_and_edit_keys_do_nothing_while_presenting(walk_window, qtbot):
    window = walk_window
    view = _enter(window, qtbot)
    qtbot.keyClick(view, Key.Key_Right)
    steps = len(window.session.journey.steps)
    qtbot.keyClick(view, Key.Key_Delete)
    qtbot.keyClick(view, Key.Key_Return, CTRL)
    assert len(window.session.journey.steps) == steps
    qtbot.keyClick(view, Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.docks[0].isVisible()


def test_ctrl_plus_minus_and_the_wheel_zoom_in_presentation(walk_window, qtbot):
    window = walk_window
    view = _enter(window, qtbot)
    fitted = view.zoom
    qtbot.keyClick(view, Key.Key_Plus, CTRL)
    assert view.zoom == pytest.approx(fitted * 1.2)
    qtbot.keyClick(view, Key.Key_Equal, CTRL)
    assert view.zoom == pytest.approx(fitted * 1.44)
    qtbot.wait(20)  # no refit undoes it (no scroll bar comes and resizes the view)
    assert view.zoom == pytest.approx(fitted * 1.44)
    qtbot.keyClick(view, Key.Key_Minus, CTRL)
    assert view.zoom == pytest.approx(fitted * 1.2)
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)), QPoint(0, 0),
        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom > fitted * 1.2 * 1.2
    qtbot.keyClick(view, Key.Key_F)
    assert view.zoom == pytest.approx(fitted)
    window.presentation.leave()


def test_the_map_fills_the_screen_and_the_file_is_untouched(controller, tmp_path, qtbot):
    """A map stored as a ribbon (every step in one long row) is shown arranged."""
    stages = tuple(f"Stage {i}" for i in range(1, 5))
    journey = build_map(
        departments=("Marketing", "Sales"),
        stages=stages,
        steps=tuple(
            (f"Step {i}", ("Marketing", "Sales")[i % 2], stages[i // 5]) for i in range(20)
        ),
        links=tuple((f"Step {i}", f"Step {i + 1}") for i in range(19)),
    )
    for index, step in enumerate(journey.steps.values()):
        journey.update_step(step.id, x=20 + (index % 5) * 224, y=20)
    path = tmp_path / "ribbon.laneway"
    create_map(path, journey)
    stored = path.read_bytes()
    window = controller.open_path(path)
    qtbot.waitExposed(window)
    view = _enter(window, qtbot)
    presentation = window.presentation
    assert presentation.arranged
    grid = presentation.scene.grid.bounds
    area = view.viewport().rect()
    filled = max(grid.width * view.zoom / area.width(), grid.height * view.zoom / area.height())
    assert filled > 0.9
    ribbon = window.scene.grid.bounds
    assert area.width() / ribbon.width < view.zoom  # larger than the stored ribbon would be
    presentation.leave()
    window.close()
    assert path.read_bytes() == stored
    reopened = Document.open(path)
    try:
        assert reopened.journey.same_content(journey)
    finally:
        reopened.close()


def test_the_stage_walk_shows_each_range_with_its_steps(walk_window, qtbot):
    window = walk_window
    view = _enter(window, qtbot)
    presentation = window.presentation
    journey = window.session.journey
    seen: list[str | None] = []
    for _ in presentation.ranges:
        qtbot.keyClick(view, Key.Key_PageDown)
        stages = presentation.ranges[presentation.range_index]
        shown = presentation.range_scene.journey
        assert view.scene() is presentation.range_scene
        expected = {s.id for s in journey.steps.values() if s.stage_id in stages}
        assert set(shown.steps) == expected and expected
        seen.extend(stages)
    assert seen == [s.id for s in journey.stages_in_order()]
    qtbot.keyClick(view, Key.Key_PageUp)
    assert presentation.range_index == len(presentation.ranges) - 2 or len(presentation.ranges) == 1
    qtbot.keyClick(view, Key.Key_1)  # a range chosen by its number
    assert presentation.range_index == 0
    qtbot.keyClick(view, Key.Key_9)  # past the last: the last
    assert presentation.range_index == len(presentation.ranges) - 1
    qtbot.keyClick(view, Key.Key_S)  # the stage walk off: the whole map again
    assert presentation.range_index == -1 and view.scene() is presentation.scene
    qtbot.keyClick(view, Key.Key_Right)  # the findings walk goes on from there
    assert presentation.walk.current.finding.rule == "unowned-step"
    presentation.leave()


def test_an_edit_elsewhere_shows_up_while_presenting(walk_window, qtbot):
    """A live session (or the inspector of another window) edits the map: the room sees it."""
    window = walk_window
    view = _enter(window, qtbot)
    zero = next(s.id for s in window.session.journey.steps.values() if s.title == "Zero call")
    sales = window.session.journey.department_by_name("Sales").id
    window.session.run_edit("Give to Sales", lambda j: j.update_step(zero, department_id=sales))
    qtbot.waitUntil(lambda: window.presentation.scene.journey.steps[zero].department_id == sales)
    window.session.refresh_report()
    rules = [stop.finding.rule for stop in window.presentation.walk.stops]
    assert rules.count("unowned-step") == 1
    assert view.isVisible()
    window.presentation.leave()
