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
    Department,
    JourneyMap,
    Link,
    MapInfo,
    Stage,
    Step,
    name_key,
)

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


@dataclass(frozen=True)
class FieldSpec:
    name: str
    read: Callable[[Any], Any]
    #: For references: the table whose record the id names.
    refers_to: str | None = None


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

#: Every record table, in foreign-key order (a table refers only to tables before it).
TABLES: dict[str, TableSpec] = {spec.name: spec for spec in (DEPARTMENT, STAGE, STEP, LINK)}

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
    }[table]
