"""Hostile .laneway files, each made from a healthy map by another program's SQL.

``HOSTILE_MAPS[name] = (mutate, words)``: ``mutate(path)`` turns the healthy map at
``path`` into the hostile one; ``words`` must appear in the one sentence that refuses it.
Used by the store's tests, the app's open test and the fuzz test.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path


def run(path: Path, *statements: str, checks: bool = True) -> None:
    """Run SQL on ``path`` as another program would (no Laneway settings)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if not checks:
            conn.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def with_relaxed(path: Path, table: str, old: str, new: str, *statements: str) -> None:
    """Run ``statements`` while ``table``'s declared SQL has ``old`` replaced by ``new``,
    then put the original SQL back: the file keeps Laneway's schema text but holds rows
    that schema forbids (as an editor using ``writable_schema`` can make)."""
    conn = sqlite3.connect(path, isolation_level=None)
    original = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    assert old in original, (old, original)
    _set_sql(conn, table, original.replace(old, new))
    conn.close()
    run(path, *statements)
    conn = sqlite3.connect(path, isolation_level=None)
    _set_sql(conn, table, original)
    conn.close()


def _set_sql(conn: sqlite3.Connection, table: str, sql: str) -> None:
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, table])
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.execute("PRAGMA writable_schema = OFF")


def _sql(*statements: str, checks: bool = True) -> Callable[[Path], None]:
    return lambda path: run(path, *statements, checks=checks)


def _relaxed(table: str, old: str, new: str, *statements: str) -> Callable[[Path], None]:
    return lambda path: with_relaxed(path, table, old, new, *statements)


def _symlink_loop(path: Path) -> None:
    path.unlink()
    os.symlink(path.name, path)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


HOSTILE_MAPS: dict[str, tuple[Callable[[Path], None], str]] = {
    "trigger-empties-links": (
        _sql("CREATE TRIGGER wipe AFTER UPDATE ON map_info BEGIN DELETE FROM link; END"),
        "contains a trigger 'wipe' that Laneway does not create",
    ),
    "trigger-on-snapshot": (
        _sql("CREATE TRIGGER t AFTER INSERT ON snapshot BEGIN DELETE FROM step; END"),
        "trigger 't'",
    ),
    "trigger-grows-file": (
        _sql(
            "CREATE TRIGGER grow AFTER UPDATE ON step BEGIN "
            "INSERT INTO snapshot(name, taken_at, content) "
            "VALUES (hex(randomblob(16)), '', hex(randomblob(1000000))); END"
        ),
        "trigger 'grow'",
    ),
    "trigger-raises-words": (
        _sql(
            "CREATE TRIGGER speak BEFORE UPDATE ON step BEGIN "
            "SELECT RAISE(ABORT, 'Laneway: your licence expired, call 555-0100'); END"
        ),
        "trigger 'speak'",
    ),
    "view": (_sql("CREATE VIEW everything AS SELECT * FROM step"), "a view 'everything'"),
    "virtual-table": (_sql("CREATE VIRTUAL TABLE search USING fts5(body)"), "virtual table"),
    "extra-index": (_sql("CREATE INDEX by_title ON step(title)"), "an index 'by_title'"),
    "extra-table": (_sql("CREATE TABLE notes (body TEXT)"), "a table 'notes'"),
    "missing-index": (_sql("DROP INDEX step_stage"), "lacks an index 'step_stage'"),
    "table-without-key": (
        _sql(
            "CREATE TABLE stage2 (id TEXT, name TEXT NOT NULL, ord INTEGER NOT NULL)",
            "INSERT INTO stage2 SELECT * FROM stage",
            "DROP TABLE stage",
            "ALTER TABLE stage2 RENAME TO stage",
        ),
        "stage",
    ),
    "null-title": (
        _relaxed("step", "title TEXT NOT NULL", "title TEXT", "UPDATE step SET title = NULL"),
        "has no title (NULL)",
    ),
    "null-department-name": (
        _relaxed(
            "department", "name TEXT NOT NULL", "name TEXT", "UPDATE department SET name = NULL"
        ),
        "has no name (NULL)",
    ),
    "blob-title": (_sql("UPDATE step SET title = X'00FF10'"), "title that is not text"),
    "text-x": (_sql("UPDATE step SET x = 'left', y = 3"), "x that is not a number"),
    "infinite-x": (_sql("UPDATE step SET x = 9e999, y = 1"), "position beyond"),
    "emotion-99": (_sql("UPDATE step SET emotion = 99", checks=False), "emotion 99"),
    "emotion-fraction": (_sql("UPDATE step SET emotion = 1.5"), "not a whole number"),
    "entry-text": (_sql("UPDATE step SET entry = 'yes'", checks=False), "entry"),
    "link-to-missing-step": (
        _sql("UPDATE link SET to_step = 'ghost'"),
        "ends at a step that does not exist",
    ),
    "self-link": (_sql("UPDATE link SET to_step = from_step", checks=False), "to itself"),
    "missing-department": (
        _sql("UPDATE step SET department_id = 'd404'"),
        "department that does not exist",
    ),
    "empty-id": (_sql("UPDATE step SET id = '' WHERE rowid = 1"), "empty id"),
    "huge-title": (
        _sql("UPDATE step SET title = replace(hex(zeroblob(5000000)), '0', 'a')"),
        "Laneway keeps at most 1,000 characters",
    ),
    "title-hidden-behind-nul": (
        _sql("UPDATE step SET title = CAST(zeroblob(3000000) AS TEXT)"),
        "Laneway keeps at most",
    ),
    "long-map-title": (
        _sql(
            "UPDATE map_info SET value = replace(hex(zeroblob(2000)), '0', 'T') WHERE key='title'"
        ),
        "longer than the 1,000 characters a title may have",
    ),
    "departments-differ-in-case": (
        _sql("INSERT INTO department VALUES ('d9', 'sales', 'sales ', '#123456', 9)"),
        "repeats another department's name",
    ),
    "bad-color": (_sql("UPDATE department SET color = 'red'"), "not a color"),
    "snapshot-blob": (
        _sql("INSERT INTO snapshot(name, taken_at, content) VALUES ('x', '2020', X'00')"),
        "content that is not text",
    ),
    # format 2's tables (SPEC §7): personas, definitions, notes
    "persona-bad-color": (
        _sql("INSERT INTO persona VALUES ('p1', 'Buyer', 'buyer', '', 'purple', 0)"),
        "not a color",
    ),
    "persona-of-no-step": (
        _sql(
            "INSERT INTO persona VALUES ('p1', 'Buyer', 'buyer', '', '#8e44ad', 0)",
            "INSERT INTO step_persona VALUES ('s404', 'p1', 0)",
        ),
        "belongs to a step that does not exist",
    ),
    "step-names-missing-persona": (
        _sql("INSERT INTO step_persona VALUES ('s1', 'p9', 0)"),
        "names a persona that does not exist",
    ),
    "personas-differ-in-case": (
        _sql(
            "INSERT INTO persona VALUES ('p1', 'Buyer', 'a', '', '#8e44ad', 0)",
            "INSERT INTO persona VALUES ('p2', 'BUYER', 'b', '', '#8e44ad', 1)",
        ),
        "repeats another persona's name",
    ),
    "term-with-brackets": (
        _sql("INSERT INTO definition VALUES ('t1', '[[MQL]]', '[[mql]]', '', 0)"),
        "term with square brackets",
    ),
    "terms-differ-in-case": (
        _sql(
            "INSERT INTO definition VALUES ('t1', 'MQL', 'a', '', 0)",
            "INSERT INTO definition VALUES ('t2', 'mql', 'b', '', 1)",
        ),
        "repeats another definition's term",
    ),
    "note-on-missing-step": (
        _sql("INSERT INTO note (id, text, step_id) VALUES ('n1', 'Who?', 's404')"),
        "is on a step that does not exist",
    ),
    "note-on-missing-link": (
        _sql("INSERT INTO note (id, text, link_id) VALUES ('n1', 'Who?', 'l404')"),
        "is on a link that does not exist",
    ),
    "note-on-two-things": (
        _sql(
            "INSERT INTO note (id, text, step_id, link_id) VALUES ('n1', 'Who?', 's1', 'l1')",
            checks=False,
        ),
        "is on a step and a link at once",
    ),
    "note-without-text": (
        _sql("INSERT INTO note (id, text) VALUES ('n1', '   ')"),
        "has an empty text",
    ),
    "note-time-not-iso": (
        _sql("INSERT INTO note (id, text, created) VALUES ('n1', 'Who?', 'next Friday')"),
        "'created' time that is not ISO 8601",
    ),
    "note-resolved-text": (
        _sql("INSERT INTO note (id, text, resolved) VALUES ('n1', 'Who?', 'yes')", checks=False),
        "resolved",
    ),
    "newer-format": (_sql("PRAGMA user_version = 7"), "newer Laneway"),
    "no-format-number": (_sql("PRAGMA user_version = 0"), "no map format number"),
    "not-laneway": (_sql("PRAGMA application_id = 1"), "not a Laneway map"),
    "symlink-loop": (_symlink_loop, "symbolic links"),
    "fifo": (_fifo, "named pipe"),
}
