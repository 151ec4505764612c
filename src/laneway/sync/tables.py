"""The tables of a map as the shared document holds them, declared once.

Each table is a root ``Map`` of the shared document; each record a nested ``Map``
keyed by its id with one entry per field. A field's *kind* says how a value read
back from the document is made safe: any peer may have written anything (an old
version, a bug, a hostile laptop), and pycrdt gives numbers back as floats. A value
of the wrong type or out of range reads as the field's default. A new table is one
more ``TableSpec`` here (and its projection rule, if it has one, in projection.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from laneway.model import (
    DEPARTMENT_PALETTE,
    EMOTION_MAX,
    EMOTION_MIN,
    PERSONA_PALETTE,
    Definition,
    Department,
    JourneyMap,
    Link,
    MapInfo,
    ModelError,
    Note,
    Persona,
    Stage,
    Step,
    name_key,
    term_key,
)
from laneway.model.invariants import note_created
from laneway.model.terms import FORBIDDEN_IN_TERM

_COLOR_DIGITS = set("0123456789abcdef")


def as_text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def as_name(value: Any, default: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return text or default


def as_whole(value: Any, default: int = 0) -> int:
    """An int from an int or an integral float (pycrdt returns 3.0 for 3)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    if isinstance(value, float) and (not math.isfinite(value) or value != int(value)):
        return default
    number = int(value)
    return number if abs(number) < 2**53 else default


def as_emotion(value: Any) -> int | None:
    number = as_whole(value, default=EMOTION_MAX + 1)
    return number if EMOTION_MIN <= number <= EMOTION_MAX else None


def as_flag(value: Any) -> bool:
    return value if isinstance(value, bool) else False


def as_coordinate(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and abs(number) < 1e9 else None


def as_color(value: Any, default: str = DEPARTMENT_PALETTE[-2]) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    if len(text) == 7 and text[0] == "#" and set(text[1:]) <= _COLOR_DIGITS:
        return text
    return default


def as_reference(value: Any) -> str | None:
    """An id or None; whether the record exists is the projection's business."""
    return value if isinstance(value, str) and value else None


def as_references(value: Any) -> tuple[str, ...]:
    """Ids, each once, in order (a list from the document); anything else is none."""
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(dict.fromkeys(item for item in value if isinstance(item, str) and item))


def as_term(value: Any) -> str:
    """A citable term: without square brackets or line breaks (model/terms.py)."""
    text = value if isinstance(value, str) else ""
    return as_name("".join(c for c in text if c not in FORBIDDEN_IN_TERM), "Term")


def as_created(value: Any) -> str:
    """A note's ISO 8601 time, or empty."""
    try:
        return note_created(value) if isinstance(value, str) else ""
    except ModelError:
        return ""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    read: Callable[[Any], Any]
    #: For references: the table whose record the id names (or, with ``many``, the ids).
    refers_to: str | None = None
    #: True for a list of references (a step's personas): missing ones are left out.
    many: bool = False


@dataclass(frozen=True)
class TableSpec:
    name: str
    record_type: type
    fields: tuple[FieldSpec, ...]
    #: (field, key function): no two records may share the key; smallest id keeps it.
    unique: tuple[str, Callable[[str], str]] | None = None
    #: Fields that must name an existing record, or the record is hidden.
    required_references: tuple[str, ...] = ()
    #: Two fields whose pair must be unique (the smallest id shows) and differ.
    distinct_pair: tuple[str, str] | None = None
    #: Optional references of which at most one may be set; one that is set must name an
    #: existing record, or the record is hidden (a note on a deleted step shows again
    #: when the step comes back).
    one_target: tuple[str, ...] = ()
    field_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_names", tuple(f.name for f in self.fields))

    def read_record(self, values: Any) -> dict[str, Any] | None:
        """The record's fields made safe (references unchecked); None if not a record."""
        if not isinstance(values, dict):
            return None
        return {spec.name: spec.read(values.get(spec.name)) for spec in self.fields}

    def values_of(self, record: object) -> dict[str, Any]:
        """A model record's fields as the document stores them (without the id)."""
        return {name: getattr(record, name) for name in self.field_names}


def _department_name(value: Any) -> str:
    return as_name(value, "Department")


def _stage_name(value: Any) -> str:
    return as_name(value, "Stage")


def _stage_key(name: str) -> str:
    return name.strip()


DEPARTMENT = TableSpec(
    "department",
    Department,
    (
        FieldSpec("name", _department_name),
        FieldSpec("color", as_color),
        FieldSpec("order", as_whole),
    ),
    unique=("name", name_key),
)
STAGE = TableSpec(
    "stage",
    Stage,
    (FieldSpec("name", _stage_name), FieldSpec("order", as_whole)),
    unique=("name", _stage_key),
)
STEP = TableSpec(
    "step",
    Step,
    (
        FieldSpec("title", as_text),
        FieldSpec("department_id", as_reference, refers_to="department"),
        FieldSpec("stage_id", as_reference, refers_to="stage"),
        FieldSpec("channel", as_text),
        FieldSpec("description", as_text),
        FieldSpec("customer_action", as_text),
        FieldSpec("emotion", as_emotion),
        FieldSpec("pain_points", as_text),
        FieldSpec("kpi", as_text),
        FieldSpec("responsible", as_text),
        FieldSpec("entry", as_flag),
        FieldSpec("terminal", as_flag),
        FieldSpec("x", as_coordinate),
        FieldSpec("y", as_coordinate),
        FieldSpec("personas", as_references, refers_to="persona", many=True),
    ),
)
LINK = TableSpec(
    "link",
    Link,
    (
        FieldSpec("source", as_reference, refers_to="step"),
        FieldSpec("target", as_reference, refers_to="step"),
        FieldSpec("label", as_text),
        FieldSpec("agreement", as_text),
        FieldSpec("sla", as_text),
    ),
    required_references=("source", "target"),
    distinct_pair=("source", "target"),
)

PERSONA = TableSpec(
    "persona",
    Persona,
    (
        FieldSpec("name", lambda value: as_name(value, "Persona")),
        FieldSpec("description", as_text),
        FieldSpec("color", lambda value: as_color(value, PERSONA_PALETTE[0])),
        FieldSpec("order", as_whole),
    ),
    unique=("name", name_key),
)
DEFINITION = TableSpec(
    "definition",
    Definition,
    (FieldSpec("term", as_term), FieldSpec("meaning", as_text), FieldSpec("order", as_whole)),
    unique=("term", term_key),
)
NOTE = TableSpec(
    "note",
    Note,
    (
        FieldSpec("text", lambda value: as_name(value, "(no text)")),
        FieldSpec("author", as_text),
        FieldSpec("created", as_created),
        FieldSpec("step_id", as_reference, refers_to="step"),
        FieldSpec("link_id", as_reference, refers_to="link"),
        FieldSpec("resolved", as_flag),
    ),
    one_target=("step_id", "link_id"),
)

#: Every record table, in foreign-key order (a table refers only to tables before it).
TABLES: dict[str, TableSpec] = {
    spec.name: spec for spec in (DEPARTMENT, STAGE, PERSONA, DEFINITION, STEP, LINK, NOTE)
}

INFO_TABLE = "info"
#: The map info fields everyone shares ("modified" is each file's own write stamp).
SHARED_INFO_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(MapInfo) if f.name != "modified")
_INFO_DEFAULTS = MapInfo()


def read_info(values: Any) -> dict[str, str]:
    values = values if isinstance(values, dict) else {}
    return {
        name: as_text(values.get(name), getattr(_INFO_DEFAULTS, name))
        for name in SHARED_INFO_FIELDS
    }


def records_of(journey: JourneyMap, table: str) -> dict[str, Any]:
    """The map's records of one table, by id (read them, never change them)."""
    return {
        "department": journey.departments,
        "stage": journey.stages,
        "step": journey.steps,
        "link": journey.links,
        "persona": journey.personas,
        "definition": journey.definitions,
        "note": journey.notes,
    }[table]
