"""The dialog after an unexpected error: the map is safe, where the log is, copy the details.

A facilitator who double-clicked the app has no terminal: the dialog names the log file
and copies its path with the traceback to the clipboard, ready to paste into a message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway import __version__
from laneway.i18n import N_, _

COPY_TEXT = N_("Copy Details")


class CrashDialog(QDialog):
    def __init__(
        self, sentence: str, traceback_text: str, log_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Laneway")
        self.log_file = log_file
        self.traceback_text = traceback_text
        layout = QVBoxLayout(self)
        self.message = QLabel(
            _(
                "{sentence}\n\nThe details are in the log file {log_file}. "
                "'{COPY_TEXT}' copies its name and this error, to paste into "
                "a bug report."
            ).format(sentence=sentence, log_file=log_file, COPY_TEXT=_(COPY_TEXT))
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(traceback_text.rstrip())
        self.details.setReadOnly(True)
        self.details.setObjectName("crashDetails")
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_(COPY_TEXT))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def details_text(self) -> str:
        return _("Laneway {version}\nLog file: {log_file}\n\n{rstrip}\n").format(
            version=__version__, log_file=self.log_file, rstrip=self.traceback_text.rstrip()
        )

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(_("Copied"))
