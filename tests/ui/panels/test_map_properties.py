"""The map's title and description (issue 14, item 2): asked in the New dialog,
editable in the inspector with nothing selected and in Map → Properties; undoable,
written through, on the window's title and on the exports."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from laneway.io.export_options import ExportOptions
from laneway.render import write_pdf
from laneway.ui.dialogs.template_gallery import NAME_ROLE
from laneway.ui.widgets.fields import LIVE_DELAY_MS
from tests.conftest import reopen
from tests.ui.keyboard import CTRL, Keyboard, focus_canvas


def test_the_title_typed_in_the_inspector_names_window_file_and_exports(
    main_window, map_file, tmp_path, qtbot
):
    window = main_window
    window.session.set_selection([], [])
    form = window.inspector.map_form
    assert window.inspector.current_page is window.inspector.empty
    assert form.title.text() == "Test journey"
    focus_canvas(window, qtbot)
    form.title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.title)
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Spring campaign")
    qtbot.waitUntil(
        lambda: window.windowTitle().startswith("Spring campaign — "),
        timeout=LIVE_DELAY_MS * 4,
    )
    assert reopen(map_file).info.title == "Spring campaign"
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Lead to first order")
    qtbot.keyClick(form.description, Qt.Key.Key_Return, CTRL)
    assert reopen(map_file).info.description == "Lead to first order"
    pdf = tmp_path / "map.pdf"
    write_pdf(window.session.journey, pdf, ExportOptions())
    assert "Spring campaign" in " ".join(PdfReader(pdf).pages[0].extract_text().split())
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Rename map", "Describe map"]
    stack.undo()
    stack.undo()
    assert reopen(map_file).info.title == "Test journey"
    assert form.title.text() == "Test journey"  # the field follows undo
    assert window.windowTitle().startswith("Test journey — ")


def test_a_blank_title_is_not_taken(main_window, map_file, qtbot):
    window = main_window
    window.session.set_selection([], [])
    form = window.inspector.map_form
    focus_canvas(window, qtbot)
    form.title.setFocus()
    form.title.selectAll()
    qtbot.keyClick(form.title, Qt.Key.Key_Backspace)
    window.view.setFocus()  # leaving the field: the old title comes back
    assert form.title.text() == "Test journey"
    assert reopen(map_file).info.title == "Test journey"
    assert window.session.undo_stack.count() == 0


def test_map_properties_dialog_is_one_undo_step(main_window, map_file, qtbot):
    window = main_window
    focus_canvas(window, qtbot)
    keys = Keyboard()

    def fill(k: Keyboard) -> None:
        dialog = window.tools.last_dialog
        dialog.fields.title.selectAll()
        k.type("Renewal journey")
        k.press(Qt.Key.Key_Tab)
        k.type("From onboarding to renewal")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    keys.answer_next_dialog(fill)
    window.chrome.actions["properties"].trigger()
    info = reopen(map_file).info
    assert (info.title, info.description) == ("Renewal journey", "From onboarding to renewal")
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Edit map properties"
    assert window.windowTitle().startswith("Renewal journey — ")


def test_the_new_dialog_asks_for_title_and_description(controller, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "new.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    keys = Keyboard()

    def fill(k: Keyboard) -> None:
        gallery = QApplication.activeModalWidget()
        row = next(
            r for r in range(gallery.list.count()) if gallery.list.item(r).data(NAME_ROLE) == "b2b"
        )
        gallery.list.setCurrentRow(row)
        assert gallery.fields.title.text() == gallery.cards[row].title  # the template's
        gallery.fields.title.setFocus()
        gallery.fields.title.selectAll()
        k.type("Acme onboarding")
        gallery.list.setCurrentRow(0)  # another card keeps the typed title
        assert gallery.fields.title.text() == "Acme onboarding"
        gallery.list.setCurrentRow(row)
        gallery.fields.description.setPlainText("For the Acme workshop")
        gallery.accept()

    keys.answer_next_dialog(fill)
    controller.new_map_dialog(None)
    info = reopen(target).info
    assert (info.title, info.description) == ("Acme onboarding", "For the Acme workshop")
    assert len(reopen(target).steps) > 0  # from the template
    window = controller.windows[target.resolve()]
    assert window.windowTitle().startswith("Acme onboarding — ")
