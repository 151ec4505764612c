"""MapStore: an open .laneway file; loads the map and writes change sets row by row."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from laneway.model import ChangeSet, JourneyMap, MapInfo, map_to_dict
from laneway.store import rows
from laneway.store.errors import StoreError, StoreWriteError
from laneway.store.migrations import migrate
from laneway.store.opening import connect, validate


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class SnapshotInfo:
    name: str
    taken_at: str


class MapStore:
    """One open map file. Writes are row-level, each change set in one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.db = Database(conn, execute_plugins=False)
        self._data_version = self._read_data_version()

    # --------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> MapStore:
        """Open an existing map; refuse (StoreError) anything that is not a healthy one."""
        file = Path(path)
        conn = connect(file, read_only=read_only)
        try:
            version = validate(conn, file, allow_older=not read_only)
            if not read_only:
                migrate(conn, file, version)
        except BaseException:
            conn.close()
            raise
        return cls(file, conn, read_only=read_only)

    def close(self) -> None:
        self.db.close()

    # --------------------------------------------------------------- reading
    def load(self) -> JourneyMap:
        try:
            info_rows = {r["key"]: r["value"] for r in self.db["map_info"].rows}
            return JourneyMap.from_records(
                MapInfo(
                    title=info_rows.get("title", "Untitled journey"),
                    description=info_rows.get("description", ""),
                    created=info_rows.get("created", ""),
                    modified=info_rows.get("modified", ""),
                ),
                map(rows.department_from_row, self.db["department"].rows_where(order_by="rowid")),
                map(rows.stage_from_row, self.db["stage"].rows_where(order_by="rowid")),
                map(rows.step_from_row, self.db["step"].rows_where(order_by="rowid")),
                map(rows.link_from_row, self.db["link"].rows_where(order_by="rowid")),
            )
        except (sqlite3.DatabaseError, KeyError, TypeError, ValueError) as error:
            raise StoreError(self.path, f"is damaged and cannot be read ({error})") from None

    def _read_data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def changed_by_another_process(self) -> bool:
        """True once after another connection committed to the file."""
        current = self._read_data_version()
        changed = current != self._data_version
        self._data_version = current
        return changed

    # --------------------------------------------------------------- writing
    def write(self, changeset: ChangeSet, *, stamp: str | None = None) -> str:
        """Write every change of ``changeset`` in one transaction; return the modified stamp.

        On any failure nothing is written and StoreWriteError says why in one sentence.
        """
        if self.read_only:
            raise StoreWriteError(self.path, "is open read-only")
        stamp = stamp or now_iso()
        try:
            with self.db.atomic():
                for change in changeset.changes:
                    self._write_change(change.table, change.key, change.new, change.old)
                self._put_info("modified", stamp)
        except sqlite3.DatabaseError as error:
            raise StoreWriteError(self.path, _write_problem(error)) from None
        except OSError as error:
            raise StoreWriteError(self.path, f"could not be written ({error})") from None
        self._data_version = self._read_data_version()
        return stamp

    def _write_change(self, table: str, key: str, new: object, old: object) -> None:
        if table == "info":
            self._put_info(key, "" if new is None else str(new))
            return
        if new is None:
            self.db[table].delete(key)
        elif old is None:
            self.db[table].insert(rows.ROW_OF[table](new))
        else:
            old_row = rows.ROW_OF[table](old)
            new_row = rows.ROW_OF[table](new)
            changed = {k: v for k, v in new_row.items() if old_row.get(k) != v}
            if changed:
                self.db[table].update(key, changed)

    def _put_info(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO map_info(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    # ------------------------------------------------------------- snapshots
    def take_snapshot(self, name: str, journey: JourneyMap) -> SnapshotInfo:
        clean = name.strip()
        if not clean:
            raise StoreError(self.path, "a snapshot needs a name")
        if self.db["snapshot"].count_where("name = ?", [clean]):
            raise StoreError(self.path, f"already has a snapshot called {clean!r}")
        taken_at = now_iso()
        content = json.dumps(map_to_dict(journey), ensure_ascii=False)
        try:
            with self.db.atomic():
                self.db["snapshot"].insert(
                    {"name": clean, "taken_at": taken_at, "content": content}
                )
        except sqlite3.DatabaseError as error:
            raise StoreWriteError(self.path, _write_problem(error)) from None
        self._data_version = self._read_data_version()
        return SnapshotInfo(clean, taken_at)

    def snapshots(self) -> list[SnapshotInfo]:
        return [
            SnapshotInfo(r["name"], r["taken_at"])
            for r in self.db["snapshot"].rows_where(order_by="taken_at, id")
        ]

    def delete_snapshot(self, name: str) -> None:
        """Remove one snapshot, in its own transaction (the map itself is untouched)."""
        if self.read_only:
            raise StoreWriteError(self.path, "is open read-only")
        clean = name.strip()
        if not self.db["snapshot"].count_where("name = ?", [clean]):
            raise StoreError(self.path, f"has no snapshot called {clean!r}")
        try:
            with self.db.atomic():
                self.db.execute("DELETE FROM snapshot WHERE name = ?", [clean])
        except sqlite3.DatabaseError as error:
            raise StoreWriteError(self.path, _write_problem(error)) from None
        self._data_version = self._read_data_version()

    def snapshot_content(self, name: str) -> dict:
        found = list(self.db["snapshot"].rows_where("name = ?", [name.strip()]))
        if not found:
            names = ", ".join(repr(s.name) for s in self.snapshots()) or "none"
            raise StoreError(self.path, f"has no snapshot called {name!r} (it has: {names})")
        try:
            return json.loads(found[0]["content"])
        except json.JSONDecodeError:
            raise StoreError(self.path, f"holds a damaged snapshot {name!r}") from None

    # ---------------------------------------------------------------- copies
    def backup_to(self, target: Path) -> None:
        """Copy the open database, consistently, into ``target`` (a new, closed file)."""
        destination = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(destination)
        finally:
            destination.close()


def _write_problem(error: sqlite3.DatabaseError) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return "is read-only, so the change could not be saved"
    if "full" in text:
        return "could not be saved because the disk is full"
    if "disk i/o" in text or "unable to open" in text:
        return "could not be saved: the file is gone or the disk failed"
    if "constraint" in text:
        return f"refused a change that breaks the map's rules ({error})"
    return f"could not be saved ({error})"
