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
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laneway.document import Document
from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.io.export_options import MAX_SLIDES, SPLIT_PAGES, ExportOptions
from laneway.model.wording import plural
from laneway.operations.exporting import (
    EXPORT_FORMATS,
    IMAGE_SUFFIXES,
    SLIDES_SUFFIX,
    ExportError,
    export_map,
    is_picture,
)
from laneway.render import ExportPicture, render_to_qimage
from laneway.render.look import TITLE_PT
from laneway.render.writers import MAX_AREA, MAX_PIXELS, map_pages, pixel_size
from laneway.store import StoreError
from laneway.ui.widgets import prompts
from laneway.ui.widgets.accessible import describe, describe_buttons

PREVIEW_WIDTH = 900
PAGES = (
    (N_("Sized to the map"), "map"),
    (N_("16:9 slide"), "16:9"),
    (N_("A4 landscape"), "a4"),
    (N_("Letter landscape"), "letter"),
    (N_("A1 poster"), "a1"),
    (N_("A0 poster"), "a0"),
    (N_("A1 poster on A4 sheets"), "a4-tiled"),
)
#: The check boxes: (attribute and object name, text, checked at first).
CHECKS = (
    ("title", N_("Title"), True),
    ("legend", N_("Legend of departments"), True),
    ("findings", N_("Findings and notes (badges, gaps, notes) — off for a clean deck"), True),
    ("emotion_curve", N_("Emotion curve above the lanes"), False),
    ("summary", N_("Summary and findings slide"), True),
    ("dark", N_("Dark"), False),
    ("only_selection", N_("Only the selection"), False),
)


def copy_image_to_clipboard(
    document: Document,
    step_ids: set[str],
    *,
    persona: str | None = None,
    emotion_curve: bool = False,
) -> None:
    """The map (or the selection) as a 2× PNG with findings, ready to paste in a deck;
    with the canvas's persona filter and emotion curve."""
    options = ExportOptions(
        scale=2,
        step_ids=frozenset(step_ids) if step_ids else None,
        persona=persona,
        emotion_curve=emotion_curve,
    )
    QGuiApplication.clipboard().setImage(render_to_qimage(document.journey, options))


def _combo(name: str, entries) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in entries:
        combo.addItem(_(text), value)
    return combo


def _spin(name: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        document: Document,
        selected: set[str],
        *,
        persona: str | None = None,
        emotion_curve: bool = False,
    ) -> None:
        super().__init__(parent)
        self.document = document
        #: As on the canvas: the persona filter and the emotion curve (SPEC §7).
        self.persona, self._curve_shown = persona, emotion_curve
        self.selected = set(selected)
        self.setWindowTitle(_("Export"))
        self.resize(1180, 680)
        layout = QHBoxLayout(self)
        layout.addWidget(self._options_form())
        layout.addLayout(self._preview_column(), 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh_preview)
        for combo in (self.format, self.background, self.page):
            combo.currentIndexChanged.connect(self._changed)
        for spin in (self.scale, self.width, self.slides):
            spin.valueChanged.connect(self._changed)
        for box in self.checks:
            box.toggled.connect(self._changed)
        self._changed()
        self.refresh_preview()

    def _options_form(self) -> QWidget:
        holder = QWidget()
        form = QFormLayout(holder)
        self.format = _combo("format", EXPORT_FORMATS)
        self.scale = _spin("scale", 1, 4, 2, "×")
        self.width = _spin("width", 0, 16000, 0, " px")
        self.width.setSpecialValueText(_("from the scale"))
        self.background = _combo(
            "background", ((N_("White"), "white"), (N_("Transparent"), "transparent"))
        )
        self.page = _combo("page", PAGES)
        self.slides = _spin("slides", 0, MAX_SLIDES, 0, "")
        self.slides.setSpecialValueText(_("as many as needed"))
        self.checks: list[QCheckBox] = []
        for name, text, checked in CHECKS:
            box = QCheckBox(_(text))
            box.setObjectName(name)
            box.setChecked(checked)
            setattr(self, name, box)
            self.checks.append(box)
        self.emotion_curve.setChecked(self._curve_shown)
        self.only_selection.setText(
            _("Only the selection ({value})").format(value=plural(len(self.selected), "step"))
        )
        self.only_selection.setEnabled(bool(self.selected))
        for label, widget in ((_("Format"), self.format), (_("Scale"), self.scale),
                              (_("Width"), self.width), (_("Background"), self.background),
                              (_("PDF page"), self.page),
                              (_("Map slides"), self.slides)):  # fmt: skip
            form.addRow(label, widget)
        for box in self.checks:
            form.addRow(box)
        for widget, description in (
            (self.format, _("What kind of file to write")),
            (self.scale, _("How many pixels per point of the map (PNG)")),
            (self.width, _("An exact width in pixels instead of the scale (PNG)")),
            (self.background, _("White or transparent behind the map (PNG)")),
            (self.page, _("The PDF's page: sized to the map, a slide or paper page, or a poster")),
            (self.slides, _("How many slides or pages the map is split across, by stage range")),
            *((box, _("Include: {option}").format(option=box.text())) for box in self.checks),
        ):
            widget.setAccessibleDescription(description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(_("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        describe_buttons(buttons)
        self.export_button.setAccessibleDescription(_("Choose where to write the file and export"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        return holder

    def _preview_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        describe(scroll, _("Preview"), _("The exported picture as it will look"))
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self._scroll = scroll
        for bar in (scroll.horizontalScrollBar(), scroll.verticalScrollBar()):
            bar.setEnabled(False)  # the preview always fits
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._preview_image: QImage | None = None
        column.addWidget(QLabel(_("Preview")))
        column.addWidget(scroll, 1)
        self.preview_note = QLabel()
        column.addWidget(self.preview_note)
        return column

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
            notes=self.findings.isChecked(),
            page=self.page.currentData(),
            step_ids=frozenset(self.selected) if self.only_selection.isChecked() else None,
            summary_slide=self.summary.isChecked(),
            dark=self.dark.isChecked(),
            slides=self.slides.value() or None,
            persona=self.persona,
            emotion_curve=self.emotion_curve.isChecked(),
        )

    def _changed(self) -> None:
        suffix = self.suffix
        picture = is_picture(suffix)
        self.scale.setEnabled(suffix == ".png")
        self.width.setEnabled(suffix == ".png")
        self.background.setEnabled(suffix == ".png")
        self.page.setEnabled(suffix == ".pdf")
        paged = suffix == SLIDES_SUFFIX or (
            suffix == ".pdf" and self.page.currentData() in SPLIT_PAGES
        )
        self.slides.setEnabled(paged)
        for box in (self.title, self.legend, self.findings, self.emotion_curve):
            box.setEnabled(picture)
        self.summary.setEnabled(suffix == SLIDES_SUFFIX)
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
        if not is_picture(suffix):
            self._preview_image = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("Data export: no picture. Steps, links, owners and agreements "
                                 "are written as text other tools can read."))  # fmt: skip
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
            notes=options.notes,
            step_ids=options.step_ids,
            dark=options.dark and suffix != SLIDES_SUFFIX,
            persona=options.persona,
            emotion_curve=options.emotion_curve,
        )
        self._preview_image = render_to_qimage(self.document.journey, preview)
        self._show_preview()
        if suffix == ".png":
            full = render_size(self.document, options)
            if max(full) > MAX_PIXELS or full[0] * full[1] > MAX_AREA:
                fit = min(MAX_PIXELS / max(full), (MAX_AREA / (full[0] * full[1])) ** 0.5)
                full = (int(full[0] * fit), int(full[1] * fit))
                self.preview_note.setText(
                    _("The PNG will be {width} × {height} pixels (the most it can be).").format(
                        width=full[0], height=full[1]
                    )
                )
            else:
                self.preview_note.setText(
                    _("The PNG will be {value} × {value2} pixels.").format(
                        value=full[0], value2=full[1]
                    )
                )
        elif suffix == ".pdf" and options.page in SPLIT_PAGES:
            _frame, pages = map_pages(self.document.journey, options)
            smallest = min(page.scale for page in pages) * TITLE_PT
            self.preview_note.setText(
                _(
                    "The PDF will have {pages} (split by stage range); step titles at least"
                    " {size} pt."
                ).format(pages=plural(len(pages), "map page"), size=f"{smallest:.0f}")
            )
        elif suffix == SLIDES_SUFFIX:
            self.preview_note.setText(
                _("Slides hold the same picture as editable shapes; wide maps are split by stage.")
            )
        else:
            self.preview_note.setText("")

    def export(self) -> None:
        suffix = self.suffix
        suggestion = str(self.document.path.with_suffix(suffix))
        name = _(dict((s, t) for t, s in EXPORT_FORMATS)[suffix])
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export"), suggestion, f"{name} (*{suffix})"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        try:
            export_map(self.document.journey, target, self.options())
        except InputError as problem:  # an unknown suffix: the sentence names the file
            prompts.show_error(self, str(problem))
            return
        except (ExportError, StoreError, OSError, ValueError) as problem:
            prompts.show_error(self, f"{target.name}: {problem}")
            return
        self.exported = target
        self.accept()


def render_size(document: Document, options: ExportOptions) -> tuple[int, int]:
    picture = ExportPicture.build(document.journey, options)
    try:
        size = picture.size
    finally:
        picture.close()
    return pixel_size(size.width(), size.height(), options)
