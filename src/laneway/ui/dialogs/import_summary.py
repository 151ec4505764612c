"""After File → Import: what came in from the source file, and what was left out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.io.formats import ImportResult
from laneway.model.wording import plural
from laneway.operations.creating import counts_sentence
from laneway.ui.widgets.headings import heading_label


def import_counts(result: ImportResult) -> dict[str, int]:
    journey = result.journey
    return {
        "steps": len(journey.steps),
        "links": len(journey.links),
        "departments": len(journey.departments),
        "stages": len(journey.stages),
    }


def import_summary_sentence(source: Path, result: ImportResult) -> str:
    """One sentence for a status bar or banner: what came in, and how much was skipped."""
    sentence = _("Imported {counts_sentence} from {name}").format(
        counts_sentence=counts_sentence(result.journey), name=source.name
    )
    if result.skipped:
        sentence += _("; {value} on what was left out").format(
            value=plural(len(result.skipped), "note")
        )
    return sentence + "."


class ImportSummaryDialog(QDialog):
    """Counts of the imported records, the skipped sentences, and where the map is now.

    The source file is only read; OK opens the new map (the caller does that on accept).
    """

    def __init__(
        self, parent: QWidget | None, source: Path, result: ImportResult, target: Path
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import finished"))
        self.setObjectName("importSummary")
        self.resize(560, 420 if result.skipped else 280)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._headline(source, result))
        layout.addLayout(self._counts(source, result, target))
        self._add_skipped(layout, result.skipped)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Open the map"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(
            _("Open the new map")
        )
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _headline(self, source: Path, result: ImportResult) -> QHBoxLayout:
        header = QHBoxLayout()
        icon = QLabel()
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if result.skipped
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        icon.setPixmap(self.style().standardIcon(kind).pixmap(32, 32))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(icon)
        self.headline = heading_label(import_summary_sentence(source, result), 1.0)
        self.headline.setObjectName("importHeadline")
        header.addWidget(self.headline, 1)
        return header

    def _counts(self, source: Path, result: ImportResult, target: Path) -> QFormLayout:
        self.counts = import_counts(result)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("steps", _("Steps")),
            ("links", _("Links")),
            ("departments", _("Departments (lanes)")),
            ("stages", _("Stages (columns)")),
        ):
            value = QLabel(str(self.counts[key]))
            value.setObjectName(f"count_{key}")
            self.count_labels[key] = value
            form.addRow(caption, value)
        form.addRow(_("From"), _path_label(source))
        form.addRow(_("New map"), _path_label(target))
        return form

    def _add_skipped(self, layout: QVBoxLayout, skipped: list[str]) -> None:
        self.skipped = QListWidget()
        self.skipped.setObjectName("skippedList")
        self.skipped.setAccessibleName(_("Left out"))
        self.skipped.setAccessibleDescription(_("What the source held that is not in the map"))
        self.skipped.setWordWrap(True)
        self.skipped.setAlternatingRowColors(True)
        if skipped:
            layout.addWidget(
                QLabel(
                    _("Left out ({value}) — the source file was not changed:").format(
                        value=len(skipped)
                    )
                )
            )
            self.skipped.addItems(skipped)
            layout.addWidget(self.skipped, 1)
            return
        self.skipped.hide()
        note = QLabel(_("Nothing was left out. The source file was not changed."))
        note.setObjectName("nothingSkipped")
        layout.addWidget(note)
        layout.addStretch(1)

    def skipped_sentences(self) -> list[str]:
        return [self.skipped.item(row).text() for row in range(self.skipped.count())]


def _path_label(path: Path) -> QLabel:
    label = QLabel(path.name)
    label.setToolTip(str(path))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
