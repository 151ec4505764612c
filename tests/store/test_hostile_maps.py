"""Open only what Laneway wrote: every hostile map is one sentence, and nothing in it runs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from laneway.cli import main
from laneway.document import Document
from laneway.store import MapStore, StoreError, StoreForeignError, create_map
from tests.conftest import reopen
from tests.support.hostile import HOSTILE_MAPS


def _contents(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() and not path.is_symlink() else None


@pytest.fixture
def hostile(request, tmp_path, sample_map) -> tuple[Path, str]:
    mutate, words = HOSTILE_MAPS[request.param]
    path = tmp_path / "hostile.laneway"
    create_map(path, sample_map)
    mutate(path)
    return path, words


@pytest.mark.parametrize("hostile", sorted(HOSTILE_MAPS), indirect=True)
@pytest.mark.parametrize("read_only", [False, True], ids=["app", "cli"])
def test_a_hostile_map_is_one_sentence_and_untouched(hostile, read_only):
    path, words = hostile
    before = _contents(path)
    started = time.monotonic()
    with pytest.raises(StoreError) as refused:
        MapStore.open(path, read_only=read_only).close()
    assert time.monotonic() - started < 5, "refused at once, never hung"
    sentence = str(refused.value)
    assert sentence.startswith("hostile.laneway: ") and sentence.endswith(".")
    assert "\n" not in sentence and words in sentence
    assert "licence" not in sentence, "never the file's words presented as Laneway's"
    assert _contents(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["hostile.laneway"]


@pytest.mark.parametrize("hostile", ["trigger-on-snapshot"], indirect=True)
def test_snapshot_on_a_trigger_map_is_refused_and_runs_nothing(hostile, capsys):
    path, _words = hostile
    before = path.read_bytes()
    assert main(["snapshot", str(path), "before-workshop"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("laneway: hostile.laneway: contains a trigger 't'")
    assert not err.startswith("laneway: laneway:") and "\n" not in err
    assert path.read_bytes() == before


def test_a_foreign_change_while_open_is_never_mixed_in(map_file):
    """Another program adds a trigger to the open map: the next edit refuses, runs nothing."""
    doc = Document.open(map_file)
    try:
        HOSTILE_MAPS["trigger-empties-links"][0](map_file)
        links = len(doc.journey.links)
        with pytest.raises(StoreError, match="trigger 'wipe'"), doc.edit("Rename"):
            doc.journey.set_info(title="Renamed")
        assert doc.read_only
        assert len(doc.journey.links) == links
    finally:
        doc.close()
    with pytest.raises(StoreForeignError):
        MapStore.open(map_file)
    from tests.support.hostile import run

    run(map_file, "DROP TRIGGER wipe")
    assert len(reopen(map_file).links) == links, "the trigger never ran"
