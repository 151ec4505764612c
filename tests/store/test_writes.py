"""Row-level writes, snapshots, copies and migrations."""

from __future__ import annotations

import sqlite3

import pytest

from laneway.model import JourneyMap
from laneway.store import (
    FORMAT_VERSION,
    MapStore,
    StoreError,
    StoreWriteError,
    create_map,
    migrations,
    save_copy,
)
from tests.conftest import reopen


def _record(journey: JourneyMap, label: str, edit):
    with journey.record(label) as recording:
        edit(journey)
    return recording.changeset


def test_each_change_kind_reaches_the_file(map_file):
    store = MapStore.open(map_file)
    journey = store.load()
    try:
        for label, edit in [
            ("Rename", lambda m: m.update_step("s1", title="Reads the blog", emotion=1)),
            ("Add", lambda m: m.add_step("New", department_id="d2", entry=True, x=10, y=20)),
            ("Link", lambda m: m.add_link("s4", "s1", agreement="Referral")),
            ("Info", lambda m: m.set_info(title="Renamed map", description="Why")),
            ("Merge", lambda m: m.merge_departments("d1", "d2")),
            ("Stage", lambda m: m.remove_stage("g1")),
            ("Delete", lambda m: m.remove_step("s2")),
        ]:
            store.write(_record(journey, label, edit))
            assert reopen(map_file).same_content(journey), label
    finally:
        store.close()


def test_a_write_that_breaks_a_constraint_changes_nothing(map_file):
    store = MapStore.open(map_file)
    journey = store.load()
    try:
        good = _record(journey, "Rename", lambda m: m.update_step("s1", title="Changed"))
        bad_twin = journey.copy()
        duplicate = _record(bad_twin, "Dup", lambda m: m.add_link("s1", "s3"))
        clash = type(duplicate)(
            "Clash",
            (*good.changes, *duplicate.changes, *duplicate.changes),  # the same link twice
        )
        before = map_file.read_bytes()
        with pytest.raises(StoreWriteError, match=r"^journey\.laneway: .*\.$"):
            store.write(clash)
        assert reopen(map_file).steps["s1"].title != "Changed"
        assert reopen(map_file).same_content(store.load())
        assert len(map_file.read_bytes()) == len(before)
    finally:
        store.close()


def test_writing_to_a_read_only_store_is_refused(map_file):
    store = MapStore.open(map_file, read_only=True)
    try:
        with pytest.raises(StoreWriteError, match="read-only"):
            store.write(_record(store.load(), "x", lambda m: m.add_step("A")))
    finally:
        store.close()


def test_modified_stamp_is_written_with_each_change(map_file):
    store = MapStore.open(map_file)
    try:
        stamp = store.write(
            _record(store.load(), "x", lambda m: m.add_step("A")), stamp="2030-01-01T00:00:00"
        )
        assert stamp == "2030-01-01T00:00:00"
        assert reopen(map_file).info.modified == stamp
    finally:
        store.close()


def test_another_connection_writing_is_noticed(map_file):
    store = MapStore.open(map_file)
    other = MapStore.open(map_file)
    try:
        assert not store.changed_by_another_process()
        other.write(_record(other.load(), "x", lambda m: m.add_step("From elsewhere")))
        assert store.changed_by_another_process()
        assert not store.changed_by_another_process()
        store.write(_record(store.load(), "y", lambda m: m.add_step("Mine")))
        assert not store.changed_by_another_process(), "own writes are not 'another process'"
    finally:
        store.close()
        other.close()


def test_snapshots_freeze_the_map(map_file):
    store = MapStore.open(map_file)
    try:
        journey = store.load()
        store.take_snapshot("Workshop 1", journey)
        store.write(_record(journey, "x", lambda m: m.update_step("s1", title="Later")))
        content = store.snapshot_content("Workshop 1")
        assert content["steps"][0]["title"] == "Reads blog"
        assert [s.name for s in store.snapshots()] == ["Workshop 1"]
        with pytest.raises(StoreError, match="already has a snapshot"):
            store.take_snapshot("Workshop 1", journey)
        with pytest.raises(StoreError, match="no snapshot called 'Nope'"):
            store.snapshot_content("Nope")
    finally:
        store.close()


def test_save_copy_is_a_complete_independent_map(map_file, tmp_path):
    store = MapStore.open(map_file)
    try:
        store.take_snapshot("Before", store.load())
        copy = save_copy(store, tmp_path / "copy.laneway")
        with pytest.raises(StoreError, match="open map itself"):
            save_copy(store, map_file)
    finally:
        store.close()
    assert reopen(copy).same_content(reopen(map_file))
    copied = MapStore.open(copy, read_only=True)
    try:
        assert [s.name for s in copied.snapshots()] == ["Before"]
    finally:
        copied.close()


def test_failed_create_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "new.laneway"

    def explode(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("laneway.store.files.write_new_database", explode)
    with pytest.raises(StoreWriteError, match=r"^new\.laneway: .*input/output error"):
        create_map(target, JourneyMap())
    assert list(tmp_path.iterdir()) == []


def test_older_format_is_backed_up_then_migrated_in_one_transaction(
    map_file, monkeypatch, tmp_path
):
    # "Format 0" here: the current schema without the index on links' targets; its
    # upgrade adds the index and the later ones find nothing left to do (the real
    # format 1 → 2 upgrade is tested in test_migration.py).
    conn = sqlite3.connect(map_file)
    conn.execute("DROP INDEX link_to_step")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    original = map_file.read_bytes()

    def add_index(connection):
        connection.execute("CREATE INDEX link_to_step ON link(to_step)")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, add_index)
    for later in range(1, FORMAT_VERSION):
        monkeypatch.setitem(migrations.MIGRATIONS, later, lambda connection: None)
    store = MapStore.open(map_file)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
        assert "link_to_step" in {index.name for index in store.db["link"].indexes}
    finally:
        store.close()
    backup = migrations.backup_path(map_file, 0)
    assert backup.read_bytes() == original


def test_failed_migration_leaves_the_file_unchanged(map_file, monkeypatch):
    conn = sqlite3.connect(map_file)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()

    def half_then_fail(connection):
        connection.execute("ALTER TABLE step ADD COLUMN legacy TEXT")
        connection.execute("SELECT * FROM no_such_table")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, half_then_fail)
    with pytest.raises(StoreError, match=r"could not be upgraded.*unchanged"):
        MapStore.open(map_file)
    conn = sqlite3.connect(map_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    columns = [row[1] for row in conn.execute("PRAGMA table_info(step)")]
    conn.close()
    assert "legacy" not in columns


def test_a_format_without_a_migration_is_refused(map_file):
    conn = sqlite3.connect(map_file)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="no map format number") as in_the_app:
        MapStore.open(map_file)
    with pytest.raises(StoreError) as on_the_command_line:
        MapStore.open(map_file, read_only=True)
    assert str(in_the_app.value) == str(on_the_command_line.value), "the same advice"


def test_deleting_a_snapshot_is_written_and_leaves_the_map(map_file):
    store = MapStore.open(map_file)
    try:
        journey = store.load()
        store.take_snapshot("Workshop 1", journey)
        store.take_snapshot("Workshop 2", journey)
        store.delete_snapshot(" Workshop 1 ")
        with pytest.raises(StoreError, match="no snapshot called 'Workshop 1'"):
            store.delete_snapshot("Workshop 1")
    finally:
        store.close()
    other = MapStore.open(map_file, read_only=True)
    try:
        assert [s.name for s in other.snapshots()] == ["Workshop 2"]
        assert other.load().same_content(journey)
        with pytest.raises(StoreWriteError, match="read-only"):
            other.delete_snapshot("Workshop 2")
    finally:
        other.close()
