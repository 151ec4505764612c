"""The department (lane) and stage (column) edits behind the panels and the inspector.

Each function is one ``session.run_edit`` and says whether it changed the map; a
refused edit (a name that is taken, a failed write) has already told the user why.
"""

from __future__ import annotations

from laneway.ui.editing.session import MapSession


def add_department(session: MapSession, name: str) -> str | None:
    """A new lane at the bottom; its id, or None when refused."""
    added: list[str] = []
    result = session.run_edit(
        f"Add department {name}", lambda j: added.append(j.add_department(name).id)
    )
    return added[0] if result is not None and added else None


def rename_department(session: MapSession, department_id: str, name: str) -> bool:
    if department_id not in session.journey.departments or not name.strip():
        return False
    result = session.run_edit(
        "Rename department",
        lambda j: j.update_department(department_id, name=name),
        merge_key=f"department:{department_id}:name",
    )
    return result is not None


def recolor_department(session: MapSession, department_id: str, color: str) -> bool:
    department = session.journey.departments.get(department_id)
    if department is None or color.lower() == department.color.lower():
        return False
    result = session.run_edit(
        f"Recolor {department.name}",
        lambda j: j.update_department(department_id, color=color),
    )
    return result is not None


def reorder_departments(session: MapSession, ordered_ids: list[str]) -> bool:
    result = session.run_edit("Reorder lanes", lambda j: j.reorder_departments(ordered_ids))
    return result is not None


def merge_departments(session: MapSession, source_id: str, target_id: str) -> bool:
    """Give every step of ``source_id`` to ``target_id`` and remove ``source_id``."""
    departments = session.journey.departments
    if source_id not in departments or target_id not in departments:
        return False
    label = f"Merge {departments[source_id].name} into {departments[target_id].name}"
    result = session.run_edit(label, lambda j: j.merge_departments(source_id, target_id))
    return result is not None


def delete_department(session: MapSession, department_id: str) -> bool:
    """Remove a lane; its steps become unowned (they are never deleted)."""
    department = session.journey.departments.get(department_id)
    if department is None:
        return False
    result = session.run_edit(
        f"Delete department {department.name}", lambda j: j.remove_department(department_id)
    )
    return result is not None


def add_stage(session: MapSession, name: str) -> str | None:
    """A new column at the end; its id, or None when refused."""
    added: list[str] = []
    result = session.run_edit(f"Add stage {name}", lambda j: added.append(j.add_stage(name).id))
    return added[0] if result is not None and added else None


def rename_stage(session: MapSession, stage_id: str, name: str) -> bool:
    if stage_id not in session.journey.stages or not name.strip():
        return False
    result = session.run_edit(
        "Rename stage",
        lambda j: j.rename_stage(stage_id, name),
        merge_key=f"stage:{stage_id}:name",
    )
    return result is not None


def reorder_stages(session: MapSession, ordered_ids: list[str]) -> bool:
    result = session.run_edit("Reorder stages", lambda j: j.reorder_stages(ordered_ids))
    return result is not None


def delete_stage(session: MapSession, stage_id: str) -> bool:
    """Remove a column; its steps keep their lane and have no stage."""
    stage = session.journey.stages.get(stage_id)
    if stage is None:
        return False
    result = session.run_edit(f"Delete stage {stage.name}", lambda j: j.remove_stage(stage_id))
    return result is not None
