"""Per-person undo that never clobbers (COLLAB.md "Undo").

Undoing one of my ChangeSets reverts only what is still mine in the shared state:
my insert is deleted if it still exists; my delete is re-inserted if the record is
still absent (a link only when both its steps exist and its pair is free); my update
is reverted only on the fields that still hold the value I wrote. The result is a
list of raw writes; the live map applies them, projects, and writes the *effective*
ChangeSet, which becomes the redo (and a redo works the same way the other round).
One Ctrl+Z is one history entry; an entry with nothing left of it is dropped.
pycrdt's UndoManager is not used: one undo there can pop several entries and revert
another person's later edit (COLLAB.md "Rejected").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from laneway.model import ChangeSet, JourneyMap
from laneway.sync.shared import Write
from laneway.sync.tables import (
    INFO_TABLE,
    SHARED_INFO_FIELDS,
    TABLES,
    TableSpec,
    read_info,
    records_of,
)

_TABLE_ORDER = {name: index for index, name in enumerate((INFO_TABLE, *TABLES))}


def reverting_writes(changeset: ChangeSet, raw: dict[str, Any], journey: JourneyMap) -> list[Write]:
    """The raw writes that take back what is still mine of ``changeset``."""
    writes: list[Write] = []
    restored: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in TABLES}
    for (table, key), (old, new) in _net_effect(changeset):
        if table == INFO_TABLE:
            writes += _revert_info(key, old, new, raw)
            continue
        spec = TABLES[table]
        present = isinstance(raw.get(table, {}).get(key), dict)
        if old is None and new is not None:
            if present:
                writes.append(Write(table, key, None, None))
        elif new is None and old is not None:
            values = spec.values_of(old)
            if not present and _still_makes_sense(spec, key, values, raw, restored):
                restored[table][key] = values
                writes.append(Write(table, key, None, values))
        elif old is not None and new is not None and present:
            writes += _revert_fields(spec, key, old, new, raw, journey)
    return writes


def _net_effect(changeset: ChangeSet) -> list[tuple[tuple[str, str], tuple[Any, Any]]]:
    """Per record: (its value before the change set, after it), parents before children."""
    net: dict[tuple[str, str], list[Any]] = {}
    for change in changeset.changes:
        entry = net.setdefault((change.table, change.key), [change.old, change.new])
        entry[1] = change.new
    items = [(key, (old, new)) for key, (old, new) in net.items() if old != new]
    return sorted(items, key=lambda item: _TABLE_ORDER[item[0][0]])


def _revert_info(key: str, old: Any, new: Any, raw: dict[str, Any]) -> list[Write]:
    if key not in SHARED_INFO_FIELDS:
        return []
    if read_info(raw.get(INFO_TABLE))[key] != new:
        return []
    return [Write(INFO_TABLE, key, None, "" if old is None else str(old))]


def _revert_fields(
    spec: TableSpec, key: str, old: object, new: object, raw: dict[str, Any], journey: JourneyMap
) -> list[Write]:
    now = spec.read_record(raw[spec.name][key]) or {}
    shown = records_of(journey, spec.name).get(key)
    writes = []
    for name in spec.field_names:
        mine, before = getattr(new, name), getattr(old, name)
        if mine == before:
            continue
        if now.get(name) == mine or (shown is not None and getattr(shown, name) == mine):
            writes.append(Write(spec.name, key, name, before))
    return writes


def _still_makes_sense(
    spec: TableSpec,
    key: str,
    values: dict[str, Any],
    raw: dict[str, Any],
    restored: dict[str, dict[str, dict[str, Any]]],
) -> bool:
    """A record with required references comes back only when they exist and its pair
    is free (a deleted step's links); anything else always may."""
    required = [*spec.required_references, *(n for n in spec.one_target if values[n] is not None)]
    for name in required:
        target = spec.fields[spec.field_names.index(name)].refers_to
        assert target is not None
        if values[name] not in raw.get(target, {}) and values[name] not in restored[target]:
            return False
    if spec.distinct_pair is None:
        return True
    ends = tuple(values[name] for name in spec.distinct_pair)
    if ends[0] == ends[1]:
        return False
    others: Iterable[Any] = [*raw.get(spec.name, {}).values(), *restored[spec.name].values()]
    return not any(
        isinstance(other, dict) and tuple(other.get(n) for n in spec.distinct_pair) == ends
        for other in others
    )


class PersonalHistory:
    """My undo and redo stacks: only ChangeSets I made, newest last."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._undo: list[ChangeSet] = []
        self._redo: list[ChangeSet] = []

    def record(self, changeset: ChangeSet) -> None:
        """A new edit of mine: it can be undone, and nothing can be redone any more."""
        if changeset:
            self._undo.append(changeset)
            del self._undo[: -self.limit]
            self._redo.clear()

    def merge_last_two(self) -> bool:
        """Fold the newest entry into the one before (repeated edits of one field)."""
        if len(self._undo) < 2:
            return False
        last = self._undo.pop()
        self._undo[-1] = self._undo[-1].merged_with(last)
        return True

    def pop_undo(self) -> ChangeSet | None:
        return self._undo.pop() if self._undo else None

    def pop_redo(self) -> ChangeSet | None:
        return self._redo.pop() if self._redo else None

    def push_undo(self, changeset: ChangeSet) -> None:
        self._undo.append(changeset)

    def push_redo(self, changeset: ChangeSet) -> None:
        self._redo.append(changeset)

    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def __len__(self) -> int:
        return len(self._undo)
