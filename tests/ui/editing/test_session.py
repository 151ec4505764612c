"""MapSession: one edit → one undo step, written through; refusals become sentences."""

from __future__ import annotations

from pathlib import Path

from laneway.document import Document
from laneway.ui.editing.session import MapSession
from tests.conftest import reopen


def _session(map_file: Path, qtbot) -> MapSession:
    session = MapSession(Document.open(map_file))
    return session


def _step_id(session: MapSession, title: str) -> str:
    return next(s.id for s in session.journey.steps.values() if s.title == title)


def test_edit_is_written_and_undone_and_redone(map_file: Path, qtbot) -> None:
    session = _session(map_file, qtbot)
    step_id = _step_id(session, "Nobody calls")
    sales = session.journey.department_by_name("Sales").id
    changeset = session.run_edit("Own step", lambda j: j.update_step(step_id, department_id=sales))
    assert changeset is not None
    assert session.undo_stack.count() == 1
    assert reopen(map_file).steps[step_id].department_id == sales

    session.undo_stack.undo()
    assert reopen(map_file).steps[step_id].department_id is None
    assert session.journey.steps[step_id].department_id is None

    session.undo_stack.redo()
    assert reopen(map_file).steps[step_id].department_id == sales
    session.close()


def test_field_edits_with_one_merge_key_are_one_undo_step(map_file: Path, qtbot) -> None:
    session = _session(map_file, qtbot)
    step_id = _step_id(session, "Reads blog")
    for title in ("Reads", "Reads the", "Reads the blog post"):
        session.run_edit(
            "Rename step",
            lambda j, t=title: j.update_step(step_id, title=t),
            merge_key=f"step:{step_id}:title",
        )
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert reopen(map_file).steps[step_id].title == "Reads blog"
    session.close()


def test_refused_edit_emits_one_sentence_and_pushes_nothing(map_file: Path, qtbot) -> None:
    session = _session(map_file, qtbot)
    before = reopen(map_file)
    with qtbot.waitSignal(session.error) as signal:
        result = session.run_edit("Rename", lambda j: j.add_department("marketing"))
    assert result is None
    assert session.undo_stack.count() == 0
    sentence = signal.args[0]
    assert sentence.endswith(".") and "\n" not in sentence
    assert reopen(map_file).same_content(before)
    session.close()


def test_report_follows_edits_once_per_burst(map_file: Path, qtbot) -> None:
    session = _session(map_file, qtbot)
    reports = []
    session.report_changed.connect(reports.append)
    step_id = _step_id(session, "Nobody calls")
    sales = session.journey.department_by_name("Sales").id
    session.run_edit("Own", lambda j: j.update_step(step_id, department_id=sales))
    session.run_edit("Rename", lambda j: j.update_step(step_id, title="Sales calls back"))
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert reports[0].summary.owned_steps == reports[0].summary.steps
    session.close()


def test_selection_drops_deleted_steps(map_file: Path, qtbot) -> None:
    session = _session(map_file, qtbot)
    step_id = _step_id(session, "Nobody calls")
    session.set_selection({step_id}, set())
    with qtbot.waitSignal(session.selection_changed):
        session.run_edit("Delete", lambda j: j.remove_step(step_id))
    assert session.selected_step_ids == frozenset()
    session.close()
