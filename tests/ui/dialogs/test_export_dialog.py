"""The Export dialog: options change the live preview; Export writes the file."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from laneway.ui.dialogs.export_dialog import ExportDialog, copy_image_to_clipboard


def test_options_update_the_preview_and_export_writes_the_file(
    main_window, tmp_path, monkeypatch, qtbot
):
    dialog = ExportDialog(main_window, main_window.session.document, set())
    qtbot.addWidget(dialog)
    first = dialog.preview.pixmap().toImage()
    assert not first.isNull()
    room = dialog._scroll.viewport().size()
    # the whole picture, shrunk into the preview area: no scrolling to see the right end
    assert first.width() <= room.width() and first.height() <= room.height()
    assert max(first.width() - room.width(), first.height() - room.height()) >= -8 - 1
    dialog.title.setChecked(False)
    dialog.refresh_preview()
    without_title = dialog.preview.pixmap().toImage()
    # a shorter picture: relatively wider (whichever side the preview area limits)
    assert without_title.width() * first.height() > first.width() * without_title.height()
    dialog.scale.setValue(3)
    dialog.refresh_preview()
    assert "pixels" in dialog.preview_note.text()
    target = tmp_path / "deck.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    assert target.exists() and target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_only_the_selection_as_pptx(main_window, tmp_path, monkeypatch, qtbot):
    from pptx import Presentation

    selected = {next(iter(main_window.session.journey.steps))}
    dialog = ExportDialog(main_window, main_window.session.document, selected)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(".pptx"))
    dialog.only_selection.setChecked(True)
    target = tmp_path / "slides.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    steps = [
        shape.name
        for slide in Presentation(str(target)).slides
        for shape in slide.shapes
        if shape.name.startswith("Step ")
    ]
    assert steps == [f"Step {next(iter(selected))}"]


def test_copy_as_image_puts_a_picture_on_the_clipboard(main_window):
    QGuiApplication.clipboard().clear()
    copy_image_to_clipboard(main_window.session.document, set())
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 1000


def test_map_slides_spin_box_forces_the_pages_of_a_16_9_pdf(
    main_window, tmp_path, monkeypatch, qtbot
):
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    dialog = ExportDialog(main_window, main_window.session.document, set())
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    assert not dialog.slides.isEnabled()  # a map-sized page is one page
    dialog.page.setCurrentIndex(dialog.page.findData("16:9"))
    assert dialog.slides.isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.slides.setFocus()
    editor = dialog.slides.lineEdit()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "2")
    assert dialog.options().slides == 2
    dialog.refresh_preview()
    assert "2 map pages" in dialog.preview_note.text()
    target = tmp_path / "deck.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    assert len(PdfReader(target).pages) == 2
