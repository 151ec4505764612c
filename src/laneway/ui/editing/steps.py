"""The step and link edits behind gestures, commands and the inspector.

Each function is one ``session.run_edit`` (one transaction, one undo step) and says
whether it changed the map; a refused edit has already told the user why.
"""

from __future__ import annotations

from collections.abc import Iterable

from laneway.i18n import N_, _
from laneway.layout import Grid, Metrics, free_spot, next_spot, tidy_positions
from laneway.model import JourneyMap
from laneway.model.wording import plural
from laneway.ui.editing.session import MapSession

DEFAULT_TITLE = N_("New step")
#: Undo labels of the step fields whose generic "Edit <field>" would read oddly.
FIELD_LABELS = {"department_id": N_("Change owner"), "stage_id": N_("Change stage")}


def creation_key(step_id: str) -> str:
    """The undo merge key of a step just created: its first title joins its creation,
    so a new step and the name typed for it are one undo step."""
    return f"new-step:{step_id}"


def add_step(
    session: MapSession,
    department_id: str | None,
    stage_id: str | None,
    near: tuple[float, float] | None,
    title: str,
    metrics: Metrics | None = None,
) -> str | None:
    """Create a step in a lane × stage cell, near a cell-relative point."""
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        x, y = free_spot(journey, department_id, stage_id, near, metrics)
        step = journey.add_step(
            title.strip() or _(DEFAULT_TITLE),
            department_id=department_id,
            stage_id=stage_id,
            x=x,
            y=y,
        )
        created.append(step.id)

    changed = session.run_edit(
        _("Add step"), change, merge_key=lambda: creation_key(created[0]) if created else None
    )
    return created[0] if changed else None


def add_next_step(
    session: MapSession,
    step_id: str,
    *,
    lane_below: bool = False,
    next_stage: bool = False,
    metrics: Metrics | None = None,
) -> str | None:
    """Add a step after ``step_id`` and link to it: in the same lane and stage, in the
    lane below, or in the next stage (the last stage keeps it in its own)."""
    journey = session.journey
    step = journey.steps[step_id]
    department_id = step.department_id
    if lane_below:
        order = [None, *[d.id for d in journey.departments_in_order()]]
        index = order.index(step.department_id)
        department_id = order[index + 1] if index + 1 < len(order) else step.department_id
    stage_id = _next_stage(journey, step.stage_id) if next_stage else step.stage_id
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        if stage_id == step.stage_id:
            x, y = next_spot(journey, step_id, department_id, metrics)
        else:  # the new column's first free spot, level with the step when it can be
            x, y = free_spot(journey, department_id, stage_id, (0, step.y or 0), metrics)
        new = journey.add_step(
            _(DEFAULT_TITLE), department_id=department_id, stage_id=stage_id, x=x, y=y
        )
        journey.add_link(step_id, new.id)
        created.append(new.id)

    changed = session.run_edit(
        _("Add next step"), change, merge_key=lambda: creation_key(created[0]) if created else None
    )
    return created[0] if changed else None


def _next_stage(journey: JourneyMap, stage_id: str | None) -> str | None:
    order = [stage.id for stage in journey.stages_in_order()]
    if stage_id not in order:
        return order[0] if order else None
    index = order.index(stage_id)
    return order[min(index + 1, len(order) - 1)]


def rename_step(
    session: MapSession, step_id: str, title: str, *, merge_key: str | None = None
) -> bool:
    """A new title; ``merge_key`` joins it to an earlier edit (e.g. the step's creation)."""
    title = title.strip()
    if not title or step_id not in session.journey.steps:
        return False
    if session.journey.steps[step_id].title == title:
        return False
    result = session.run_edit(
        _("Rename step"),
        lambda j: j.update_step(step_id, title=title),
        merge_key=merge_key or f"step:{step_id}:title",
    )
    return result is not None


def link_steps(session: MapSession, source: str, target: str) -> str | None:
    journey = session.journey
    if source == target or journey.link_between(source, target) is not None:
        if source != target:
            session.error.emit(
                _("'{title}' already leads to '{title2}'.").format(
                    title=journey.steps[source].title, title2=journey.steps[target].title
                )
            )
        return None
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        created.append(journey.add_link(source, target).id)

    return created[0] if session.run_edit(_("Link steps"), change) else None


def delete(session: MapSession, step_ids: Iterable[str], link_ids: Iterable[str] = ()) -> bool:
    steps = [s for s in step_ids if s in session.journey.steps]
    links = [k for k in link_ids if k in session.journey.links]
    if not steps and not links:
        return False
    label = (
        _("Delete {value}").format(value=plural(len(steps), "step"))
        if steps
        else _("Delete {value}").format(value=plural(len(links), "link"))
    )

    def change(journey: JourneyMap) -> None:
        for link_id in links:
            if link_id in journey.links:
                journey.remove_link(link_id)
        for step_id in steps:
            journey.remove_step(step_id)

    return session.run_edit(label, change) is not None


def move_steps(session: MapSession, grid: Grid, moves: dict[str, tuple[float, float]]) -> bool:
    """Cards dropped at scene positions: new lane (owner), stage and offset each."""
    journey = session.journey
    metrics = grid.metrics
    updates: dict[str, dict] = {}
    for step_id, (x, y) in moves.items():
        if step_id not in journey.steps:
            continue
        center_x, center_y = x + metrics.card_width / 2, y + metrics.card_height / 2
        department_id, stage_id = grid.nearest_cell(center_x, center_y)
        ox, oy = grid.to_cell_offset(department_id, stage_id, x, y)
        step = journey.steps[step_id]
        values = {"department_id": department_id, "stage_id": stage_id, "x": ox, "y": oy}
        if any(getattr(step, k) != v for k, v in values.items()):
            updates[step_id] = values
    if not updates:
        return False
    relaned = [
        s for s, v in updates.items() if v["department_id"] != journey.steps[s].department_id
    ]
    if len(updates) == 1 and relaned:
        [step_id] = relaned
        owner = journey.department_name(updates[step_id]["department_id"]) or "nobody"
        label = _("Give '{title}' to {owner}").format(
            title=journey.steps[step_id].title, owner=owner
        )
    else:
        label = _("Move {value}").format(value=plural(len(updates), "step"))

    def change(journey: JourneyMap) -> None:
        for step_id, values in updates.items():
            journey.update_step(step_id, **values)

    return session.run_edit(label, change) is not None


def tidy(session: MapSession, step_ids: Iterable[str] | None = None) -> bool:
    chosen = None if step_ids is None else list(step_ids)
    label = (
        _("Tidy layout")
        if not chosen
        else _("Tidy {value}").format(value=plural(len(chosen), "step"))
    )

    def change(journey: JourneyMap) -> None:
        positions = tidy_positions(journey, chosen)
        for step_id, (x, y) in positions.items():
            journey.update_step(step_id, x=x, y=y)

    return session.run_edit(label, change) is not None


def field_merge_key(record: str, field: str, visit: int | None) -> str:
    """Edits of one field follow each other as one undo step; with ``visit`` (the
    field's focus count), only those of one visit to the field."""
    return f"{record}:{field}" if visit is None else f"{record}:{field}:visit{visit}"


def set_step_field(
    session: MapSession, step_id: str, field: str, value: object, visit: int | None = None
) -> bool:
    """One field of one step, as typed or picked in the inspector."""
    journey = session.journey
    if step_id not in journey.steps or getattr(journey.steps[step_id], field) == value:
        return False
    label = (
        _(FIELD_LABELS[field])
        if field in FIELD_LABELS
        else _("Edit {field}").format(field=field.replace("_id", "").replace("_", " "))
    )
    changed = session.run_edit(
        label,
        lambda j: j.update_step(step_id, **{field: value}),
        merge_key=field_merge_key(f"step:{step_id}", field, visit),
    )
    return changed is not None


def set_steps_field(
    session: MapSession, step_ids: Iterable[str], field: str, value: object
) -> bool:
    """One owner (``department_id``) or stage (``stage_id``) for several steps at once.

    Arrowing through a combo applies each entry: one undo step for the whole choice.
    """
    ids = [s for s in step_ids if s in session.journey.steps]
    if all(getattr(session.journey.steps[s], field) == value for s in ids):
        return False

    def change(journey: JourneyMap) -> None:
        for step_id in ids:
            journey.update_step(step_id, **{field: value})

    what = "owner" if field == "department_id" else "stage"
    selection_key = ",".join(sorted(ids))
    changed = session.run_edit(
        (_("Change owner of {value}") if what == "owner" else _("Change stage of {value}")).format(
            value=plural(len(ids), "step")
        ),
        change,
        merge_key=f"steps:{selection_key}:{field}",
    )
    return changed is not None


def set_link_field(
    session: MapSession, link_id: str, field: str, value: str, visit: int | None = None
) -> bool:
    """A link's agreement, SLA or label; writing an agreement closes a handoff gap."""
    links = session.journey.links
    if link_id not in links or getattr(links[link_id], field) == value:
        return False
    label = _("Agree handoff") if field == "agreement" else _("Edit {field}").format(field=field)
    changed = session.run_edit(
        label,
        lambda j: j.update_link(link_id, **{field: value}),
        merge_key=field_merge_key(f"link:{link_id}", field, visit),
    )
    return changed is not None
