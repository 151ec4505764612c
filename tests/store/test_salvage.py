"""`laneway import foreign.laneway -o clean.laneway`: a clean map from the rows that pass."""

from __future__ import annotations

import sqlite3

import pytest

from laneway.cli import main
from laneway.store import MapStore, create_map
from tests.conftest import reopen
from tests.support.hostile import HOSTILE_MAPS, run


def _rebuild(source, capsys) -> tuple[int, list[str]]:
    code = main(["import", str(source), "-o", str(source.with_name("clean.laneway"))])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).strip().splitlines()


@pytest.mark.parametrize(
    ("case", "left_out"),
    [
        ("trigger-empties-links", "the trigger 'wipe' (not Laneway's)"),
        ("view", "the view 'everything'"),
        ("virtual-table", "the virtual table 'search'"),
        ("blob-title", "steps without a usable id or title"),
        ("huge-title", "steps without a usable id or title"),
        ("link-to-missing-step", "links to a step that is not in the rebuilt map"),
        ("emotion-99", "emotions outside -2…2 (cleared)"),
        ("infinite-x", "positions that were not numbers in range"),
        ("missing-department", "departments of steps that do not exist (cleared)"),
        ("departments-differ-in-case", "departments whose name (ignoring case)"),
        ("null-title", "steps without a usable id or title"),
        ("step-names-missing-persona", "personas of steps that do not exist (cleared)"),
        ("note-on-missing-step", "notes on a step or link that is not in the rebuilt map"),
        ("terms-differ-in-case", "definitions whose term was used twice or cannot be cited"),
        ("note-time-not-iso", "notes that were empty, on two things or had no ISO 8601 time"),
    ],
)
def test_a_hostile_map_is_rebuilt_from_what_passes(case, left_out, tmp_path, sample_map, capsys):
    source = tmp_path / "foreign.laneway"
    create_map(source, sample_map)
    HOSTILE_MAPS[case][0](source)
    before = source.read_bytes()
    code, lines = _rebuild(source, capsys)
    assert code == 0, lines
    assert lines[0].startswith("Rebuilt ") and lines[0].endswith("clean.laneway.")
    assert any(left_out in line for line in lines[1:]), lines
    assert source.read_bytes() == before, "the foreign file is never changed"
    clean = MapStore.open(tmp_path / "clean.laneway")  # opens: nothing foreign is left
    try:
        journey = clean.load()
    finally:
        clean.close()
    assert set(journey.steps) <= set(sample_map.steps)
    assert len(journey.steps) >= len(sample_map.steps) - 4
    if case in ("trigger-empties-links", "view", "virtual-table"):
        assert journey.same_content(sample_map), "every row passed; only the code is left out"


def test_a_healthy_map_is_copied_with_its_snapshots(map_file, capsys):
    store = MapStore.open(map_file)
    store.take_snapshot("Before")
    store.close()
    code, lines = _rebuild(map_file, capsys)
    assert code == 0 and lines[-1] == "Left out: nothing"
    clean = map_file.with_name("clean.laneway")
    assert reopen(clean).same_content(reopen(map_file))
    conn = sqlite3.connect(clean)
    assert conn.execute("SELECT name FROM snapshot").fetchall() == [("Before",)]
    conn.close()


def test_rebuilding_onto_itself_or_from_a_non_map_is_one_sentence(map_file, tmp_path, capsys):
    assert main(["import", str(map_file), "-o", str(map_file), "--force"]) == 2
    assert "is the file being rebuilt" in capsys.readouterr().err
    other = tmp_path / "other.laneway"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert main(["import", str(other), "-o", str(tmp_path / "x.laneway")]) == 2
    assert "has no step table" in capsys.readouterr().err
    run(other, "DROP TABLE t")
