"""Whole-file operations: a new map, a copy, any output written atomically.

A new file is built beside its target under a temporary name and renamed into
place only when complete, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from laneway.model import JourneyMap
from laneway.store import rows
from laneway.store.errors import StoreError
from laneway.store.mapstore import MapStore, now_iso
from laneway.store.schema import APPLICATION_ID, FORMAT_VERSION, SCHEMA_V1, WRITER_PRAGMAS


@contextlib.contextmanager
def atomic_output(target: str | Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success."""
    final = Path(target)
    if not overwrite and final.exists():
        raise StoreError(final, "already exists; choose another name or pass --force")
    folder = final.parent if str(final.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(final, f"cannot be written: the folder {str(folder)!r} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise StoreError(final, f"cannot be written ({error.strerror or error})") from None
    os.close(handle)
    temp_path = Path(temporary)
    try:
        yield temp_path
        _fsync(temp_path)
        # mkstemp makes the file private (0600); give it the mode a new file gets.
        os.chmod(temp_path, 0o666 & ~_current_umask())
        os.replace(temp_path, final)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise


def write_bytes_atomically(target: str | Path, data: bytes, *, overwrite: bool = True) -> None:
    with atomic_output(target, overwrite=overwrite) as temporary:
        temporary.write_bytes(data)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def create_map(target: str | Path, journey: JourneyMap, *, overwrite: bool = False) -> Path:
    """Write ``journey`` as a new .laneway file (atomically) and return its path."""
    final = Path(target)
    with atomic_output(final, overwrite=overwrite) as temporary:
        temporary.unlink()  # sqlite creates it afresh
        write_new_database(temporary, journey)
    return final


def write_new_database(path: Path, journey: JourneyMap) -> None:
    conn = sqlite3.connect(str(path))
    try:
        for pragma in WRITER_PRAGMAS:
            conn.execute(pragma)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        conn.executescript(SCHEMA_V1)
        db = Database(conn, execute_plugins=False)
        stamp = now_iso()
        info = journey.info
        with db.atomic():
            db["map_info"].insert_all(
                [
                    {"key": "title", "value": info.title},
                    {"key": "description", "value": info.description},
                    {"key": "created", "value": info.created or stamp},
                    {"key": "modified", "value": stamp},
                ]
            )
            for table, records in (
                ("department", journey.departments.values()),
                ("stage", journey.stages.values()),
                ("step", journey.steps.values()),
                ("link", journey.links.values()),
            ):
                db[table].insert_all((rows.ROW_OF[table](r) for r in records), batch_size=500)
    finally:
        conn.close()


def save_copy(store: MapStore, target: str | Path, *, overwrite: bool = True) -> Path:
    """Copy an open map (snapshots included) to ``target`` without touching the original."""
    final = Path(target)
    if final.resolve() == store.path.resolve():
        raise StoreError(final, "is the open map itself; choose another name for the copy")
    with atomic_output(final, overwrite=overwrite) as temporary:
        temporary.unlink()
        store.backup_to(temporary)
    return final
