"""Departments (the swimlanes): add, rename, recolor, reorder, merge, delete."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QListWidgetItem, QPushButton

from laneway.model import Department, JourneyMap
from laneway.ui import dialogs
from laneway.ui.dialogs import plural
from laneway.ui.record_list_panel import RecordListPanel
from laneway.ui.stages_panel import StagesPanel
from laneway.ui.swatch import swatch

__all__ = ["DepartmentsPanel", "StagesPanel", "swatch"]


class DepartmentsPanel(RecordListPanel):
    noun = "department"
    step_field = "department_id"
    empty_hint = (
        "No departments yet.\n\nAdd one for each team in the room: each becomes a swimlane."
    )

    def add_extra_buttons(self) -> None:
        self.color_button = self._button(
            "Color…",
            self.recolor,
            "Change the lane color",
        )
        self.merge_button = self._button(
            "Merge into…",
            self.merge,
            "Give its steps to another department and remove it",
        )

    def records(self) -> list[Department]:
        return self.session.journey.departments_in_order()

    def decorate(self, item: QListWidgetItem, record: Department, count: int) -> None:
        item.setIcon(swatch(record.color))
        item.setText(f"{record.name}")
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Department, count: int, position: int) -> str:
        return f"{record.name} owns {plural(count, 'step')}."

    def record_buttons(self) -> list[QPushButton]:
        return [*super().record_buttons(), self.color_button, self.merge_button]

    def _update_enabled(self) -> None:
        super()._update_enabled()
        if len(self.session.journey.departments) < 2:
            self.merge_button.setEnabled(False)  # nothing to merge into

    def selected_signal(self) -> SignalInstance:
        return self.session.department_selected

    def announce(self, record_id: str | None) -> None:
        self.session.department_selected.emit(record_id)

    # ------------------------------------------------------------------ actions
    def add(self) -> None:
        name = dialogs.ask_name(self, "Add department", "Name of the department (a new lane):")
        if name is None:
            return
        added: list[str] = []
        result = self.session.run_edit(
            f"Add department {name}", lambda j: added.append(j.add_department(name).id)
        )
        if result is not None and added:
            self.select(added[0])

    def rename(self, department_id: str, name: str) -> None:
        result = self.session.run_edit(
            "Rename department",
            lambda j: j.update_department(department_id, name=name),
            merge_key=f"department:{department_id}:name",
        )
        if result is None:
            self.refresh()  # refused (e.g. the name is taken): show the old name again

    def reorder(self, ordered_ids: list[str]) -> None:
        self.session.run_edit("Reorder lanes", lambda j: j.reorder_departments(ordered_ids))

    def recolor(self) -> None:
        department_id = self.current_id()
        if department_id is None or self.session.read_only:
            return
        department = self.session.journey.departments[department_id]
        color = QColorDialog.getColor(
            QColor(department.color), self, f"Lane color of {department.name}"
        )
        if not color.isValid() or color.name() == department.color.lower():
            return
        self.session.run_edit(
            f"Recolor {department.name}",
            lambda j: j.update_department(department_id, color=color.name()),
        )

    def merge(self) -> None:
        source = self.current_id()
        journey: JourneyMap = self.session.journey
        if source is None or len(journey.departments) < 2 or self.session.read_only:
            return
        source_name = journey.departments[source].name
        others = [d for d in journey.departments_in_order() if d.id != source]
        moved = self.step_counts().get(source, 0)
        index = dialogs.ask_choice(
            self,
            "Merge department",
            f"Give the {plural(moved, 'step')} of {source_name} to:",
            [d.name for d in others],
        )
        if index is None:
            return
        target = others[index]
        result = self.session.run_edit(
            f"Merge {source_name} into {target.name}",
            lambda j: j.merge_departments(source, target.id),
        )
        if result is not None:
            self.select(target.id)

    def delete(self) -> None:
        department_id = self.current_id()
        if department_id is None or self.session.read_only:
            return
        department = self.session.journey.departments[department_id]
        owned = self.step_counts().get(department_id, 0)
        if owned and not dialogs.confirm(
            self,
            f"Delete {department.name}? {plural(owned, 'step')} "
            f"become{'s' if owned == 1 else ''} unowned (nobody's).",
            "Delete department",
        ):
            return
        self.session.run_edit(
            f"Delete department {department.name}",
            lambda j: j.remove_department(department_id),
        )
