"""Stages (the journey's columns): add, rename, reorder, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem

from laneway.i18n import N_, _
from laneway.model import Stage
from laneway.model.wording import plural
from laneway.ui.panels.record_list import RecordListPanel


class StagesPanel(RecordListPanel):
    noun = "stage"
    step_field = "stage_id"
    empty_hint = N_(
        "No stages yet.\n\nAdd the phases of the journey, e.g. Awareness, Consideration, "
        "Purchase, Onboarding: each becomes a column."
    )
    add_prompt = N_("Name of the stage (a new column at the end):")
    list_name = N_("Stages")
    list_description = N_(
        "The columns in order; F2 renames, Del deletes, Ctrl+Up and Ctrl+Down move"
    )

    def records(self) -> list[Stage]:
        return self.session.journey.stages_in_order()

    def decorate(self, item: QListWidgetItem, record: Stage, count: int) -> None:
        item.setText(f"{record.name}")
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Stage, count: int, position: int) -> str:
        return _("Column {position}: {name} holds {value}.").format(
            position=position, name=record.name, value=plural(count, "step")
        )

    def delete_question(self, record: Stage, uses: int) -> str:
        return _("Delete the stage {name}? {value} in it will have no stage.").format(
            name=record.name, value=plural(uses, "step")
        )
