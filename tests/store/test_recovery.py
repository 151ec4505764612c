"""Crash recovery that never misleads: hot journals, stale journals, WAL side files."""

from __future__ import annotations

import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from laneway.cli import main
from laneway.document import Document
from laneway.store import MapStore, create_map
from tests.conftest import build_map, reopen
from tests.support.crashes import leave_hot_journal

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _map_with_steps(path: Path, count: int) -> None:
    steps = tuple(
        (f"Step {i}", "Sales" if i % 2 else "Marketing", "Awareness") for i in range(count)
    )
    create_map(path, build_map(steps=steps))


def _edit(path: Path, title: str, count: int = 40) -> None:
    doc = Document.open(path)
    try:
        with doc.edit("More"):
            for i in range(count):
                doc.journey.add_step(f"{title} {i}", description="z" * 300)
    finally:
        doc.close()


def _side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_read_only_command_reads_a_crashed_map_without_touching_it(tmp_path, capsys):
    path = tmp_path / "map.laneway"
    _map_with_steps(path, 30)
    before = reopen(path)
    journal = leave_hot_journal(path)
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    assert main(["analyze", str(path), "--json"]) in (0, 1)
    out, err = capsys.readouterr()
    assert '"steps": 30' in out.replace(" ", "").replace('"steps":30', '"steps": 30')
    assert "unfinished" in err and "damaged" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files, "nothing written"
    assert journal.exists()

    # The app (read-write) finishes the recovery: the map is as before the crashed change.
    doc = Document.open(path)
    try:
        assert doc.journey.same_content(before)
        assert any("undid it" in notice for notice in doc.store.notices)
    finally:
        doc.close()
    assert not journal.exists()


def test_a_stale_journal_beside_a_restored_backup_is_never_played(tmp_path, capsys):
    path = tmp_path / "map.laneway"
    backup = tmp_path / "backup.laneway"
    _map_with_steps(path, 20)
    shutil.copyfile(path, backup)
    expected = reopen(backup)
    for round_ in range(5):
        _edit(path, f"Later {round_}")
    leave_hot_journal(path, new_steps=200)
    shutil.copyfile(backup, path)  # the user restores yesterday's copy
    restored = path.read_bytes()

    assert main(["analyze", str(path)]) in (0, 1)
    err = capsys.readouterr().err
    assert "does not belong" in err and "left both files untouched" in err
    assert path.read_bytes() == restored, "a read-only command never plays the journal"

    doc = Document.open(path)
    try:
        assert doc.journey.same_content(expected)
        [notice] = doc.store.notices
        assert "set it aside as map.laneway-journal.set-aside" in notice
    finally:
        doc.close()
    assert (tmp_path / "map.laneway-journal.set-aside").exists()
    assert not (tmp_path / "map.laneway-journal").exists()
    assert reopen(path).same_content(expected)


def test_a_journal_of_another_map_is_set_aside(tmp_path):
    path = tmp_path / "map.laneway"
    other = tmp_path / "other.laneway"
    _map_with_steps(path, 20)
    _map_with_steps(other, 20)  # the same shape and history, but another map
    expected = reopen(path)
    journal = leave_hot_journal(other, new_steps=150)
    shutil.copyfile(journal, path.with_name("map.laneway-journal"))
    journal.unlink()
    store = MapStore.open(path)
    try:
        assert "belongs to another map" in store.notices[0]
        assert store.load().same_content(expected)
    finally:
        store.close()


def test_a_live_writers_journal_is_left_alone(tmp_path):
    path = tmp_path / "map.laneway"
    _map_with_steps(path, 5)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE step SET title = 'Being edited'")
    writer.execute("PRAGMA cache_spill = 1")
    try:
        store = MapStore.open(path, read_only=True)  # waits for nothing: readers may read
        try:
            assert store.notices == []
            assert "Being edited" not in {s.title for s in store.load().steps.values()}
        finally:
            store.close()
        assert not list(tmp_path.glob("*.set-aside"))
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_read_only_commands_create_no_side_files_beside_a_wal_map(tmp_path, capsys):
    path = tmp_path / "wal.laneway"
    _map_with_steps(path, 4)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    assert _side_files(tmp_path) == ["wal.laneway"]
    assert main(["analyze", str(path)]) in (0, 1)
    assert main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 0
    assert _side_files(tmp_path) == ["out.json", "wal.laneway"]
    assert "Step 3" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_a_map_opened_through_a_symlink_is_recovered_beside_its_real_file(tmp_path, capsys):
    real = tmp_path / "real" / "map.laneway"
    real.parent.mkdir()
    _map_with_steps(real, 12)
    before = reopen(real)
    leave_hot_journal(real)
    link = tmp_path / "shortcut.laneway"
    link.symlink_to(real)
    assert main(["analyze", str(link)]) in (0, 1)
    err = capsys.readouterr().err
    assert (
        err.startswith("laneway: shortcut.laneway: a change was unfinished")
        and "damaged" not in err
    )
    doc = Document.open(link)
    try:
        assert doc.journey.same_content(before)
    finally:
        doc.close()
    assert not real.with_name("map.laneway-journal").exists()
