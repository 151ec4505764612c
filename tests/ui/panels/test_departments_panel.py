"""The departments panel on its own: add, rename, recolor, reorder, merge, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QInputDialog, QLineEdit, QMessageBox

from laneway.document import Document
from laneway.operations.creating import create_map_file
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.departments import DepartmentsPanel
from tests.conftest import reopen
from tests.ui.conftest import shown


@pytest.fixture
def panel(session: MapSession, qtbot) -> DepartmentsPanel:
    return shown(DepartmentsPanel(session), qtbot, 320, 420)


def _names(path: Path) -> list[str]:
    return [d.name for d in reopen(path).departments_in_order()]


def _shown(panel: DepartmentsPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer_questions_with(monkeypatch, answer: str) -> list[str]:
    """Patch the confirmation box: click ``answer`` ("destructive" or "cancel")."""
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        if answer == "destructive":
            role = QMessageBox.ButtonRole.DestructiveRole
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def test_lists_the_lanes_in_order_with_swatches(panel: DepartmentsPanel) -> None:
    assert _shown(panel) == ["Marketing", "Sales"]
    assert not panel.list.item(0).icon().isNull()
    assert "2 steps" in panel.list.item(0).toolTip()
    panel.list.setCurrentItem(None)
    assert not panel.delete_button.isEnabled()  # acts on the current lane: none
    panel.list.setCurrentRow(0)
    assert panel.delete_button.isEnabled() and not panel.up_button.isEnabled()


def test_add_is_written_selected_and_undoable(panel, session, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Legal  ", True))
    _click(qtbot, panel.add_button)
    assert _names(map_file) == ["Marketing", "Sales", "Legal"]
    assert panel.list.currentItem().text() == "Legal"
    session.undo_stack.undo()
    assert _names(map_file) == ["Marketing", "Sales"]
    assert _shown(panel) == ["Marketing", "Sales"]
    session.undo_stack.redo()
    assert _shown(panel) == ["Marketing", "Sales", "Legal"]


def test_cancelled_or_blank_add_does_nothing(panel, session, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    _click(qtbot, panel.add_button)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legal", False))
    _click(qtbot, panel.add_button)
    assert _names(map_file) == ["Marketing", "Sales"]
    assert session.undo_stack.count() == 0


def test_inline_rename_with_f2(panel, session, map_file, qtbot):
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Growth")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the editor on the next turn
    qtbot.waitUntil(lambda: _names(map_file) == ["Growth", "Sales"])
    assert _shown(panel) == ["Growth", "Sales"]
    session.undo_stack.undo()
    assert _names(map_file) == ["Marketing", "Sales"]


def test_renaming_to_a_taken_name_is_refused(panel, session, map_file, qtbot):
    errors: list[str] = []
    session.error.connect(errors.append)
    panel.list.item(0).setText("SALES")  # what the inline editor does on Enter
    assert _names(map_file) == ["Marketing", "Sales"]
    assert errors and "already a department" in errors[0]
    assert _shown(panel) == ["Marketing", "Sales"]


def test_recolor(panel, session, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#aa3377"))
    panel.list.setCurrentRow(1)
    _click(qtbot, panel.color_button)
    sales = session.journey.department_by_name("Sales").id
    assert reopen(map_file).departments[sales].color == "#aa3377"
    session.undo_stack.undo()
    assert reopen(map_file).departments[sales].color != "#aa3377"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor())  # cancelled
    _click(qtbot, panel.color_button)
    assert session.undo_stack.count() == 1 and session.undo_stack.index() == 0


def test_reorder_with_buttons_and_keys(panel, session, map_file, qtbot):
    panel.list.setCurrentRow(1)
    assert not panel.down_button.isEnabled()
    _click(qtbot, panel.up_button)
    assert _names(map_file) == ["Sales", "Marketing"]
    assert panel.list.currentItem().text() == "Sales"  # the moved lane stays selected
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(map_file) == ["Marketing", "Sales"]
    session.undo_stack.undo()
    assert _names(map_file) == ["Sales", "Marketing"]


def test_drag_reorder_is_one_edit(panel, session, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legal", True))
    _click(qtbot, panel.add_button)
    # What an internal drag-and-drop does to the list: move row 2 to the top.
    assert panel.list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    qtbot.waitUntil(lambda: _names(map_file) == ["Legal", "Marketing", "Sales"])
    assert _shown(panel) == ["Legal", "Marketing", "Sales"]
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert _names(map_file) == ["Marketing", "Sales", "Legal"]


def test_merge_moves_the_steps_and_removes_the_source(panel, session, map_file, qtbot, monkeypatch):
    marketing = session.journey.department_by_name("Marketing").id
    sales = session.journey.department_by_name("Sales").id
    owned = [s.id for s in session.journey.steps.values() if s.department_id == marketing]
    offered: list[list[str]] = []

    def pick(parent, title, prompt, items, *args, **kwargs):
        offered.append(list(items))
        return "Sales", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    panel.list.setCurrentRow(0)
    _click(qtbot, panel.merge_button)
    assert offered == [["Sales"]]  # never itself
    journey = reopen(map_file)
    assert journey.department_by_name("Marketing") is None
    assert all(journey.steps[s].department_id == sales for s in owned)
    assert _shown(panel) == ["Sales"]
    assert not panel.merge_button.isEnabled()  # one department left: nothing to merge into
    session.undo_stack.undo()
    journey = reopen(map_file)
    assert journey.departments[marketing].name == "Marketing"
    assert all(journey.steps[s].department_id == marketing for s in owned)
    session.undo_stack.redo()
    assert reopen(map_file).department_by_name("Marketing") is None


def test_delete_asks_first_and_unowns_its_steps(panel, session, map_file, qtbot, monkeypatch):
    sales = session.journey.department_by_name("Sales").id
    owned = [s.id for s in session.journey.steps.values() if s.department_id == sales]
    panel.list.setCurrentRow(1)
    asked = _answer_questions_with(monkeypatch, "cancel")
    _click(qtbot, panel.delete_button)
    assert asked == ["Delete Sales? 1 step becomes unowned (nobody's)."]
    assert _names(map_file) == ["Marketing", "Sales"]
    _answer_questions_with(monkeypatch, "destructive")
    _click(qtbot, panel.delete_button)
    journey = reopen(map_file)
    assert journey.department_by_name("Sales") is None
    assert all(journey.steps[s].department_id is None for s in owned)
    session.undo_stack.undo()
    assert all(reopen(map_file).steps[s].department_id == sales for s in owned)


def test_an_idle_department_is_deleted_without_asking(panel, map_file, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legal", True))
    _click(qtbot, panel.add_button)
    asked = _answer_questions_with(monkeypatch, "cancel")
    _click(qtbot, panel.delete_button)
    assert asked == []
    assert _names(map_file) == ["Marketing", "Sales"]


def test_selecting_a_department_tells_the_session(panel, session):
    picked: list[object] = []
    session.department_selected.connect(picked.append)
    panel.list.setCurrentRow(1)
    assert picked == [session.journey.department_by_name("Sales").id]


def test_a_map_without_departments_shows_a_hint(tmp_path, qtbot):
    from laneway.model import JourneyMap, MapInfo

    path = tmp_path / "empty.laneway"
    create_map_file(path, JourneyMap(MapInfo("Empty")))
    session = MapSession(Document.open(path))
    try:
        widget = DepartmentsPanel(session)
        qtbot.addWidget(widget)
        widget.show()
        assert widget.empty.isVisible() and not widget.list.isVisible()
        assert "swimlane" in widget.empty.text()
    finally:
        session.close()


def test_read_only_map_keeps_the_list_but_not_the_buttons(map_file, qtbot):
    session = MapSession(Document.open(map_file, read_only=True))
    try:
        widget = DepartmentsPanel(session)
        qtbot.addWidget(widget)
        widget.list.setCurrentRow(0)
        assert widget.list.isEnabled()
        assert not widget.add_button.isEnabled()
        assert not widget.delete_button.isEnabled()
        assert not widget.merge_button.isEnabled()
    finally:
        session.close()


def test_a_department_picked_elsewhere_becomes_current_without_echo(panel, session):
    picked: list[object] = []
    session.department_selected.connect(picked.append)
    sales = session.journey.department_by_name("Sales").id
    session.department_selected.emit(sales)  # e.g. an idle-department finding was clicked
    assert panel.current_id() == sales
    assert picked == [sales]  # the panel did not announce it a second time


def test_step_counts_follow_edits_once_per_burst(panel, session, qtbot):
    sales = session.journey.department_by_name("Sales").id
    unowned = next(s.id for s in session.journey.steps.values() if s.department_id is None)
    first = panel.list.item(1)
    session.run_edit("Own", lambda j: j.update_step(unowned, department_id=sales))
    assert panel.list.item(1) is first  # not rebuilt inside the edit
    qtbot.waitUntil(lambda: "owns 2 steps" in panel.list.item(1).toolTip())
    qtbot.wait(50)  # nothing queued behind the count update either
    assert panel.list.item(1) is first
