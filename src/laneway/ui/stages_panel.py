"""Stages (the journey's columns): add, rename, reorder, delete."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QListWidgetItem

from laneway.model import Stage
from laneway.ui import dialogs
from laneway.ui.dialogs import plural
from laneway.ui.record_list_panel import RecordListPanel


class StagesPanel(RecordListPanel):
    noun = "stage"
    step_field = "stage_id"
    empty_hint = (
        "No stages yet.\n\nAdd the phases of the journey, e.g. Awareness, Consideration, "
        "Purchase, Onboarding: each becomes a column."
    )

    def records(self) -> list[Stage]:
        return self.session.journey.stages_in_order()

    def decorate(self, item: QListWidgetItem, record: Stage, count: int) -> None:
        item.setText(f"{record.name}")
        item.setToolTip(self.count_tooltip(record, count, self.list.count() + 1))

    def count_tooltip(self, record: Stage, count: int, position: int) -> str:
        return f"Column {position}: {record.name} holds {plural(count, 'step')}."

    def selected_signal(self) -> SignalInstance:
        return self.session.stage_selected

    def announce(self, record_id: str | None) -> None:
        self.session.stage_selected.emit(record_id)

    def add(self) -> None:
        name = dialogs.ask_name(self, "Add stage", "Name of the stage (a new column at the end):")
        if name is None:
            return
        added: list[str] = []
        result = self.session.run_edit(
            f"Add stage {name}", lambda j: added.append(j.add_stage(name).id)
        )
        if result is not None and added:
            self.select(added[0])

    def rename(self, stage_id: str, name: str) -> None:
        result = self.session.run_edit(
            "Rename stage",
            lambda j: j.rename_stage(stage_id, name),
            merge_key=f"stage:{stage_id}:name",
        )
        if result is None:
            self.refresh()  # refused (e.g. the name is taken): show the old name again

    def reorder(self, ordered_ids: list[str]) -> None:
        self.session.run_edit("Reorder stages", lambda j: j.reorder_stages(ordered_ids))

    def delete(self) -> None:
        stage_id = self.current_id()
        if stage_id is None or self.session.read_only:
            return
        stage = self.session.journey.stages[stage_id]
        held = self.step_counts().get(stage_id, 0)
        if held and not dialogs.confirm(
            self,
            f"Delete the stage {stage.name}? {plural(held, 'step')} in it will have no stage.",
            "Delete stage",
        ):
            return
        self.session.run_edit(f"Delete stage {stage.name}", lambda j: j.remove_stage(stage_id))
