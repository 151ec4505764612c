"""The map edits behind gestures and commands: each is one ``session.run_edit``."""

from __future__ import annotations

from collections.abc import Iterable

from laneway.io.jsonio import dumps, loads
from laneway.layout import Grid, Metrics, free_spot, next_spot, paste_spots, tidy_positions
from laneway.model import JourneyMap, Step
from laneway.ui.session import MapSession

DEFAULT_TITLE = "New step"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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
            title.strip() or DEFAULT_TITLE, department_id=department_id, stage_id=stage_id, x=x, y=y
        )
        created.append(step.id)

    return created[0] if session.run_edit("Add step", change) else None


def add_next_step(
    session: MapSession, step_id: str, *, lane_below: bool = False, metrics: Metrics | None = None
) -> str | None:
    """Add a step after ``step_id`` (same lane, or the lane below) and link to it."""
    journey = session.journey
    step = journey.steps[step_id]
    department_id = step.department_id
    if lane_below:
        order = [None, *[d.id for d in journey.departments_in_order()]]
        index = order.index(step.department_id)
        department_id = order[index + 1] if index + 1 < len(order) else step.department_id
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        x, y = next_spot(journey, step_id, department_id, metrics)
        new = journey.add_step(
            DEFAULT_TITLE, department_id=department_id, stage_id=step.stage_id, x=x, y=y
        )
        journey.add_link(step_id, new.id)
        created.append(new.id)

    return created[0] if session.run_edit("Add next step", change) else None


def rename_step(session: MapSession, step_id: str, title: str) -> bool:
    title = title.strip()
    if not title or step_id not in session.journey.steps:
        return False
    if session.journey.steps[step_id].title == title:
        return False
    result = session.run_edit(
        "Rename step",
        lambda j: j.update_step(step_id, title=title),
        merge_key=f"step:{step_id}:title",
    )
    return result is not None


def link_steps(session: MapSession, source: str, target: str) -> str | None:
    journey = session.journey
    if source == target or journey.link_between(source, target) is not None:
        if source != target:
            session.error.emit(
                f"'{journey.steps[source].title}' already leads to '{journey.steps[target].title}'."
            )
        return None
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        created.append(journey.add_link(source, target).id)

    return created[0] if session.run_edit("Link steps", change) else None


def delete(session: MapSession, step_ids: Iterable[str], link_ids: Iterable[str] = ()) -> bool:
    steps = [s for s in step_ids if s in session.journey.steps]
    links = [k for k in link_ids if k in session.journey.links]
    if not steps and not links:
        return False
    label = (
        f"Delete {plural(len(steps), 'step')}" if steps else f"Delete {plural(len(links), 'link')}"
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
        label = f"Give '{journey.steps[step_id].title}' to {owner}"
    else:
        label = f"Move {plural(len(updates), 'step')}"

    def change(journey: JourneyMap) -> None:
        for step_id, values in updates.items():
            journey.update_step(step_id, **values)

    return session.run_edit(label, change) is not None


def tidy(session: MapSession, step_ids: Iterable[str] | None = None) -> bool:
    chosen = None if step_ids is None else list(step_ids)
    label = "Tidy layout" if not chosen else f"Tidy {plural(len(chosen), 'step')}"

    def change(journey: JourneyMap) -> None:
        positions = tidy_positions(journey, chosen)
        for step_id, (x, y) in positions.items():
            journey.update_step(step_id, x=x, y=y)

    return session.run_edit(label, change) is not None


# ----------------------------------------------------------------- clipboard
def copy_text(session: MapSession, step_ids: Iterable[str]) -> str | None:
    """The interchange JSON of the selected steps and the links between them."""
    chosen = {s for s in step_ids if s in session.journey.steps}
    return dumps(session.journey, chosen) if chosen else None


def paste_text(session: MapSession, text: str) -> list[str]:
    """Add the steps of an interchange JSON text (from this or another map).

    Departments and stages are matched by name and added when missing; pasted steps
    get new ids and keep their arrangement, shifted off any card they would cover.
    Returns the new step ids (empty when the text is not a Laneway selection).
    """
    try:
        pasted = loads(text)
    except Exception:
        return []
    if not pasted.steps:
        return []
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        departments = _matching_departments(journey, pasted)
        stages = _matching_stages(journey, pasted)
        placed = [
            Step(
                id=step.id,
                title=step.title,
                department_id=departments.get(step.department_id),
                stage_id=stages.get(step.stage_id),
                x=step.x,
                y=step.y,
            )
            for step in pasted.steps.values()
        ]
        spots = paste_spots(journey, placed)
        new_ids: dict[str, str] = {}
        for step, record in zip(pasted.steps.values(), placed, strict=True):
            x, y = spots[step.id]
            new = journey.add_step(
                step.title,
                department_id=record.department_id,
                stage_id=record.stage_id,
                channel=step.channel,
                description=step.description,
                customer_action=step.customer_action,
                emotion=step.emotion,
                pain_points=step.pain_points,
                kpi=step.kpi,
                responsible=step.responsible,
                entry=step.entry,
                terminal=step.terminal,
                x=x,
                y=y,
            )
            new_ids[step.id] = new.id
            created.append(new.id)
        for link in pasted.links.values():
            journey.add_link(
                new_ids[link.source],
                new_ids[link.target],
                label=link.label,
                agreement=link.agreement,
                sla=link.sla,
            )

    label = f"Paste {plural(len(pasted.steps), 'step')}"
    return created if session.run_edit(label, change) else []


def _matching_departments(journey: JourneyMap, pasted: JourneyMap) -> dict[str, str]:
    found: dict[str, str] = {}
    used = {step.department_id for step in pasted.steps.values()}
    for department in pasted.departments_in_order():
        if department.id not in used:
            continue
        own = journey.department_by_name(department.name)
        if own is None:
            own = journey.add_department(department.name, color=department.color)
        found[department.id] = own.id
    return found


def _matching_stages(journey: JourneyMap, pasted: JourneyMap) -> dict[str, str]:
    found: dict[str, str] = {}
    used = {step.stage_id for step in pasted.steps.values()}
    for stage in pasted.stages_in_order():
        if stage.id not in used:
            continue
        own = journey.stage_by_name(stage.name)
        if own is None:
            own = journey.add_stage(stage.name)
        found[stage.id] = own.id
    return found
