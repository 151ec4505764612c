"""MapStore: an open .laneway file; loads the map and writes change sets row by row.

Every write is one ``BEGIN IMMEDIATE`` transaction (``transaction``). Before it writes,
the store checks that the path still names the file it opened (not deleted, not
replaced by a rename or a copy over it) and whether another program committed in the
meantime, so the caller can load that commit first instead of writing over it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from laneway.i18n import _
from laneway.model import ChangeSet, JourneyMap, map_to_dict
from laneway.model.limits import MAX_NAME, MAX_SNAPSHOTS
from laneway.store import rows
from laneway.store.errors import (
    StoreConflictError,
    StoreDamagedError,
    StoreError,
    StoreReadOnlyError,
    StoreReplacedError,
    StoreRuleError,
    StoreWriteError,
)
from laneway.store.failures import gone, not_unicode, os_failure, read_failure, write_failure
from laneway.store.migrations import migrate
from laneway.store.opening import Opened, connect, read_transaction
from laneway.store.transaction import WriteTransaction
from laneway.store.validation import check_readable, validate


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class SnapshotInfo:
    name: str
    taken_at: str


#: What identifies the file a path names: device, inode, size, modification time.
Identity = tuple[int, int, int, int]


class MapStore:
    """One open map file. Writes are row-level, each change set in one transaction."""

    def __init__(self, path: Path, opened: Opened, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        #: Sentences for the user about how the file was opened (a journal set aside…).
        self.notices: list[str] = list(opened.notices)
        self._opened = opened
        self.db = Database(opened.conn, execute_plugins=False)
        self.map_id = rows.read_map_id(opened.conn)
        self._data_version: int | None = self._read_data_version()
        self._identity: Identity | None = None if opened.private else self._stat_identity()
        self._first_load: tuple[JourneyMap, int | None] | None = None
        #: Called with every write transaction just before it commits, to add rows that
        #: must land with it (a live session's update log, ``store/sync_log.py``).
        self.before_commit: list[Callable[[WriteTransaction], None]] = []

    # --------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> MapStore:
        """Open an existing map; refuse (StoreError) anything that is not a healthy one."""
        file = Path(path)
        opened = connect(file, read_only=read_only)
        try:
            version = validate(opened.conn, file, read_only=read_only)
            if not read_only:
                migrate(opened.conn, file, version)
            store = cls(file, opened, read_only=read_only)
            # Every row is checked before anything is shown; the first load() returns it.
            store._first_load = (store.load(), store._data_version)
        except BaseException:
            opened.close()
            raise
        return store

    def close(self) -> None:
        self._opened.close()

    # --------------------------------------------------------------- reading
    def load(self) -> JourneyMap:
        """The map as the file holds it, checked like a file being opened."""
        first, self._first_load = self._first_load, None
        if first is not None and self._read_data_version() == first[1]:
            return first[0]  # read by open() a moment ago, and nobody wrote since
        conn = self.db.conn
        try:
            with read_transaction(conn):
                self._check_identity(data_changed=True)
                data_version = self._read_data_version()
                version = check_readable(conn, self.path)
                journey = rows.load_map(conn, self.path, version)
            self._data_version = data_version
            self._refresh_identity()
            return journey
        except sqlite3.DatabaseError as error:
            raise read_failure(self.path, error) from None

    def _read_data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def changed_by_another_process(self) -> bool:
        """True once after another program committed to the file.

        Raises StoreGoneError / StoreReplacedError when the path no longer names the
        file this store opened.
        """
        self._check_identity(data_changed=True)
        try:
            current = self._read_data_version()
        except sqlite3.DatabaseError as error:
            raise read_failure(self.path, error) from None
        changed = current != self._data_version
        self._check_identity(data_changed=changed)
        self._data_version = current
        if changed:
            self._refresh_identity()
        return changed

    # -------------------------------------------------------------- identity
    def _stat_identity(self) -> Identity:
        info = os.stat(self.path)
        return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)

    def _check_identity(self, *, data_changed: bool) -> None:
        """Is the path still the file this store opened, untouched unless SQLite says so?"""
        if self._identity is None:
            return
        try:
            now = self._stat_identity()
        except FileNotFoundError:
            raise gone(self.path) from None
        except OSError as error:
            raise os_failure(self.path, error) from None
        if now[:2] != self._identity[:2]:
            raise StoreReplacedError(
                self.path,
                _(
                    "was replaced by another file while it was open; use Save a Copy to keep "
                    "this version, then reopen the map to see the other"
                ),
            )
        if not data_changed and now != self._identity:
            raise StoreReplacedError(
                self.path,
                _(
                    "was overwritten by another program while it was open; use Save a Copy to "
                    "keep this version, then reopen the map to see the other"
                ),
            )

    def _refresh_identity(self) -> None:
        if self._identity is not None:
            with contextlib.suppress(OSError):  # gone: the next check says so
                self._identity = self._stat_identity()

    def adopt_data_version(self, data_version: int) -> None:
        """The caller now holds the map as of ``data_version`` (read in a transaction)."""
        self._data_version = data_version
        self._refresh_identity()

    def forget_data_version(self) -> None:
        """Make the next check report a change (the file differs from what was assumed)."""
        self._data_version = None

    # --------------------------------------------------------------- writing
    @contextlib.contextmanager
    def transaction(self) -> Iterator[WriteTransaction]:
        """``BEGIN IMMEDIATE`` (waiting out another writer's lock); commit on success.

        Any failure rolls back and raises a StoreWriteError subclass saying why.
        """
        if self.read_only:
            raise StoreReadOnlyError(self.path, _("is open read-only"))
        self._first_load = None  # this write makes it stale
        self._check_identity(data_changed=True)  # deleted or renamed over: SQLite never sees it
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise write_failure(self.path, error) from None
        try:
            data_version = self._read_data_version()
            changed = data_version != self._data_version
            self._check_identity(data_changed=changed)
            transaction = WriteTransaction(self, data_version, changed)
            yield transaction
            for hook in list(self.before_commit):
                hook(transaction)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._roll_back()
            raise write_failure(self.path, error) from None
        except BaseException:
            self._roll_back()
            raise
        # Our own commit leaves data_version as it was; a change by another program
        # counts as seen only once the caller adopted it (``fresh_map``).
        self._refresh_identity()

    def _roll_back(self) -> None:
        conn = self.db.conn
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    def write(
        self,
        changeset: ChangeSet,
        *,
        stamp: str | None = None,
        within: WriteTransaction | None = None,
    ) -> str:
        """Write every change of ``changeset`` in one transaction; return the modified stamp.

        ``within`` is an open ``transaction()`` to write in (committed by its block);
        without one the write is its own transaction, refused (StoreConflictError) when
        another program committed since this store last read the map: load it first.
        On any failure nothing is written.
        """
        stamp = stamp or now_iso()
        if within is not None:
            within.write(changeset, stamp)
            return stamp
        with self.transaction() as transaction:
            if transaction.changed_elsewhere:
                self.forget_data_version()
                raise _not_current(self.path)
            transaction.write(changeset, stamp)
        return stamp

    # ------------------------------------------------------------- snapshots
    def take_snapshot(
        self,
        name: str,
        journey: JourneyMap | None = None,
        *,
        on_fresh: Callable[[JourneyMap], None] | None = None,
    ) -> SnapshotInfo:
        """Freeze the map under ``name``: ``journey``, or the file's map when it is None
        or another program changed the file since ``journey`` was read (``on_fresh``
        then receives that map, so the caller can show what was frozen)."""
        clean = name.strip()
        if not clean:
            raise StoreRuleError(self.path, _("a snapshot needs a name"))
        if len(clean) > MAX_NAME:
            raise StoreRuleError(
                self.path,
                _("refused a snapshot name of {value:,} characters (at most {MAX_NAME:,})").format(
                    value=len(clean), MAX_NAME=MAX_NAME
                ),
            )
        with self.transaction() as transaction:
            if journey is None or transaction.changed_elsewhere:
                journey = transaction.fresh_map()
                if on_fresh is not None:
                    on_fresh(journey)
            return self._insert_snapshot(transaction, clean, journey)

    def _insert_snapshot(self, transaction, name: str, journey: JourneyMap) -> SnapshotInfo:
        conn = transaction.conn
        if conn.execute("SELECT 1 FROM snapshot WHERE name = ?", [name]).fetchone():
            raise StoreRuleError(
                self.path, _("already has a snapshot called {name!r}").format(name=name)
            )
        if conn.execute("SELECT count(*) FROM snapshot").fetchone()[0] >= MAX_SNAPSHOTS:
            raise StoreRuleError(
                self.path,
                _("already holds {MAX_SNAPSHOTS:,} snapshots, as many as a map keeps").format(
                    MAX_SNAPSHOTS=MAX_SNAPSHOTS
                ),
            )
        taken_at = now_iso()
        content = json.dumps(map_to_dict(journey), ensure_ascii=False)
        try:
            transaction.touch_header()
            conn.execute(
                "INSERT INTO snapshot (name, taken_at, content) VALUES (?, ?, ?)",
                [name, taken_at, content],
            )
        except sqlite3.Error as error:
            raise write_failure(self.path, error) from None
        except UnicodeEncodeError:
            raise not_unicode(self.path) from None
        return SnapshotInfo(name, taken_at)

    def snapshots(self) -> list[SnapshotInfo]:
        return [
            SnapshotInfo(name, taken_at)
            for name, taken_at in self.db.execute(
                "SELECT name, taken_at FROM snapshot ORDER BY taken_at, id"
            )
        ]

    def delete_snapshot(self, name: str) -> None:
        """Remove one snapshot, in its own transaction (the map itself is untouched)."""
        clean = name.strip()
        with self.transaction() as transaction:
            conn = transaction.conn
            if not conn.execute("SELECT 1 FROM snapshot WHERE name = ?", [clean]).fetchone():
                raise StoreRuleError(
                    self.path, _("has no snapshot called {clean!r}").format(clean=clean)
                )
            try:
                transaction.touch_header()
                conn.execute("DELETE FROM snapshot WHERE name = ?", [clean])
            except sqlite3.Error as error:
                raise write_failure(self.path, error) from None

    def snapshot_content(self, name: str) -> dict:
        found = self.db.execute(
            "SELECT content FROM snapshot WHERE name = ?", [name.strip()]
        ).fetchone()
        if not found:
            names = ", ".join(repr(s.name) for s in self.snapshots()) or "none"
            raise StoreError(
                self.path,
                _("has no snapshot called {name!r} (it has: {names})").format(
                    name=name, names=names
                ),
            )
        try:
            content = json.loads(found[0], parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise StoreDamagedError(
                self.path, _("holds a damaged snapshot {name!r}").format(name=name)
            ) from None
        if not isinstance(content, dict):
            raise StoreDamagedError(
                self.path, _("holds a damaged snapshot {name!r}").format(name=name)
            )
        return content

    # ---------------------------------------------------------------- copies
    def backup_to(self, target: Path) -> None:
        """Copy the open database, consistently, into ``target`` (a new, closed file)."""
        destination = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(destination)
        except sqlite3.Error as error:
            raise write_failure(target, error, new_file=True) from None
        finally:
            destination.close()


def _no_constant(word: str) -> object:
    raise ValueError(word)


def _not_current(path: Path) -> StoreWriteError:
    return StoreConflictError(
        path,
        _(
            "was changed by another program since it was read; the change was not saved "
            "(load the map again first)"
        ),
    )
