"""Departments (the swimlanes): add, rename, recolor, reorder, merge, delete."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QListWidgetItem, QPushButton

from laneway.i18n import N_, _, ngettext
from laneway.model import Department
from laneway.model.wording import plural
from laneway.ui.editing import records as record_edits
from laneway.ui.panels.record_list import RecordListPanel
from laneway.ui.widgets import prompts
from laneway.ui.widgets.swatch import swatch


class DepartmentsPanel(RecordListPanel):
    noun = "department"
    step_field = "department_id"
    empty_hint = N_(
        "No departments yet.\n\nAdd one for each team in the room: each becomes a swimlane."
    )
    add_prompt = N_("Name of the department (a new lane):")
    list_name = N_("Departments")
    list_description = N_("The lanes in order; F2 renames, Del deletes, Ctrl+Up and Ctrl+Down move")

    def add_extra_buttons(self) -> None:
        self.color_button = self._button(_("Color…"), self.recolor, _("Change the lane color"))
        self.merge_button = self._button(
            _("Merge into…"),
            self.merge,
            _("Give its steps to another department and remove it"),
        )

    def records(self) -> list[Department]:
        return self.session.journey.departments_in_order()

    def decorate(self, item: QListWidgetItem, record: Department, count: int) -> None:
        item.setIcon(swatch(record.color))
        item.setText(f"{record.name}")
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Department, count: int, position: int) -> str:
        return _("{name} owns {value}.").format(name=record.name, value=plural(count, "step"))

    def record_buttons(self) -> list[QPushButton]:
        return [*super().record_buttons(), self.color_button, self.merge_button]

    def _update_enabled(self) -> None:
        super()._update_enabled()
        if len(self.session.journey.departments) < 2:
            self.merge_button.setEnabled(False)  # nothing to merge into

    def delete_question(self, record: Department, uses: int) -> str:
        return ngettext(
            "Delete {name}? {n} step becomes unowned (nobody's).",
            "Delete {name}? {n} steps become unowned (nobody's).",
            uses,
        ).format(name=record.name, n=uses)

    # ------------------------------------------------------------------ actions
    def recolor(self) -> None:
        department_id = self.current_id()
        if department_id is None or self.session.read_only:
            return
        department = self.session.journey.departments[department_id]
        color = QColorDialog.getColor(
            QColor(department.color), self, _("Lane color of {name}").format(name=department.name)
        )
        if color.isValid():
            record_edits.recolor_department(self.session, department_id, color.name())

    def merge(self) -> None:
        source = self.current_id()
        journey = self.session.journey
        if source is None or len(journey.departments) < 2 or self.session.read_only:
            return
        others = [d for d in journey.departments_in_order() if d.id != source]
        moved = self.step_counts().get(source, 0)
        index = prompts.ask_choice(
            self,
            _("Merge department"),
            _("Give the {value} of {name} to:").format(
                value=plural(moved, "step"), name=journey.departments[source].name
            ),
            [d.name for d in others],
        )
        if index is not None and record_edits.merge_departments(
            self.session, source, others[index].id
        ):
            self.select(others[index].id)
