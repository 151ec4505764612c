"""Two ``map_info`` keys a live session keeps in the file.

``site_tag``: chosen once per file, ends every id made from the first session on
(model/ids.py). ``map_id``: a random identity, so a joiner can tell the host's map
from another one. Neither is part of the map's content (not in MapInfo, not in the
interchange JSON).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from sqlite_utils import Database

from laneway.model.ids import is_site_tag, new_site_tag
from laneway.store.errors import StoreWriteError

SITE_TAG_KEY = "site_tag"
MAP_ID_KEY = "map_id"


def read_key(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM map_info WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def ensure_key(
    store, key: str, make: Callable[[], str], valid: Callable[[str], bool] = bool
) -> str:
    """The stored value of ``key``, written first (in its own transaction) when missing."""
    existing = read_key(store.db, key)
    if existing is not None and valid(existing):
        return existing
    value = make()
    write_key(store, key, value)
    return value


def write_key(store, key: str, value: str) -> None:
    """Write one key in its own transaction (``store`` is a writable MapStore)."""
    if store.read_only:
        raise StoreWriteError(store.path, "is open read-only")
    try:
        with store.db.atomic():
            store.db.execute(
                "INSERT INTO map_info(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
    except sqlite3.DatabaseError as error:
        raise StoreWriteError(store.path, f"could not be saved ({error})") from None
    # Our own write is not "another process": take in the new data_version.
    store.changed_by_another_process()


def ensure_site_tag(store) -> str:
    return ensure_key(store, SITE_TAG_KEY, new_site_tag, is_site_tag)


def ensure_map_id(store) -> str:
    return ensure_key(store, MAP_ID_KEY, lambda: uuid.uuid4().hex)
