"""Change events and change sets: the unit of undo, redo and write-through.

A change names a table and a key and holds the record before and after.
``old is None`` is an insert, ``new is None`` a delete. For the ``info`` table the
key is a MapInfo field name and old/new are the field's values.
Undo is derived from the events (``inverse()``); no command writes its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Table = Literal["info", "department", "stage", "step", "link", "persona", "definition", "note"]
#: Every record table (``info`` aside), in the order a file's foreign keys accept inserts.
RECORD_TABLES: tuple[Table, ...] = (
    "department",
    "stage",
    "persona",
    "definition",
    "step",
    "link",
    "note",
)


@dataclass(frozen=True)
class Change:
    table: Table
    key: str
    old: object | None
    new: object | None

    @property
    def kind(self) -> Literal["insert", "update", "delete"]:
        if self.old is None:
            return "insert"
        if self.new is None:
            return "delete"
        return "update"

    def inverse(self) -> Change:
        return Change(self.table, self.key, self.new, self.old)


@dataclass(frozen=True)
class ChangeSet:
    label: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.label, tuple(c.inverse() for c in reversed(self.changes)))

    def __bool__(self) -> bool:
        return bool(self.changes)

    def keys(self, table: Table) -> set[str]:
        return {c.key for c in self.changes if c.table == table}

    def merged_with(self, later: ChangeSet) -> ChangeSet:
        """One change set equivalent to applying ``self`` then ``later``."""
        return ChangeSet(self.label, self.changes + later.changes)

    def touches_only(self, table: Table, key: str, field_name: str) -> bool:
        """True when every change updates the one field ``field_name`` of one record."""
        if not self.changes:
            return False
        for change in self.changes:
            if change.table != table or change.key != key or change.kind != "update":
                return False
            if table == "info":
                if key != field_name:
                    return False
                continue
            old, new = change.old, change.new
            differing = {
                name for name in vars(old) if getattr(old, name) != getattr(new, name, None)
            }
            if differing - {field_name}:
                return False
        return True
