"""One write transaction on an open map: ``BEGIN IMMEDIATE`` … ``COMMIT``.

``BEGIN IMMEDIATE`` takes the write lock first, so SQLite's busy timeout applies while
another program holds it (a deferred transaction that reads before writing fails at
once instead). Inside the lock nobody else can commit, so this is where the store
checks that the file is still the one it opened and whether another program committed
since the map was read (``changed_elsewhere``): the caller then loads the fresh map
(``fresh_map``) before applying its change, and nothing is ever mixed in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from laneway.i18n import _
from laneway.model import ChangeSet, JourneyMap, Step
from laneway.model.limits import COUNT_LIMITS, record_problem, text_problem
from laneway.store import rows
from laneway.store.errors import (
    StoreConflictError,
    StoreError,
    StoreForeignError,
    StoreReplacedError,
    StoreRuleError,
)
from laneway.store.failures import not_unicode, write_failure
from laneway.store.schema import FORMAT_VERSION
from laneway.store.unique_names import park_moving_names
from laneway.store.validation import check_current


class OpenStore(Protocol):
    """What a transaction needs of the store that began it (``MapStore``)."""

    path: Path
    map_id: str | None
    db: Database

    def adopt_data_version(self, data_version: int) -> None: ...

    def forget_data_version(self) -> None: ...


class WriteTransaction:
    def __init__(self, store: OpenStore, data_version: int, changed_elsewhere: bool) -> None:
        self.store = store
        self.data_version = data_version
        #: True when another program committed since the map in memory was read.
        self.changed_elsewhere = changed_elsewhere
        self._touched = False

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.db.conn

    # ------------------------------------------------------------ catching up
    def fresh_map(self) -> JourneyMap:
        """The map as the file holds it now, checked like a file being opened."""
        path = self.store.path
        try:
            check_current(self.conn, path)
            journey = rows.load_map(self.conn, path, FORMAT_VERSION)
            map_id = rows.read_map_id(self.conn)
        except StoreForeignError as error:
            raise StoreReplacedError(
                path,
                _("was changed by another program into a file Laneway does not open: ")
                + error.problem,
            ) from None
        except StoreError:
            raise
        except sqlite3.DatabaseError as error:
            raise write_failure(path, error) from None
        if map_id != self.store.map_id:
            raise StoreReplacedError(
                path, _("was replaced by another map while it was open; reopen it to see that map")
            )
        self.store.adopt_data_version(self.data_version)
        return journey

    # ---------------------------------------------------------------- writing
    def write(self, changeset: ChangeSet, stamp: str) -> None:
        """Write every change of ``changeset`` and the modified stamp (not committed yet)."""
        self._check_limits(changeset)
        try:
            self.touch_header()
            park_moving_names(self.conn, changeset)  # a merge may move a unique name
            for change in changeset.changes:
                self._write_change(change.table, change.key, change.new, change.old)
            self.put_info("modified", stamp)
            self._check_counts(changeset)
        except sqlite3.Error as error:
            raise write_failure(self.store.path, error) from None
        except UnicodeEncodeError:
            raise not_unicode(self.store.path) from None

    def touch_header(self) -> None:
        """Journal page 1 before any other page, so a journal left by a crash can be
        matched with its file (``journal``): rewriting ``user_version`` dirties it."""
        if not self._touched:
            self.conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            self._touched = True

    def put_info(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO map_info(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def _write_change(self, table: str, key: str, new: object, old: object) -> None:
        if table == "info":
            self.put_info(key, "" if new is None else str(new))
            return
        if table == "step":
            self._write_step_personas(key, old, new)
        if new is None:
            cursor = self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [key])
        elif old is None:
            row = rows.ROW_OF[table](new)
            names = ", ".join(row)
            marks = ", ".join("?" * len(row))
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values())
            )
        else:
            old_row, new_row = rows.ROW_OF[table](old), rows.ROW_OF[table](new)
            changed = {k: v for k, v in new_row.items() if old_row.get(k) != v}
            if not changed:
                return
            assignments = ", ".join(f"{name} = ?" for name in changed)
            cursor = self.conn.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), key]
            )
        if cursor.rowcount != 1:
            self.store.forget_data_version()
            raise StoreConflictError(
                self.store.path,
                _(
                    "no longer holds what this change was made to (another program changed it); "
                    "the change was not saved and the map will reload"
                ),
            )

    def _write_step_personas(self, key: str, old: object, new: object) -> None:
        """A step's personas are rows of ``step_persona``: rewritten when they change
        (their foreign keys are checked at commit, so rows and step go in any order)."""
        before = old.personas if isinstance(old, Step) else ()
        after = new.personas if isinstance(new, Step) else ()
        if before == after:
            return
        if before:
            self.conn.execute("DELETE FROM step_persona WHERE step_id = ?", [key])
        if isinstance(new, Step) and after:
            self.conn.executemany(
                "INSERT INTO step_persona (step_id, persona_id, ord) VALUES (?, ?, ?)",
                [(key, persona_id, position) for position, persona_id in enumerate(after)],
            )

    def _check_limits(self, changeset: ChangeSet) -> None:
        for change in changeset.changes:
            if change.new is None:
                continue
            if change.table == "info":
                problem = text_problem("info", change.key, change.new)
                element = _("the map")
            else:
                problem = record_problem(change.table, change.new)
                element = f"{change.table} {change.key[:80]!r}"
            if problem:
                raise StoreRuleError(
                    self.store.path,
                    _("refused the change: {element}: {problem}").format(
                        element=element, problem=problem
                    ),
                )

    def _check_counts(self, changeset: ChangeSet) -> None:
        inserted = {c.table for c in changeset.changes if c.old is None and c.new is not None}
        for table in inserted - {"info"}:
            count = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            limit = COUNT_LIMITS[table]
            if count > limit:
                raise StoreRuleError(
                    self.store.path,
                    _(
                        "refused the change: the map would hold {count:,} {table}s, "
                        "and Laneway keeps at most {limit:,}"
                    ).format(count=count, table=table, limit=limit),
                )
