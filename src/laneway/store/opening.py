"""Open a .laneway file: only a regular file, never created, never hung, never misread.

Before SQLite sees the file: it must be a regular file (a FIFO, a device or a folder
is refused at once, without opening it for reading), hold the SQLite header, and any
rollback journal beside it must belong to it (``journal``). A read-only open never
writes beside its input: a map that needs recovery (a hot journal, a WAL file) is read
from a private copy, which is deleted as soon as it is open.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from laneway.i18n import _
from laneway.model.filekind import kind_of_file
from laneway.store.errors import StoreDamagedError, StoreError
from laneway.store.failures import read_failure
from laneway.store.journal import check_journal, set_aside
from laneway.store.schema import CONNECTION_PRAGMAS, SQLITE_HEADER, WRITER_PRAGMAS

HEADER_BYTES = 100


@dataclass
class Opened:
    """A connection to a map (or to a private copy of it) and what to tell the user."""

    conn: sqlite3.Connection
    notices: list[str] = field(default_factory=list)
    #: The folder of a private copy still on disk (Windows keeps open files), else None.
    private_folder: Path | None = None
    #: True when ``conn`` reads a private copy, not the file itself.
    private: bool = False

    def close(self) -> None:
        self.conn.close()
        if self.private_folder is not None:
            shutil.rmtree(self.private_folder, ignore_errors=True)
            self.private_folder = None


def file_uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def read_header(path: Path) -> bytes:
    """The first 100 bytes of a regular SQLite file; StoreError for anything else."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise read_failure(path, error) from None
    kind = kind_of_file(mode)
    if kind is not None:
        raise StoreError(path, _("is {kind}, not a Laneway map").format(kind=kind))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise read_failure(path, error) from None
    try:
        if kind_of_file(os.fstat(descriptor).st_mode) is not None:  # swapped since the stat
            raise StoreError(path, _("is not a regular file, so it is not a Laneway map"))
        header = os.read(descriptor, HEADER_BYTES)
    except OSError as error:
        raise read_failure(path, error) from None
    finally:
        os.close(descriptor)
    if not header:
        raise StoreError(path, _("is empty, so it is not a Laneway map"))
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise StoreError(path, _("is not a Laneway map (it is not an SQLite database)"))
    if len(header) < HEADER_BYTES:
        raise StoreError(path, _("is damaged and cannot be read (it is shorter than its header)"))
    return header


def connect(path: Path, *, read_only: bool) -> Opened:
    """Open an existing map (``mode=rw`` or read-only: never creates one)."""
    header = read_header(path)
    real = path.resolve()  # SQLite keeps the journal beside the file a symlink points to
    journal = check_journal(real, header)
    wal = header[18] == 2 or header[19] == 2
    if read_only and journal.verdict in ("own", "foreign"):
        keep = journal.verdict == "own"
        opened = _private_copy(real, path, with_journal=keep)
        opened.notices.append(_read_only_notice(path, journal, keep))
        return opened
    if read_only and wal:
        return _private_copy(real, path, with_journal=False, with_wal=True)
    notices = []
    if journal.verdict == "foreign":
        notices.append(_set_aside_notice(path, journal))
    elif journal.verdict == "own" and not read_only:
        notices.append(
            _(
                "{name}: a change was unfinished when a program stopped; "
                "Laneway undid it, so the map is as it was after the last "
                "completed change."
            ).format(name=path.name)
        )
    conn = _connect(path, "ro" if read_only else "rw", writer=not read_only)
    return Opened(conn, notices)


def _connect(path: Path, mode: str, *, writer: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            file_uri(path, mode), uri=True, check_same_thread=False, isolation_level=None
        )
    except sqlite3.Error as error:
        raise read_failure(path, error) from None
    try:
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        if writer:
            for pragma in WRITER_PRAGMAS:
                conn.execute(pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # recovers a hot journal
    except sqlite3.Error as error:
        conn.close()
        raise read_failure(path, error) from None
    except UnicodeDecodeError:  # a damaged schema page holds bytes that are not text
        conn.close()
        raise StoreDamagedError(
            path, _("is damaged and cannot be read (its schema is not text)")
        ) from None
    return conn


def _private_copy(real: Path, path: Path, *, with_journal: bool, with_wal: bool = False) -> Opened:
    """Read ``real`` (named ``path`` to the user) through a copy that SQLite may recover,
    leaving the file untouched."""
    folder = Path(tempfile.mkdtemp(prefix="laneway-read-"))
    copy = folder / "map.laneway"
    try:
        shutil.copyfile(real, copy)
        for suffix, wanted in (("-journal", with_journal), ("-wal", with_wal)):
            side = real.with_name(real.name + suffix)
            if wanted and side.is_file():
                shutil.copyfile(side, copy.with_name(copy.name + suffix))
        conn = _connect(copy, "rw", writer=False)
        conn.execute("PRAGMA journal_mode = DELETE")  # folds a WAL into the copy
        conn.execute("PRAGMA query_only = ON")
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise read_failure(path, error) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # POSIX keeps an open file readable after its name is gone: nothing is left behind
    # even if the process is killed. Where the OS refuses, close() removes the folder.
    try:
        shutil.rmtree(folder)
        leftover = None
    except OSError:
        leftover = folder
    return Opened(conn, private_folder=leftover, private=True)


def _read_only_notice(path: Path, journal, kept: bool) -> str:
    if kept:
        return _(
            "{name}: a change was unfinished when a program stopped; "
            "Laneway read the map as it was before that change and left "
            "the file untouched (opening it in the app finishes the "
            "recovery)."
        ).format(name=path.name)
    return _(
        "{name}: the rollback journal beside it ({name2}) does not "
        "belong to it ({reason}), so Laneway ignored it and left both"
        " files untouched (opening the map in the app sets the "
        "journal aside)."
    ).format(name=path.name, name2=journal.journal.name, reason=journal.reason)


def _set_aside_notice(path: Path, journal) -> str:
    try:
        moved = set_aside(journal.journal)
    except OSError as error:
        raise StoreError(
            path,
            _(
                "has a rollback journal beside it that does not belong to it "
                "({reason}) and that could not be set aside ({value}); move "
                "{name} away before opening the map"
            ).format(
                reason=journal.reason, value=error.strerror or error, name=journal.journal.name
            ),
        ) from None
    return _(
        "{name}: the rollback journal beside it did not belong to it "
        "({reason}), so Laneway set it aside as {name2} and opened "
        "the map as it was last saved."
    ).format(name=path.name, reason=journal.reason, name2=moved.name)


@contextlib.contextmanager
def read_transaction(conn: sqlite3.Connection):
    """One consistent view of the file for several SELECTs."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
