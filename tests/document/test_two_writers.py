"""Two writers, no loss: another program's commits are loaded before an edit applies.

Whatever happens to the file under an open map (another writer, a lock, a deletion, a
file copied over it), the map on screen and the map in the file never differ.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from laneway.document import Document
from laneway.model import JourneyMap, ModelError
from laneway.store import (
    StoreConflictError,
    StoreGoneError,
    StoreReplacedError,
    StoreRuleError,
    create_map,
)
from tests.conftest import build_map, reopen
from tests.support.crashes import subprocess_env


def canonical(journey: JourneyMap) -> tuple:
    """The content of a map with steps named by their (unique) titles, ids aside."""
    title = {sid: s.title for sid, s in journey.steps.items()}
    steps = sorted(
        (s.title, journey.department_name(s.department_id) or "", s.emotion or 0, s.description)
        for s in journey.steps.values()
    )
    links = sorted((title[k.source], title[k.target], k.agreement) for k in journey.links.values())
    return journey.info.title, tuple(steps), tuple(links)


def _step_called(journey: JourneyMap, name: str) -> str:
    found = [sid for sid, s in journey.steps.items() if s.title == name]
    if not found:
        raise ModelError(f"There is no step called {name!r}.")
    return found[0]


def _operation(rng: random.Random, known: list[str], number: int):
    """One edit by intent (steps named by title), applicable to any copy of the map."""
    kind = rng.choice(["add", "add", "rename", "delete", "link", "describe", "emotion"])
    a, b = rng.choice(known), rng.choice(known)
    owner, emotion = rng.choice([None, "d1", "d2"]), rng.choice([-2, 0, 2])
    if kind == "add":
        name = f"New {number}"
        known.append(name)
        return lambda j: j.add_step(name, department_id=owner)
    if kind == "rename":
        return lambda j: j.set_info(title=f"Map after {number}")
    if kind == "delete":
        return lambda j: j.remove_step(_step_called(j, a))
    if kind == "link":
        return lambda j: j.add_link(_step_called(j, a), _step_called(j, b), agreement=f"A{number}")
    if kind == "describe":
        return lambda j: j.update_step(_step_called(j, a), description=f"Said in edit {number}")
    return lambda j: j.update_step(_step_called(j, a), emotion=emotion)


@pytest.mark.parametrize("seed", range(4))
def test_two_documents_interleaving_edits_and_deletions_never_diverge(tmp_path, seed):
    path = tmp_path / "shared.laneway"
    start = build_map(steps=tuple((f"Step {i}", "Sales", None) for i in range(6)))
    create_map(path, start)
    reference = reopen(path)
    writers = [Document.open(path), Document.open(path)]
    rng = random.Random(seed)
    known = [f"Step {i}" for i in range(6)]
    try:
        for number in range(60):
            operation = _operation(rng, known, number)
            doc = writers[rng.randrange(2)]
            try:
                with reference.record("Reference"):
                    operation(reference)
                expected_error = None
            except ModelError as error:
                expected_error = type(error)
            if expected_error is None:
                with doc.edit(f"Edit {number}"):
                    operation(doc.journey)
            else:
                with pytest.raises(ModelError), doc.edit(f"Edit {number}"):
                    operation(doc.journey)
            assert not doc.read_only
            on_disk = canonical(reopen(path))
            assert canonical(doc.journey) == on_disk, f"screen ≠ file after edit {number}"
            assert on_disk == canonical(reference), f"an edit was lost at {number}"
        for doc in writers:
            doc.reload_if_changed_elsewhere()
            assert canonical(doc.journey) == canonical(reopen(path))
    finally:
        for doc in writers:
            doc.close()


@pytest.fixture
def two(map_file):
    """Mine and theirs: two documents (two programs) on the same map file."""
    mine, theirs = Document.open(map_file), Document.open(map_file)
    yield mine, theirs
    mine.close()
    theirs.close()


def test_an_edit_made_before_the_poll_loads_the_other_commit_first(two, map_file):
    mine, theirs = two
    heard = []
    mine.add_observer(lambda changeset, origin: heard.append(origin))
    with theirs.edit("Theirs"):
        theirs.journey.add_step("Added elsewhere")
    with mine.edit("Mine"):
        mine.journey.add_step("Added here")
    titles = {s.title for s in mine.journey.steps.values()}
    assert {"Added elsewhere", "Added here"} <= titles
    assert heard == ["reload"], "the other commit was shown (with the edit in it)"
    assert not mine.reload_if_changed_elsewhere(), "nothing was swallowed"
    assert canonical(reopen(map_file)) == canonical(mine.journey)


def test_editing_a_step_another_program_deleted_is_refused_and_nothing_diverges(two, map_file):
    mine, theirs = two
    with theirs.edit("Delete"):
        theirs.journey.remove_step("s2")
    with pytest.raises(ModelError, match="no step with id 's2'"), mine.edit("Rename"):
        mine.journey.update_step("s2", title="Renamed")
    assert not mine.read_only
    assert "s2" not in mine.journey.steps
    assert canonical(mine.journey) == canonical(reopen(map_file))


def test_undo_after_another_programs_commit_is_refused_and_memory_untouched(two, map_file):
    mine, theirs = two
    with mine.edit("Rename") as result:
        mine.journey.update_step("s1", title="Mine")
    with theirs.edit("Delete"):
        theirs.journey.remove_step("s1")
    before = canonical(mine.journey)
    with pytest.raises(StoreConflictError, match="another program"):
        mine.revert(result.changeset)
    assert canonical(mine.journey) == before and not mine.read_only
    assert mine.reload_if_changed_elsewhere()
    assert canonical(mine.journey) == canonical(reopen(map_file))


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO snapshot (name, taken_at, content) VALUES ('held', 'now', '{}')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_an_edit_waits_for_another_writers_lock_and_lands(map_file):
    doc = Document.open(map_file)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(map_file), "0.3"],
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with doc.edit("While locked"):
            doc.journey.add_step("Waited for the lock")
        waited = time.monotonic() - started
        assert holder.wait(10) == 0
    finally:
        doc.close()
    assert waited > 0.15, "the edit waited for the lock instead of failing"
    assert not doc.read_only
    assert "Waited for the lock" in {s.title for s in reopen(map_file).steps.values()}
    import sqlite3

    conn = sqlite3.connect(map_file)
    assert conn.execute("SELECT name FROM snapshot").fetchall() == [("held",)]
    conn.close()


def test_a_deleted_file_is_detected_before_the_next_write(map_file):
    doc = Document.open(map_file)
    try:
        before = canonical(doc.journey)
        map_file.unlink()
        with pytest.raises(StoreGoneError, match="deleted or moved"), doc.edit("Add"):
            doc.journey.add_step("Lost?")
        assert canonical(doc.journey) == before, "memory rolled back"
        assert doc.read_only and "deleted" in doc.read_only_reason
        saved = doc.save_copy(map_file.with_name("rescued.laneway"))
        assert canonical(reopen(saved)) == before
    finally:
        doc.close()


def _another_map(path: Path, title: str) -> Path:
    create_map(path, build_map(title=title, steps=(("Theirs", "Sales", None),)))
    return path


def test_a_file_renamed_over_the_open_map_is_never_written(map_file, tmp_path):
    doc = Document.open(map_file)
    try:
        other = _another_map(tmp_path / "other.laneway", "Other map")
        os.replace(other, map_file)
        replaced = map_file.read_bytes()
        with pytest.raises(StoreReplacedError, match="replaced"), doc.edit("Add"):
            doc.journey.add_step("Mine")
        assert doc.read_only
        assert map_file.read_bytes() == replaced
        with pytest.raises(StoreReplacedError):
            doc.reload_if_changed_elsewhere()
        assert not doc.reload_if_changed_elsewhere(), "said once"
    finally:
        doc.close()


def test_a_file_copied_over_the_open_map_in_place_is_never_mixed_into(map_file, tmp_path):
    doc = Document.open(map_file)
    try:
        other = _another_map(tmp_path / "other.laneway", "Other map")
        data = other.read_bytes()
        with map_file.open("r+b") as handle:  # cp over the file: same inode, new bytes
            handle.truncate(0)
            handle.write(data)
        with pytest.raises(StoreReplacedError), doc.edit("Add"):
            doc.journey.add_step("Mine")
        assert map_file.read_bytes() == data
        assert reopen(map_file).info.title == "Other map"
    finally:
        doc.close()


def test_text_that_cannot_be_stored_rolls_memory_back(document, map_file):
    before = canonical(document.journey)
    with pytest.raises(StoreRuleError, match="not valid Unicode"), document.edit("Bad"):
        document.journey.update_step("s1", title="Half \ud800 a character")
    assert canonical(document.journey) == before == canonical(reopen(map_file))
    assert not document.read_only


def test_a_title_over_the_limit_is_refused_before_it_is_written(document, map_file):
    before = map_file.read_bytes()
    with pytest.raises(StoreRuleError, match="1,000"), document.edit("Paste"):
        document.journey.update_step("s1", title="x" * 5000)
    assert map_file.read_bytes() == before
    assert document.journey.steps["s1"].title == "Reads blog"
    assert not document.read_only


def test_a_backup_restored_over_the_open_map_reloads_as_the_map_it_is(map_file, tmp_path):
    backup = tmp_path / "backup.laneway"
    shutil.copyfile(map_file, backup)
    doc = Document.open(map_file)
    try:
        with doc.edit("Add"):
            doc.journey.add_step("After the backup")
        shutil.copyfile(backup, map_file)  # the same map, an older state, copied in place
        assert doc.reload_if_changed_elsewhere()
        assert "After the backup" not in {s.title for s in doc.journey.steps.values()}
        with doc.edit("Again"):
            doc.journey.add_step("On the restored map")
        assert canonical(doc.journey) == canonical(reopen(map_file))
    finally:
        doc.close()
