"""Files from the app: open once, bad files, read-only, outside changes, new, import, demo."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from laneway.document import Document
from laneway.store import StoreWriteError
from laneway.ui.dialogs.import_summary import ImportSummaryDialog
from tests.conftest import reopen
from tests.ui.conftest import step_id


def test_a_map_opened_twice_is_shown_once(controller, map_file, qtbot):
    first = controller.open_path(map_file)
    second = controller.open_path(Path(str(map_file)))
    assert first is second
    assert len(controller.windows) == 1


def test_opening_a_bad_file_says_one_sentence_and_opens_nothing(controller, tmp_path):
    bad = tmp_path / "notes.laneway"
    bad.write_text("these are my workshop notes", encoding="utf-8")
    assert controller.open_path(bad) is None
    [sentence] = controller.errors
    assert sentence.startswith("notes.laneway") and sentence.endswith(".")
    assert "\n" not in sentence
    assert bad.read_text(encoding="utf-8") == "these are my workshop notes"


def test_a_failing_write_makes_the_map_read_only_with_a_banner(main_window, map_file, monkeypatch):
    window = main_window
    store = window.session.document.store

    def fail(changeset, **kwargs):
        raise StoreWriteError(store.path, "could not be written (disk full)")

    monkeypatch.setattr(store, "write", fail)
    before = reopen(map_file)
    sid = step_id(window, "Reads blog")
    window.session.run_edit("Rename", lambda j: j.update_step(sid, title="Lost"))
    assert window.banner.isVisible()
    assert "Read-only" in window.banner.text() and "Save a Copy" in window.banner.text()
    assert window.session.journey.steps[sid].title == "Reads blog"  # memory rolled back
    assert reopen(map_file).same_content(before)
    assert not window.view.isInteractive()


def test_a_change_by_another_program_reloads_with_a_message(main_window, map_file, qtbot):
    window = main_window
    sid = step_id(window, "Reads blog")
    other = Document.open(map_file)
    with other.edit("Rename elsewhere"):
        other.journey.update_step(sid, title="Changed elsewhere")
    other.close()
    assert window.session.check_for_outside_changes()
    assert window.scene.step_item(sid).step.title == "Changed elsewhere"
    assert window.notice.isVisible() and "another program" in window.notice.text()
    assert window.session.undo_stack.count() == 0


def test_demo_opens_the_b2b_template_as_a_new_map(controller, qtbot):
    window = controller.open_demo()
    qtbot.waitExposed(window)
    path = window.session.document.path
    assert path.suffix == ".laneway" and path.exists()
    assert len(reopen(path).steps) == 19
    assert "B2B" in window.windowTitle()


def test_new_map_from_a_template_and_recent_files(controller, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "workshop.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = controller.new_map("support", None)
    assert window is not None
    assert len(reopen(target).steps) == 12
    assert str(target.resolve()) == controller.settings.recent[0]
    window.close()
    screen = controller.show_start_screen()
    assert screen.recent.item(0).text().startswith("workshop")
    opened = []
    screen.open_requested.connect(opened.append)
    screen.recent.itemActivated.emit(screen.recent.item(0))
    assert opened == [target.resolve()]
    screen.close()


def test_import_creates_a_new_map_and_reports_counts(controller, tmp_path, monkeypatch):
    source = tmp_path / "journey.json"
    source.write_text(
        json.dumps(
            {
                "steps": [
                    {"id": "a", "title": "Sees ad", "department": "Marketing"},
                    {"id": "b", "title": "Buys", "department": "Sales"},
                ],
                "links": [{"from": "a", "to": "b"}],
            }
        ),
        encoding="utf-8",
    )
    before = source.read_bytes()
    target = tmp_path / "imported.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = controller.import_path(source, None)
    assert window is not None
    assert "Imported 2 steps, 1 link, 2 departments and 0 stages" in window.notice.text()
    assert source.read_bytes() == before
    assert {s.title for s in reopen(target).steps.values()} == {"Sees ad", "Buys"}


def test_import_with_left_out_entries_shows_them_before_opening(controller, tmp_path, monkeypatch):
    source = tmp_path / "journey.bpmn"
    source.write_text(
        '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
        '<process id="p"><task id="a" name="Sees ad"/><task id="b" name="Buys"/>'
        '<sequenceFlow id="f" sourceRef="a" targetRef="b"/>'
        '<textAnnotation id="n"><text>Ask legal</text></textAnnotation>'
        "</process></definitions>",
        encoding="utf-8",
    )
    target = tmp_path / "imported.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[list[str]] = []

    def read_and_close(dialog):
        shown.append(dialog.skipped_sentences())
        return 1

    monkeypatch.setattr(ImportSummaryDialog, "exec", read_and_close)
    window = controller.import_path(source, None)
    assert window is not None
    assert shown == [["1 text annotation"]]
    assert "1 note on what was left out" in window.notice.text()
    assert {s.title for s in reopen(target).steps.values()} == {"Sees ad", "Buys"}


def test_save_a_copy(main_window, tmp_path, monkeypatch):
    target = tmp_path / "copy.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.map_commands.save_copy()
    assert reopen(target).same_content(main_window.session.journey)


def test_theme_and_text_size_switch_the_canvas(controller, main_window):
    controller.set_theme("dark")
    assert main_window.scene.style.name == "dark"
    controller.set_font_scale(1.5)
    assert main_window.scene.style.font_scale == 1.5
    assert main_window.scene.metrics.card_width == 184 * 1.5
    controller.set_theme("light")
    controller.set_font_scale(1.0)
    assert main_window.scene.style.name == "light"


def test_large_text_widens_the_panels_and_the_inspector_fits_them(controller, main_window, qtbot):
    window = main_window
    window.resize(1500, 950)
    inspector = window.inspector
    normal_width = window.docks[0].width()
    controller.set_font_scale(1.5)
    try:
        step = next(iter(window.session.journey.steps))
        window.session.focus([step])
        qtbot.wait(20)
        assert window.docks[0].width() > normal_width
        # nothing is cut off at the right: the form is no wider than the panel
        assert inspector.widget().width() <= inspector.viewport().width()
        assert inspector.horizontalScrollBar().maximum() == 0 or not (
            inspector.horizontalScrollBar().isVisible()
        )
    finally:
        controller.set_font_scale(1.0)


def test_presentation_mode_keeps_the_whole_map_fitted(main_window, qtbot):
    window = main_window
    window.toggle_presentation()
    view = window.presentation.view
    try:
        qtbot.waitUntil(window.isFullScreen)
        assert view.isVisible() and view.frame is not None
        assert not window.docks[0].isVisible() and not window.menuBar().isVisible()
        # the screen the slides go to may have another size: the map follows it
        for width, height in ((700, 450), (1500, 950)):
            view.resize(width, height)
            qtbot.wait(20)
            steps = window.presentation.scene.items_rect(window.session.journey.steps)
            assert view.visible_rect().contains(steps)
    finally:
        window.toggle_presentation()
    assert not window.isFullScreen() and window.docks[0].isVisible()
    assert not view.isVisible()


def test_importing_a_broken_file_says_one_sentence_and_writes_nothing(
    controller, tmp_path, monkeypatch
):
    source = tmp_path / "broken.bpmn"
    source.write_text("<definitions><process id='p'><task id='a'", encoding="utf-8")
    before = source.read_bytes()
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    assert controller.import_path(source, None) is None
    assert len(controller.errors) == 1
    sentence = controller.errors[0]
    assert "broken.bpmn" in sentence and "\n" not in sentence and "Traceback" not in sentence
    assert asked == []  # no save dialog for a file that cannot be read
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.bpmn"]
