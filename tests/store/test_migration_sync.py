"""Format 2 → 3: the live-session tables are added (after a backup), nothing else
changes; read-only commands read a format-2 map as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from laneway.io.templates import load_template
from laneway.store import FORMAT_VERSION, MapStore, create_map, migrations
from laneway.store.sync_log import read_peers, read_updates
from laneway.store.validation import check_current
from tests.store.test_migration import _as_format_2, _version


def test_a_format_2_map_is_upgraded_to_hold_the_session_state(tmp_path: Path):
    journey = load_template("b2b")
    path = _as_format_2(create_map(tmp_path / "b2b.laneway", journey))
    before = path.read_bytes()
    store = MapStore.open(path)
    try:
        assert store.load().same_content(journey)
        check_current(store.db.conn, path)
        assert read_updates(store.db) == [] and read_peers(store.db) == []
    finally:
        store.close()
    assert _version(path) == FORMAT_VERSION == 3
    backup = migrations.backup_path(path, 2)
    assert backup.read_bytes() == before


def test_a_format_2_file_with_a_sync_table_of_its_own_is_refused(tmp_path: Path):
    path = _as_format_2(create_map(tmp_path / "m.laneway", load_template("b2b")))
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sync_update (seq INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    try:
        MapStore.open(path).close()
    except Exception as error:  # StoreError: a table Laneway does not create
        assert "sync_update" in str(error)
    else:
        raise AssertionError("a format-2 file with a sync table was opened")
    assert path.read_bytes() == before and _version(path) == 2
