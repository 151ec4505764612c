"""Open only what Laneway wrote: the file's schema must be exactly Laneway's own.

The reference is built by running the format's schema script in an in-memory database,
so every future format checks itself. Anything the file holds beyond it — a trigger, a
view, a virtual table, an extra index or table — and anything it lacks or defines
differently is refused before a single statement touches the map's rows, so no SQL
stored in a file ever runs on the user's edits.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from laneway.i18n import _
from laneway.store.errors import StoreForeignError
from laneway.store.failures import read_failure
from laneway.store.schema import SCHEMAS

SALVAGE_HINT = "laneway import can rebuild a clean map from what it holds"

#: (type, name) → (table name, normalised SQL) for every schema object.
Objects = dict[tuple[str, str], tuple[str, str]]


@functools.cache
def reference_objects(version: int) -> Objects:
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMAS[version])
        return _objects(conn)
    finally:
        conn.close()


def _objects(conn: sqlite3.Connection) -> Objects:
    return {
        (kind, name): (table, " ".join((sql or "").split()))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
    }


def foreign(path: Path, what: str) -> StoreForeignError:
    return StoreForeignError(
        path,
        _("{what}, so Laneway did not open it ({SALVAGE_HINT})").format(
            what=what, SALVAGE_HINT=SALVAGE_HINT
        ),
    )


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse (StoreForeignError) a file whose schema is not exactly format ``version``'s."""
    try:
        actual = _objects(conn)
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None
    expected = reference_objects(version)
    for key in sorted(actual.keys() - expected.keys(), key=_trigger_first):
        raise foreign(
            path,
            _("contains {describe} that Laneway does not create").format(
                describe=_describe(key, actual[key][1])
            ),
        )
    for key in sorted(expected.keys() - actual.keys()):
        raise foreign(
            path,
            _("lacks {describe} that every Laneway map has").format(describe=_describe(key, "")),
        )
    for key in sorted(expected):
        if actual[key] != expected[key]:
            raise foreign(path, _difference(conn, key, expected))


def check_no_code(conn: sqlite3.Connection, path: Path) -> None:
    """Before an older format is upgraded: no trigger, view or virtual table may run."""
    try:
        actual = _objects(conn)
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None
    for key, (_table, sql) in sorted(actual.items(), key=lambda item: _trigger_first(item[0])):
        if key[0] in ("trigger", "view") or sql.upper().startswith("CREATE VIRTUAL"):
            raise foreign(
                path,
                _("contains {describe} that Laneway does not create").format(
                    describe=_describe(key, sql)
                ),
            )


def _trigger_first(key: tuple[str, str]) -> tuple[int, str, str]:
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}
    return (order.get(key[0], 4), key[0], key[1])


def _describe(key: tuple[str, str], sql: str) -> str:
    kind, name = key
    if kind == "table" and sql.upper().startswith("CREATE VIRTUAL"):
        return _("a virtual table {quoted}").format(quoted=_quoted(name))
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{article} {kind} {_quoted(name)}"


def _quoted(name: str) -> str:
    """A name from the file, shortened and quoted so it cannot pass for Laneway's words."""
    clean = "".join(c if c.isprintable() else "?" for c in name)
    return repr(clean if len(clean) <= 60 else clean[:57] + "...")


def _difference(conn: sqlite3.Connection, key: tuple[str, str], expected: Objects) -> str:
    kind, name = key
    if kind != "table":
        return _("defines the {kind} {quoted} differently from Laneway").format(
            kind=kind, quoted=_quoted(name)
        )
    reference = _columns_of_reference(name, expected)
    try:
        columns = {row[1]: row[2:] for row in conn.execute(f"PRAGMA table_xinfo({name})")}
    except sqlite3.DatabaseError:
        columns = {}
    for column in reference:
        if column not in columns:
            return _("has a {name} table without its {column!r} column").format(
                name=name, column=column
            )
    for column in columns:
        if column not in reference:
            return _("has a {name} table with a column {quoted} that Laneway does not make").format(
                name=name, quoted=_quoted(column)
            )
    for column, details in reference.items():
        if columns[column] != details:
            return _(
                "has a {name} table whose {column!r} column is not defined as Laneway's"
            ).format(name=name, column=column)
    return _("has a {name} table whose keys or checks are not Laneway's").format(name=name)


def _columns_of_reference(table: str, expected: Objects) -> dict[str, tuple]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(expected[("table", table)][1])
        return {row[1]: row[2:] for row in conn.execute(f"PRAGMA table_xinfo({table})")}
    finally:
        conn.close()
