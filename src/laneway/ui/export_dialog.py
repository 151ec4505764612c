"""Export dialog with a live preview, and Copy as Image.

The preview is the export picture itself at a small scale, so what you see is
what the file will hold (for PowerPoint: the same picture, as editable shapes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laneway.document import Document
from laneway.io.errors import InputError
from laneway.io.export_options import ExportOptions
from laneway.io.formats import format_for
from laneway.io.pptxio import write_pptx
from laneway.model import map_from_dict, map_to_dict
from laneway.render import RenderError, export_image, render_to_qimage
from laneway.store import StoreError, atomic_output

FORMATS = [
    ("PNG image", ".png"),
    ("SVG vector image", ".svg"),
    ("PDF document", ".pdf"),
    ("PowerPoint slides (editable)", ".pptx"),
    ("Interchange JSON", ".json"),
    ("CSV spreadsheet", ".csv"),
    ("GraphML (yEd, Gephi)", ".graphml"),
    ("Mermaid flowchart", ".mmd"),
]
IMAGE_SUFFIXES = {".png", ".svg", ".pdf"}
PREVIEW_WIDTH = 900


def write_export(document: Document, path: Path, options: ExportOptions) -> None:
    """Write one export atomically: a failed export leaves nothing behind."""
    suffix = path.suffix.lower()
    journey = document.journey
    with atomic_output(path) as temporary:
        if suffix in IMAGE_SUFFIXES:
            export_image(journey, temporary, suffix, options)
        elif suffix == ".pptx":
            write_pptx(journey, temporary, options)
        else:
            part = journey
            if options.step_ids is not None:
                part = map_from_dict(map_to_dict(journey, set(options.step_ids)))
            temporary.write_bytes(format_for(path, reading=False).writer()(part))


def copy_image_to_clipboard(document: Document, step_ids: set[str]) -> None:
    """The map (or the selection) as a 2× PNG with findings, ready to paste in a deck."""
    options = ExportOptions(scale=2, step_ids=frozenset(step_ids) if step_ids else None)
    QGuiApplication.clipboard().setImage(render_to_qimage(document.journey, options))


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, document: Document, selected: set[str]) -> None:
        super().__init__(parent)
        self.document = document
        self.selected = set(selected)
        self.setWindowTitle("Export")
        self.resize(1180, 680)
        layout = QHBoxLayout(self)
        form_holder = QWidget()
        form = QFormLayout(form_holder)
        self.format = QComboBox()
        self.format.setObjectName("format")
        for text, suffix in FORMATS:
            self.format.addItem(text, suffix)
        self.scale = QSpinBox()
        self.scale.setObjectName("scale")
        self.scale.setRange(1, 4)
        self.scale.setValue(2)
        self.scale.setSuffix("×")
        self.width = QSpinBox()
        self.width.setObjectName("width")
        self.width.setRange(0, 16000)
        self.width.setSpecialValueText("from the scale")
        self.width.setSuffix(" px")
        self.background = QComboBox()
        self.background.setObjectName("background")
        self.background.addItem("White", "white")
        self.background.addItem("Transparent", "transparent")
        self.page = QComboBox()
        self.page.setObjectName("page")
        for text, value in (("Sized to the map", "map"), ("16:9 slide", "16:9"),
                            ("A4 landscape", "a4"), ("Letter landscape", "letter")):  # fmt: skip
            self.page.addItem(text, value)
        self.title = QCheckBox("Title")
        self.title.setChecked(True)
        self.legend = QCheckBox("Legend of departments")
        self.legend.setChecked(True)
        self.findings = QCheckBox("Findings (badges and gaps) — off for a clean deck")
        self.findings.setChecked(True)
        self.summary = QCheckBox("Summary and findings slide")
        self.summary.setChecked(True)
        self.dark = QCheckBox("Dark")
        self.only_selection = QCheckBox(f"Only the selection ({len(self.selected)} steps)")
        self.only_selection.setEnabled(bool(self.selected))
        for name in ("title", "legend", "findings", "summary", "dark", "only_selection"):
            getattr(self, name).setObjectName(name)
        form.addRow("Format", self.format)
        form.addRow("Scale", self.scale)
        form.addRow("Width", self.width)
        form.addRow("Background", self.background)
        form.addRow("PDF page", self.page)
        for box in (self.title, self.legend, self.findings, self.summary, self.dark,
                    self.only_selection):  # fmt: skip
            form.addRow(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        layout.addWidget(form_holder)
        right = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self._scroll = scroll
        for bar in (scroll.horizontalScrollBar(), scroll.verticalScrollBar()):
            bar.setEnabled(False)  # the preview always fits
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._preview_image: QImage | None = None
        right.addWidget(QLabel("Preview"))
        right.addWidget(scroll, 1)
        self.preview_note = QLabel()
        right.addWidget(self.preview_note)
        layout.addLayout(right, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh_preview)
        for widget in (self.format, self.background, self.page):
            widget.currentIndexChanged.connect(self._changed)
        for widget in (self.scale, self.width):
            widget.valueChanged.connect(self._changed)
        for box in (self.title, self.legend, self.findings, self.summary, self.dark,
                    self.only_selection):  # fmt: skip
            box.toggled.connect(self._changed)
        self._changed()
        self.refresh_preview()

    @property
    def suffix(self) -> str:
        return self.format.currentData()

    def options(self) -> ExportOptions:
        return ExportOptions(
            scale=self.scale.value(),
            width=self.width.value() or None,
            background=self.background.currentData(),
            title=self.title.isChecked(),
            legend=self.legend.isChecked(),
            findings=self.findings.isChecked(),
            page=self.page.currentData(),
            step_ids=frozenset(self.selected) if self.only_selection.isChecked() else None,
            summary_slide=self.summary.isChecked(),
            dark=self.dark.isChecked(),
        )

    def _changed(self) -> None:
        suffix = self.suffix
        picture = suffix in IMAGE_SUFFIXES or suffix == ".pptx"
        self.scale.setEnabled(suffix == ".png")
        self.width.setEnabled(suffix == ".png")
        self.background.setEnabled(suffix == ".png")
        self.page.setEnabled(suffix == ".pdf")
        for box in (self.title, self.legend, self.findings):
            box.setEnabled(picture)
        self.summary.setEnabled(suffix == ".pptx")
        self.dark.setEnabled(suffix in IMAGE_SUFFIXES)
        self._timer.start()

    def _show_preview(self) -> None:
        """The whole picture, shrunk to the preview area (never enlarged)."""
        image = self._preview_image
        if image is None:
            return
        room = self._scroll.viewport().size() - QSize(8, 8)
        if image.width() > room.width() or image.height() > room.height():
            image = image.scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.preview.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_preview()

    def refresh_preview(self) -> None:
        self._timer.stop()
        suffix = self.suffix
        if suffix not in IMAGE_SUFFIXES and suffix != ".pptx":
            self._preview_image = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText("Data export: no picture. Steps, links, owners and agreements "
                                 "are written as text other tools can read.")  # fmt: skip
            self.preview_note.setText("")
            return
        options = self.options()
        preview = ExportOptions(
            scale=1,
            width=PREVIEW_WIDTH,
            background=options.background,
            title=options.title,
            legend=options.legend,
            findings=options.findings,
            step_ids=options.step_ids,
            dark=options.dark and suffix != ".pptx",
        )
        self._preview_image = render_to_qimage(self.document.journey, preview)
        self._show_preview()
        if suffix == ".png":
            full = render_size(self.document, options)
            self.preview_note.setText(f"The PNG will be {full[0]} × {full[1]} pixels.")
        elif suffix == ".pptx":
            self.preview_note.setText(
                "Slides hold the same picture as editable shapes; wide maps are split by stage."
            )
        else:
            self.preview_note.setText("")

    def export(self) -> None:
        suffix = self.suffix
        suggestion = str(self.document.path.with_suffix(suffix))
        name = dict((s, t) for t, s in FORMATS)[suffix]
        path, _ = QFileDialog.getSaveFileName(self, "Export", suggestion, f"{name} (*{suffix})")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        try:
            write_export(self.document, target, self.options())
        except (RenderError, InputError, StoreError, OSError, ValueError) as problem:
            QMessageBox.warning(self, "Laneway", f"{target.name}: {problem}")
            return
        self.exported = target
        self.accept()


def render_size(document: Document, options: ExportOptions) -> tuple[int, int]:
    from laneway.render import ExportPicture

    picture = ExportPicture.build(document.journey, options)
    try:
        size = picture.size
    finally:
        picture.close()
    scale = options.width / size.width() if options.width else options.scale
    return round(size.width() * scale), round(size.height() * scale)
