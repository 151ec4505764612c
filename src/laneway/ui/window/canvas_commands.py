"""The keyboard's commands on the canvas: add the next step (also the first one), walk
the cards with the arrows, move them a cell with Alt+arrows, link to a step by title.

A step added by a key opens its title in place at once, and the title typed joins the
step's creation: one undo step, "Add next step", not two.
"""

from __future__ import annotations

from collections.abc import Callable

from laneway.i18n import _
from laneway.layout import Metrics
from laneway.operations.searching import reading_order
from laneway.ui.editing import steps
from laneway.ui.editing.nudging import nudge_steps
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets import prompts
from laneway.ui.window.navigation import Direction, neighbour
from laneway.ui.window.view import MapView


class CanvasCommands:
    def __init__(
        self,
        view: MapView,
        session: MapSession,
        notify: Callable[[str], None],
        metrics: Callable[[], Metrics],
    ) -> None:
        self.view = view
        self.session = session
        self.notify = notify
        self.metrics = metrics

    @property
    def scene(self):
        return self.view.journey_scene()

    def _show_and_name(self, step_id: str | None) -> None:
        if step_id:
            self.session.focus([step_id])
            self.view.start_rename(step_id, merge_key=steps.creation_key(step_id))

    # ------------------------------------------------------------------ adding
    def add_next(self, *, lane_below: bool = False, next_stage: bool = False) -> None:
        """After the selected step; with nothing selected, the first step of a cell."""
        selected = sorted(self.session.selected_step_ids)
        if not selected:
            self.add_first()
            return
        if len(selected) != 1:
            self.notify(_("Select one step first; the new step follows it."))
            return
        new_id = steps.add_next_step(
            self.session,
            selected[0],
            lane_below=lane_below,
            next_stage=next_stage,
            metrics=self.metrics(),
        )
        self._show_and_name(new_id)

    def add_first(self) -> None:
        """A step in the cell under the mouse, else in the first lane and stage."""
        journey = self.session.journey
        cell = self.view.cell_under_pointer()
        if cell is None:
            departments = journey.departments_in_order()
            stages = journey.stages_in_order()
            cell = (
                departments[0].id if departments else None,
                stages[0].id if stages else None,
            )
        self.add_at(*cell)

    def add_at(
        self,
        department_id: str | None,
        stage_id: str | None,
        near: tuple[float, float] | None = None,
    ) -> None:
        """A new step in a cell (near a cell-relative point), named in place."""
        new_id = steps.add_step(
            self.session, department_id, stage_id, near, _(steps.DEFAULT_TITLE), self.metrics()
        )
        self._show_and_name(new_id)

    # ----------------------------------------------------------------- walking
    def select(self, direction: Direction) -> None:
        selected = sorted(self.session.selected_step_ids)
        current = selected[0] if len(selected) == 1 else None
        if len(selected) > 1:  # from several: start at the first of them as read
            order = reading_order(self.session.journey)
            chosen = set(selected)
            current = next((s for s in order if s in chosen), None)
        target = neighbour(self.session.journey, self.scene.grid, current, direction)
        if target is not None:
            self.session.focus([target])

    def nudge(self, lanes: int, stages: int) -> None:
        chosen = self.session.selected_step_ids
        if not chosen:
            self.notify(_("Select the steps to move first."))
            return
        if not nudge_steps(self.session, self.scene.grid, chosen, lanes, stages):
            self.notify(
                _("There is no lane further that way.")
                if lanes
                else _("There is no stage further that way.")
            )

    # ----------------------------------------------------------------- linking
    def link_to(self) -> None:
        selected = sorted(self.session.selected_step_ids)
        if len(selected) != 1:
            self.notify(_("Select the one step the link starts from first."))
            return
        source = selected[0]
        journey = self.session.journey
        targets = [
            s
            for s in reading_order(journey)
            if s != source and journey.link_between(source, s) is None
        ]
        if not targets:
            self.notify(_("There is no other step to link to."))
            return
        labels = [step_choice_label(journey, s) for s in targets]
        title = journey.steps[source].title
        index = prompts.ask_choice(
            self.view.window(),
            _("Link to step"),
            _("Link '{title}' to (type a title):").format(title=title),
            labels,
            typed=True,
        )
        if index is not None and steps.link_steps(self.session, source, targets[index]):
            self.session.focus([source, targets[index]])


def step_choice_label(journey, step_id: str) -> str:
    """How a step reads in a list to choose from: title, owner and stage."""
    step = journey.steps[step_id]
    owner = journey.department_name(step.department_id) or _("Unassigned")
    stage = journey.stage_name(step.stage_id) or _("no stage")
    return f"{step.title} — {owner}, {stage}"
