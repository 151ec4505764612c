"""The .laneway file format: one SQLite database, its schema and its markers."""

from __future__ import annotations

#: ``PRAGMA application_id``: the bytes "LNWY", marking the file as a Laneway map.
APPLICATION_ID = 0x4C4E5759
#: ``PRAGMA user_version``: the newest format this code writes and reads.
FORMAT_VERSION = 1

SQLITE_HEADER = b"SQLite format 3\x00"

TABLES = ("map_info", "department", "stage", "step", "link", "snapshot")

SCHEMA_V1 = """
CREATE TABLE map_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE department (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    color TEXT NOT NULL,
    ord INTEGER NOT NULL
);
CREATE TABLE stage (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    ord INTEGER NOT NULL
);
CREATE TABLE step (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    department_id TEXT REFERENCES department(id),
    stage_id TEXT REFERENCES stage(id),
    channel TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    customer_action TEXT NOT NULL DEFAULT '',
    emotion INTEGER CHECK (emotion IS NULL OR emotion BETWEEN -2 AND 2),
    pain_points TEXT NOT NULL DEFAULT '',
    kpi TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    entry INTEGER NOT NULL DEFAULT 0 CHECK (entry IN (0, 1)),
    terminal INTEGER NOT NULL DEFAULT 0 CHECK (terminal IN (0, 1)),
    x REAL,
    y REAL
);
CREATE INDEX step_department ON step(department_id);
CREATE INDEX step_stage ON step(stage_id);
CREATE TABLE link (
    id TEXT PRIMARY KEY,
    from_step TEXT NOT NULL REFERENCES step(id),
    to_step TEXT NOT NULL REFERENCES step(id),
    label TEXT NOT NULL DEFAULT '',
    agreement TEXT NOT NULL DEFAULT '',
    sla TEXT NOT NULL DEFAULT '',
    UNIQUE (from_step, to_step),
    CHECK (from_step <> to_step)
);
CREATE INDEX link_to_step ON link(to_step);
CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    taken_at TEXT NOT NULL,
    content TEXT NOT NULL
);
"""

#: The schema script of every format this code reads; a file of format ``v`` must hold
#: exactly the objects ``SCHEMAS[v]`` creates (``validation.check_schema``).
SCHEMAS = {1: SCHEMA_V1}

#: The ``map_info`` key of the map's identity: a random id written when the file is made,
#: so that a journal or a file that takes another's place can be told apart.
MAP_ID_KEY = "map_id"
#: ``map_info`` key of the file's site tag (model/ids.py): ids made here end with it.
SITE_TAG_KEY = "site_tag"

#: Connection settings for every open map (ARCHITECTURE.md "The file").
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA trusted_schema = OFF",
)
WRITER_PRAGMAS = (
    "PRAGMA journal_mode = DELETE",
    "PRAGMA synchronous = FULL",
)
