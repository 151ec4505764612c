"""Opening refuses anything that is not a healthy Laneway map, in one sentence each."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from laneway.model import JourneyMap
from laneway.store import APPLICATION_ID, FORMAT_VERSION, MapStore, StoreError, create_map
from tests.conftest import build_map


def _refusal(path: Path, *, read_only: bool = False) -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError) as caught:
        MapStore.open(path, read_only=read_only)
    after = path.read_bytes() if path.is_file() else None
    assert before == after, "a refused open must not change the file"
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    assert message.count(".") >= 1 and "\n" not in message
    return message


def test_missing_file_is_refused_and_never_created(tmp_path):
    path = tmp_path / "nothing.laneway"
    assert "no such file" in _refusal(path)
    assert not path.exists()


def test_not_an_sqlite_file(tmp_path):
    path = tmp_path / "notes.laneway"
    path.write_text("this is a text file\n")
    assert "not an SQLite database" in _refusal(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.laneway"
    path.write_bytes(b"")
    assert "is empty" in _refusal(path)


def test_sqlite_file_that_is_not_a_laneway_map(tmp_path):
    path = tmp_path / "other.laneway"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "an SQLite database but not a Laneway map" in _refusal(path)


def test_map_from_a_newer_version(tmp_path):
    path = tmp_path / "future.laneway"
    create_map(path, build_map())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.commit()
    conn.close()
    message = _refusal(path)
    assert "newer Laneway" in message and "update Laneway" in message


def _corrupt_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page + 100, len(data), 97):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_damaged_file(tmp_path):
    path = tmp_path / "damaged.laneway"
    journey = build_map(steps=tuple((f"Step {i}", "Sales", None) for i in range(300)))
    create_map(path, journey)
    _corrupt_middle(path)
    assert "damaged" in _refusal(path, read_only=True)


def test_truncated_file(tmp_path):
    path = tmp_path / "truncated.laneway"
    journey = build_map(steps=tuple((f"Step {i}", "Sales", None) for i in range(300)))
    create_map(path, journey)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in _refusal(path, read_only=True)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "folder.laneway"
    folder.mkdir()
    assert "is a folder" in _refusal(folder)


def test_new_file_has_markers_and_settings(tmp_path):
    path = tmp_path / "new.laneway"
    create_map(path, JourneyMap())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert [p.name for p in tmp_path.iterdir()] == ["new.laneway"], "no side files"


def test_open_sets_safety_pragmas(map_file):
    store = MapStore.open(map_file)
    try:
        pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("trusted_schema") == 0
        assert pragma("journal_mode") == "delete"
    finally:
        store.close()


def test_read_only_open_cannot_write(map_file):
    before = map_file.read_bytes()
    store = MapStore.open(map_file, read_only=True)
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("DELETE FROM step")
    finally:
        store.close()
    assert map_file.read_bytes() == before


def test_create_refuses_to_replace_an_existing_map_unless_asked(tmp_path, sample_map):
    path = tmp_path / "m.laneway"
    create_map(path, sample_map)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        create_map(path, JourneyMap())
    assert path.read_bytes() == before
    create_map(path, JourneyMap(), overwrite=True)
    assert path.read_bytes() != before
