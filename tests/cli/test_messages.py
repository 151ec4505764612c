"""One true sentence per failure, one ``laneway:`` prefix, no half-written output."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from laneway.document import Document
from laneway.store import StoreError, create_map
from tests.support.crashes import subprocess_env
from tests.support.maps import workshop_map


def _one_sentence(run) -> str:
    [line] = run.err.strip().splitlines()
    assert line.startswith("laneway: ") and not line.startswith("laneway: laneway")
    assert "Unexpected problem" not in line
    return line


def test_a_full_disk_on_new_and_import_names_the_output(laneway, tmp_path, monkeypatch):
    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("laneway.store.files.write_new_database", full)
    run = laneway("new", tmp_path / "out.laneway", "--template", "b2b")
    assert run.code == 2
    assert (
        _one_sentence(run) == "laneway: out.laneway: could not be saved because the disk is full."
    )
    source = tmp_path / "in.csv"
    source.write_text("id,title\n1,A\n", encoding="utf-8")
    run = laneway("import", source, "-o", tmp_path / "imported.laneway")
    assert _one_sentence(run).startswith("laneway: imported.laneway: could not be saved")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"], "no part file left"


def test_a_full_disk_while_exporting_names_the_output(laneway, tmp_path, monkeypatch):
    source = tmp_path / "m.laneway"
    create_map(source, workshop_map(12))

    def full(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("laneway.store.files._fsync", full)
    run = laneway("export", source, "-o", tmp_path / "m.json")
    assert _one_sentence(run) == "laneway: m.json: could not be saved because the disk is full."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.laneway"]


def test_an_output_that_is_a_folder_is_named_as_given(laneway, tmp_path, map_file):
    (tmp_path / "picture.png").mkdir()
    run = laneway("export", map_file, "-o", tmp_path / "picture.png")
    assert _one_sentence(run) == (
        "laneway: picture.png: is a folder; choose a file name for the output."
    )


def test_a_part_file_left_by_a_killed_process_is_cleaned_up(laneway, tmp_path, map_file):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".m.json.{dead.pid}.x1y2.part"
    stale.write_text("half an export")
    alive = tmp_path / f".m.json.{os.getppid()}.x1y2.part"
    alive.write_text("another process is writing this one")
    assert laneway("export", map_file, "-o", tmp_path / "m.json").code == 0
    assert not stale.exists(), "the dead process's part file is removed"
    assert alive.exists(), "a living process's part file is left alone"


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs SIGTERM")
def test_sigterm_during_an_export_leaves_no_part_file(tmp_path):
    source = tmp_path / "big.laneway"
    create_map(source, workshop_map(400))
    process = subprocess.Popen(
        [sys.executable, "-m", "laneway", "export", str(source), "-o", str(tmp_path / "big.pptx")],
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".big.pptx.*.part")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    if process.poll() is not None:
        pytest.skip("the export finished before it could be interrupted")
    process.send_signal(signal.SIGTERM)
    assert process.wait(30) == 143
    assert not list(tmp_path.glob(".big.pptx.*")), "the temporary output was removed"
    assert not (tmp_path / "big.pptx").exists()


def test_a_known_cause_is_never_the_catch_all(laneway, tmp_path, monkeypatch):
    source = tmp_path / "deep.json"
    source.write_text("{}", encoding="utf-8")
    for error, words in [
        (RecursionError(), "deep.json: nests too deeply to be read"),
        (MemoryError(), "deep.json: is too large for the memory available"),
        (OSError(errno.EIO, "Input/output error"), "deep.json: Input/output error"),
    ]:

        def fail(*_args, raised=error):
            raise raised

        monkeypatch.setattr("laneway.operations.creating.read_import", fail)
        run = laneway("import", source, "-o", tmp_path / "out.laneway")
        assert run.code == 2 and words in _one_sentence(run)


def test_the_cli_and_the_app_give_the_same_advice_for_user_version_0(laneway, map_file):
    conn = sqlite3.connect(map_file)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    cli = _one_sentence(laneway("analyze", map_file))
    with pytest.raises(StoreError) as app:
        Document.open(map_file)
    assert cli == f"laneway: {app.value}"
    assert "no map format number" in cli


def test_a_locked_map_is_called_locked_not_damaged(laneway, map_file, monkeypatch):
    monkeypatch.setattr(
        "laneway.store.schema.CONNECTION_PRAGMAS",
        ("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 50", "PRAGMA trusted_schema = OFF"),
    )
    holder = sqlite3.connect(map_file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        run = laneway("analyze", map_file)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    sentence = _one_sentence(run)
    assert "locked by another program" in sentence and "damaged" not in sentence
