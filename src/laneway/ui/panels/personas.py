"""Personas (who the journey is for, SPEC §7): add, rename, describe, recolour, reorder,
delete. A step names the personas it concerns in the inspector; naming none means all."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QListWidgetItem, QPushButton

from laneway.i18n import N_, _
from laneway.model import Persona
from laneway.model.wording import plural
from laneway.ui.editing import records as record_edits
from laneway.ui.panels.record_list import RecordListPanel
from laneway.ui.widgets.swatch import swatch


class PersonasPanel(RecordListPanel):
    noun = "persona"
    step_field = "personas"
    empty_hint = N_(
        "No personas yet.\n\nAdd who the journey is for (e.g. Trial user, Economic buyer): "
        "each gets a line on the emotion curve, and a step may name the ones it concerns."
    )
    add_prompt = N_("Name of the persona (who the journey is for):")
    list_name = N_("Personas")
    list_description = N_(
        "Who the journey is for, in order; F2 renames, Del deletes, Ctrl+Up and Ctrl+Down move"
    )

    def add_extra_buttons(self) -> None:
        self.color_button = self._button(
            _("Color…"), self.recolor, _("Change the persona's colour")
        )
        self.describe_button = self._button(
            _("Describe…"), self.describe, _("Say who the persona is, in a sentence or two")
        )

    def records(self) -> list[Persona]:
        return self.session.journey.personas_in_order()

    def step_counts(self) -> Counter:
        """How many steps name each persona (a step naming none concerns them all)."""
        counts: Counter = Counter()
        for step in self.session.journey.steps.values():
            counts.update(step.personas)
        return counts

    def decorate(self, item: QListWidgetItem, record: Persona, count: int) -> None:
        item.setIcon(swatch(record.color))
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Persona, count: int, position: int) -> str:
        about = f"{record.description}\n" if record.description else ""
        return _("{about}{steps} name {name} (steps naming nobody concern all).").format(
            about=about, steps=plural(count, "step"), name=record.name
        )

    def record_buttons(self) -> list[QPushButton]:
        return [*super().record_buttons(), self.color_button, self.describe_button]

    def delete_question(self, record: Persona, uses: int) -> str:
        return _("Delete the persona {name}? {steps} name it.").format(
            name=record.name, steps=plural(uses, "step")
        )

    # ------------------------------------------------------------------ actions
    def recolor(self) -> None:
        persona_id = self.current_id()
        if persona_id is None or self.session.read_only:
            return
        persona = self.session.journey.personas[persona_id]
        color = QColorDialog.getColor(
            QColor(persona.color), self, _("Colour of {name}").format(name=persona.name)
        )
        if color.isValid():
            record_edits.recolor_persona(self.session, persona_id, color.name())

    def describe(self) -> None:
        persona_id = self.current_id()
        if persona_id is None or self.session.read_only:
            return
        persona = self.session.journey.personas[persona_id]
        text, ok = QInputDialog.getMultiLineText(
            self,
            _("Describe persona"),
            _("Who is {name}?").format(name=persona.name),
            persona.description,
        )
        if ok:
            record_edits.describe_persona(self.session, persona_id, text.strip())
