"""Two ``map_info`` keys a live session keeps in the file.

``site_tag``: chosen once per file, ends every id made from the first session on
(model/ids.py). ``map_id``: a random identity, so a joiner can tell the host's map
from another one. Neither is part of the map's content (not in MapInfo, not in the
interchange JSON).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlite_utils import Database

from laneway.model.ids import is_site_tag, new_site_tag
from laneway.store.schema import MAP_ID_KEY, SITE_TAG_KEY

__all__ = ["MAP_ID_KEY", "SITE_TAG_KEY", "ensure_map_id", "ensure_site_tag", "read_key"]


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
    """Write one key in its own transaction (``store`` is a writable MapStore); the store's
    own write path, so the busy timeout and its identity checks apply."""
    with store.transaction() as transaction:
        transaction.touch_header()
        transaction.put_info(key, value)
    if key == MAP_ID_KEY:
        store.map_id = value


def ensure_site_tag(store) -> str:
    return ensure_key(store, SITE_TAG_KEY, new_site_tag, is_site_tag)


def ensure_map_id(store) -> str:
    return ensure_key(store, MAP_ID_KEY, lambda: uuid.uuid4().hex)
