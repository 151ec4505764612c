"""Departments (lanes) and stages (columns): add, rename, recolor, reorder, merge, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QGridLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway.model import JourneyMap
from laneway.ui.session import MapSession


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class _OrderedListPanel(QWidget):
    """A list in map order with buttons; subclasses say what the records are."""

    noun = "item"

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget()
        self.list.setObjectName(f"{self.noun}List")
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.list)
        self.buttons = QGridLayout()
        self.buttons.setSpacing(4)
        layout.addLayout(self.buttons)
        self.add_button = self._button("Add", self.add, f"Add a {self.noun}")
        self.up_button = self._button("↑", lambda: self.move(-1), f"Move the {self.noun} up")
        self.down_button = self._button("↓", lambda: self.move(1), f"Move the {self.noun} down")
        self.delete_button = self._button("Delete", self.delete, f"Delete the {self.noun}")
        self._filling = False
        self.list.itemChanged.connect(self._renamed)
        self.list.model().rowsMoved.connect(lambda *_: self._dropped())
        self.list.currentItemChanged.connect(lambda *_: self._selected())
        session.changed.connect(lambda *_: self.refresh())
        session.read_only_changed.connect(lambda *_: self._update_enabled())
        self.refresh()

    def _button(self, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        count = self.buttons.count()
        self.buttons.addWidget(button, count // 3, count % 3)
        return button

    # subclass hooks
    def records(self) -> list:
        raise NotImplementedError

    def decorate(self, item: QListWidgetItem, record) -> None:
        pass

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def refresh(self) -> None:
        self._filling = True
        current = self.current_id()
        self.list.clear()
        for record in self.records():
            item = QListWidgetItem(record.name)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.decorate(item, record)
            self.list.addItem(item)
            if record.id == current:
                self.list.setCurrentItem(item)
        self._filling = False
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = not self.session.read_only
        self.setEnabled(editable)

    def _dropped(self) -> None:
        if self._filling:
            return
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.reorder(order)

    def move(self, delta: int) -> None:
        ids = [r.id for r in self.records()]
        current = self.current_id()
        if current is None:
            return
        index = ids.index(current)
        target = index + delta
        if not 0 <= target < len(ids):
            return
        ids[index], ids[target] = ids[target], ids[index]
        self.reorder(ids)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self.rename(item.data(Qt.ItemDataRole.UserRole), item.text())

    def ask_name(self, title: str, suggestion: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, f"Name of the {self.noun}:", text=suggestion)
        return name.strip() if ok and name.strip() else None

    def confirm(self, question: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Laneway", question, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes


class DepartmentsPanel(_OrderedListPanel):
    noun = "department"

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.color_button = self._button("Color…", self.recolor, "Change the lane color")
        self.merge_button = self._button(
            "Merge into…", self.merge, "Move its steps to another department and remove it"
        )

    def records(self) -> list:
        return self.session.journey.departments_in_order()

    def decorate(self, item: QListWidgetItem, record) -> None:
        item.setIcon(swatch(record.color))
        owned = sum(1 for s in self.session.journey.steps.values() if s.department_id == record.id)
        item.setToolTip(f"{record.name}: owns {owned} step{'s' if owned != 1 else ''}")

    def _selected(self) -> None:
        if not self._filling:
            self.session.department_selected.emit(self.current_id())

    def add(self) -> None:
        name = self.ask_name("Add department")
        if name:
            self.session.run_edit(f"Add department {name}", lambda j: j.add_department(name))

    def rename(self, department_id: str, name: str) -> None:
        if not name.strip():
            self.refresh()
            return
        result = self.session.run_edit(
            "Rename department", lambda j: j.update_department(department_id, name=name)
        )
        if result is None:
            self.refresh()

    def reorder(self, ids: list[str]) -> None:
        self.session.run_edit("Reorder lanes", lambda j: j.reorder_departments(ids))

    def recolor(self) -> None:
        department_id = self.current_id()
        if department_id is None:
            return
        current = QColor(self.session.journey.departments[department_id].color)
        color = QColorDialog.getColor(current, self, "Lane color")
        if color.isValid():
            self.session.run_edit(
                "Recolor department",
                lambda j: j.update_department(department_id, color=color.name()),
            )

    def merge(self) -> None:
        source = self.current_id()
        journey = self.session.journey
        if source is None or len(journey.departments) < 2:
            return
        others = [d for d in journey.departments_in_order() if d.id != source]
        names = [d.name for d in others]
        name, ok = QInputDialog.getItem(
            self,
            "Merge department",
            f"Move every step of {journey.departments[source].name} to:",
            names,
            0,
            False,
        )
        if not ok:
            return
        target = others[names.index(name)].id
        label = f"Merge {journey.departments[source].name} into {name}"
        self.session.run_edit(label, lambda j: j.merge_departments(source, target))

    def delete(self) -> None:
        department_id = self.current_id()
        if department_id is None:
            return
        journey = self.session.journey
        department = journey.departments[department_id]
        owned = sum(1 for s in journey.steps.values() if s.department_id == department_id)
        if owned and not self.confirm(
            f"Delete {department.name}? Its {owned} step{'s' if owned != 1 else ''} "
            "will become unowned (nobody's).",
            "Delete department",
        ):
            return
        self.session.run_edit(
            f"Delete department {department.name}",
            lambda j: j.remove_department(department_id),
        )


class StagesPanel(_OrderedListPanel):
    noun = "stage"

    def records(self) -> list:
        return self.session.journey.stages_in_order()

    def decorate(self, item: QListWidgetItem, record) -> None:
        held = sum(1 for s in self.session.journey.steps.values() if s.stage_id == record.id)
        item.setToolTip(f"{record.name}: {held} step{'s' if held != 1 else ''}")

    def _selected(self) -> None:
        if not self._filling:
            self.session.stage_selected.emit(self.current_id())

    def add(self) -> None:
        name = self.ask_name("Add stage")
        if name:
            self.session.run_edit(f"Add stage {name}", lambda j: j.add_stage(name))

    def rename(self, stage_id: str, name: str) -> None:
        if not name.strip():
            self.refresh()
            return
        if self.session.run_edit("Rename stage", lambda j: j.rename_stage(stage_id, name)) is None:
            self.refresh()

    def reorder(self, ids: list[str]) -> None:
        self.session.run_edit("Reorder stages", lambda j: j.reorder_stages(ids))

    def delete(self) -> None:
        stage_id = self.current_id()
        if stage_id is None:
            return
        journey: JourneyMap = self.session.journey
        stage = journey.stages[stage_id]
        held = sum(1 for s in journey.steps.values() if s.stage_id == stage_id)
        if held and not self.confirm(
            f"Delete the stage {stage.name}? Its {held} step{'s' if held != 1 else ''} "
            "will have no stage.",
            "Delete stage",
        ):
            return
        self.session.run_edit(f"Delete stage {stage.name}", lambda j: j.remove_stage(stage_id))
