"""Model records ⇄ table rows."""

from __future__ import annotations

from typing import Any

from laneway.model import Department, Link, Stage, Step, name_key


def department_row(department: Department) -> dict[str, Any]:
    return {
        "id": department.id,
        "name": department.name,
        "name_key": name_key(department.name),
        "color": department.color,
        "ord": department.order,
    }


def stage_row(stage: Stage) -> dict[str, Any]:
    return {"id": stage.id, "name": stage.name, "ord": stage.order}


def step_row(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "title": step.title,
        "department_id": step.department_id,
        "stage_id": step.stage_id,
        "channel": step.channel,
        "description": step.description,
        "customer_action": step.customer_action,
        "emotion": step.emotion,
        "pain_points": step.pain_points,
        "kpi": step.kpi,
        "responsible": step.responsible,
        "entry": int(step.entry),
        "terminal": int(step.terminal),
        "x": step.x,
        "y": step.y,
    }


def link_row(link: Link) -> dict[str, Any]:
    return {
        "id": link.id,
        "from_step": link.source,
        "to_step": link.target,
        "label": link.label,
        "agreement": link.agreement,
        "sla": link.sla,
    }


ROW_OF = {
    "department": department_row,
    "stage": stage_row,
    "step": step_row,
    "link": link_row,
}


def department_from_row(row: dict[str, Any]) -> Department:
    return Department(row["id"], row["name"], row["color"], int(row["ord"]))


def stage_from_row(row: dict[str, Any]) -> Stage:
    return Stage(row["id"], row["name"], int(row["ord"]))


def step_from_row(row: dict[str, Any]) -> Step:
    return Step(
        id=row["id"],
        title=row["title"],
        department_id=row["department_id"],
        stage_id=row["stage_id"],
        channel=row["channel"],
        description=row["description"],
        customer_action=row["customer_action"],
        emotion=row["emotion"],
        pain_points=row["pain_points"],
        kpi=row["kpi"],
        responsible=row["responsible"],
        entry=bool(row["entry"]),
        terminal=bool(row["terminal"]),
        x=row["x"],
        y=row["y"],
    )


def link_from_row(row: dict[str, Any]) -> Link:
    return Link(
        row["id"], row["from_step"], row["to_step"], row["label"], row["agreement"], row["sla"]
    )
