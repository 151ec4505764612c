"""Stages (the journey's columns): add, rename, reorder, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem

from laneway.model import Stage
from laneway.model.wording import plural
from laneway.ui.editing import records
from laneway.ui.panels.record_list import RecordListPanel


class StagesPanel(RecordListPanel):
    noun = "stage"
    step_field = "stage_id"
    empty_hint = (
        "No stages yet.\n\nAdd the phases of the journey, e.g. Awareness, Consideration, "
        "Purchase, Onboarding: each becomes a column."
    )
    add_prompt = "Name of the stage (a new column at the end):"

    def records(self) -> list[Stage]:
        return self.session.journey.stages_in_order()

    def decorate(self, item: QListWidgetItem, record: Stage, count: int) -> None:
        item.setText(f"{record.name}")
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Stage, count: int, position: int) -> str:
        return f"Column {position}: {record.name} holds {plural(count, 'step')}."

    def add_edit(self, name: str) -> str | None:
        return records.add_stage(self.session, name)

    def rename_edit(self, record_id: str, name: str) -> bool:
        return records.rename_stage(self.session, record_id, name)

    def reorder_edit(self, ordered_ids: list[str]) -> bool:
        return records.reorder_stages(self.session, ordered_ids)

    def delete(self) -> None:
        stage_id = self.current_id()
        if stage_id is None or self.session.read_only:
            return
        stage = self.session.journey.stages[stage_id]
        held = self.step_counts().get(stage_id, 0)
        question = (
            f"Delete the stage {stage.name}? {plural(held, 'step')} in it will have no stage."
        )
        if self.confirm_delete(held, question):
            records.delete_stage(self.session, stage_id)
