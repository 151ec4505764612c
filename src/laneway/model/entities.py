"""The domain records of SPEC §1, as immutable values.

Records are frozen so that a change event can hold the old and the new value
without copying: an edit replaces a record, it never mutates one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

EMOTION_MIN = -2
EMOTION_MAX = 2

#: Lane colors handed out to new departments, in order; readable on light and dark,
#: and none of them alarm red (see ``palette.is_alarm_like``).
DEPARTMENT_PALETTE: tuple[str, ...] = (
    "#2f80ed",
    "#27ae60",
    "#f2994a",
    "#9b51e0",
    "#4f5bd5",
    "#00a3a3",
    "#c2884f",
    "#d35aa6",
    "#6f7d8c",
    "#b8a200",
)

#: Persona colours handed out in order: the lines of the emotion curve, never alarm red.
PERSONA_PALETTE: tuple[str, ...] = (
    "#8e44ad",
    "#0f8b8d",
    "#d97706",
    "#1d4ed8",
    "#4d7c0f",
    "#a0522d",
    "#475569",
    "#be185d",
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
    #: The personas the step concerns, by id, in the order given; empty: every persona.
    personas: tuple[str, ...] = ()

    @property
    def owned(self) -> bool:
        return self.department_id is not None

    def concerns(self, persona_id: str) -> bool:
        """True when the step is about ``persona_id`` (a step naming none is about all)."""
        return not self.personas or persona_id in self.personas


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


@dataclass(frozen=True)
class Persona:
    """Who the journey is for (SPEC §7); names are unique ignoring case."""

    id: str
    name: str
    description: str
    color: str
    order: int


@dataclass(frozen=True)
class Definition:
    """A term both sides agreed on; agreements cite it as ``[[term]]`` (model/terms.py)."""

    id: str
    term: str
    meaning: str
    order: int


@dataclass(frozen=True)
class Note:
    """The room's parking lot: a question or remark on a step, a link or the whole map.

    At most one of ``step_id`` and ``link_id`` is set; neither means the map.
    ``created`` is an ISO 8601 time in UTC (``2026-12-01T10:02:00Z``) or empty.
    """

    id: str
    text: str
    author: str = ""
    created: str = ""
    step_id: str | None = None
    link_id: str | None = None
    resolved: bool = False

    @property
    def target(self) -> NoteTarget:
        """What the note is on: ("step", id), ("link", id) or ("map", None)."""
        if self.step_id is not None:
            return ("step", self.step_id)
        if self.link_id is not None:
            return ("link", self.link_id)
        return ("map", None)

    @property
    def is_open(self) -> bool:
        return not self.resolved


NoteTarget = tuple[Literal["step", "link", "map"], str | None]

Record = Department | Stage | Step | Link | Persona | Definition | Note

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
PERSONA_TEXT_FIELDS: tuple[str, ...] = ("name", "description")
DEFINITION_TEXT_FIELDS: tuple[str, ...] = ("term", "meaning")
NOTE_TEXT_FIELDS: tuple[str, ...] = ("text", "author", "created")


def field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


__all__ = [
    "DEFINITION_TEXT_FIELDS",
    "DEPARTMENT_PALETTE",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "LINK_TEXT_FIELDS",
    "NOTE_TEXT_FIELDS",
    "PERSONA_PALETTE",
    "PERSONA_TEXT_FIELDS",
    "STEP_TEXT_FIELDS",
    "Definition",
    "Department",
    "Link",
    "MapInfo",
    "Note",
    "NoteTarget",
    "Persona",
    "Record",
    "Stage",
    "Step",
    "field_names",
    "replace",
]
