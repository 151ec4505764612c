"""Map → Properties, and the New dialog's part that names the map: title, description.

The title is the name on the window, on every export and slide; a map always has one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.ui.widgets.accessible import describe, describe_buttons


class MapFields:
    """A title line and a description box in a form (the dialog's and the gallery's)."""

    def __init__(self, form: QFormLayout, title: str = "", description: str = "") -> None:
        self.title = QLineEdit(title)
        self.title.setObjectName("newMapTitle")
        describe(
            self.title, _("Map title"), _("The name on the window, the exports and the slides")
        )
        self.title.setPlaceholderText(_("e.g. Spring campaign, lead to first order"))
        self.description = QPlainTextEdit(description)
        self.description.setObjectName("newMapDescription")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(70)
        self.description.setPlaceholderText(_("What this journey is about, for whom, and why"))
        describe(self.description, _("Map description"), _("A few words on the journey (optional)"))
        form.addRow(_("Map &title"), self.title)
        form.addRow(_("&Description"), self.description)

    def values(self) -> tuple[str, str]:
        return self.title.text().strip(), self.description.toPlainText().strip()


class MapPropertiesDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, description: str) -> None:
        super().__init__(parent)
        self.setObjectName("mapProperties")
        self.setWindowTitle(_("Map properties"))
        self.setAccessibleName(_("Map properties"))
        self.setAccessibleDescription(_("The map's title and description"))
        self.resize(520, 240)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields = MapFields(form, title, description)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields.title.textChanged.connect(self._update_ok)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.fields.title.text().strip()))

    def values(self) -> tuple[str, str]:
        return self.fields.values()
