"""Upgrade older map files: a backup copy first, then every step in one transaction."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from laneway.i18n import _
from laneway.store.errors import StoreError
from laneway.store.schema import FORMAT_VERSION, SCHEMA_V2_STATEMENTS, SCHEMA_V3_STATEMENTS


def add_journey_content(conn: sqlite3.Connection) -> None:
    """Format 1 → 2: the tables of personas, definitions and notes (SPEC §7), empty.

    Nothing of format 1 changes: every step names no persona (so it is about all of
    them), and the map has no definition and no note yet.
    """
    for statement in SCHEMA_V2_STATEMENTS:
        conn.execute(statement)


def add_sync_state(conn: sqlite3.Connection) -> None:
    """Format 2 → 3: the live session's tables (SPEC §8), empty: the map was in no
    session yet, and its first one starts from what the file holds."""
    for statement in SCHEMA_V3_STATEMENTS:
        conn.execute(statement)


#: ``MIGRATIONS[v]`` upgrades a format-``v`` file to ``v + 1`` on an open connection,
#: inside the one transaction ``migrate`` runs them all in.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: add_journey_content,
    2: add_sync_state,
}


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.format{version}.bak")


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Bring a writable connection's file to FORMAT_VERSION, or leave it untouched."""
    if version >= FORMAT_VERSION:
        return
    missing = [v for v in range(version, FORMAT_VERSION) if v not in MIGRATIONS]
    if missing:  # validation refuses these first, with the same sentence as the cli
        raise StoreError(
            path,
            _("uses map format {version}, which this Laneway cannot upgrade").format(
                version=version
            ),
        )
    backup = backup_path(path, version)
    try:
        shutil.copy2(path, backup)
    except OSError as error:
        raise StoreError(
            path, _("could not be backed up before upgrading ({error})").format(error=error)
        ) from None
    try:
        conn.execute("BEGIN IMMEDIATE")
        for step in range(version, FORMAT_VERSION):
            MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        detail = " ".join(str(error).split())[:200]
        raise StoreError(
            path, _("could not be upgraded ({detail}); it is unchanged").format(detail=detail)
        ) from None
