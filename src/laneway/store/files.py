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
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlite_utils import Database

from laneway.i18n import _
from laneway.model import JourneyMap
from laneway.model.filekind import kind_of_file
from laneway.model.limits import map_problem
from laneway.store import rows
from laneway.store.errors import StoreError, StoreRuleError
from laneway.store.failures import not_unicode, os_failure, write_failure
from laneway.store.mapstore import MapStore, now_iso
from laneway.store.schema import (
    APPLICATION_ID,
    FORMAT_VERSION,
    MAP_ID_KEY,
    SCHEMA_CURRENT,
    WRITER_PRAGMAS,
)

#: A temporary output is ``.NAME.PID.RANDOM.part`` beside its target: the process id
#: tells a later run whether the process that made it is gone (then it is removed).
PART_SUFFIX = ".part"
#: A part file whose maker cannot be told is removed once it is this old (seconds).
STALE_AFTER = 24 * 3600


@contextlib.contextmanager
def atomic_output(target: str | Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    A file it replaces keeps its permissions (and owner, where allowed); a read-only
    file, a folder or a device is refused; a symbolic link is written through, so the
    link stays and its target gets the new content. However the block ends (an error,
    Ctrl+C, SIGTERM in the command line) the temporary file is removed; one left by a
    killed process is removed by the next output there. A failure while writing (a full
    disk) is a ``StoreError`` naming ``target``.
    """
    final = _write_through_links(Path(target))
    existing = _replaceable(final, overwrite)
    folder = final.parent if str(final.parent) else Path(".")
    remove_stale_parts(folder, final.name)
    prefix = f".{final.name}.{os.getpid()}."
    temp_path: Path | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=PART_SUFFIX, dir=folder)
        temp_path = Path(temporary)
        os.close(handle)
        yield temp_path
        _fsync(temp_path)
        _give_mode(temp_path, existing)
        os.replace(temp_path, final)
    except OSError as error:
        _remove_parts(folder, prefix, temp_path)
        raise os_failure(final, error) from None  # named after the target, not the part
    except BaseException:
        _remove_parts(folder, prefix, temp_path)
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
        raise StoreError(
            final,
            _("cannot be written: the folder {value!r} does not exist").format(value=str(folder)),
        )
    try:
        existing = final.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise os_failure(final, error) from None
    kind = kind_of_file(existing.st_mode)
    if kind is not None:
        raise StoreError(final, _("is {kind}; choose a file name for the output").format(kind=kind))
    if not overwrite:
        raise StoreError(final, _("already exists; choose another name or pass --force"))
    if not existing.st_mode & 0o222 or not os.access(final, os.W_OK):
        raise StoreError(final, _("is read-only; Laneway does not replace it"))
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


def _remove_parts(folder: Path, prefix: str, known: Path | None) -> None:
    """Remove this process's temporary output (and its journal). A signal can arrive
    between the file's creation and the moment its name is known: then every part file
    of this process for this target goes (one process writes one target at a time)."""
    leftovers: list[Path] = []
    if known is not None:
        leftovers = [known, known.with_name(known.name + "-journal")]
    else:
        with contextlib.suppress(OSError):
            leftovers = [Path(e.path) for e in os.scandir(folder) if e.name.startswith(prefix)]
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            leftover.unlink()


def remove_stale_parts(folder: Path, name: str) -> int:
    """Remove temporary outputs for ``name`` left in ``folder`` by processes that are gone."""
    prefix = f".{name}."
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        stem = entry.name.removesuffix("-journal")
        if not (entry.name.startswith(prefix) and stem.endswith(PART_SUFFIX)):
            continue
        if _maker_alive(stem[len(prefix) :], entry):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _maker_alive(rest: str, entry: os.DirEntry) -> bool:
    pid_text = rest.split(".", 1)[0]
    if pid_text.isdigit() and os.name == "posix":
        pid = int(pid_text)
        if pid == os.getpid():
            return True  # this process may be writing it right now
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # alive, someone else's
        return True
    try:
        return time.time() - entry.stat().st_mtime < STALE_AFTER
    except OSError:
        return True


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


def create_map(
    target: str | Path,
    journey: JourneyMap,
    *,
    overwrite: bool = False,
    snapshots: Sequence[tuple[str, str, str]] = (),
) -> Path:
    """Write ``journey`` (and ``snapshots``: name, taken at, content) as a new .laneway
    file, atomically, and return its path."""
    final = Path(target)
    problem = map_problem(journey)
    if problem:
        raise StoreRuleError(
            final, _("cannot be made: {value} {value2}").format(value=problem[0], value2=problem[1])
        )
    with atomic_output(final, overwrite=overwrite) as temporary:
        temporary.unlink()  # sqlite creates it afresh
        try:
            write_new_database(temporary, journey, snapshots)
        except sqlite3.Error as error:
            raise write_failure(final, error, new_file=True) from None
        except UnicodeEncodeError:
            raise not_unicode(final) from None
    return final


def write_new_database(
    path: Path, journey: JourneyMap, snapshots: Sequence[tuple[str, str, str]] = ()
) -> None:
    conn = sqlite3.connect(str(path))
    try:
        for pragma in WRITER_PRAGMAS:
            conn.execute(pragma)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        conn.executescript(SCHEMA_CURRENT)
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
                    {"key": MAP_ID_KEY, "value": uuid.uuid4().hex},
                ]
            )
            for table, records in (
                ("department", journey.departments.values()),
                ("stage", journey.stages.values()),
                ("persona", journey.personas.values()),
                ("definition", journey.definitions.values()),
                ("step", journey.steps.values()),
                ("link", journey.links.values()),
                ("note", journey.notes.values()),
            ):
                db[table].insert_all((rows.ROW_OF[table](r) for r in records), batch_size=500)
            db["step_persona"].insert_all(
                (row for step in journey.steps.values() for row in rows.step_persona_rows(step)),
                batch_size=500,
            )
            db["snapshot"].insert_all(
                {"name": name, "taken_at": taken_at, "content": content}
                for name, taken_at, content in snapshots
            )
    finally:
        conn.close()


def save_copy(store: MapStore, target: str | Path, *, overwrite: bool = True) -> Path:
    """Copy an open map (snapshots included) to ``target`` without touching the original."""
    final = Path(target)
    if is_same_file(final, store.path):
        raise StoreError(final, _("is the open map itself; choose another name for the copy"))
    with atomic_output(final, overwrite=overwrite) as temporary:
        temporary.unlink()
        store.backup_to(temporary)
    return final
