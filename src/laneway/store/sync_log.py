"""A live session's state inside the map file (format 3, COLLAB.md "Persistence").

``sync_update`` holds the shared document's updates (pycrdt's bytes, opaque here) in
the order they happened; replaying them in a fresh document gives the state this copy
had, so a copy reopened after the app quit, the Wi-Fi dropped or the host left merges
with the others through the ordinary state-vector exchange. The updates waiting to be
written ride in the next write transaction of the map (``MapStore.before_commit``), so
a merged change and the update that brought it are committed together; more than
``COMPACT_AFTER`` rows are replaced by one row holding the whole state.

``sync_peer`` remembers who this map was in a session with (by site tag).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from laneway.store.transaction import WriteTransaction

#: Rows of the log beyond which it is compacted into one.
COMPACT_AFTER = 200
#: A file whose log holds more than this is not read back (the map itself still opens).
MAX_LOG_BYTES = 256 * 1024 * 1024
NAME_LIMIT = 60


@dataclass(frozen=True)
class Peer:
    site_tag: str
    name: str
    colour: str
    last_seen: str


def has_sync_tables(db: Database) -> bool:
    return "sync_update" in db.table_names()


def read_updates(db: Database) -> list[bytes]:
    """The stored updates in order; empty for a map never in a session (or an older
    format read as it is)."""
    if not has_sync_tables(db):
        return []
    total = db.execute("SELECT coalesce(sum(length(data)), 0) FROM sync_update").fetchone()[0]
    if total > MAX_LOG_BYTES:
        return []
    rows = db.execute("SELECT data FROM sync_update ORDER BY seq").fetchall()
    return [bytes(row[0]) for row in rows if isinstance(row[0], bytes)]


def read_peers(db: Database) -> list[Peer]:
    if not has_sync_tables(db):
        return []
    rows = db.execute(
        "SELECT site_tag, name, colour, last_seen FROM sync_peer ORDER BY last_seen, site_tag"
    ).fetchall()
    return [Peer(*(str(value) for value in row)) for row in rows]


class SyncLog:
    """The update log of one open, writable map in a session."""

    def __init__(self, store, full_state: Callable[[], bytes]) -> None:
        """``store``: a writable MapStore; ``full_state``: the whole shared state now
        (what a compaction writes)."""
        self.store = store
        self.full_state = full_state
        self.pending: list[bytes] = []
        store.before_commit.append(self._write)

    def close(self) -> None:
        if self._write in self.store.before_commit:
            self.store.before_commit.remove(self._write)

    def add(self, update: bytes) -> None:
        """An update to write with the map's next transaction (or the next ``flush``)."""
        self.pending.append(update)

    def flush(self) -> None:
        """Write what is waiting in a transaction of its own (nothing waiting: no-op)."""
        if self.pending:
            with self.store.transaction() as transaction:
                transaction.touch_header()

    def compact(self) -> None:
        """Replace the log by one row holding the whole state, in its own transaction."""
        self.pending.clear()
        with self.store.transaction() as transaction:
            transaction.touch_header()
            self._replace_all(transaction)

    def remember_peer(self, site_tag: str, name: str, colour: str, seen: str) -> None:
        with self.store.transaction() as transaction:
            transaction.touch_header()
            transaction.conn.execute(
                "INSERT INTO sync_peer (site_tag, name, colour, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(site_tag) DO UPDATE SET name = excluded.name, "
                "colour = excluded.colour, last_seen = excluded.last_seen",
                [site_tag[:NAME_LIMIT], name[:NAME_LIMIT], colour[:16], seen],
            )

    # ------------------------------------------------------------- the hook
    def _write(self, transaction: WriteTransaction) -> None:
        if not self.pending:
            return
        conn = transaction.conn
        count = conn.execute("SELECT count(*) FROM sync_update").fetchone()[0]
        if count + len(self.pending) > COMPACT_AFTER:
            self._replace_all(transaction)
        else:
            conn.executemany(
                "INSERT INTO sync_update (data) VALUES (?)", [(u,) for u in self.pending]
            )
        self.pending.clear()

    def _replace_all(self, transaction: WriteTransaction) -> None:
        conn = transaction.conn
        conn.execute("DELETE FROM sync_update")
        conn.execute("INSERT INTO sync_update (data) VALUES (?)", [self.full_state()])
        self.pending.clear()
