"""Every row of a map, checked in SQL before Python reads it (README "Limits").

Types, NULLs, ranges, finite numbers, references and sizes: a 100 MB title is found
by its length without being read, a text ``x`` or a BLOB title by its type, a link to a
missing step by a join. The first bad row is named in one sentence. What SQL cannot say
cheaply (names that differ only in case, precise character counts) ``rows`` checks while
building the records.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from laneway.i18n import _
from laneway.model.entities import EMOTION_MAX, EMOTION_MIN
from laneway.model.limits import (
    COUNT_LIMITS,
    MAX_COORDINATE,
    MAX_ID,
    MAX_INFO_ROWS,
    MAX_MAP_TEXT_BYTES,
    MAX_NAME,
    MAX_PERSONAS,
    MAX_SNAPSHOT,
    MAX_SNAPSHOTS,
    MAX_STEPS,
    MAX_TEXT,
    PLURAL,
    field_words,
)
from laneway.store.failures import read_failure
from laneway.store.schema import TABLES_OF
from laneway.store.schema_check import foreign

#: A character takes at most four bytes in UTF-8: the byte guard before Python counts.
_BYTES_PER_CHARACTER = 4
_ORDER_LIMIT = 2**31


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "id", "name", "color", "integer", "emotion", "flag", "number"
    limit: int = 0
    nullable: bool = False

    def bad_sql(self) -> str:
        """An SQL condition true for a value this column must never hold."""
        c = self.name
        if self.kind in ("text", "id", "name", "color"):
            bad = (
                f"typeof({c}) != 'text' OR length(CAST({c} AS BLOB)) > {self.byte_limit} "
                f"OR length({c}) > {self.limit}"
            )
            if self.kind in ("id", "name"):
                bad += f" OR trim({c}) = ''"
            if self.kind == "color":
                bad += f" OR {c} NOT GLOB '#{'[0-9a-fA-F]' * 6}'"
        elif self.kind == "integer":
            bad = f"typeof({c}) != 'integer' OR abs({c}) >= {_ORDER_LIMIT}"
        elif self.kind == "emotion":
            bad = f"typeof({c}) != 'integer' OR {c} NOT BETWEEN {EMOTION_MIN} AND {EMOTION_MAX}"
        elif self.kind == "flag":
            bad = f"typeof({c}) != 'integer' OR {c} NOT IN (0, 1)"
        else:  # number
            bad = f"typeof({c}) NOT IN ('integer', 'real') OR abs({c}) > {MAX_COORDINATE}"
        return f"({c} IS NOT NULL AND ({bad}))" if self.nullable else f"({c} IS NULL OR {bad})"

    @property
    def byte_limit(self) -> int:
        return self.limit * _BYTES_PER_CHARACTER

    def problem(self, kind_of_value: str, size: int, characters: int, value: object) -> str:
        """Why a stored value (its ``typeof``, bytes, characters and, when short, itself)
        is bad."""
        words = field_words(self.name)
        if kind_of_value == "null":
            return _("has no {words} (NULL)").format(words=words)
        if self.kind in ("text", "id", "name", "color"):
            if kind_of_value != "text":
                return _("has a {words} that is not text (a {kind_of_value} value)").format(
                    words=words, kind_of_value=kind_of_value
                )
            if size > self.byte_limit:
                return _(
                    "has a {words} of {size:,} bytes; Laneway keeps at most {limit:,} characters"
                ).format(words=words, size=size, limit=self.limit)
            if characters > self.limit:
                return _(
                    "has a {words} of {characters:,} characters; Laneway keeps at most {limit:,}"
                ).format(words=words, characters=characters, limit=self.limit)
            if self.kind in ("id", "name") and not str(value).strip():
                return _("has an empty {words}").format(words=words)
            return _("has the {words} {value!r}, which is not a color like '#2f80ed'").format(
                words=words, value=str(value)[:20]
            )
        if self.kind == "number":
            if kind_of_value not in ("integer", "real"):
                return _("has a {words} that is not a number (a {kind_of_value} value)").format(
                    words=words, kind_of_value=kind_of_value
                )
            return _("has a position beyond {MAX_COORDINATE:,.0f} pixels").format(
                MAX_COORDINATE=MAX_COORDINATE
            )
        if kind_of_value != "integer":
            return _("has a {words} that is not a whole number (a {kind_of_value} value)").format(
                words=words, kind_of_value=kind_of_value
            )
        if self.kind == "emotion":
            return _("has the emotion {value}, outside {EMOTION_MIN}…{EMOTION_MAX}").format(
                value=value, EMOTION_MIN=EMOTION_MIN, EMOTION_MAX=EMOTION_MAX
            )
        if self.kind == "flag":
            return _("has {words} {value}, which is neither 0 nor 1").format(
                words=words, value=value
            )
        return _("has the {words} {value}, which is out of range").format(words=words, value=value)


def _t(name: str, kind: str = "text", limit: int = MAX_TEXT, nullable: bool = False) -> Column:
    return Column(name, kind, limit, nullable)


TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "map_info": (_t("key", "id", MAX_ID), _t("value")),
    "department": (
        _t("id", "id", MAX_ID),
        _t("name", "name", MAX_NAME),
        _t("name_key", "name", MAX_NAME),
        _t("color", "color", 7),
        _t("ord", "integer"),
    ),
    "stage": (_t("id", "id", MAX_ID), _t("name", "name", MAX_NAME), _t("ord", "integer")),
    "step": (
        _t("id", "id", MAX_ID),
        _t("title", limit=MAX_NAME),
        _t("department_id", "id", MAX_ID, nullable=True),
        _t("stage_id", "id", MAX_ID, nullable=True),
        _t("channel", limit=MAX_NAME),
        _t("description"),
        _t("customer_action"),
        _t("emotion", "emotion", nullable=True),
        _t("pain_points"),
        _t("kpi", limit=MAX_NAME),
        _t("responsible", limit=MAX_NAME),
        _t("entry", "flag"),
        _t("terminal", "flag"),
        _t("x", "number", nullable=True),
        _t("y", "number", nullable=True),
    ),
    "link": (
        _t("id", "id", MAX_ID),
        _t("from_step", "id", MAX_ID),
        _t("to_step", "id", MAX_ID),
        _t("label", limit=MAX_NAME),
        _t("agreement"),
        _t("sla", limit=MAX_NAME),
    ),
    "snapshot": (
        _t("name", "name", MAX_NAME),
        _t("taken_at", "id", MAX_ID),
        _t("content", limit=MAX_SNAPSHOT // _BYTES_PER_CHARACTER),
    ),
    "persona": (
        _t("id", "id", MAX_ID),
        _t("name", "name", MAX_NAME),
        _t("name_key", "name", MAX_NAME),
        _t("description"),
        _t("color", "color", 7),
        _t("ord", "integer"),
    ),
    "step_persona": (
        _t("step_id", "id", MAX_ID),
        _t("persona_id", "id", MAX_ID),
        _t("ord", "integer"),
    ),
    "definition": (
        _t("id", "id", MAX_ID),
        _t("term", "name", MAX_NAME),
        _t("term_key", "name", MAX_NAME),
        _t("meaning"),
        _t("ord", "integer"),
    ),
    "note": (
        _t("id", "id", MAX_ID),
        _t("text", "name", MAX_TEXT),
        _t("author", limit=MAX_NAME),
        _t("created", limit=MAX_ID),
        _t("step_id", "id", MAX_ID, nullable=True),
        _t("link_id", "id", MAX_ID, nullable=True),
        _t("resolved", "flag"),
    ),
}

#: (table, SQL condition of a row whose reference is broken, the problem).
REFERENCES = (
    ("step", "department_id IS NOT NULL AND department_id NOT IN (SELECT id FROM department)",
     "belongs to a department that does not exist"),
    ("step", "stage_id IS NOT NULL AND stage_id NOT IN (SELECT id FROM stage)",
     "is in a stage that does not exist"),
    ("link", "from_step NOT IN (SELECT id FROM step)", "starts at a step that does not exist"),
    ("link", "to_step NOT IN (SELECT id FROM step)", "ends at a step that does not exist"),
    ("link", "from_step = to_step", "links a step to itself"),
    ("map_info", f"key = 'title' AND (length(value) > {MAX_NAME} "
     f"OR length(CAST(value AS BLOB)) > {MAX_NAME * _BYTES_PER_CHARACTER})",
     f"is longer than the {MAX_NAME:,} characters a title may have"),
    ("step_persona", "step_id NOT IN (SELECT id FROM step)",
     "belongs to a step that does not exist"),
    ("step_persona", "persona_id NOT IN (SELECT id FROM persona)",
     "names a persona that does not exist"),
    ("step_persona", "rowid NOT IN (SELECT min(rowid) FROM step_persona GROUP BY step_id, "
     "persona_id)", "names one persona twice"),
    ("note", "step_id IS NOT NULL AND step_id NOT IN (SELECT id FROM step)",
     "is on a step that does not exist"),
    ("note", "link_id IS NOT NULL AND link_id NOT IN (SELECT id FROM link)",
     "is on a link that does not exist"),
    ("note", "step_id IS NOT NULL AND link_id IS NOT NULL", "is on a step and a link at once"),
)  # fmt: skip

_SINGULAR = {
    "map_info": "map information row",
    "snapshot": "snapshot",
    "step_persona": "persona list of step",
}
_COUNT_LIMITS = {
    **COUNT_LIMITS,
    "map_info": MAX_INFO_ROWS,
    "snapshot": MAX_SNAPSHOTS,
    "step_persona": MAX_STEPS * MAX_PERSONAS,
}
#: The tables whose text counts towards a map's total (snapshots aside).
_CONTENT_TABLES = ("map_info", "department", "stage", "step", "link", "persona", "definition",
                   "note")  # fmt: skip


def check_rows(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse (StoreForeignError) the first row a Laneway map of format ``version`` never
    holds."""
    tables = TABLES_OF[version]
    try:
        for table, columns in TABLE_COLUMNS.items():
            if table not in tables:
                continue
            _check_count(conn, path, table)
            where = " OR ".join(column.bad_sql() for column in columns)
            found = conn.execute(f"SELECT rowid FROM {table} WHERE {where} LIMIT 1").fetchone()
            if found:
                raise foreign(path, _row_problem(conn, table, columns, found[0]))
        _check_total_size(conn, path, tables)
        for table, condition, problem in REFERENCES:
            if table not in tables:
                continue
            found = conn.execute(f"SELECT rowid FROM {table} WHERE {condition} LIMIT 1").fetchone()
            if found:
                raise foreign(path, f"{_element(conn, table, found[0])} {problem}")
    except sqlite3.DatabaseError as error:
        raise read_failure(path, error) from None


def _check_count(conn: sqlite3.Connection, path: Path, table: str) -> None:
    count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    limit = _COUNT_LIMITS[table]
    if count > limit:
        plural = _(PLURAL[table]) if table in PLURAL else _SINGULAR.get(table, table) + "s"
        raise foreign(
            path,
            _("holds {count:,} {plural}; Laneway opens maps of up to {limit:,}").format(
                count=count, plural=plural, limit=limit
            ),
        )


def _check_total_size(conn: sqlite3.Connection, path: Path, tables: tuple[str, ...]) -> None:
    total = 0
    for table in (t for t in _CONTENT_TABLES if t in tables):
        texts = [c.name for c in TABLE_COLUMNS[table] if c.kind in ("text", "id", "name")]
        lengths = " + ".join(f"coalesce(length(CAST({c} AS BLOB)), 0)" for c in texts)
        total += conn.execute(f"SELECT coalesce(sum({lengths}), 0) FROM {table}").fetchone()[0]
    if total > MAX_MAP_TEXT_BYTES:
        raise foreign(
            path,
            _("holds {value:,.0f} MB of text; Laneway opens maps of up to {value2} MB").format(
                value=total / 1_048_576, value2=MAX_MAP_TEXT_BYTES // 1_048_576
            ),
        )


def _row_problem(conn, table: str, columns: tuple[Column, ...], rowid: int) -> str:
    element = _element(conn, table, rowid)
    for column in columns:
        c = column.name
        query = f"SELECT {column.bad_sql()} FROM {table} WHERE rowid = ?"
        if not conn.execute(query, [rowid]).fetchone()[0]:
            continue
        kind, size, characters, value = conn.execute(
            f"SELECT typeof({c}), length(CAST({c} AS BLOB)), length({c}), "
            f"CASE WHEN length(CAST({c} AS BLOB)) <= 200 THEN {c} END FROM {table} WHERE rowid = ?",
            [rowid],
        ).fetchone()
        return f"{element} {column.problem(kind, size or 0, characters or 0, value)}"
    return _("{element} holds a value Laneway never writes").format(element=element)


def _element(conn, table: str, rowid: int) -> str:
    """'step 's4'' when the row has a short text id, else 'the step in row 17'."""
    key = {"map_info": "key", "snapshot": "name", "step_persona": "step_id"}.get(table, "id")
    row = conn.execute(
        f"SELECT CASE WHEN typeof({key}) = 'text' AND length(CAST({key} AS BLOB)) <= 80 "
        f"THEN {key} END FROM {table} WHERE rowid = ?",
        [rowid],
    ).fetchone()
    name = _SINGULAR.get(table, table)
    if row and row[0] and str(row[0]).isprintable():
        return f"{name} {row[0]!r}"
    return _("the {name} in row {rowid}").format(name=name, rowid=rowid)
