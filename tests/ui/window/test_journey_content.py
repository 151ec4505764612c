"""SPEC §7 in the app, driven through the real widgets: personas, definitions, notes and
the emotion curve; every check reads the map file back as another program would."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip

from laneway.io.export_options import ExportOptions
from laneway.render.look import FONT_SCALE
from laneway.render.picture import ExportPicture
from laneway.ui.app.settings import Settings, config_dir
from laneway.ui.dialogs.export_dialog import ExportDialog
from tests.conftest import reopen
from tests.ui.conftest import step_id


def _link(window, source: str, target: str) -> str:
    journey = window.session.journey
    a, b = step_id(window, source), step_id(window, target)
    return next(k.id for k in journey.links.values() if (k.source, k.target) == (a, b))


def _answer_text(monkeypatch, *answers: str) -> list[str]:
    """QInputDialog.getText answers these, in turn; returns the prompts it was shown."""
    asked: list[str] = []
    queue = list(answers)

    def get_text(_parent, _title, prompt, *args, **kwargs):
        asked.append(prompt)
        return (queue.pop(0), True) if queue else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def _answer_note(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (text, True))


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def _type_agreement(window, qtbot, text: str) -> None:
    editor = window.inspector.link_form.agreement
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def _leave(window, qtbot) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QApplication.processEvents()


# ----------------------------------------------------------------------------- personas
def test_add_personas_name_them_on_a_step_and_filter(main_window, map_file, qtbot, monkeypatch):
    window = main_window
    panel = window.content_ui.personas
    assert window.lanes_tabs.indexOf(panel) == 2
    assert window.lanes_tabs.tabText(2) == "Personas"
    _answer_text(monkeypatch, "Trial user", "Buyer")
    _click(qtbot, panel.add_button)
    _click(qtbot, panel.add_button)
    personas = {p.name: p for p in reopen(map_file).personas.values()}
    assert list(personas) == ["Trial user", "Buyer"]
    # The step inspector ticks Buyer on "Qualify lead".
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    form = window.inspector.step_form
    buyer = next(b for b in form.personas.boxes.values() if b.text() == "Buyer")
    assert buyer.isVisible()
    _click(qtbot, buyer)
    saved = reopen(map_file)
    assert [saved.personas[p].name for p in saved.steps[qualify].personas] == ["Buyer"]
    assert "Buyer" in form.personas.summary.text()
    # Filtering on the trial user dims the steps of the buyer only (none named = all).
    combo = window.content_ui.filter
    assert combo.isEnabled() and combo.count() == 3
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Trial user"
    trial = window.content_ui.persona_filter
    assert window.session.journey.personas[trial].name == "Trial user"
    assert window.scene.step_item(qualify).opacity() < 0.5
    assert window.scene.step_item(step_id(window, "Reads blog")).opacity() == 1.0
    # The export follows the canvas: the same steps dimmed, the persona in the title.
    choices = window.content_ui.export_choices()
    picture = ExportPicture.build(window.session.journey, ExportOptions(**choices))
    try:
        assert picture.scene.content.dimmed_step_ids() == {qualify}
    finally:
        picture.close()
    # Recolour and reorder go to the file too; one undo puts the order back.
    panel.select(personas["Buyer"].id)
    _click(qtbot, panel.up_button)
    assert [p.name for p in reopen(map_file).personas_in_order()] == ["Buyer", "Trial user"]
    window.session.undo_stack.undo()
    assert [p.name for p in reopen(map_file).personas_in_order()] == ["Trial user", "Buyer"]


def test_deleting_a_persona_takes_it_off_its_steps(main_window, map_file, qtbot, monkeypatch):
    window = main_window
    panel = window.content_ui.personas
    _answer_text(monkeypatch, "Buyer")
    _click(qtbot, panel.add_button)
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    _click(qtbot, next(iter(window.inspector.step_form.personas.boxes.values())))
    monkeypatch.setattr(
        "laneway.ui.widgets.prompts.confirm", lambda *a, **k: True
    )  # "Delete the persona Buyer? 1 step names it."
    _click(qtbot, panel.delete_button)
    saved = reopen(map_file)
    assert not saved.personas and saved.steps[qualify].personas == ()
    assert window.content_ui.filter.count() == 1 and not window.content_ui.filter.isEnabled()


# --------------------------------------------------------------------------- definitions
def test_cite_an_undefined_term_then_define_it(main_window, map_file, qtbot, monkeypatch):
    window = main_window
    handoff = _link(window, "Requests demo", "Qualify lead")
    window.focus_items([], [handoff])
    _type_agreement(window, qtbot, "Once it is an [[MQL]]")
    _leave(window, qtbot)
    assert reopen(map_file).links[handoff].agreement == "Once it is an [[MQL]]"
    qtbot.waitUntil(lambda: any("MQL" in m for m in window.findings.groups().get("warning", [])))
    assert any(f.rule == "undefined-term" for f in window.session.document.report.findings)
    # Define it in the Definitions panel: the finding goes.
    panel = window.content_ui.definitions
    window.content_ui.definitions_dock.raise_()
    qtbot.waitUntil(panel.add_button.isVisible)
    _answer_text(monkeypatch, "MQL")
    _click(qtbot, panel.add_button)
    qtbot.keyClicks(QApplication.focusWidget(), "Marketing qualified lead: score 50 or more")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.state() != panel.table.State.EditingState)
    saved = reopen(map_file)
    (definition,) = saved.definitions.values()
    assert (definition.term, definition.meaning) == (
        "MQL",
        "Marketing qualified lead: score 50 or more",
    )
    qtbot.waitUntil(
        lambda: not any("MQL" in m for m in window.findings.groups().get("warning", []))
    )
    # The canvas caption shows the term underlined, its meaning in the arrow's tooltip.
    arrow = window.scene.link_item(handoff)
    assert arrow.caption.endswith("an MQL") and arrow.term_spans
    assert "MQL: Marketing qualified lead" in arrow.toolTip()


def test_typing_double_brackets_completes_a_term(main_window, map_file, qtbot):
    window = main_window
    window.session.run_edit("Define", lambda j: j.add_definition("Sales qualified lead", "SQL"))
    window.session.run_edit("Define", lambda j: j.add_definition("MQL", "Scored 50+"))
    handoff = _link(window, "Requests demo", "Qualify lead")
    window.focus_items([], [handoff])
    field = window.inspector.link_form.terms
    _type_agreement(window, qtbot, "Ready when it is an [[m")
    popup = field.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert field.offered()[0] == "MQL"  # starting with "m" before holding it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    editor = window.inspector.link_form.agreement
    assert editor.toPlainText() == "Ready when it is an [[MQL]]"
    qtbot.keyClicks(editor, " today")
    _leave(window, qtbot)
    assert reopen(map_file).links[handoff].agreement == "Ready when it is an [[MQL]] today"
    assert field.term_at(len("Ready when it is an [[M")) == "MQL"
    # Hovering over the cited term shows its meaning.
    cursor = editor.textCursor()
    cursor.setPosition(len("Ready when it is an [[M"))
    spot = editor.cursorRect(cursor).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, editor.viewport().mapToGlobal(spot))
    QApplication.sendEvent(editor.viewport(), hover)
    qtbot.waitUntil(lambda: QToolTip.text() == "MQL: Scored 50+")
    QToolTip.hideText()


def test_renaming_a_term_rewrites_the_agreements_in_one_undo_step(main_window, map_file, qtbot):
    window = main_window
    handoff = _link(window, "Requests demo", "Qualify lead")
    window.session.run_edit("Define", lambda j: j.add_definition("MQL", "Scored 50+"))
    window.session.run_edit(
        "Agree", lambda j: j.update_link(handoff, agreement="Every [[mql]] within a day")
    )
    table = window.content_ui.definitions.table
    window.content_ui.definitions_dock.show()
    window.content_ui.definitions_dock.raise_()
    qtbot.waitUntil(table.isVisible)
    cell = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the table's key here, not Rename Step
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, "Marketing QL")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    saved = reopen(map_file)
    assert [d.term for d in saved.definitions.values()] == ["Marketing QL"]
    assert saved.links[handoff].agreement == "Every [[Marketing QL]] within a day"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved = reopen(map_file)
    assert [d.term for d in saved.definitions.values()] == ["MQL"]
    assert saved.links[handoff].agreement == "Every [[mql]] within a day"
    assert table.item(0, 0).text() == "MQL"


# --------------------------------------------------------------------------------- notes
def test_add_a_note_by_key_then_resolve_and_reopen_it(
    main_window, controller, map_file, qtbot, monkeypatch
):
    window = main_window
    controller.settings.note_author = ""
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    asked = _answer_text(monkeypatch, "Ana")
    _answer_note(monkeypatch, "Who calls back on a Friday?")
    window.view.setFocus()
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    (note,) = reopen(map_file).notes.values()
    assert (note.text, note.author, note.step_id) == ("Who calls back on a Friday?", "Ana", qualify)
    assert note.created.endswith("Z") and not note.resolved
    assert len(asked) == 1 and controller.settings.note_author == "Ana"
    (marker,) = window.scene.content.marks.markers
    assert marker.target == ("step", qualify) and marker.text == "1"
    # A second note on the map (nothing selected): the author is not asked again.
    window.focus_items([], [])
    _answer_note(monkeypatch, "Partner deals are out of scope")
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert len(asked) == 1
    notes = reopen(map_file).notes
    assert {(n.step_id, n.author) for n in notes.values()} == {(None, "Ana"), (qualify, "Ana")}
    # The Notes panel: picking the note selects its step; Resolve, then Reopen.
    panel = window.content_ui.notes
    panel.select(note.id)
    assert window.session.selected_step_ids == {qualify}
    assert panel.resolve_button.text() == "Resolve"

    def open_findings() -> int:
        return sum(f.rule == "open-note" for f in window.session.document.report.findings)

    assert open_findings() == 2
    _click(qtbot, panel.resolve_button)
    assert reopen(map_file).notes[note.id].resolved
    assert open_findings() == 1
    assert panel.open_group.childCount() == 1 and panel.resolved_group.childCount() == 1
    assert window.scene.content.marks.markers == []
    panel.select(note.id)
    assert panel.resolve_button.text() == "Reopen"
    _click(qtbot, panel.resolve_button)
    assert not reopen(map_file).notes[note.id].resolved
    assert len(window.scene.content.marks.markers) == 1


def test_the_context_menu_adds_a_note_on_an_arrow(main_window, map_file, qtbot, monkeypatch):
    window = main_window
    handoff = _link(window, "Requests demo", "Qualify lead")
    _answer_text(monkeypatch, "Sam")
    _answer_note(monkeypatch, "What does sales need first?")
    monkeypatch.setattr(window.host.settings, "note_author", "")  # nobody asked yet
    menu = window.context_menus.link_menu(handoff)
    entry = next(a for a in menu.actions() if a.text() == "Add Not&e…")
    entry.trigger()
    (note,) = reopen(map_file).notes.values()
    assert (note.link_id, note.author) == (handoff, "Sam")
    assert window.scene.content.marks.marker_rect(("link", handoff)) is not None


# ----------------------------------------------------------------------------- the curve
def test_the_emotion_curve_is_toggled_and_remembered(main_window, controller, map_file, qtbot):
    window = main_window
    action = window.content_ui.curve_action
    assert action in window.chrome.menus["&View"].actions()
    band = window.scene.content.band
    top = window.scene.sceneRect().top()
    assert not band.isVisible()
    action.trigger()
    assert band.isVisible() and controller.settings.emotion_curve
    assert window.scene.sceneRect().top() < top - 100  # room above the lanes
    # Rate a step unhappy in the inspector: the curve dips there, labelled with the title.
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    combo = window.inspector.step_form.emotion
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(-2))
    combo.activated.emit(combo.currentIndex())
    assert reopen(map_file).steps[qualify].emotion == -2
    qtbot.waitUntil(lambda: band.low_point_labels() == ["Qualify lead"])
    # The export of the window has the band too.
    choices = window.content_ui.export_choices()
    assert choices["emotion_curve"] is True
    with_curve = ExportPicture.build(window.session.journey, ExportOptions(**choices))
    without = ExportPicture.build(window.session.journey, ExportOptions())
    without_height = without.size.height()
    curve_height = with_curve.size.height()
    try:
        assert with_curve.size.height() > without.size.height() + 100
        assert with_curve.scene.content.band.low_point_labels() == ["Qualify lead"]
    finally:
        with_curve.close()
        without.close()
    # The export dialog starts with the curve ticked; Copy as Image has it too.
    dialog = ExportDialog(window, window.session.document, set(), **choices)
    try:
        assert dialog.emotion_curve.isChecked() and dialog.options().emotion_curve
    finally:
        dialog.close()
    window.focus_items([], [])  # the whole map, not the selected step
    window.chrome.actions["copy_image"].trigger()
    copied = QApplication.clipboard().image()
    # the 2× picture (pixels per canvas unit: the export's text is FONT_SCALE larger)
    pixels = 2 / FONT_SCALE
    assert abs(copied.height() - pixels * curve_height) <= 2  # band included
    assert copied.height() > pixels * (without_height + 100)
    # Presentation mode keeps the band, inside what the projector shows.
    window.toggle_presentation()
    try:
        presented = window.presentation
        assert presented.active and band.isVisible()
        shown_band = presented.scene.content.band
        assert shown_band.isVisible()
        view = presented.view
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(shown_band.sceneBoundingRect().center())
    finally:
        window.toggle_presentation()
    action.trigger()
    assert not band.isVisible() and not controller.settings.emotion_curve


@pytest.mark.parametrize("shown", [True, False])
def test_a_new_window_remembers_the_curve(controller, map_file, qtbot, shown):
    controller.settings.emotion_curve = shown
    window = controller.open_path(map_file)
    qtbot.waitExposed(window)
    assert window.content_ui.curve_action.isChecked() is shown
    assert window.scene.content.band.isVisible() is shown
    assert window.view.mapFromScene(0, 0) != QPoint(-1, -1)


def test_the_author_and_the_curve_survive_a_restart(controller):
    controller.set_preference("note_author", "Ana")
    controller.set_preference("emotion_curve", True)
    loaded = Settings.load()  # the next start reads the file
    assert (loaded.note_author, loaded.emotion_curve) == ("Ana", True)
    path = config_dir() / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "note_author": 7, "emotion_curve": "yes"}), "utf-8")
    damaged = Settings.load()  # wrong kinds of value are ignored, not believed
    assert (damaged.note_author, damaged.emotion_curve) == ("", False)


def test_del_in_the_definitions_deletes_the_term_not_the_selected_step(
    main_window, map_file, qtbot
):
    window = main_window
    window.session.run_edit("Define", lambda j: j.add_definition("MQL", "Scored 50+"))
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    window.content_ui.definitions_dock.raise_()
    table = window.content_ui.definitions.table
    qtbot.waitUntil(table.isVisible)
    cell = table.visualItemRect(table.item(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    saved = reopen(map_file)
    assert not saved.definitions and qualify in saved.steps
    assert window.content_ui.definitions.empty.isVisible()
