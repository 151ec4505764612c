"""Print (issue 14, item 6): the printed page is the PDF export's page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import write_pdf
from laneway.ui.dialogs.print_preview import PrintJob, PrintPreview
from tests.ui.keyboard import CTRL, Keyboard, focus_canvas

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) renders the pages"
)


def _page_image(pdf: Path, dpi: int = 40) -> QImage:
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(prefix)], check=True
    )
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _difference(a: QImage, b: QImage) -> float:
    """The share of pixels that differ visibly between the two images (0: none)."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    differing = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if sum(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16)) > 60:
                differing += 1
    return differing / (a.width() * a.height())


def _print_to_pdf(journey, options: ExportOptions, path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    job = PrintJob(journey, options, printer)
    try:
        job.paint(printer)  # what the preview's paintRequested does
    finally:
        job.close()


@needs_poppler
@pytest.mark.parametrize("page", ["a4", "letter", "map"])
def test_the_printed_page_is_the_pdf_page(page, tmp_path, qapp):
    journey = load_template("b2b")
    options = ExportOptions(page=page)
    exported, printed = tmp_path / "exported.pdf", tmp_path / "printed.pdf"
    write_pdf(journey, exported, options)
    _print_to_pdf(journey, options, printed)
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in (PdfReader(exported).pages[0], PdfReader(printed).pages[0])
    ]
    assert sizes[0] == sizes[1]  # same page size and orientation
    assert len(PdfReader(printed).pages) == len(PdfReader(exported).pages)
    difference = _difference(_page_image(exported), _page_image(printed))
    assert difference < 0.002, difference


@needs_poppler
def test_a_different_picture_would_be_told_apart(tmp_path, qapp):
    """The comparison above can fail: the clean version is not the annotated one."""
    journey = load_template("b2b")
    annotated, clean = tmp_path / "annotated.pdf", tmp_path / "clean.pdf"
    write_pdf(journey, annotated, ExportOptions(page="a4"))
    _print_to_pdf(journey, ExportOptions(page="a4", findings=False, legend=False), clean)
    d = _difference(_page_image(annotated), _page_image(clean))
    assert d > 0.01


def test_ctrl_p_opens_the_preview_of_the_map(main_window, qtbot):
    window = main_window
    focus_canvas(window, qtbot)
    seen = {}

    def look(keys: Keyboard) -> None:
        dialog = window.tools.last_dialog
        seen["dialog"] = isinstance(dialog, PrintPreview)
        qtbot.waitUntil(lambda: dialog.page_count() == 1)
        seen["pages"] = dialog.page_count()
        seen["paintings"] = dialog.job.paintings
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    keys = Keyboard()
    keys.answer_next_dialog(look)
    keys.press(Qt.Key.Key_P, CTRL)
    assert seen["dialog"] and seen["pages"] == 1 and seen["paintings"] >= 1
    assert seen["title"] == f"Print {window.session.journey.info.title}"
