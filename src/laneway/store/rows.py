"""Model records ⇄ table rows, and the map built from a file's (already checked) rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from laneway.model import (
    Department,
    JourneyMap,
    Link,
    MapInfo,
    Stage,
    Step,
    map_from_records,
    name_key,
)
from laneway.model.ids import is_site_tag
from laneway.model.limits import record_problem, text_problem
from laneway.store.schema import MAP_ID_KEY, SITE_TAG_KEY
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
        x=None if row["x"] is None else float(row["x"]),
        y=None if row["y"] is None else float(row["y"]),
    )


def link_from_row(row: dict[str, Any]) -> Link:
    return Link(
        row["id"], row["from_step"], row["to_step"], row["label"], row["agreement"], row["sla"]
    )


FROM_ROW = {
    "department": department_from_row,
    "stage": stage_from_row,
    "step": step_from_row,
    "link": link_from_row,
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
            raise foreign(path, f"the map's information: {problem}")
    return info


def load_map(conn: sqlite3.Connection, path: Path) -> JourneyMap:
    """The map in a file whose schema and rows ``check_schema``/``check_rows`` passed.

    Checks what the SQL checks leave: exact character counts, outer spaces in names,
    names that repeat ignoring case, repeated ids or link pairs behind a lying index.
    """
    info = read_info(conn, path)
    records: dict[str, list] = {}
    for table in ("department", "stage", "step", "link"):
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
    )
    if is_site_tag(info.get(SITE_TAG_KEY)):  # ids made here end with it (live sessions)
        journey.use_site_tag(info[SITE_TAG_KEY])
    return journey


def _check_records(path: Path, table: str, records: list) -> None:
    ids: set[str] = set()
    keys: set[object] = set()
    for record in records:
        element = f"{table} {record.id[:80]!r}"
        problem = record_problem(table, record)
        if problem:
            raise foreign(path, f"{element}: {problem}")
        if record.id in ids:
            raise foreign(path, f"{element} appears twice")
        ids.add(record.id)
        key = _unique_key(table, record)
        if key is not None:
            if key in keys:
                raise foreign(path, f"{element} repeats another {table}'s {_key_words[table]}")
            keys.add(key)
        if table in ("department", "stage") and record.name != record.name.strip():
            raise foreign(path, f"{element} has spaces around its name")


_key_words = {"department": "name (ignoring case)", "stage": "name", "link": "two steps"}


def _unique_key(table: str, record) -> object:
    if table == "department":
        return name_key(record.name)
    if table == "stage":
        return record.name
    if table == "link":
        return record.pair
    return None


def read_map_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM map_info WHERE key = ?", [MAP_ID_KEY]).fetchone()
    return row[0] if row else None
