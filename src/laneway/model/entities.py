"""The domain records of SPEC §1, as immutable values.

Records are frozen so that a change event can hold the old and the new value
without copying: an edit replaces a record, it never mutates one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

EMOTION_MIN = -2
EMOTION_MAX = 2

#: Lane colors handed out to new departments, in order; readable on light and dark.
DEPARTMENT_PALETTE: tuple[str, ...] = (
    "#2f80ed",
    "#27ae60",
    "#f2994a",
    "#9b51e0",
    "#eb5757",
    "#00a3a3",
    "#c2884f",
    "#d35aa6",
    "#6f7d8c",
    "#b8a200",
)


@dataclass(frozen=True)
class MapInfo:
    title: str = "Untitled journey"
    description: str = ""
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    color: str
    order: int


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    order: int


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    department_id: str | None = None
    stage_id: str | None = None
    channel: str = ""
    description: str = ""
    customer_action: str = ""
    emotion: int | None = None
    pain_points: str = ""
    kpi: str = ""
    responsible: str = ""
    entry: bool = False
    terminal: bool = False
    x: float | None = None
    y: float | None = None

    @property
    def owned(self) -> bool:
        return self.department_id is not None


@dataclass(frozen=True)
class Link:
    id: str
    source: str
    target: str
    label: str = ""
    agreement: str = ""
    sla: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        return (self.source, self.target)

    @property
    def agreed(self) -> bool:
        return bool(self.agreement.strip())


Record = Department | Stage | Step | Link

STEP_TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "channel",
    "description",
    "customer_action",
    "pain_points",
    "kpi",
    "responsible",
)
LINK_TEXT_FIELDS: tuple[str, ...] = ("label", "agreement", "sla")


def field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


__all__ = [
    "DEPARTMENT_PALETTE",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "LINK_TEXT_FIELDS",
    "STEP_TEXT_FIELDS",
    "Department",
    "Link",
    "MapInfo",
    "Record",
    "Stage",
    "Step",
    "field_names",
    "replace",
]
