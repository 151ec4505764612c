"""The .laneway file format: one SQLite database, its schema and its markers."""

from __future__ import annotations

#: ``PRAGMA application_id``: the bytes "LNWY", marking the file as a Laneway map.
APPLICATION_ID = 0x4C4E5759
#: ``PRAGMA user_version``: the newest format this code writes and reads.
#: Format 2 adds the journey content of SPEC §7 (personas, definitions, notes);
#: format 3 the live-session state (SPEC §8): the shared document's update log and peers.
FORMAT_VERSION = 3

SQLITE_HEADER = b"SQLite format 3\x00"

TABLES = (
    "map_info",
    "department",
    "stage",
    "step",
    "link",
    "snapshot",
    "persona",
    "step_persona",
    "definition",
    "note",
    "sync_update",
    "sync_peer",
)

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

#: Format 2's new objects, one statement each: the migration from format 1 runs them in
#: its transaction (``executescript`` would commit first). Their foreign keys are
#: checked at commit (deferred), so the order of a change set's rows never matters.
#: A step's personas are rows of ``step_persona`` (``ord``: the order the step names
#: them in); a note is on a step, a link or (neither) the map.
SCHEMA_V2_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE persona (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL,
    ord INTEGER NOT NULL
)""",
    """CREATE TABLE step_persona (
    step_id TEXT NOT NULL REFERENCES step(id) DEFERRABLE INITIALLY DEFERRED,
    persona_id TEXT NOT NULL REFERENCES persona(id) DEFERRABLE INITIALLY DEFERRED,
    ord INTEGER NOT NULL,
    UNIQUE (step_id, persona_id)
)""",
    "CREATE INDEX step_persona_persona ON step_persona(persona_id)",
    """CREATE TABLE definition (
    id TEXT PRIMARY KEY,
    term TEXT NOT NULL,
    term_key TEXT NOT NULL UNIQUE,
    meaning TEXT NOT NULL DEFAULT '',
    ord INTEGER NOT NULL
)""",
    """CREATE TABLE note (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '',
    step_id TEXT REFERENCES step(id) DEFERRABLE INITIALLY DEFERRED,
    link_id TEXT REFERENCES link(id) DEFERRABLE INITIALLY DEFERRED,
    resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    CHECK (step_id IS NULL OR link_id IS NULL)
)""",
    "CREATE INDEX note_step ON note(step_id)",
    "CREATE INDEX note_link ON note(link_id)",
)
SCHEMA_V2 = SCHEMA_V1 + "".join(f"{statement};\n" for statement in SCHEMA_V2_STATEMENTS)
#: Format 3's new tables: the live session's state inside the map (COLLAB.md
#: "Persistence"; no side files). ``sync_update``: the shared document's pycrdt updates
#: in the order they happened (compacted into one row from time to time); ``sync_peer``:
#: the people this map was in a session with, by site tag.
SCHEMA_V3_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE sync_update (
    seq INTEGER PRIMARY KEY,
    data BLOB NOT NULL
)""",
    """CREATE TABLE sync_peer (
    site_tag TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    colour TEXT NOT NULL,
    last_seen TEXT NOT NULL
)""",
)
SCHEMA_V3 = SCHEMA_V2 + "".join(f"{statement};\n" for statement in SCHEMA_V3_STATEMENTS)
#: The schema a new map is made with.
SCHEMA_CURRENT = SCHEMA_V3

#: The schema script of every format this code reads; a file of format ``v`` must hold
#: exactly the objects ``SCHEMAS[v]`` creates (``validation.check_schema``).
SCHEMAS = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}
#: The tables of each format (a format-1 file read without upgrading has only these).
TABLES_OF = {1: TABLES[:6], 2: TABLES[:10], 3: TABLES}

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
