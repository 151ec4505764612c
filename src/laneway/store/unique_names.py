"""Let one write move a unique name from one record to another.

``department.name_key``, ``stage.name``, ``persona.name_key`` and
``definition.term_key`` are unique, and SQLite checks a unique index after every
statement. A live-session merge can swap two names, or give
"Sales" back to the department that showed as "Sales (2)" while the other one is
renamed in the same change set: no order of row updates gets through that. So
before the rows are written, every department and stage whose unique value changes
or which is deleted first parks that value on a placeholder of its own, inside the
same transaction; the updates then write the final values.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from laneway.model import ChangeSet, name_key, term_key

#: table → (unique column, how a record gives its value)
UNIQUE_COLUMNS: dict[str, tuple[str, Callable[[object], str]]] = {
    "department": ("name_key", lambda record: name_key(record.name)),  # type: ignore[attr-defined]
    "stage": ("name", lambda record: record.name),  # type: ignore[attr-defined]
    "persona": ("name_key", lambda record: name_key(record.name)),  # type: ignore[attr-defined]
    "definition": ("term_key", lambda record: term_key(record.term)),  # type: ignore[attr-defined]
}
#: No real name starts with a NUL character (names are stripped text).
PLACEHOLDER_PREFIX = "\x00parked:"


def park_moving_names(conn: sqlite3.Connection, changeset: ChangeSet) -> int:
    """Park the unique value of each record that is renamed or deleted; return how many."""
    parked: set[tuple[str, str]] = set()
    for change in changeset.changes:
        spec = UNIQUE_COLUMNS.get(change.table)
        if spec is None or change.old is None or (change.table, change.key) in parked:
            continue
        column, unique_value = spec
        if change.new is None or unique_value(change.old) != unique_value(change.new):
            conn.execute(
                f"UPDATE {change.table} SET {column} = ? WHERE id = ?",
                [PLACEHOLDER_PREFIX + change.key, change.key],
            )
            parked.add((change.table, change.key))
    return len(parked)
