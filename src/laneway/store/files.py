"""Whole-file operations: a new map, a copy, any output written atomically.

A new file is built beside its target under a temporary name and renamed into
place only when complete, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
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
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    A file it replaces keeps its permissions (and owner, where allowed); a read-only
    file, a folder or a device is refused; a symbolic link is written through, so the
    link stays and its target gets the new content. A failure while writing (a full
    disk) is a ``StoreError`` naming ``target``, with nothing left behind.
    """
    final = _write_through_links(Path(target))
    existing = _replaceable(final, overwrite)
    folder = final.parent if str(final.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise StoreError(final, f"cannot be written ({error.strerror or error})") from None
    os.close(handle)
    temp_path = Path(temporary)
    try:
        try:
            yield temp_path
            _fsync(temp_path)
            _give_mode(temp_path, existing)
            os.replace(temp_path, final)
        except OSError as error:
            raise StoreError(final, f"cannot be written ({error.strerror or error})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise


def is_same_file(first: str | Path, second: str | Path) -> bool:
    """True when both names reach one file: the same path, a symbolic or a hard link."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet)
        return Path(first).absolute() == Path(second).absolute()


def _write_through_links(path: Path) -> Path:
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_output(target: str | Path, *, overwrite: bool = True) -> None:
    """Raise the ``StoreError`` that ``atomic_output(target)`` would, without writing."""
    _replaceable(_write_through_links(Path(target)), overwrite)


def _replaceable(final: Path, overwrite: bool) -> os.stat_result | None:
    """The status of the file ``final`` would replace (None when there is none)."""
    folder = final.parent if str(final.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(final, f"cannot be written: the folder {str(folder)!r} does not exist")
    try:
        existing = final.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(final, f"cannot be written ({error.strerror or error})") from None
    if not stat.S_ISREG(existing.st_mode):
        what = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise StoreError(final, f"is {what}; choose a file name")
    if not overwrite:
        raise StoreError(final, "already exists; choose another name or pass --force")
    if not existing.st_mode & 0o222 or not os.access(final, os.W_OK):
        raise StoreError(final, "is read-only; Laneway does not replace it")
    return existing


def _give_mode(path: Path, existing: os.stat_result | None) -> None:
    """The replaced file's permissions and owner, or the mode a new file gets.

    mkstemp makes the file private (0600), which a new file should not be.
    """
    if existing is None:
        os.chmod(path, 0o666 & ~_current_umask())
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(path, existing.st_uid, existing.st_gid)
    os.chmod(path, stat.S_IMODE(existing.st_mode))


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
    if is_same_file(final, store.path):
        raise StoreError(final, "is the open map itself; choose another name for the copy")
    with atomic_output(final, overwrite=overwrite) as temporary:
        temporary.unlink()
        store.backup_to(temporary)
    return final
