"""Inspector: edit the selected step, link, department or stage; every field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from laneway.layout import NO_STAGE_NAME, UNASSIGNED_NAME
from laneway.model import ChangeSet, JourneyMap
from laneway.ui.dialogs import plural
from laneway.ui.fields import CommitLineEdit, CommitTextEdit, fill_combo
from laneway.ui.session import MapSession

#: The alarm color of handoff gaps (as on the canvas and in the findings panel).
GAP_COLOR = "#d64545"
EMOTIONS = [
    ("Not rated", None),
    ("−2  Very unhappy", -2),
    ("−1  Unhappy", -1),
    ("0  Neutral", 0),
    ("+1  Happy", 1),
    ("+2  Delighted", 2),
]
STEP_TEXT_FIELDS = [
    ("title", "Title", "line"),
    ("channel", "Channel", "line"),
    ("customer_action", "Customer action", "line"),
    ("description", "Description", "text"),
    ("pain_points", "Pain points", "text"),
    ("kpi", "KPI", "line"),
    ("responsible", "Responsible", "line"),
]


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class StepForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.step_id: str | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = _heading("Step")
        form.addRow(self.heading)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        self.emotion = QComboBox()
        self.emotion.setObjectName("emotion")
        for text, value in EMOTIONS:
            self.emotion.addItem(text, value)
        self.texts: dict[str, CommitLineEdit | CommitTextEdit] = {}
        for name, label, kind in STEP_TEXT_FIELDS:
            editor = CommitLineEdit() if kind == "line" else CommitTextEdit()
            editor.setObjectName(name)
            editor.committed.connect(lambda text, n=name: self._commit(n, text))
            self.texts[name] = editor
            form.addRow(label, editor)
            if name == "title":
                form.addRow("Owner (lane)", self.department)
                form.addRow("Stage", self.stage)
        form.addRow("Emotion", self.emotion)
        self.entry = QCheckBox("Entry: the journey starts here")
        self.entry.setObjectName("entry")
        self.terminal = QCheckBox("End: the journey may stop here")
        self.terminal.setObjectName("terminal")
        form.addRow(self.entry)
        form.addRow(self.terminal)
        self.department.activated.connect(
            lambda _i: self._commit("department_id", self.department.currentData())
        )
        self.stage.activated.connect(lambda _i: self._commit("stage_id", self.stage.currentData()))
        self.emotion.activated.connect(
            lambda _i: self._commit("emotion", self.emotion.currentData())
        )
        self.entry.clicked.connect(lambda checked: self._commit("entry", checked))
        self.terminal.clicked.connect(lambda checked: self._commit("terminal", checked))

    def show_step(self, step_id: str) -> None:
        self.step_id = step_id
        journey = self.session.journey
        step = journey.steps[step_id]
        self.heading.setText(step.title or "Untitled step")
        for name, editor in self.texts.items():
            editor.show_value(getattr(step, name))
        fill_combo(
            self.department,
            [(f"{UNASSIGNED_NAME} (nobody owns it)", None)]
            + [(d.name, d.id) for d in journey.departments_in_order()],
            step.department_id,
        )
        fill_combo(
            self.stage,
            [(NO_STAGE_NAME, None)] + [(s.name, s.id) for s in journey.stages_in_order()],
            step.stage_id,
        )
        self.emotion.setCurrentIndex(self.emotion.findData(step.emotion))
        for box, value in ((self.entry, step.entry), (self.terminal, step.terminal)):
            blocked = box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(blocked)

    def _commit(self, field: str, value: object) -> None:
        step_id = self.step_id
        if step_id is None or step_id not in self.session.journey.steps:
            return
        if field == "title" and not str(value).strip():
            self.show_step(step_id)  # a step keeps a name; put the old one back
            return
        if getattr(self.session.journey.steps[step_id], field) == value:
            return
        label = {
            "department_id": "Change owner",
            "stage_id": "Change stage",
        }.get(field, f"Edit {field.replace('_id', '').replace('_', ' ')}")
        changed = self.session.run_edit(
            label,
            lambda j: j.update_step(step_id, **{field: value}),
            merge_key=f"step:{step_id}:{field}",
        )
        if changed is None and step_id in self.session.journey.steps:
            self.show_step(step_id)  # refused: show what the map holds


class LinkForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.link_id: str | None = None
        self._gap = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = _heading("Link")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("linkStatus")
        form.addRow(self.heading)
        form.addRow(self.status)
        self.agreement = CommitTextEdit()
        self.agreement.setObjectName("agreement")
        self.agreement.setPlaceholderText(
            "What is handed over, and when it is ready (e.g. MQL: score ≥ 50, budget confirmed)"
        )
        self.label = CommitLineEdit()
        self.label.setObjectName("label")
        self.sla = CommitLineEdit()
        self.sla.setObjectName("sla")
        self.sla.setPlaceholderText("e.g. call back within 24 h")
        form.addRow("Agreement", self.agreement)
        form.addRow("SLA", self.sla)
        form.addRow("Label", self.label)
        for name in ("agreement", "label", "sla"):
            getattr(self, name).committed.connect(lambda text, n=name: self._commit(n, text))

    def show_link(self, link_id: str) -> None:
        self.link_id = link_id
        journey = self.session.journey
        link = journey.links[link_id]
        source, target = journey.steps[link.source], journey.steps[link.target]
        self.heading.setText(f"{source.title} → {target.title}")
        if journey.is_handoff(link):
            giver = journey.department_name(source.department_id)
            taker = journey.department_name(target.department_id)
            if link.agreement.strip():
                text, color = f"Handoff from {giver} to {taker}, agreed.", None
            else:
                text = (
                    f"Handoff gap: nobody agreed what {giver} hands to {taker}. "
                    "Write the agreement below to close it."
                )
                color = GAP_COLOR
        else:
            text, color = "Not a handoff: both steps have the same owner (or none).", None
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")
        self._set_gap_highlight(color is not None)
        self.agreement.show_value(link.agreement)
        self.label.show_value(link.label)
        self.sla.show_value(link.sla)

    def _set_gap_highlight(self, gap: bool) -> None:
        """A gap makes the agreement field the obvious place to type: framed in the alarm
        color, with a placeholder that says what to write."""
        self._gap = gap
        self.agreement.setStyleSheet(
            f"QPlainTextEdit {{ border: 2px solid {GAP_COLOR}; border-radius: 4px; }}"
            if gap
            else ""
        )

    def is_gap_highlighted(self) -> bool:
        return self._gap

    def _commit(self, field: str, value: str) -> None:
        link_id = self.link_id
        if link_id is None or link_id not in self.session.journey.links:
            return
        if getattr(self.session.journey.links[link_id], field) == value:
            return
        label = "Agree handoff" if field == "agreement" else f"Edit {field}"
        changed = self.session.run_edit(
            label,
            lambda j: j.update_link(link_id, **{field: value}),
            merge_key=f"link:{link_id}:{field}",
        )
        if changed is None and link_id in self.session.journey.links:
            self.show_link(link_id)


class DepartmentForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.department_id: str | None = None
        form = QFormLayout(self)
        self.heading = _heading("Department")
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
        self.color.setStyleSheet(
            f"QPushButton {{ border-left: 14px solid {department.color}; padding: 4px 8px; }}"
        )
        owned = sum(1 for s in journey.steps.values() if s.department_id == department_id)
        self.count.setText(f"Owns {owned} step{'s' if owned != 1 else ''}.")

    def _rename(self, name: str) -> None:
        department_id = self.department_id
        if department_id is None or department_id not in self.session.journey.departments:
            return
        changed = None
        if name.strip():
            changed = self.session.run_edit(
                "Rename department",
                lambda j: j.update_department(department_id, name=name),
                merge_key=f"department:{department_id}:name",
            )
        if changed is None:
            self.show_department(department_id)  # blank or refused: the old name again

    def _recolor(self) -> None:
        department_id = self.department_id
        if department_id is None:
            return
        current = QColor(self.session.journey.departments[department_id].color)
        color = QColorDialog.getColor(current, self, "Lane color")
        if color.isValid():
            self.session.run_edit(
                "Recolor department",
                lambda j: j.update_department(department_id, color=color.name()),
            )


class StageForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.stage_id: str | None = None
        form = QFormLayout(self)
        self.heading = _heading("Stage")
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
        self.count.setText(f"Holds {held} step{'s' if held != 1 else ''}.")

    def _rename(self, name: str) -> None:
        stage_id = self.stage_id
        if stage_id is None or stage_id not in self.session.journey.stages:
            return
        changed = None
        if name.strip():
            changed = self.session.run_edit(
                "Rename stage",
                lambda j: j.rename_stage(stage_id, name),
                merge_key=f"stage:{stage_id}:name",
            )
        if changed is None:
            self.show_stage(stage_id)  # blank or refused: the old name again


MIXED = "?mixed"
MIXED_TEXT = "Mixed — choose to set all"


class ManyForm(QWidget):
    """Several steps selected: give them one owner or one stage at once."""

    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.step_ids: list[str] = []
        form = QFormLayout(self)
        self.heading = _heading("")
        form.addRow(self.heading)
        self.department = QComboBox()
        self.department.setObjectName("bulkDepartment")
        self.stage = QComboBox()
        self.stage.setObjectName("bulkStage")
        form.addRow("Owner (lane)", self.department)
        form.addRow("Stage", self.stage)
        self.department.activated.connect(
            lambda _i: self._apply("department_id", self.department.currentData())
        )
        self.stage.activated.connect(lambda _i: self._apply("stage_id", self.stage.currentData()))

    def show_steps(self, step_ids: list[str], link_count: int) -> None:
        self.step_ids = step_ids
        journey = self.session.journey
        text = f"{plural(len(step_ids), 'step')} selected"
        if link_count:
            text += f" and {plural(link_count, 'link')}"
        self.heading.setText(text)
        steps = [journey.steps[s] for s in step_ids if s in journey.steps]
        for combo, field, none_name, records in (
            (self.department, "department_id", UNASSIGNED_NAME, journey.departments_in_order()),
            (self.stage, "stage_id", NO_STAGE_NAME, journey.stages_in_order()),
        ):
            values = {getattr(step, field) for step in steps}
            # Show the value they share; "Mixed" when they differ (choosing applies to all).
            mixed = [(MIXED_TEXT, MIXED)] if len(values) != 1 else []
            current = next(iter(values)) if len(values) == 1 else MIXED
            fill_combo(
                combo, [*mixed, (none_name, None), *[(r.name, r.id) for r in records]], current
            )

    def _apply(self, field: str, value: object) -> None:
        if value == MIXED:
            return
        ids = [s for s in self.step_ids if s in self.session.journey.steps]
        if all(getattr(self.session.journey.steps[s], field) == value for s in ids):
            return

        def change(journey: JourneyMap) -> None:
            for step_id in ids:
                journey.update_step(step_id, **{field: value})

        what = "owner" if field == "department_id" else "stage"
        # Arrowing through the combo applies each entry: one undo step for the whole choice.
        selection_key = ",".join(sorted(ids))
        self.session.run_edit(
            f"Change {what} of {plural(len(ids), 'step')}",
            change,
            merge_key=f"steps:{selection_key}:{field}",
        )


class Inspector(QScrollArea):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setObjectName("inspector")
        self.pages = QStackedWidget()
        self.empty = QLabel(
            "Select a step, a link, a department or a stage to see and edit it here.\n\n"
            "Double-click a lane to add a step."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty.setMargin(12)
        self.step_form = StepForm(session)
        self.link_form = LinkForm(session)
        self.department_form = DepartmentForm(session)
        self.stage_form = StageForm(session)
        self.many_form = ManyForm(session)
        self._holders: dict[QWidget, QWidget] = {}
        for page in (
            self.empty,
            self.step_form,
            self.link_form,
            self.department_form,
            self.stage_form,
            self.many_form,
        ):
            holder = QWidget()  # keeps each form at the top instead of spread out
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(page)
            column.addStretch(1)
            self._holders[page] = holder
            self.pages.addWidget(holder)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addWidget(self.pages)
        layout.addStretch(1)
        self.setWidget(holder)
        self._subject: tuple[str, object] = ("none", None)
        session.selection_changed.connect(self._on_selection)
        session.department_selected.connect(
            lambda d: self._show(("department", d) if d else ("none", None))
        )
        session.stage_selected.connect(lambda s: self._show(("stage", s) if s else ("none", None)))
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(lambda _r: self.setEnabled(not session.read_only))
        self.setEnabled(not session.read_only)

    def _on_selection(self, steps: frozenset, links: frozenset) -> None:
        journey = self.session.journey
        if len(links) == 1:
            link = journey.links.get(next(iter(links)))
            if link is not None and steps <= {link.source, link.target}:
                self._show(("link", link.id))  # a link with its ends: edit the handoff
                return
        if len(steps) == 1 and not links:
            self._show(("step", next(iter(steps))))
        elif len(links) == 1 and not steps:
            self._show(("link", next(iter(links))))
        elif len(steps) > 1 or (steps and links):
            self._show(("many", (sorted(steps), len(links))))
        elif links:
            self._show(("none", None))
        else:
            self._show(("none", None))

    def _on_changed(self, _changeset: ChangeSet, _origin: str) -> None:
        self._show(self._subject)

    def _show(self, subject: tuple[str, object]) -> None:
        kind, key = subject
        journey = self.session.journey
        exists = {
            "step": lambda: key in journey.steps,
            "link": lambda: key in journey.links,
            "department": lambda: key in journey.departments,
            "stage": lambda: key in journey.stages,
        }.get(kind, lambda: True)()
        if not exists:
            kind, key = "none", None
        self._subject = (kind, key)
        if kind == "step":
            self.step_form.show_step(key)
            self._show_page(self.step_form)
        elif kind == "link":
            self.link_form.show_link(key)
            self._show_page(self.link_form)
        elif kind == "department":
            self.department_form.show_department(key)
            self._show_page(self.department_form)
        elif kind == "stage":
            self.stage_form.show_stage(key)
            self._show_page(self.stage_form)
        elif kind == "many":
            steps, link_count = key
            self.many_form.show_steps([s for s in steps if s in journey.steps], link_count)
            self._show_page(self.many_form)
        else:
            self._show_page(self.empty)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(self._holders[page])

    @property
    def current_page(self) -> QWidget:
        holder = self.pages.currentWidget()
        return next(page for page, h in self._holders.items() if h is holder)
