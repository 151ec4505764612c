"""The step form's Personas row: one check box per persona; none ticked = all of them."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from laneway.i18n import _
from laneway.model import JourneyMap
from laneway.ui.editing.content import set_step_personas
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets.swatch import swatch

COLUMNS = 2


class PersonaChecks(QWidget):
    """Which personas a step concerns; ticking or unticking one is one edit."""

    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.setObjectName("stepPersonas")
        self.session = session
        self.step_id: str | None = None
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.summary = QLabel()
        self.summary.setObjectName("stepPersonasSummary")
        self.summary.setEnabled(False)  # the dimmed text colour: a hint, not a field

    def show_step(self, step_id: str, journey: JourneyMap) -> None:
        self.step_id = step_id
        step = journey.steps[step_id]
        personas = journey.personas_in_order()
        if [p.id for p in personas] != list(self.boxes):
            self._rebuild(journey)
        for persona in personas:
            box = self.boxes[persona.id]
            blocked = box.blockSignals(True)
            box.setText(persona.name)
            box.setIcon(swatch(persona.color))
            box.setChecked(persona.id in step.personas)
            box.blockSignals(blocked)
        named = [journey.personas[p].name for p in step.personas if p in journey.personas]
        self.summary.setText(
            _("Concerns {names}").format(names=", ".join(named))
            if named
            else _("Concerns every persona (none ticked)")
        )

    def _rebuild(self, journey: JourneyMap) -> None:
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.deleteLater()
        self.grid.removeWidget(self.summary)
        self.boxes = {}
        for index, persona in enumerate(journey.personas_in_order()):
            box = QCheckBox(persona.name)
            box.setObjectName(f"persona:{persona.name}")
            box.setToolTip(
                persona.description or _("The step concerns {name}").format(name=persona.name)
            )
            box.setAccessibleDescription(_("The step concerns {name}").format(name=persona.name))
            box.clicked.connect(lambda _checked, p=persona.id: self._toggle(p))
            self.grid.addWidget(box, index // COLUMNS, index % COLUMNS)
            self.boxes[persona.id] = box
        self.grid.addWidget(self.summary, len(self.boxes) // COLUMNS + 1, 0, 1, COLUMNS)

    def _toggle(self, persona_id: str) -> None:
        journey = self.session.journey
        if self.step_id is None or self.step_id not in journey.steps:
            return
        ticked = [p.id for p in journey.personas_in_order() if self.boxes[p.id].isChecked()]
        set_step_personas(self.session, self.step_id, tuple(ticked))
