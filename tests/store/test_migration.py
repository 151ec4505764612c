"""Format 1 → 2: a map written by the format-1 code opens, upgraded after a backup, with
everything in it; read-only commands read format 1 as it is and format 2 too."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlite_utils import Database

from laneway.cli import main
from laneway.document import Document
from laneway.io.templates import load_template
from laneway.model import JourneyMap, map_from_dict, map_to_dict
from laneway.store import FORMAT_VERSION, MapStore, StoreError, create_map, migrations
from laneway.store import rows as store_rows
from laneway.store.schema import APPLICATION_ID, SCHEMA_V1, WRITER_PRAGMAS
from laneway.store.validation import check_current
from tests.conftest import reopen

#: The row shapes format 1 wrote (its tables, as ``rows`` still writes them).
_V1_TABLES = ("department", "stage", "step", "link")


def write_format_1(path: Path, journey: JourneyMap, snapshot: dict | None = None) -> None:
    """A map file exactly as the format-1 code made one (``files.write_new_database`` of
    that version): its schema script, markers, info rows, records and a snapshot."""
    conn = sqlite3.connect(path)
    try:
        for pragma in WRITER_PRAGMAS:
            conn.execute(pragma)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        conn.executescript(SCHEMA_V1)
        db = Database(conn, execute_plugins=False)
        with db.atomic():
            db["map_info"].insert_all(
                [
                    {"key": "title", "value": journey.info.title},
                    {"key": "description", "value": journey.info.description},
                    {"key": "created", "value": "2025-03-01T09:00:00+00:00"},
                    {"key": "modified", "value": "2025-03-01T09:00:00+00:00"},
                    {"key": "map_id", "value": uuid.uuid4().hex},
                ]
            )
            for table in _V1_TABLES:
                records = store_rows.ROW_OF[table]
                rows = [records(r) for r in getattr(journey, f"{table}s").values()]
                db[table].insert_all(rows)
            if snapshot is not None:
                db["snapshot"].insert(
                    {"name": "Workshop 1", "taken_at": "2025-03-01T10:00:00+00:00",
                     "content": json.dumps(snapshot)}
                )  # fmt: skip
    finally:
        conn.close()


def _format_1_map() -> JourneyMap:
    """The b2b template as format 1 could hold it: no personas, definitions, notes."""
    data = map_to_dict(load_template("b2b"))
    for key in ("personas", "definitions", "notes"):
        data.pop(key)
    for step in data["steps"]:
        step.pop("personas", None)
    return map_from_dict(data)


@pytest.fixture
def format_1_file(tmp_path) -> tuple[Path, JourneyMap]:
    journey = _format_1_map()
    path = tmp_path / "workshop.laneway"
    write_format_1(path, journey, snapshot=map_to_dict(journey))
    return path, journey


def _run(capsys, *args: object) -> tuple[int, str]:
    """The command line in-process: (exit status, what it printed)."""
    code = main([str(a) for a in args])
    return code, capsys.readouterr().out


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_format_1_map_is_upgraded_after_a_backup_and_keeps_everything(format_1_file):
    path, original = format_1_file
    before = path.read_bytes()
    store = MapStore.open(path)
    try:
        journey = store.load()
        assert journey.same_content(original)
        assert [s.name for s in store.snapshots()] == ["Workshop 1"]
        assert store.snapshot_content("Workshop 1")["steps"] == map_to_dict(original)["steps"]
        check_current(store.db.conn, path)  # exactly the current schema, every row valid
    finally:
        store.close()
    assert _version(path) == FORMAT_VERSION == 3  # 1 → 2 → 3 in one transaction
    backup = migrations.backup_path(path, 1)
    assert backup.name == "workshop.laneway.format1.bak" and backup.read_bytes() == before
    assert all(not step.personas for step in reopen(path).steps.values())


def test_the_upgraded_map_takes_personas_definitions_and_notes(format_1_file):
    path, _original = format_1_file
    document = Document.open(path)
    try:
        with document.edit("Add the journey content"):
            journey = document.journey
            buyer = journey.add_persona("Economic buyer").id
            journey.update_step("s7", personas=[buyer])
            journey.add_definition("MQL", "Score >= 50")
            journey.add_note("Who calls back?", step_id="s5", author="Ana")
    finally:
        document.close()
    again = reopen(path)
    assert [p.name for p in again.personas.values()] == ["Economic buyer"]
    assert again.steps["s7"].personas == (buyer,)
    assert again.definition_by_term("mql").meaning == "Score >= 50"
    [note] = again.notes.values()
    assert (note.text, note.author, note.step_id) == ("Who calls back?", "Ana", "s5")


def test_read_only_commands_read_format_1_as_it_is_and_leave_it(format_1_file, capsys):
    path, original = format_1_file
    before = path.read_bytes()
    store = MapStore.open(path, read_only=True)
    try:
        assert store.load().same_content(original)
    finally:
        store.close()
    code, out = _run(capsys, "analyze", path, "--json")
    assert code == 1 and json.loads(out)["summary"]["steps"] == len(original.steps)
    code, out = _run(capsys, "diff", path, "Workshop 1")
    assert code == 0 and "Nothing changed." in out
    assert path.read_bytes() == before and _version(path) == 1
    assert not migrations.backup_path(path, 1).exists()


def _as_format_2(path: Path) -> Path:
    """A current map turned into exactly what the format-2 code wrote (no session tables)."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE sync_update")
    conn.execute("DROP TABLE sync_peer")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    return path


def test_a_format_2_map_opens_in_read_only_commands(tmp_path, capsys):
    path = _as_format_2(create_map(tmp_path / "b2b.laneway", load_template("b2b")))
    assert _version(path) == 2
    before = path.read_bytes()
    data = json.loads(_run(capsys, "analyze", path, "--json")[1])
    rules = {f["rule"] for f in data["findings"]}
    assert {"undefined-term", "one-way-handoff", "agreement-without-sla", "open-note"} <= rules
    exported = tmp_path / "b2b.json"
    assert _run(capsys, "export", path, "-o", exported)[0] == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["definitions"]
    assert path.read_bytes() == before


def test_a_format_1_file_with_format_2_tables_is_refused_not_upgraded(format_1_file):
    path, _ = format_1_file
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE persona (id TEXT PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="contains a table 'persona' that Laneway does not"):
        MapStore.open(path)
    assert path.read_bytes() == before and _version(path) == 1
