"""Open a .laneway file: connect without creating, check it is a healthy Laneway map.

Every refusal is one sentence: not an SQLite file, an SQLite file that is not a
Laneway map, a map from a newer version, a damaged file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from laneway.store.errors import StoreError
from laneway.store.schema import (
    APPLICATION_ID,
    CONNECTION_PRAGMAS,
    FORMAT_VERSION,
    SQLITE_HEADER,
    TABLES,
    WRITER_PRAGMAS,
)


def file_uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Open an existing file (``mode=rw`` or ``mode=ro``: never creates one)."""
    _check_header(path)
    try:
        conn = sqlite3.connect(
            file_uri(path, "ro" if read_only else "rw"),
            uri=True,
            check_same_thread=False,
        )
    except sqlite3.OperationalError as error:
        raise StoreError(path, f"cannot be opened ({error})") from None
    try:
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        if not read_only:
            for pragma in WRITER_PRAGMAS:
                conn.execute(pragma)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise _damaged(path, error) from None
    return conn


def _check_header(path: Path) -> None:
    if not path.exists():
        raise StoreError(path, "no such file")
    if path.is_dir():
        raise StoreError(path, "is a folder, not a Laneway map")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror or error})") from None
    if not header:
        raise StoreError(path, "is empty, so it is not a Laneway map")
    if header != SQLITE_HEADER:
        raise StoreError(path, "is not a Laneway map (it is not an SQLite database)")


def _damaged(path: Path, error: Exception) -> StoreError:
    detail = " ".join(str(error).split())
    return StoreError(path, f"is damaged and cannot be read ({detail})")


def validate(conn: sqlite3.Connection, path: Path, *, allow_older: bool) -> int:
    """Check markers, version and integrity; return the file's format version."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    if application_id != APPLICATION_ID:
        raise StoreError(path, "is an SQLite database but not a Laneway map")
    if version > FORMAT_VERSION:
        raise StoreError(
            path,
            f"was saved by a newer Laneway (map format {version}); this version reads "
            f"format {FORMAT_VERSION} and older, so update Laneway to open it",
        )
    if version < FORMAT_VERSION and not allow_older:
        raise StoreError(
            path,
            f"uses the older map format {version}; open it in the app, which upgrades it",
        )
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    if problems != ["ok"]:
        detail = " ".join(line.strip("* ") for line in problems[0].splitlines() if line.strip("* "))
        raise StoreError(path, f"is damaged ({detail})")
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [table for table in TABLES if table not in names]
    if version == FORMAT_VERSION and missing:
        raise StoreError(path, f"is damaged (the {missing[0]} table is missing)")
    return version
