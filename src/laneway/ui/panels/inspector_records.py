"""The inspector's department and stage forms."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QLabel, QPushButton, QWidget

from laneway.i18n import _
from laneway.model.wording import plural
from laneway.ui.editing.records import Kind, name_is_free, recolor_department, rename_record
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.inspector_common import inspector_form
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.fields import CommitLineEdit
from laneway.ui.widgets.headings import heading_label
from laneway.ui.widgets.swatch import swatch


class DepartmentForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.department_id: str | None = None
        form = inspector_form(self)
        self.heading = heading_label(_("Department"))
        form.addRow(self.heading)
        self.name = CommitLineEdit()
        self.name.setObjectName("departmentName")
        self.color = QPushButton(_("Change color…"))
        self.color.setObjectName("departmentColor")
        describe(self.name, _("Department name"), _("The lane's name; renaming keeps its steps"))
        describe(self.color, _("Lane color"), _("Choose the color of the department's lane"))
        self.count = QLabel()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Lane color"), self.color)
        form.addRow(self.count)
        self.name.committed.connect(self._rename)
        self.name.edited.connect(lambda name: self._rename(name, live=True))
        self.color.clicked.connect(self._recolor)

    def show_department(self, department_id: str) -> None:
        another = department_id != self.department_id
        if another:
            self.name.flush()
        self.department_id = department_id
        journey = self.session.journey
        if department_id not in journey.departments:
            return
        department = journey.departments[department_id]
        self.heading.setText(department.name)
        self.name.show_value(department.name, force=another)
        self.color.setIcon(swatch(department.color))
        self.color.setText(f"{department.color}  ·  Change…")
        owned = sum(1 for s in journey.steps.values() if s.department_id == department_id)
        self.count.setText(_("Owns {value}.").format(value=plural(owned, "step")))

    def _rename(self, name: str, live: bool = False) -> None:
        rename_from_field(self.session, "department", self.department_id, self.name, live)

    def _recolor(self) -> None:
        department_id = self.department_id
        if department_id is None:
            return
        current = QColor(self.session.journey.departments[department_id].color)
        color = QColorDialog.getColor(current, self, _("Lane color"))
        if color.isValid():
            recolor_department(self.session, department_id, color.name())


class StageForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.stage_id: str | None = None
        form = inspector_form(self)
        self.heading = heading_label(_("Stage"))
        form.addRow(self.heading)
        self.name = CommitLineEdit()
        self.name.setObjectName("stageName")
        describe(self.name, _("Stage name"), _("The column's name; renaming keeps its steps"))
        self.count = QLabel()
        form.addRow(_("Name"), self.name)
        form.addRow(self.count)
        self.name.committed.connect(self._rename)
        self.name.edited.connect(lambda name: self._rename(name, live=True))

    def show_stage(self, stage_id: str) -> None:
        another = stage_id != self.stage_id
        if another:
            self.name.flush()
        self.stage_id = stage_id
        journey = self.session.journey
        if stage_id not in journey.stages:
            return
        stage = journey.stages[stage_id]
        self.heading.setText(stage.name)
        self.name.show_value(stage.name, force=another)
        held = sum(1 for s in journey.steps.values() if s.stage_id == stage_id)
        self.count.setText(_("Holds {value}.").format(value=plural(held, "step")))

    def _rename(self, name: str, live: bool = False) -> None:
        rename_from_field(self.session, "stage", self.stage_id, self.name, live)


def rename_from_field(
    session: MapSession, kind: Kind, record_id: str | None, field: CommitLineEdit, live: bool
) -> None:
    """A department's or stage's name field was typed in (``live``) or left."""
    records = session.journey.departments if kind == "department" else session.journey.stages
    if record_id is None or record_id not in records:
        return
    name = field.current_text()
    if live:  # while typing, only a name that can be taken; the rest waits
        if name_is_free(session, kind, record_id, name):
            rename_record(session, kind, record_id, name, field.visit)
        return
    if records[record_id].name == name.strip():
        return
    if not rename_record(session, kind, record_id, name, field.visit):
        field.show_value(records[record_id].name, force=True)  # blank or refused: the old name
