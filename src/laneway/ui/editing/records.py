"""The department (lane) and stage (column) edits behind the panels and the inspector.

Each function is one ``session.run_edit`` and says whether it changed the map; a
refused edit (a name that is taken, a failed write) has already told the user why.
Departments and stages are edited alike, so most functions take the ``kind``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from laneway.i18n import N_, _
from laneway.model import JourneyMap
from laneway.model.wording import kind_word
from laneway.ui.editing.session import MapSession
from laneway.ui.editing.steps import field_merge_key

Kind = Literal["department", "stage", "persona"]


@dataclass(frozen=True)
class _RecordEdits:
    records: Callable[[JourneyMap], dict]
    add: Callable[[JourneyMap, str], object]
    rename: Callable[[JourneyMap, str, str], object]
    reorder: Callable[[JourneyMap, list[str]], None]
    remove: Callable[[JourneyMap, str], None]
    #: The undo label of a reorder ("lanes" and "stages" read better than the kinds).
    reorder_label: str


EDITS: dict[str, _RecordEdits] = {
    "department": _RecordEdits(
        lambda j: j.departments,
        lambda j, name: j.add_department(name),
        lambda j, record_id, name: j.update_department(record_id, name=name),
        JourneyMap.reorder_departments,
        JourneyMap.remove_department,
        N_("Reorder lanes"),
    ),
    "stage": _RecordEdits(
        lambda j: j.stages,
        lambda j, name: j.add_stage(name),
        JourneyMap.rename_stage,
        JourneyMap.reorder_stages,
        JourneyMap.remove_stage,
        N_("Reorder stages"),
    ),
    "persona": _RecordEdits(
        lambda j: j.personas,
        lambda j, name: j.add_persona(name),
        lambda j, record_id, name: j.update_persona(record_id, name=name),
        JourneyMap.reorder_personas,
        JourneyMap.remove_persona,
        N_("Reorder personas"),
    ),
}


def add_record(session: MapSession, kind: Kind, name: str) -> str | None:
    """A new lane at the bottom (stage: column at the end); its id, or None when refused."""
    added: list[str] = []
    edits = EDITS[kind]
    result = session.run_edit(
        _("Add {kind} {name}").format(kind=kind_word(kind), name=name),
        lambda j: added.append(edits.add(j, name).id),
    )
    return added[0] if result is not None and added else None


def rename_record(
    session: MapSession, kind: Kind, record_id: str, name: str, visit: int | None = None
) -> bool:
    edits = EDITS[kind]
    if record_id not in edits.records(session.journey) or not name.strip():
        return False
    result = session.run_edit(
        _("Rename {kind}").format(kind=kind_word(kind)),
        lambda j: edits.rename(j, record_id, name),
        merge_key=field_merge_key(f"{kind}:{record_id}", "name", visit),
    )
    return result is not None


def name_is_free(session: MapSession, kind: Kind, record_id: str, name: str) -> bool:
    """True when ``name`` could be this record's (not blank, not another's): a name
    typed live is taken only then, and the refusal waits until the typing is done."""
    clean = name.strip()
    if not clean:
        return False
    journey = session.journey
    by_name = {
        "department": journey.department_by_name,
        "stage": journey.stage_by_name,
        "persona": journey.persona_by_name,
    }[kind]
    other = by_name(clean)
    return other is None or other.id == record_id


def reorder_records(session: MapSession, kind: Kind, ordered_ids: list[str]) -> bool:
    edits = EDITS[kind]
    result = session.run_edit(_(edits.reorder_label), lambda j: edits.reorder(j, ordered_ids))
    return result is not None


def delete_record(session: MapSession, kind: Kind, record_id: str) -> bool:
    """Remove a lane (its steps become unowned) or a column (its steps have no stage);
    steps are never deleted with them."""
    edits = EDITS[kind]
    record = edits.records(session.journey).get(record_id)
    if record is None:
        return False
    result = session.run_edit(
        _("Delete {kind} {name}").format(kind=kind_word(kind), name=record.name),
        lambda j: edits.remove(j, record_id),
    )
    return result is not None


def recolor_department(session: MapSession, department_id: str, color: str) -> bool:
    department = session.journey.departments.get(department_id)
    if department is None or color.lower() == department.color.lower():
        return False
    result = session.run_edit(
        _("Recolor {name}").format(name=department.name),
        lambda j: j.update_department(department_id, color=color),
    )
    return result is not None


def recolor_persona(session: MapSession, persona_id: str, color: str) -> bool:
    persona = session.journey.personas.get(persona_id)
    if persona is None or color.lower() == persona.color.lower():
        return False
    result = session.run_edit(
        _("Recolor persona {name}").format(name=persona.name),
        lambda j: j.update_persona(persona_id, color=color),
    )
    return result is not None


def describe_persona(session: MapSession, persona_id: str, description: str) -> bool:
    """Who the persona is, in a sentence or two (shown as the row's tooltip)."""
    persona = session.journey.personas.get(persona_id)
    if persona is None or description == persona.description:
        return False
    result = session.run_edit(
        _("Describe persona {name}").format(name=persona.name),
        lambda j: j.update_persona(persona_id, description=description),
    )
    return result is not None


def merge_departments(session: MapSession, source_id: str, target_id: str) -> bool:
    """Give every step of ``source_id`` to ``target_id`` and remove ``source_id``."""
    departments = session.journey.departments
    if source_id not in departments or target_id not in departments:
        return False
    label = _("Merge {name} into {name2}").format(
        name=departments[source_id].name, name2=departments[target_id].name
    )
    result = session.run_edit(label, lambda j: j.merge_departments(source_id, target_id))
    return result is not None
