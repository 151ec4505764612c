"""Print (Ctrl+P): Qt's print preview of the export picture, page for page the PDF's.

The pages are painted by the same function as the PDF export (``paint_on_pages``),
on a page laid out as the PDF's would be; in the preview the page size and orientation
can still be changed, and the picture is fitted to whatever page is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QWidget

from laneway.i18n import _
from laneway.io.export_options import ExportOptions
from laneway.model import JourneyMap
from laneway.render import ExportPicture
from laneway.render.writers import export_page_layout, paint_on_pages
from laneway.ui.widgets.accessible import describe

#: Countries whose paper is Letter; everyone else prints on A4.
LETTER_COUNTRIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Philippines,
}


def local_paper() -> str:
    """The export page of the local paper: "letter" where Letter is used, else "a4"."""
    return "letter" if QLocale.system().territory() in LETTER_COUNTRIES else "a4"


def print_options(findings: bool) -> ExportOptions:
    """What is printed: the export picture with title and legend on the local paper."""
    return ExportOptions(page=local_paper(), findings=findings)  # type: ignore[arg-type]


class PrintJob:
    """One map's picture, a printer laid out like its PDF, and the pages painted."""

    def __init__(self, journey: JourneyMap, options: ExportOptions, printer: QPrinter) -> None:
        self.picture = ExportPicture.build(journey, options)
        self.printer = printer
        printer.setDocName(journey.info.title)
        printer.setCreator("Laneway")
        printer.setPageLayout(export_page_layout(self.picture, options))
        #: How many times the pages were painted (the preview repaints on each change).
        self.paintings = 0

    def paint(self, printer: QPrinter) -> None:
        paint_on_pages(self.picture, printer)
        self.paintings += 1

    def close(self) -> None:
        self.picture.close()


class PrintPreview(QPrintPreviewDialog):
    def __init__(self, parent: QWidget | None, journey: JourneyMap, options: ExportOptions) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self._printer, parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(_("Print {title}").format(title=journey.info.title))
        self.setAccessibleName(_("Print preview"))
        self.setAccessibleDescription(_("The pages as they will be printed"))
        self.job = PrintJob(journey, options, self._printer)
        self.paintRequested.connect(self.job.paint)
        self._describe_parts()
        self.finished.connect(lambda _result: self.job.close())

    def _describe_parts(self) -> None:
        """Qt's preview builds its own zoom box, page field and pages: name them."""
        for combo in self.findChildren(QComboBox):
            describe(combo, _("Zoom"), _("How large the pages are shown"))
        for line in self.findChildren(QLineEdit):
            if not isinstance(line.parentWidget(), QComboBox):
                describe(line, _("Page"), _("The page shown; type a number to go to it"))
        for view in self.findChildren(QGraphicsView):
            describe(view, _("Pages"), _("The pages as they will be printed"))

    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)

    def page_count(self) -> int:
        return self.preview_widget().pageCount()
