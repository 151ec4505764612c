"""The inspector's step forms: one step (every SPEC §1 field) and several at once."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QWidget

from laneway.analysis import Report
from laneway.i18n import N_, _
from laneway.layout import NO_STAGE_NAME, UNASSIGNED_NAME
from laneway.model import JourneyMap
from laneway.model.wording import plural
from laneway.ui.editing.session import MapSession
from laneway.ui.editing.steps import set_step_field, set_steps_field
from laneway.ui.panels.inspector_common import findings_label, inspector_form, show_findings
from laneway.ui.panels.inspector_personas import PersonaChecks
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.fields import CommitLineEdit, CommitTextEdit, fill_combo
from laneway.ui.widgets.headings import heading_label
from laneway.ui.widgets.swatch import swatch

EMOTIONS = [
    (N_("Not rated"), None),
    (N_("−2  Very unhappy"), -2),
    (N_("−1  Unhappy"), -1),
    (N_("0  Neutral"), 0),
    (N_("+1  Happy"), 1),
    (N_("+2  Delighted"), 2),
]
STEP_TEXT_FIELDS = [
    ("title", N_("Title"), "line"),
    ("channel", N_("Channel"), "line"),
    ("customer_action", N_("Customer action"), "line"),
    ("description", N_("Description"), "text"),
    ("pain_points", N_("Pain points"), "text"),
    ("kpi", "KPI", "line"),
    ("responsible", N_("Responsible"), "line"),
]
#: What each field of the form is for (its accessible description).
FIELD_DESCRIPTIONS = {
    "title": N_("The step's title, as on its card"),
    "channel": N_("Where the step happens: web, email, phone…"),
    "customer_action": N_("What the customer does here"),
    "description": N_("More about the step"),
    "pain_points": N_("What goes wrong for the customer here"),
    "kpi": N_("How the step is measured"),
    "responsible": N_("The person who answers for the step"),
    "department": N_("Which department owns the step: its lane"),
    "stage": N_("The stage of the journey: its column"),
    "emotion": N_("How the customer feels here, from very unhappy to delighted"),
    "entry": N_("The journey starts at this step"),
    "terminal": N_("The journey may end at this step"),
}


class StepForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.step_id: str | None = None
        form = inspector_form(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = heading_label(_("Step"))
        form.addRow(self.heading)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        self.emotion = QComboBox()
        self.emotion.setObjectName("emotion")
        for text, value in EMOTIONS:
            self.emotion.addItem(_(text), value)
        self.texts: dict[str, CommitLineEdit | CommitTextEdit] = {}
        for name, english, kind in STEP_TEXT_FIELDS:
            label = _(english)
            editor = CommitLineEdit() if kind == "line" else CommitTextEdit()
            editor.setObjectName(name)
            describe(editor, label, _(FIELD_DESCRIPTIONS[name]))
            editor.committed.connect(lambda text, n=name: self._commit(n, text))
            editor.edited.connect(lambda text, n=name: self._commit(n, text, live=True))
            self.texts[name] = editor
            form.addRow(label, editor)
            if name == "title":
                form.addRow(_("Owner (lane)"), self.department)
                form.addRow(_("Stage"), self.stage)
        form.addRow(_("Emotion"), self.emotion)
        self.personas = PersonaChecks(session)
        form.addRow(_("Personas"), self.personas)
        self._form = form
        self.entry = QCheckBox(_("Entry: the journey starts here"))
        self.entry.setObjectName("entry")
        self.terminal = QCheckBox(_("End: the journey may stop here"))
        self.terminal.setObjectName("terminal")
        form.addRow(self.entry)
        form.addRow(self.terminal)
        self.findings = findings_label()
        form.addRow(self.findings)
        for widget, name in (
            (self.department, _("Owner")),
            (self.stage, _("Stage")),
            (self.emotion, _("Emotion")),
            (self.entry, _("Entry")),
            (self.terminal, _("End")),
        ):
            describe(widget, name, _(FIELD_DESCRIPTIONS[widget.objectName()]))
        # The latest analysis delivered by the session: reading ``session.report`` here
        # would re-run the analysis inside every edit instead of once per burst.
        self._report: Report | None = None
        session.report_changed.connect(self._on_report)
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
        another = step_id != self.step_id
        if another:
            for editor in self.texts.values():
                editor.flush()  # what was typed belongs to the step shown until now
        self.step_id = step_id
        journey = self.session.journey
        if step_id not in journey.steps:
            return  # the flushed edit's refresh already showed what is there now
        step = journey.steps[step_id]
        self.heading.setText(step.title or _("Untitled step"))
        for name, editor in self.texts.items():
            editor.show_value(getattr(step, name), force=another)
        fill_combo(
            self.department,
            [
                (
                    _("{UNASSIGNED_NAME} (nobody owns it)").format(
                        UNASSIGNED_NAME=_(UNASSIGNED_NAME)
                    ),
                    None,
                )
            ]
            + [(d.name, d.id) for d in journey.departments_in_order()],
            step.department_id,
        )
        color_department_entries(self.department, journey)
        fill_combo(
            self.stage,
            [(_(NO_STAGE_NAME), None)] + [(s.name, s.id) for s in journey.stages_in_order()],
            step.stage_id,
        )
        self.emotion.setCurrentIndex(self.emotion.findData(step.emotion))
        self._form.setRowVisible(self.personas, bool(journey.personas))
        if journey.personas:
            self.personas.show_step(step_id, journey)
        for box, value in ((self.entry, step.entry), (self.terminal, step.terminal)):
            blocked = box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(blocked)
        self._show_findings()

    def _on_report(self, report: Report) -> None:
        self._report = report
        self._show_findings()

    def _show_findings(self) -> None:
        """What the analysis says about this step (as the badges on its card)."""
        step_id = self.step_id
        known = step_id is not None and step_id in self.session.journey.steps
        show_findings(
            self.findings, self._report.findings_for_step(step_id) if known and self._report else []
        )

    def _commit(self, field: str, value: object, live: bool = False) -> None:
        """A value picked, typed (``live``: typing paused) or finished in a field."""
        step_id = self.step_id
        if step_id is None or step_id not in self.session.journey.steps:
            return
        if field == "title" and not str(value).strip():
            if not live:
                self.texts["title"].show_value(
                    self.session.journey.steps[step_id].title, force=True
                )
            return  # a step keeps a name: the old one is back once the typing is done
        if getattr(self.session.journey.steps[step_id], field) == value:
            return
        editor = self.texts.get(field)
        visit = editor.visit if editor is not None else None
        refused = not set_step_field(self.session, step_id, field, value, visit)
        if refused and not live and step_id in self.session.journey.steps:
            self.show_step(step_id)  # refused: show what the map holds


MIXED = "?mixed"
MIXED_TEXT = N_("Mixed — choose to set all")


class ManyForm(QWidget):
    """Several steps selected: give them one owner or one stage at once."""

    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.step_ids: list[str] = []
        form = inspector_form(self)
        self.heading = heading_label("")
        form.addRow(self.heading)
        self.department = QComboBox()
        self.department.setObjectName("bulkDepartment")
        self.stage = QComboBox()
        self.stage.setObjectName("bulkStage")
        form.addRow(_("Owner (lane)"), self.department)
        form.addRow(_("Stage"), self.stage)
        describe(self.department, _("Owner of the selected steps"), _("Give them all one lane"))
        describe(self.stage, _("Stage of the selected steps"), _("Move them all to one stage"))
        self.department.activated.connect(
            lambda _i: self._apply("department_id", self.department.currentData())
        )
        self.stage.activated.connect(lambda _i: self._apply("stage_id", self.stage.currentData()))

    def show_steps(self, step_ids: list[str], link_count: int) -> None:
        self.step_ids = step_ids
        journey = self.session.journey
        text = f"{plural(len(step_ids), 'step')} selected"
        if link_count:
            text += _(" and {value}").format(value=plural(link_count, "link"))
        self.heading.setText(text)
        steps = [journey.steps[s] for s in step_ids if s in journey.steps]
        for combo, field, none_name, records in (
            (self.department, "department_id", _(UNASSIGNED_NAME), journey.departments_in_order()),
            (self.stage, "stage_id", _(NO_STAGE_NAME), journey.stages_in_order()),
        ):
            values = {getattr(step, field) for step in steps}
            # Show the value they share; "Mixed" when they differ (choosing applies to all).
            mixed = [(_(MIXED_TEXT), MIXED)] if len(values) != 1 else []
            current = next(iter(values)) if len(values) == 1 else MIXED
            fill_combo(
                combo, [*mixed, (none_name, None), *[(r.name, r.id) for r in records]], current
            )
        color_department_entries(self.department, journey)

    def _apply(self, field: str, value: object) -> None:
        if value != MIXED:
            set_steps_field(self.session, self.step_ids, field, value)


def color_department_entries(combo: QComboBox, journey: JourneyMap) -> None:
    """Give each department entry of an owner combo its lane color."""
    for index in range(combo.count()):
        department = journey.departments.get(combo.itemData(index))
        if department is not None:
            combo.setItemIcon(index, swatch(department.color))
