"""Model records ⇄ table rows, and the map built from a file's (already checked) rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from laneway.i18n import _
from laneway.model import (
    Definition,
    Department,
    JourneyMap,
    Link,
    MapInfo,
    Note,
    Persona,
    Stage,
    Step,
    map_from_records,
    name_key,
    term_key,
)
from laneway.model.ids import is_site_tag
from laneway.model.invariants import ModelError, note_created
from laneway.model.limits import record_problem, text_problem
from laneway.model.terms import term_problem
from laneway.store.schema import MAP_ID_KEY, SITE_TAG_KEY, TABLES_OF
from laneway.store.schema_check import foreign


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


def persona_row(persona: Persona) -> dict[str, Any]:
    return {
        "id": persona.id,
        "name": persona.name,
        "name_key": name_key(persona.name),
        "description": persona.description,
        "color": persona.color,
        "ord": persona.order,
    }


def definition_row(definition: Definition) -> dict[str, Any]:
    return {
        "id": definition.id,
        "term": definition.term,
        "term_key": term_key(definition.term),
        "meaning": definition.meaning,
        "ord": definition.order,
    }


def note_row(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "text": note.text,
        "author": note.author,
        "created": note.created,
        "step_id": note.step_id,
        "link_id": note.link_id,
        "resolved": int(note.resolved),
    }


def step_persona_rows(step: Step) -> list[dict[str, Any]]:
    """The ``step_persona`` rows of a step: one per persona it names, in its order."""
    return [
        {"step_id": step.id, "persona_id": persona_id, "ord": position}
        for position, persona_id in enumerate(step.personas)
    ]


#: Each record table's row (a step's personas are rows of their own: ``step_persona_rows``).
ROW_OF = {
    "department": department_row,
    "stage": stage_row,
    "step": step_row,
    "link": link_row,
    "persona": persona_row,
    "definition": definition_row,
    "note": note_row,
}


def department_from_row(row: dict[str, Any]) -> Department:
    return Department(row["id"], row["name"], row["color"], int(row["ord"]))


def stage_from_row(row: dict[str, Any]) -> Stage:
    return Stage(row["id"], row["name"], int(row["ord"]))


def step_from_row(row: dict[str, Any], personas: tuple[str, ...] = ()) -> Step:
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
        x=None if row["x"] is None else float(row["x"]),
        y=None if row["y"] is None else float(row["y"]),
        personas=personas,
    )


def link_from_row(row: dict[str, Any]) -> Link:
    return Link(
        row["id"], row["from_step"], row["to_step"], row["label"], row["agreement"], row["sla"]
    )


def persona_from_row(row: dict[str, Any]) -> Persona:
    return Persona(row["id"], row["name"], row["description"], row["color"], int(row["ord"]))


def definition_from_row(row: dict[str, Any]) -> Definition:
    return Definition(row["id"], row["term"], row["meaning"], int(row["ord"]))


def note_from_row(row: dict[str, Any]) -> Note:
    return Note(
        id=row["id"],
        text=row["text"],
        author=row["author"],
        created=row["created"],
        step_id=row["step_id"],
        link_id=row["link_id"],
        resolved=bool(row["resolved"]),
    )


FROM_ROW = {
    "department": department_from_row,
    "stage": stage_from_row,
    "step": step_from_row,
    "link": link_from_row,
    "persona": persona_from_row,
    "definition": definition_from_row,
    "note": note_from_row,
}


def _rows(conn: sqlite3.Connection, table: str):
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def read_info(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    info = {row["key"]: row["value"] for row in _rows(conn, "map_info")}
    for field in ("title", "description", "created", "modified"):
        problem = text_problem("info", field, info.get(field))
        if problem:
            raise foreign(path, _("the map's information: {problem}").format(problem=problem))
    return info


def load_map(conn: sqlite3.Connection, path: Path, version: int) -> JourneyMap:
    """The map in a file of format ``version`` whose schema and rows
    ``check_schema``/``check_rows`` passed (format 1 has no personas, definitions, notes).

    Checks what the SQL checks leave: exact character counts, outer spaces in names,
    names that repeat ignoring case, repeated ids or link pairs behind a lying index.
    """
    info = read_info(conn, path)
    tables = TABLES_OF[version]
    step_personas = _step_personas(conn) if "step_persona" in tables else {}
    records: dict[str, list] = {}
    for table in ROW_OF:
        if table not in tables:
            records[table] = []
        elif table == "step":
            no_persona: tuple[str, ...] = ()
            records[table] = [
                step_from_row(row, step_personas.get(row["id"], no_persona))
                for row in _rows(conn, table)
            ]
        else:
            records[table] = [FROM_ROW[table](row) for row in _rows(conn, table)]
        _check_records(path, table, records[table])
    journey = map_from_records(
        MapInfo(
            title=info.get("title", "Untitled journey"),
            description=info.get("description", ""),
            created=info.get("created", ""),
            modified=info.get("modified", ""),
        ),
        records["department"],
        records["stage"],
        records["step"],
        records["link"],
        records["persona"],
        records["definition"],
        records["note"],
    )
    if is_site_tag(info.get(SITE_TAG_KEY)):  # ids made here end with it (live sessions)
        journey.use_site_tag(info[SITE_TAG_KEY])
    return journey


def _step_personas(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Step id → the persona ids it names, in its order."""
    named: dict[str, list[str]] = {}
    for step_id, persona_id in conn.execute(
        "SELECT step_id, persona_id FROM step_persona ORDER BY step_id, ord, rowid"
    ):
        named.setdefault(step_id, []).append(persona_id)
    return {step_id: tuple(ids) for step_id, ids in named.items()}


def _check_records(path: Path, table: str, records: list) -> None:
    ids: set[str] = set()
    keys: set[object] = set()
    for record in records:
        element = f"{table} {record.id[:80]!r}"
        problem = record_problem(table, record)
        if problem:
            raise foreign(path, f"{element}: {problem}")
        if record.id in ids:
            raise foreign(path, _("{element} appears twice").format(element=element))
        ids.add(record.id)
        key = _unique_key(table, record)
        if key is not None:
            if key in keys:
                raise foreign(
                    path,
                    _("{element} repeats another {table}'s {value}").format(
                        element=element, table=table, value=_key_words[table]
                    ),
                )
            keys.add(key)
        if table in ("department", "stage", "persona") and record.name != record.name.strip():
            raise foreign(path, _("{element} has spaces around its name").format(element=element))
        if table == "definition" and record.term != record.term.strip():
            raise foreign(path, _("{element} has spaces around its term").format(element=element))
        problem = _content_problem(table, record)
        if problem:
            raise foreign(path, f"{element} {problem}")


def _content_problem(table: str, record) -> str | None:
    """What the model would refuse in a definition or a note, said of the stored row."""
    if table == "definition" and term_problem(record.term):
        return _("has a term with square brackets or a line break")
    if table == "note":
        try:
            note_created(record.created)
        except ModelError:
            return _("has a 'created' time that is not ISO 8601")
    return None


_key_words = {
    "department": "name (ignoring case)",
    "stage": "name",
    "link": "two steps",
    "persona": "name (ignoring case)",
    "definition": "term (ignoring case)",
}


def _unique_key(table: str, record) -> object:
    if table in ("department", "persona"):
        return name_key(record.name)
    if table == "stage":
        return record.name
    if table == "link":
        return record.pair
    if table == "definition":
        return term_key(record.term)
    return None


def read_map_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM map_info WHERE key = ?", [MAP_ID_KEY]).fetchone()
    return row[0] if row else None
