"""Rebuild a clean map from a foreign or damaged .laneway file: keep the rows that pass.

``laneway import foreign.laneway -o clean.laneway``. Only real tables with Laneway's
names are read, only their ordinary columns, each value typed and sized in SQL before
Python sees it; nothing the file defines runs (triggers do not fire on reads, views and
virtual tables are never queried). Every record goes through the model's mutation API,
so the result keeps every invariant; what did not pass is said, counted by reason.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from laneway.i18n import _
from laneway.model import JourneyMap, MapInfo, ModelError, map_from_dict
from laneway.model.entities import EMOTION_MAX, EMOTION_MIN
from laneway.model.limits import (
    COUNT_LIMITS,
    MAX_COORDINATE,
    MAX_ID,
    MAX_NAME,
    MAX_SNAPSHOT,
    MAX_SNAPSHOTS,
    MAX_TEXT,
)
from laneway.store.errors import StoreError
from laneway.store.files import create_map
from laneway.store.opening import connect
from laneway.store.salvage_content import CONTENT_RULES, ContentSalvage
from laneway.store.salvage_content import usable_id as _id
from laneway.store.salvage_content import usable_text as _text
from laneway.store.schema import FORMAT_VERSION, TABLES
from laneway.store.schema_check import reference_objects

_LIMIT = {
    "id": MAX_ID, "name": MAX_NAME, "title": MAX_NAME, "channel": MAX_NAME, "kpi": MAX_NAME,
    "responsible": MAX_NAME, "label": MAX_NAME, "sla": MAX_NAME, "color": 7, "taken_at": MAX_ID,
    "key": MAX_ID, "department_id": MAX_ID, "stage_id": MAX_ID, "from_step": MAX_ID,
    "to_step": MAX_ID, "content": MAX_SNAPSHOT, "term": MAX_NAME, "author": MAX_NAME,
    "created": MAX_ID, "step_id": MAX_ID, "link_id": MAX_ID, "persona_id": MAX_ID,
}  # fmt: skip


_RULE = {
    "department": "departments whose name (ignoring case) or id was used twice",
    "stage": "stages whose name or id was used twice",
    "step": "steps whose id was used twice",
    "link": "links repeating another link or linking a step to itself",
    **CONTENT_RULES,
}
_STEP_TEXT = {"channel": MAX_NAME, "description": MAX_TEXT, "customer_action": MAX_TEXT,
              "pain_points": MAX_TEXT, "kpi": MAX_NAME, "responsible": MAX_NAME}  # fmt: skip


@dataclass
class Salvaged:
    journey: JourneyMap
    snapshots: list[tuple[str, str, str]] = field(default_factory=list)
    #: What was left out or cleared, one sentence fragment per reason with its count.
    dropped: list[str] = field(default_factory=list)


class _Notes(Counter):
    def sentences(self) -> list[str]:
        return [f"{count} × {what}" for what, count in sorted(self.items())]


def salvage_map(source: Path, target: Path, *, overwrite: bool = False) -> Salvaged:
    """Read what passes in ``source`` and write it as the new map ``target``."""
    if target.exists() and target.resolve() == source.resolve():
        raise StoreError(target, _("is the file being rebuilt; choose another name for the output"))
    result = read_salvage(source)
    create_map(target, result.journey, overwrite=overwrite, snapshots=result.snapshots)
    return result


def read_salvage(source: Path) -> Salvaged:
    opened = connect(source, read_only=True)
    notes = _Notes()
    try:
        tables = _readable_tables(opened.conn, source, notes)
        reader = _Reader(opened.conn, tables, notes)
        journey = reader.journey()
        snapshots = reader.snapshots()
    finally:
        opened.close()
    return Salvaged(journey, snapshots, [*opened.notices, *notes.sentences()])


def _readable_tables(conn: sqlite3.Connection, path: Path, notes: _Notes) -> dict[str, set[str]]:
    """Laneway's tables that are real tables, with their ordinary columns; the rest noted."""
    try:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        raise StoreError(
            path, _("cannot be read at all ({value})").format(value=" ".join(str(error).split()))
        ) from None
    ours = reference_objects(FORMAT_VERSION)
    tables: dict[str, set[str]] = {}
    for kind, name, sql in objects:
        virtual = (sql or "").upper().startswith("CREATE VIRTUAL")
        if kind == "table" and name in TABLES and not virtual:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_xinfo({name})") if not row[6]}
            tables[name] = columns
        elif (kind, name) not in ours and not name.startswith("sqlite_autoindex"):
            notes[f"the {'virtual table' if virtual else kind} {_shown(name)} (not Laneway's)"] += 1
    if "step" not in tables:
        raise StoreError(path, _("has no step table, so there is no map in it to rebuild"))
    return tables


def _shown(name: str) -> str:
    clean = "".join(c if c.isprintable() else "?" for c in str(name))
    return repr(clean[:60])


class _Reader(ContentSalvage):
    def __init__(self, conn: sqlite3.Connection, tables: dict[str, set[str]], notes: _Notes):
        self.conn = conn
        self.tables = tables
        self.notes = notes

    def rows(self, table: str, columns: tuple[str, ...]):
        """Each row as {column: value or None}; a value of the wrong kind or size is None
        (and ``_bad`` lists such columns), never loaded whole."""
        present = self.tables.get(table, set())
        if not present:
            return
        parts = []
        for column in columns:
            if column not in present:
                parts.append("NULL, 'missing'")
                continue
            limit = _LIMIT.get(column, MAX_TEXT) * 4
            parts.append(
                f"CASE WHEN typeof({column}) IN ('text', 'integer', 'real') "
                f"AND length(CAST({column} AS BLOB)) <= {limit} THEN {column} END, "
                f"typeof({column})"
            )
        query = f"SELECT {', '.join(parts)} FROM {table} ORDER BY rowid"
        try:
            for values in self.conn.execute(query):
                row = {c: values[2 * i] for i, c in enumerate(columns)}
                row["_types"] = {c: values[2 * i + 1] for i, c in enumerate(columns)}
                yield row
        except sqlite3.DatabaseError:
            self.notes[f"the rest of the {table} table (damaged, unreadable)"] += 1

    # ------------------------------------------------------------------ the map
    def journey(self) -> JourneyMap:
        journey = JourneyMap(self._info())
        self._departments(journey)
        self._stages(journey)
        self._personas(journey)
        self._definitions(journey)
        self._steps(journey)
        self._links(journey)
        self._map_notes(journey)
        return journey

    def _info(self) -> MapInfo:
        info: dict[str, str] = {}
        for row in self.rows("map_info", ("key", "value")):
            if isinstance(row["key"], str) and isinstance(row["value"], str):
                info[row["key"]] = row["value"]
        title = info.get("title", "Untitled journey")
        if len(title) > MAX_NAME:
            self.notes["the map's title (too long; the map is called 'Untitled journey')"] += 1
            title = "Untitled journey"
        description = info.get("description", "")
        if len(description) > MAX_TEXT:
            self.notes["the map's description (too long)"] += 1
            description = ""
        return MapInfo(
            title=title, description=description, created=info.get("created", "")[:MAX_ID]
        )

    def _add(self, table: str, count: int, add, *args, **kwargs) -> bool:
        """``add(*args, **kwargs)`` unless the table is full; a refusal is noted."""
        if count >= COUNT_LIMITS[table]:
            self.notes[f"{table}s beyond the {COUNT_LIMITS[table]:,} a map holds"] += 1
            return False
        try:
            add(*args, **kwargs)
        except (ModelError, TypeError, ValueError):
            self.notes[_RULE[table]] += 1
            return False
        return True

    def _departments(self, journey: JourneyMap) -> None:
        for row in self.rows("department", ("id", "name", "color", "ord")):
            record_id, name = _id(row["id"]), _text(row["name"], MAX_NAME)
            if record_id is None or not name:
                self.notes["departments without a usable id or name"] += 1
                continue
            color = row["color"] if isinstance(row["color"], str) else None
            order = row["ord"] if isinstance(row["ord"], int) else None
            self._add(
                "department", len(journey.departments),
                self._add_department, journey, name, color, record_id, order,
            )  # fmt: skip

    def _add_department(self, journey: JourneyMap, name: str, color, record_id: str, order):
        try:
            journey.add_department(name, color, department_id=record_id, order=order)
        except ModelError:
            if color is None or journey.department_by_name(name) is not None:
                raise
            journey.add_department(name, None, department_id=record_id, order=order)
            self.notes["department colors that were not colors (a new one was given)"] += 1

    def _stages(self, journey: JourneyMap) -> None:
        for row in self.rows("stage", ("id", "name", "ord")):
            record_id, name = _id(row["id"]), _text(row["name"], MAX_NAME)
            if record_id is None or not name:
                self.notes["stages without a usable id or name"] += 1
                continue
            order = row["ord"] if isinstance(row["ord"], int) else None
            self._add(
                "stage", len(journey.stages),
                journey.add_stage, name, stage_id=record_id, order=order,
            )  # fmt: skip

    def _steps(self, journey: JourneyMap) -> None:
        columns = ("id", "title", "department_id", "stage_id", *_STEP_TEXT,
                   "emotion", "entry", "terminal", "x", "y")  # fmt: skip
        named = self._step_personas(journey)
        for row in self.rows("step", columns):
            record_id, title = _id(row["id"]), _text(row["title"], MAX_NAME, empty=True)
            if record_id is None or title is None:
                self.notes["steps without a usable id or title"] += 1
                continue
            values = self._step_values(journey, row)
            values["personas"] = named.get(record_id, ())
            self._add(
                "step", len(journey.steps), journey.add_step, title, step_id=record_id, **values
            )

    def _step_values(self, journey: JourneyMap, row: dict) -> dict:
        values: dict[str, object] = {}
        for key, records in (("department_id", journey.departments), ("stage_id", journey.stages)):
            reference = row[key]
            if reference is not None and reference not in records:
                self.notes[f"{key.removesuffix('_id')}s of steps that do not exist (cleared)"] += 1
                reference = None
            values[key] = reference
        for key, limit in _STEP_TEXT.items():
            text = _text(row[key], limit, empty=True)
            if text is None and row["_types"][key] not in ("null", "missing"):
                self.notes[f"step {key.replace('_', ' ')}s that were not text or too long"] += 1
            values[key] = text or ""
        emotion = row["emotion"]
        if emotion is not None and not (
            isinstance(emotion, int) and EMOTION_MIN <= emotion <= EMOTION_MAX
        ):
            self.notes["emotions outside -2…2 (cleared)"] += 1
            emotion = None
        values["emotion"] = emotion
        for flag in ("entry", "terminal"):
            values[flag] = row[flag] == 1
        x, y = row["x"], row["y"]
        if not (_coordinate(x) and _coordinate(y)):
            if x is not None or y is not None:
                self.notes[
                    "positions that were not numbers in range (the step is placed anew)"
                ] += 1
            x = y = None
        values["x"], values["y"] = x, y
        return values

    def _links(self, journey: JourneyMap) -> None:
        columns = ("id", "from_step", "to_step", "label", "agreement", "sla")
        for row in self.rows("link", columns):
            record_id = _id(row["id"])
            source, target = row["from_step"], row["to_step"]
            if record_id is None or source not in journey.steps or target not in journey.steps:
                self.notes["links to a step that is not in the rebuilt map"] += 1
                continue
            texts = {
                key: _text(row[key], MAX_TEXT if key == "agreement" else MAX_NAME, empty=True) or ""
                for key in ("label", "agreement", "sla")
            }
            self._add(
                "link",
                len(journey.links),
                journey.add_link,
                source,
                target,
                link_id=record_id,
                **texts,
            )

    # ------------------------------------------------------------- snapshots
    def snapshots(self) -> list[tuple[str, str, str]]:
        kept: list[tuple[str, str, str]] = []
        names: set[str] = set()
        for row in self.rows("snapshot", ("name", "taken_at", "content")):
            name = _text(row["name"], MAX_NAME)
            content = row["content"] if isinstance(row["content"], str) else None
            if not name or name in names or content is None or not _valid_snapshot(content):
                self.notes["snapshots that were damaged, repeated or unnamed"] += 1
                continue
            if len(kept) >= MAX_SNAPSHOTS:
                self.notes[f"snapshots beyond the {MAX_SNAPSHOTS:,} a map keeps"] += 1
                continue
            names.add(name)
            kept.append((name, _text(row["taken_at"], MAX_ID, empty=True) or "", content))
        return kept


def _coordinate(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and -MAX_COORDINATE <= value <= MAX_COORDINATE
    )


def _valid_snapshot(content: str) -> bool:
    try:
        map_from_dict(json.loads(content, parse_constant=_refuse))
    except (ValueError, RecursionError, ModelError, TypeError):
        return False
    return True


def _refuse(word: str) -> object:
    raise ValueError(word)
