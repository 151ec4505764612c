"""The inspector on its own: a user types, picks and ticks; the file follows; undo works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QComboBox, QLineEdit, QPlainTextEdit

from laneway.document import Document
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.findings import FindingsPanel
from laneway.ui.panels.inspector import Inspector
from tests.conftest import reopen
from tests.ui.conftest import shown


@pytest.fixture
def inspector(session: MapSession, qtbot) -> Inspector:
    return shown(Inspector(session), qtbot, 380, 760)


def _step(session: MapSession, title: str) -> str:
    return next(s.id for s in session.journey.steps.values() if s.title == title)


def _type_line(qtbot, editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _type_text(qtbot, editor: QPlainTextEdit, text: str, leave_to) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    leave_to.setFocus()  # leaving the field commits it


def _pick(qtbot, combo: QComboBox, data: object) -> None:
    """Choose an entry with the keyboard, as a user tabbing through the form would."""
    combo.setFocus()
    for _press in range(combo.count() * 2):
        target = combo.findData(data)  # entries may be refilled after each commit
        assert target >= 0, f"{data!r} is not offered"
        if combo.currentIndex() == target:
            return
        key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    raise AssertionError(f"could not pick {data!r}")


def test_empty_inspector_says_what_to_do(inspector: Inspector) -> None:
    assert inspector.current_page is inspector.empty
    assert "Double-click a lane" in inspector.map_form.hint.text()


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("title", "Qualify the lead"),
        ("channel", "phone"),
        ("customer_action", "Answers questions"),
        ("kpi", "Time to first call"),
        ("responsible", "Dana (SDR lead)"),
    ],
)
def test_each_line_field_is_written_and_undone(session, inspector, map_file, qtbot, field, text):
    sid = _step(session, "Qualify lead")
    before = getattr(reopen(map_file).steps[sid], field)
    session.set_selection({sid}, set())
    assert inspector.current_page is inspector.step_form
    _type_line(qtbot, inspector.step_form.findChild(QLineEdit, field), text)
    assert getattr(reopen(map_file).steps[sid], field) == text
    session.undo_stack.undo()
    assert getattr(reopen(map_file).steps[sid], field) == before
    assert inspector.step_form.findChild(QLineEdit, field).text() == before
    session.undo_stack.redo()
    assert getattr(reopen(map_file).steps[sid], field) == text


@pytest.mark.parametrize("field", ["description", "pain_points"])
def test_multiline_fields_commit_on_leaving(session, inspector, map_file, qtbot, field):
    sid = _step(session, "Qualify lead")
    session.set_selection({sid}, set())
    form = inspector.step_form
    _type_text(qtbot, form.findChild(QPlainTextEdit, field), "Waits three days", form.texts["kpi"])
    assert getattr(reopen(map_file).steps[sid], field) == "Waits three days"
    session.undo_stack.undo()
    assert getattr(reopen(map_file).steps[sid], field) == ""


def test_owner_stage_emotion_entry_terminal(session, inspector, map_file, qtbot):
    sid = _step(session, "Nobody calls")
    sales = session.journey.department_by_name("Sales").id
    awareness = session.journey.stage_by_name("Awareness").id
    session.set_selection({sid}, set())
    form = inspector.step_form
    _pick(qtbot, form.department, sales)
    _pick(qtbot, form.stage, awareness)
    _pick(qtbot, form.emotion, -2)
    qtbot.mouseClick(form.entry, Qt.MouseButton.LeftButton, pos=form.entry.rect().center())
    qtbot.mouseClick(form.terminal, Qt.MouseButton.LeftButton, pos=form.terminal.rect().center())
    step = reopen(map_file).steps[sid]
    assert (step.department_id, step.stage_id, step.emotion) == (sales, awareness, -2)
    assert step.entry and step.terminal
    # Undo everything, newest first; each field was its own undo step.
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    step = reopen(map_file).steps[sid]
    assert step.department_id is None and step.emotion is None
    assert not step.entry and not step.terminal
    assert form.department.currentData() is None  # the form follows undo
    session.undo_stack.redo()
    assert reopen(map_file).steps[sid].department_id == sales


def test_emotion_can_be_unset_again(session, inspector, map_file, qtbot):
    sid = _step(session, "Reads blog")
    session.set_selection({sid}, set())
    _pick(qtbot, inspector.step_form.emotion, 1)
    assert reopen(map_file).steps[sid].emotion == 1
    _pick(qtbot, inspector.step_form.emotion, None)
    assert reopen(map_file).steps[sid].emotion is None


def test_an_empty_title_is_refused_and_the_old_one_returns(session, inspector, map_file, qtbot):
    sid = _step(session, "Reads blog")
    session.set_selection({sid}, set())
    title = inspector.step_form.findChild(QLineEdit, "title")
    _type_line(qtbot, title, "   ")
    assert reopen(map_file).steps[sid].title == "Reads blog"
    assert title.text() == "Reads blog"
    assert session.undo_stack.count() == 0


def test_typing_is_not_clobbered_by_an_undo_elsewhere(session, inspector, map_file, qtbot):
    blog, demo = _step(session, "Reads blog"), _step(session, "Requests demo")
    session.run_edit("Rename", lambda j: j.update_step(demo, title="Asks for a demo"))
    session.set_selection({blog}, set())
    channel = inspector.step_form.findChild(QLineEdit, "channel")
    channel.setFocus()
    qtbot.keyClicks(channel, "web")
    session.undo_stack.undo()  # changes another step while the user types here
    assert channel.text() == "web"
    qtbot.keyClick(channel, Qt.Key.Key_Return)
    assert reopen(map_file).steps[blog].channel == "web"


def test_agreement_closes_the_gap_and_the_findings_follow(session, inspector, map_file, qtbot):
    findings = FindingsPanel(session)
    qtbot.addWidget(findings)
    session.refresh_report()
    link = session.journey.link_between(
        _step(session, "Requests demo"), _step(session, "Qualify lead")
    )
    assert any(m.startswith("Nobody agreed") for m in findings.groups()["warning"])
    session.set_selection(set(), {link.id})
    form = inspector.link_form
    assert inspector.current_page is form
    assert "Requests demo → Qualify lead" in form.heading.text()
    assert "Handoff gap" in form.status.text()
    assert form.is_gap_highlighted()
    _type_text(qtbot, form.agreement, "MQL: score >= 50", form.sla)
    _type_line(qtbot, form.sla, "24 h")
    _type_line(qtbot, form.label, "demo request")
    saved = reopen(map_file).links[link.id]
    assert (saved.agreement, saved.sla, saved.label) == ("MQL: score >= 50", "24 h", "demo request")
    qtbot.waitUntil(lambda: session.document.report.summary.handoff_coverage == 1.0)
    qtbot.waitUntil(
        lambda: not any(m.startswith("Nobody agreed") for m in findings.groups().get("warning", []))
    )
    assert "agreed" in form.status.text() and not form.is_gap_highlighted()
    session.undo_stack.undo()  # label
    session.undo_stack.undo()  # sla
    session.undo_stack.undo()  # agreement: the gap is open again
    assert reopen(map_file).links[link.id].agreement == ""
    assert "Handoff gap" in form.status.text()


def test_a_link_between_one_owner_is_not_a_handoff(session, inspector):
    link = session.journey.link_between(
        _step(session, "Reads blog"), _step(session, "Requests demo")
    )
    session.set_selection(set(), {link.id})
    assert "Not a handoff" in inspector.link_form.status.text()


def test_department_rename_and_recolor(session, inspector, map_file, qtbot, monkeypatch):
    marketing = session.journey.department_by_name("Marketing").id
    session.department_selected.emit(marketing)
    form = inspector.department_form
    assert inspector.current_page is form
    assert "2 steps" in form.count.text()
    _type_line(qtbot, form.name, "Growth")
    assert reopen(map_file).departments[marketing].name == "Growth"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    qtbot.mouseClick(form.color, Qt.MouseButton.LeftButton)
    assert reopen(map_file).departments[marketing].color == "#123456"
    session.undo_stack.undo()
    session.undo_stack.undo()
    saved = reopen(map_file).departments[marketing]
    assert saved.name == "Marketing" and saved.color != "#123456"
    assert form.name.text() == "Marketing"


def test_a_taken_department_name_is_refused_in_one_sentence(session, inspector, map_file, qtbot):
    errors: list[str] = []
    session.error.connect(errors.append)
    marketing = session.journey.department_by_name("Marketing").id
    session.department_selected.emit(marketing)
    _type_line(qtbot, inspector.department_form.name, "sales")
    assert reopen(map_file).departments[marketing].name == "Marketing"
    assert errors and errors[0].endswith(".") and "Sales" in errors[0]
    assert inspector.department_form.name.text() == "Marketing"


def test_stage_rename(session, inspector, map_file, qtbot):
    purchase = session.journey.stage_by_name("Purchase").id
    session.stage_selected.emit(purchase)
    assert inspector.current_page is inspector.stage_form
    _type_line(qtbot, inspector.stage_form.name, "Decision")
    assert reopen(map_file).stages[purchase].name == "Decision"
    session.undo_stack.undo()
    assert reopen(map_file).stages[purchase].name == "Purchase"


def test_several_steps_get_one_owner_in_one_undo_step(session, inspector, map_file, qtbot):
    ids = {_step(session, "Reads blog"), _step(session, "Nobody calls")}
    session.set_selection(ids, set())
    form = inspector.many_form
    assert inspector.current_page is form
    assert form.heading.text() == "2 steps selected"
    assert form.department.currentText().startswith("Mixed")
    sales = session.journey.department_by_name("Sales").id
    _pick(qtbot, form.department, sales)
    journey = reopen(map_file)
    assert all(journey.steps[s].department_id == sales for s in ids)
    assert session.undo_stack.count() == 1
    assert form.department.currentData() == sales  # now shared: shown as such
    session.undo_stack.undo()
    assert reopen(map_file).steps[_step(session, "Nobody calls")].department_id is None


def test_deleted_subject_empties_the_inspector(session, inspector):
    sid = _step(session, "Nobody calls")
    session.set_selection({sid}, set())
    session.run_edit("Delete", lambda j: j.remove_step(sid))
    assert inspector.current_page is inspector.empty


def test_read_only_map_disables_the_inspector(map_file, qtbot):
    session = MapSession(Document.open(map_file, read_only=True))
    try:
        widget = Inspector(session)
        qtbot.addWidget(widget)
        assert not widget.isEnabled()
    finally:
        session.close()


def test_the_step_form_lists_what_the_analysis_says_about_it(session, inspector, qtbot):
    sid = _step(session, "Nobody calls")
    session.set_selection({sid}, set())
    session.refresh_report()
    findings = inspector.step_form.findings
    assert findings.isVisible() and "Nobody owns" in findings.text()
    sales = session.journey.department_by_name("Sales").id
    _pick(qtbot, inspector.step_form.department, sales)
    session.refresh_report()
    assert "Nobody owns" not in findings.text()


def test_typing_never_waits_for_the_analysis(session, inspector, qtbot, monkeypatch):
    """Edits from the inspector leave the analysis to the session's coalescing timer."""
    import laneway.document

    runs: list[int] = []
    real = laneway.document.analyze
    monkeypatch.setattr(
        laneway.document, "analyze", lambda *a, **k: runs.append(1) or real(*a, **k)
    )
    sid = _step(session, "Qualify lead")
    session.set_selection({sid}, set())
    session.refresh_report()
    runs.clear()
    for text in ("p", "ph", "pho"):
        _type_line(qtbot, inspector.step_form.findChild(QLineEdit, "channel"), text)
    assert runs == []  # nothing analysed while the facilitator types
    qtbot.waitUntil(lambda: runs == [1])  # then once for the burst
