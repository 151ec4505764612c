"""The stages panel on its own: add, rename, reorder, delete (steps keep their place)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from laneway.ui.editing.session import MapSession
from laneway.ui.panels.stages import StagesPanel
from tests.conftest import reopen
from tests.ui.conftest import shown


@pytest.fixture
def panel(session: MapSession, qtbot) -> StagesPanel:
    return shown(StagesPanel(session), qtbot, 320, 400)


def _names(path: Path) -> list[str]:
    return [s.name for s in reopen(path).stages_in_order()]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_appends_a_column(panel, session, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Retention", True))
    _click(qtbot, panel.add_button)
    assert _names(map_file) == ["Awareness", "Purchase", "Retention"]
    assert panel.list.currentItem().text() == "Retention"
    assert "Column 3" in panel.list.currentItem().toolTip()
    session.undo_stack.undo()
    assert _names(map_file) == ["Awareness", "Purchase"]


def test_a_taken_name_is_refused(panel, session, map_file, qtbot, monkeypatch):
    errors: list[str] = []
    session.error.connect(errors.append)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Purchase", True))
    _click(qtbot, panel.add_button)
    assert _names(map_file) == ["Awareness", "Purchase"]
    assert errors == ["There is already a stage called 'Purchase'."]


def test_inline_rename(panel, session, map_file, qtbot):
    panel.list.setCurrentRow(1)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Decision")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _names(map_file) == ["Awareness", "Decision"])
    session.undo_stack.undo()
    assert _names(map_file) == ["Awareness", "Purchase"]
    assert [panel.list.item(r).text() for r in range(2)] == ["Awareness", "Purchase"]


def test_blank_rename_puts_the_old_name_back(panel, session, map_file, qtbot):
    panel.list.item(0).setText("   ")
    qtbot.waitUntil(lambda: panel.list.item(0).text() == "Awareness")
    assert session.undo_stack.count() == 0


def test_reorder_by_button_and_by_drag(panel, session, map_file, qtbot):
    panel.list.setCurrentRow(0)
    assert not panel.up_button.isEnabled()
    _click(qtbot, panel.down_button)
    assert _names(map_file) == ["Purchase", "Awareness"]
    assert panel.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)  # a drop
    qtbot.waitUntil(lambda: _names(map_file) == ["Awareness", "Purchase"])
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert _names(map_file) == ["Purchase", "Awareness"]
    session.undo_stack.undo()
    assert _names(map_file) == ["Awareness", "Purchase"]


def test_delete_asks_and_its_steps_keep_their_place(panel, session, map_file, qtbot, monkeypatch):
    purchase = session.journey.stage_by_name("Purchase").id
    held = {s.id: s for s in session.journey.steps.values() if s.stage_id == purchase}
    asked: list[str] = []

    def accept(box: QMessageBox) -> int:
        asked.append(box.text())
        role = QMessageBox.ButtonRole.DestructiveRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept)
    panel.list.setCurrentRow(1)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert asked == ["Delete the stage Purchase? 2 steps in it will have no stage."]
    journey = reopen(map_file)
    assert _names(map_file) == ["Awareness"]
    for step_id, before in held.items():
        assert journey.steps[step_id].stage_id is None
        assert journey.steps[step_id].department_id == before.department_id
    session.undo_stack.undo()
    journey = reopen(map_file)
    assert all(journey.steps[s].stage_id == purchase for s in held)


def test_cancelling_the_delete_keeps_the_stage(panel, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click() or 0,
    )
    panel.list.setCurrentRow(0)
    _click(qtbot, panel.delete_button)
    assert _names(map_file) == ["Awareness", "Purchase"]


def test_selecting_a_stage_tells_the_session(panel, session):
    picked: list[object] = []
    session.stage_selected.connect(picked.append)
    panel.list.setCurrentRow(0)
    panel.list.setCurrentRow(1)
    assert picked[-1] == session.journey.stage_by_name("Purchase").id


def test_moving_a_step_does_not_rebuild_the_list(panel, session):
    step = next(iter(session.journey.steps))
    first = panel.list.item(0)
    session.run_edit("Move", lambda j: j.update_step(step, x=10.0, y=20.0))
    assert panel.list.item(0) is first
