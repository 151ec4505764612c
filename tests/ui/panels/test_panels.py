"""Inspector, departments, stages and findings, driven by keyboard and mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit

from tests.conftest import reopen
from tests.ui.conftest import step_id


def _type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_inspector_edits_every_kind_of_step_field(main_window, map_file, qtbot):
    window = main_window
    sid = step_id(window, "Qualify lead")
    window.scene.select_ids([sid])
    form = window.inspector.step_form
    assert window.inspector.current_page is form
    title = form.findChild(QLineEdit, "title")
    _type_into(qtbot, title, "Qualify the lead")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    channel = form.findChild(QLineEdit, "channel")
    _type_into(qtbot, channel, "phone")
    qtbot.keyClick(channel, Qt.Key.Key_Return)
    pain = form.findChild(QPlainTextEdit, "pain_points")
    pain.setFocus()
    qtbot.keyClicks(pain, "Waits three days for a call")
    channel.setFocus()  # leaving the field commits it
    form.emotion.setCurrentIndex(form.emotion.findData(-1))
    form.emotion.activated.emit(form.emotion.currentIndex())
    form.terminal.click()
    form.stage.setCurrentIndex(form.stage.findData(None))
    form.stage.activated.emit(form.stage.currentIndex())
    step = reopen(map_file).steps[sid]
    assert step.title == "Qualify the lead"
    assert step.channel == "phone"
    assert step.pain_points == "Waits three days for a call"
    assert step.emotion == -1
    assert step.terminal is True
    assert step.stage_id is None
    window.session.undo_stack.undo()  # the stage change
    assert reopen(map_file).steps[sid].stage_id is not None
    window.session.undo_stack.redo()
    assert reopen(map_file).steps[sid].stage_id is None


def test_typing_a_title_in_bursts_is_one_undo_step(main_window, map_file, qtbot):
    window = main_window
    sid = step_id(window, "Reads blog")
    window.scene.select_ids([sid])
    title = window.inspector.step_form.findChild(QLineEdit, "title")
    for text in ("Reads", "Reads the blog"):
        _type_into(qtbot, title, text)
        qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert reopen(map_file).steps[sid].title == "Reads blog"


def test_agreement_in_the_link_inspector_closes_the_gap(main_window, map_file, qtbot):
    window = main_window
    journey = window.session.journey
    link = journey.link_between(step_id(window, "Requests demo"), step_id(window, "Qualify lead"))
    assert window.session.document.report.summary.agreed_handoffs == 0
    window.scene.select_ids([], [link.id])
    form = window.inspector.link_form
    assert window.inspector.current_page is form
    assert "Handoff gap" in form.status.text()
    agreement = form.findChild(QPlainTextEdit, "agreement")
    agreement.setFocus()
    qtbot.keyClicks(agreement, "MQL: score >= 50")
    form.findChild(QLineEdit, "sla").setFocus()
    assert reopen(map_file).links[link.id].agreement == "MQL: score >= 50"
    qtbot.waitUntil(lambda: "Handoffs agreed 100%" in window.coverage.text())
    tree = window.findings.tree
    messages = [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert messages and not [m for m in messages if m.startswith("Nobody agreed")]
    assert "Handoffs agreed 100%" in window.coverage.text()


def test_departments_panel_add_rename_reorder_merge_delete(
    main_window, map_file, qtbot, monkeypatch
):
    window = main_window
    panel = window.departments
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legal", True))
    panel.add_button.click()
    assert reopen(map_file).department_by_name("Legal") is not None
    # rename by editing the list item
    item = panel.list.item(2)
    item.setText("Legal & Compliance")
    assert reopen(map_file).department_by_name("Legal & Compliance") is not None
    # reorder: move it up
    panel.list.setCurrentRow(2)
    panel.up_button.click()
    assert [d.name for d in reopen(map_file).departments_in_order()][1] == "Legal & Compliance"
    # merge Marketing into Sales
    marketing = window.session.journey.department_by_name("Marketing").id
    sales = window.session.journey.department_by_name("Sales").id
    owned_before = [
        s.id for s in window.session.journey.steps.values() if s.department_id == marketing
    ]
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Sales", True))
    panel.merge_button.click()
    journey = reopen(map_file)
    assert journey.department_by_name("Marketing") is None
    assert all(journey.steps[s].department_id == sales for s in owned_before)
    window.session.undo_stack.undo()
    journey = reopen(map_file)
    assert journey.department_by_name("Marketing") is not None
    assert all(journey.steps[s].department_id == marketing for s in owned_before)
    window.session.undo_stack.redo()
    assert reopen(map_file).department_by_name("Marketing") is None

    # delete Sales after confirming: its steps become unowned
    def confirm_destructive(box: QMessageBox) -> int:
        role = QMessageBox.ButtonRole.DestructiveRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", confirm_destructive)
    panel.list.setCurrentRow(
        [d.id for d in window.session.journey.departments_in_order()].index(sales)
    )
    panel.delete_button.click()
    journey = reopen(map_file)
    assert journey.department_by_name("Sales") is None
    assert all(journey.steps[s].department_id is None for s in owned_before)


def test_stages_panel_add_rename_reorder_delete(main_window, map_file, qtbot, monkeypatch):
    window = main_window
    panel = window.stages
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Retention", True))
    panel.add_button.click()
    assert [s.name for s in reopen(map_file).stages_in_order()] == [
        "Awareness",
        "Purchase",
        "Retention",
    ]
    panel.list.item(2).setText("Loyalty")
    panel.list.setCurrentRow(2)
    panel.up_button.click()
    assert [s.name for s in reopen(map_file).stages_in_order()] == [
        "Awareness",
        "Loyalty",
        "Purchase",
    ]
    panel.list.setCurrentRow(1)
    panel.delete_button.click()  # empty stage: no confirmation needed
    assert [s.name for s in reopen(map_file).stages_in_order()] == ["Awareness", "Purchase"]


def test_selecting_a_finding_selects_and_centres_its_steps(main_window, qtbot):
    window = main_window
    tree = window.findings.tree
    errors = tree.topLevelItem(0)
    assert errors.text(0).startswith("Errors (1)")
    errors.child(0).setSelected(True)
    unowned = step_id(window, "Nobody calls")
    assert window.session.selected_step_ids == {unowned}
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.step_item(unowned).sceneBoundingRect().center())
    assert window.inspector.current_page is window.inspector.step_form


def test_status_bar_shows_coverage(main_window):
    text = main_window.coverage.text()
    assert "Ownership 75% (3/4)" in text
    assert "Handoffs agreed 0% (0/1)" in text


def test_unassigned_lane_badges_and_findings_overlay_toggle(main_window, qtbot):
    window = main_window
    unowned = window.scene.step_item(step_id(window, "Nobody calls"))
    assert unowned.worst_severity() == "error"
    window.chrome.actions["findings"].setChecked(False)
    assert unowned.worst_severity() is None
    window.chrome.actions["findings"].setChecked(True)
    assert window.scene.grid.lanes[0].step_count == 1
