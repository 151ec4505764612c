"""Document: every edit is one transaction, written through; undo and redo too."""

from __future__ import annotations

import sqlite3

import pytest

from laneway.analysis import analyze
from laneway.document import Document
from laneway.model import ModelError
from laneway.store import StoreWriteError
from tests.conftest import reopen


def test_an_edit_is_written_before_edit_returns(document, map_file):
    with document.edit("Rename") as result:
        document.journey.update_step("s1", title="Reads the blog")
    assert result.changeset.label == "Rename"
    assert reopen(map_file).steps["s1"].title == "Reads the blog"


def test_edits_outside_edit_are_refused(document):
    with pytest.raises(RuntimeError, match="inside a transaction"):
        document.journey.add_step("Sneaky")


def test_undo_and_redo_write_through(document, map_file):
    start = reopen(map_file)
    with document.edit("Delete") as result:
        document.journey.remove_step("s2")
    document.revert(result.changeset)
    assert reopen(map_file).same_content(start)
    assert document.journey.same_content(start)
    document.apply(result.changeset)
    assert "s2" not in reopen(map_file).steps


def test_observers_hear_committed_changes_with_their_origin(document):
    heard = []
    document.add_observer(lambda changeset, origin: heard.append((changeset.label, origin)))
    with document.edit("Add") as result:
        document.journey.add_step("New")
    document.revert(result.changeset)
    document.apply(result.changeset)
    assert heard == [("Add", "edit"), ("Add", "undo"), ("Add", "redo")]


def test_an_edit_that_changes_nothing_is_not_written_or_announced(document, map_file):
    heard = []
    document.add_observer(lambda changeset, origin: heard.append(changeset))
    before = map_file.read_bytes()
    with document.edit("Nothing") as result:
        document.journey.update_step("s1", title=document.journey.steps["s1"].title)
    assert not result.changeset
    assert heard == []
    assert map_file.read_bytes() == before


def test_a_model_error_inside_an_edit_leaves_file_and_memory_unchanged(document, map_file):
    start = reopen(map_file)
    with pytest.raises(ModelError), document.edit("Bad"):
        document.journey.update_step("s1", title="Half done")
        document.journey.add_link("s1", "s1")
    assert document.journey.same_content(start)
    assert reopen(map_file).same_content(start)
    assert not document.read_only


def test_a_write_failure_rolls_back_and_makes_the_map_read_only(document, map_file):
    start = reopen(map_file)
    document.store.db.conn.execute("PRAGMA query_only = ON")  # the disk refuses writes
    with pytest.raises(StoreWriteError), document.edit("Add"):
        document.journey.add_step("Lost")
    assert document.journey.same_content(start)
    assert document.read_only
    assert "could not be saved" in document.read_only_reason or "read-only" in (
        document.read_only_reason
    )
    with pytest.raises(StoreWriteError, match="cannot be changed now"), document.edit("More"):
        document.journey.add_step("Refused")
    assert reopen(map_file).same_content(start)


def test_report_is_recomputed_after_each_change(document):
    assert document.report.summary.steps == 4
    with document.edit("Add"):
        document.journey.add_step("Another")
    assert document.report.summary.steps == 5


def test_the_report_reuses_the_graph_only_while_every_edit_kept_it(document):
    first = document.report
    step = next(iter(document.journey.steps))
    with document.edit("Retitle"):
        document.journey.update_step(step, title="Renamed")
    renamed = document.report
    assert renamed.structure is first.structure  # a title keeps the graph
    assert renamed == analyze(document.journey)
    journey = document.journey
    source, target = next(
        (a, b) for a in journey.steps for b in journey.steps
        if a != b and journey.link_between(a, b) is None
    )  # fmt: skip
    with document.edit("Rename again"):
        journey.update_step(step, title="Renamed twice")
    with document.edit("Link"):
        journey.add_link(source, target)
    relinked = document.report  # two edits, one of them structural, then one analysis
    assert relinked.structure is not renamed.structure
    assert relinked == analyze(document.journey)


def test_changes_from_another_process_reload(document, map_file):
    heard = []
    document.add_observer(lambda changeset, origin: heard.append(origin))
    other = Document.open(map_file)
    try:
        with other.edit("Elsewhere"):
            other.journey.update_step("s1", title="Edited elsewhere")
    finally:
        other.close()
    assert document.reload_if_changed_elsewhere()
    assert document.journey.steps["s1"].title == "Edited elsewhere"
    assert heard == ["reload"]
    assert not document.reload_if_changed_elsewhere()
    with document.edit("Mine"):
        document.journey.add_step("Still editable")


def test_snapshot_and_copy(document, tmp_path):
    document.take_snapshot("Before lunch")
    assert [s.name for s in document.snapshots()] == ["Before lunch"]
    copy = document.save_copy(tmp_path / "copy.laneway")
    assert reopen(copy).same_content(document.journey)


def test_open_read_only_document_refuses_edits(map_file):
    doc = Document.open(map_file, read_only=True)
    try:
        assert doc.read_only
        with pytest.raises(StoreWriteError), doc.edit("x"):
            doc.journey.add_step("A")
    finally:
        doc.close()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(f"file:{map_file}?mode=ro", uri=True).execute("DELETE FROM step")


def test_a_snapshot_reads_back_as_the_map_it_froze(document):
    before = document.journey.copy()
    document.take_snapshot("Before lunch")
    with document.edit("Later"):
        document.journey.add_step("After lunch")
    frozen = document.snapshot_journey("Before lunch")
    assert frozen.same_content(before) and not frozen.same_content(document.journey)
    document.delete_snapshot("Before lunch")
    assert document.snapshots() == []
