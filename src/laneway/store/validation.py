"""Is an open file a healthy Laneway map? Markers, version, schema, integrity, rows.

Every refusal is one sentence: an SQLite file that is not a Laneway map, a map from a
newer version, an older format, a damaged file, or one that holds what Laneway never
writes. Nothing here writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from laneway.i18n import _
from laneway.store.errors import StoreDamagedError, StoreError
from laneway.store.failures import read_failure
from laneway.store.migrations import MIGRATIONS
from laneway.store.row_check import check_rows
from laneway.store.schema import APPLICATION_ID, FORMAT_VERSION, SCHEMAS
from laneway.store.schema_check import SALVAGE_HINT, check_no_code, check_schema


def can_upgrade(version: int) -> bool:
    return all(v in MIGRATIONS for v in range(version, FORMAT_VERSION))


def older_format_problem(version: int, *, read_only: bool) -> str | None:
    """Why a file of an older ``version`` cannot be opened so (None: it can be upgraded).

    The command line (read-only) and the app (read-write) give the same advice. A
    read-only open reads an older format this code knows as it is, without upgrading.
    """
    if read_only and version in SCHEMAS:
        return None
    if can_upgrade(version):
        if read_only:
            return _(
                "uses the older map format {version}; open it in the app, "
                "which upgrades it after keeping a backup copy"
            ).format(version=version)
        return None
    if version == 0:
        return _(
            "has no map format number (user_version 0), so it is not a "
            "map Laneway finished writing ({SALVAGE_HINT})"
        ).format(SALVAGE_HINT=SALVAGE_HINT)
    return _("uses map format {version}, which this Laneway cannot read or upgrade").format(
        version=version
    )


def validate(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> int:
    """Check markers, version, schema and integrity; return the file's format version.

    Rows are checked by ``check_rows`` once the file is at a format read as it is.
    """
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None
    if application_id != APPLICATION_ID:
        raise StoreError(path, _("is an SQLite database but not a Laneway map"))
    if version > FORMAT_VERSION:
        raise StoreError(
            path,
            _(
                "was saved by a newer Laneway (map format {version}); this "
                "version reads format {FORMAT_VERSION} and older, so update "
                "Laneway to open it"
            ).format(version=version, FORMAT_VERSION=FORMAT_VERSION),
        )
    problem = (
        older_format_problem(version, read_only=read_only) if version < FORMAT_VERSION else None
    )
    if problem:
        raise StoreError(path, problem)
    if version in SCHEMAS:
        check_schema(conn, path, version)
    else:
        check_no_code(conn, path)  # checked against its schema once upgraded
    _check_integrity(conn, path, version if version in SCHEMAS else None)
    return version


def check_current(conn: sqlite3.Connection, path: Path) -> None:
    """A file at the current format: its schema and every row."""
    check_schema(conn, path, FORMAT_VERSION)
    check_rows(conn, path, FORMAT_VERSION)


def check_readable(conn: sqlite3.Connection, path: Path) -> int:
    """A file at a format this code reads as it is (the current one, or an older one
    opened read-only): its schema and every row; returns the format."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None
    if version not in SCHEMAS:
        raise StoreError(
            path,
            _("now uses map format {version}, which Laneway cannot read here").format(
                version=version
            ),
        )
    check_schema(conn, path, version)
    check_rows(conn, path, version)
    return version


def _check_integrity(conn: sqlite3.Connection, path: Path, version: int | None) -> None:
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None
    if problems != ["ok"]:
        if version is not None:  # a NULL title or a broken CHECK is a foreign row, not damage
            check_rows(conn, path, version)
        detail = " ".join(line.strip("* ") for line in problems[0].splitlines() if line.strip("* "))
        raise StoreDamagedError(path, _("is damaged ({value})").format(value=detail[:200]))
