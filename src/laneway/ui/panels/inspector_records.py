"""The inspector's department and stage forms."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QLabel, QPushButton, QWidget

from laneway.model.wording import plural
from laneway.ui.editing.records import recolor_department, rename_record
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.inspector_common import inspector_form
from laneway.ui.widgets.fields import CommitLineEdit
from laneway.ui.widgets.headings import heading_label
from laneway.ui.widgets.swatch import swatch


class DepartmentForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.department_id: str | None = None
        form = inspector_form(self)
        self.heading = heading_label("Department")
        form.addRow(self.heading)
        self.name = CommitLineEdit()
        self.name.setObjectName("departmentName")
        self.color = QPushButton("Change color…")
        self.color.setObjectName("departmentColor")
        self.count = QLabel()
        form.addRow("Name", self.name)
        form.addRow("Lane color", self.color)
        form.addRow(self.count)
        self.name.committed.connect(self._rename)
        self.color.clicked.connect(self._recolor)

    def show_department(self, department_id: str) -> None:
        self.department_id = department_id
        journey = self.session.journey
        department = journey.departments[department_id]
        self.heading.setText(department.name)
        self.name.show_value(department.name)
        self.color.setIcon(swatch(department.color))
        self.color.setText(f"{department.color}  ·  Change…")
        owned = sum(1 for s in journey.steps.values() if s.department_id == department_id)
        self.count.setText(f"Owns {plural(owned, 'step')}.")

    def _rename(self, name: str) -> None:
        department_id = self.department_id
        if department_id is None or department_id not in self.session.journey.departments:
            return
        if not rename_record(self.session, "department", department_id, name):
            self.show_department(department_id)  # blank or refused: the old name again

    def _recolor(self) -> None:
        department_id = self.department_id
        if department_id is None:
            return
        current = QColor(self.session.journey.departments[department_id].color)
        color = QColorDialog.getColor(current, self, "Lane color")
        if color.isValid():
            recolor_department(self.session, department_id, color.name())


class StageForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.stage_id: str | None = None
        form = inspector_form(self)
        self.heading = heading_label("Stage")
        form.addRow(self.heading)
        self.name = CommitLineEdit()
        self.name.setObjectName("stageName")
        self.count = QLabel()
        form.addRow("Name", self.name)
        form.addRow(self.count)
        self.name.committed.connect(self._rename)

    def show_stage(self, stage_id: str) -> None:
        self.stage_id = stage_id
        journey = self.session.journey
        stage = journey.stages[stage_id]
        self.heading.setText(stage.name)
        self.name.show_value(stage.name)
        held = sum(1 for s in journey.steps.values() if s.stage_id == stage_id)
        self.count.setText(f"Holds {plural(held, 'step')}.")

    def _rename(self, name: str) -> None:
        stage_id = self.stage_id
        if stage_id is None or stage_id not in self.session.journey.stages:
            return
        if not rename_record(self.session, "stage", stage_id, name):
            self.show_stage(stage_id)  # blank or refused: the old name again
