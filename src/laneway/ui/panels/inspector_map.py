"""The inspector with nothing selected: the map itself — its title and description.

The title is the name on the window, on every export and slide; both fields follow
the typing like the other fields of the inspector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from laneway.i18n import N_, _
from laneway.ui.editing.map_info import set_map_field
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.inspector_common import inspector_form
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.fields import CommitLineEdit, CommitTextEdit
from laneway.ui.widgets.headings import heading_label

HINT = N_(
    "Select a step, a link, a department or a stage to see and edit it here. "
    "Double-click a lane, or press Ctrl+Enter, to add a step."
)


class MapForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        form = inspector_form(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = heading_label(_("Map"))
        form.addRow(self.heading)
        self.title = CommitLineEdit()
        self.title.setObjectName("mapTitle")
        self.title.setPlaceholderText(_("The name on the window, the exports and the slides"))
        self.description = CommitTextEdit()
        self.description.setObjectName("mapDescription")
        self.description.setPlaceholderText(_("What this journey is about, for whom, and why"))
        describe(
            self.title, _("Map title"), _("The name on the window, the exports and the slides")
        )
        describe(self.description, _("Map description"), _("What this journey is about"))
        form.addRow(_("Map title"), self.title)
        form.addRow(_("Description"), self.description)
        self.hint = QLabel(_(HINT))
        self.hint.setObjectName("inspectorHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        form.addRow(self.hint)
        for name, editor in (("title", self.title), ("description", self.description)):
            editor.committed.connect(lambda text, n=name: self._commit(n, text))
            editor.edited.connect(lambda text, n=name: self._commit(n, text, live=True))

    def show_map(self) -> None:
        info = self.session.journey.info
        self.heading.setText(_("Map: {title}").format(title=info.title))
        self.title.show_value(info.title)
        self.description.show_value(info.description)

    def _commit(self, field: str, value: str, live: bool = False) -> None:
        editor = self.title if field == "title" else self.description
        if field == "title" and not value.strip():
            if not live:  # a map keeps a name: the old one is back once typing is done
                editor.show_value(self.session.journey.info.title, force=True)
            return
        set_map_field(self.session, field, value, editor.visit)
