"""Snapshots in the app (issue 14, item 7): list, compare, restore, delete, the offer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from laneway.ui.editing import steps as step_edits
from laneway.ui.widgets import prompts
from tests.conftest import reopen
from tests.ui.conftest import step_id
from tests.ui.keyboard import Keyboard


def _gap(window) -> str:
    source, target = step_id(window, "Requests demo"), step_id(window, "Qualify lead")
    return window.session.journey.link_between(source, target).id


def _in_the_list(window, act) -> None:
    """Open Map → Snapshots (modal) and run ``act(dialog)`` inside it."""
    keys = Keyboard()
    keys.answer_next_dialog(lambda _k: act(window.tools.snapshots.dialog))
    window.chrome.actions["snapshots"].trigger()


def test_the_list_shows_name_time_and_coverage_then(main_window):
    window = main_window
    document = window.session.document
    document.take_snapshot("Workshop 1")
    step_edits.set_link_field(window.session, _gap(window), "agreement", "Score >= 50")
    document.take_snapshot("Workshop 2")
    rows = []

    def look(dialog) -> None:
        rows.extend(dialog.rows())
        dialog.reject()

    _in_the_list(window, look)
    assert [row[0] for row in rows] == ["Workshop 1", "Workshop 2"]
    assert all(len(row[1]) == len("2026-12-01 14:05") for row in rows)
    assert rows[0][2] == rows[1][2] == "75% (3/4)"  # ownership
    assert (rows[0][3], rows[1][3]) == ("0% (0/1)", "100% (1/1)")  # handoffs agreed


def test_compare_shows_the_diff_in_a_panel_and_on_the_canvas(main_window, qtbot):
    window = main_window
    window.session.document.take_snapshot("Workshop 1")
    gap = _gap(window)
    step_edits.set_link_field(window.session, gap, "agreement", "Score >= 50")
    added = step_edits.add_step(window.session, None, None, None, "Calls back")

    def compare(dialog) -> None:
        dialog.select("Workshop 1")
        dialog.compare_button.click()

    _in_the_list(window, compare)
    panel = window.tools.comparison
    assert window.tools.comparison_dock.isVisible()
    sections = panel.sections()
    assert sections["Gaps closed"] == ["'Requests demo' → 'Qualify lead'"]
    assert sections["Steps added"] == ["'Calls back' (nobody)"]
    marks = {(m.kind, m.key): m.label for m in panel.layer.marks}
    assert marks[("link", gap)] == "gap closed ✓"
    assert marks[("step", added)] == "added"
    assert all(panel.layer.shape_rect(m) is not None for m in panel.layer.marks)
    # The room goes on editing: the comparison follows.
    step_edits.set_link_field(window.session, gap, "agreement", "")
    qtbot.waitUntil(lambda: "Gaps closed" not in panel.sections())
    owner = window.session.journey.department_by_name("Sales").id
    step_edits.set_step_field(window.session, added, "department_id", owner)
    qtbot.waitUntil(lambda: "Owners changed" not in panel.sections())  # new: not re-owned
    reads = step_id(window, "Reads blog")
    step_edits.set_step_field(window.session, reads, "department_id", owner)
    qtbot.waitUntil(lambda: ("step", reads) in {(m.kind, m.key) for m in panel.layer.marks})
    panel.dismiss_button.click()
    assert panel.layer.marks == [] and not window.tools.comparison_dock.isVisible()


def test_a_removed_step_is_a_ghost_where_it_was(main_window):
    window = main_window
    window.session.document.take_snapshot("Workshop 1")
    removed = step_id(window, "Requests demo")  # its lane and stage keep their size
    where = window.scene.step_item(removed).scenePos()
    step_edits.delete(window.session, [removed])
    assert window.tools.snapshots.compare("Workshop 1")
    [ghost] = [m for m in window.tools.comparison.layer.marks if m.kind == "ghost-step"]
    assert ghost.key == "Requests demo" and ghost.label == "removed"
    metrics = window.scene.metrics
    assert ghost.rect == (where.x(), where.y(), metrics.card_width, metrics.card_height)
    assert window.tools.comparison.layer.shape_rect(ghost) is not None


def test_restore_opens_the_snapshot_as_a_new_map(main_window, controller, tmp_path, monkeypatch):
    window = main_window
    window.session.document.take_snapshot("Workshop 1")
    frozen = window.session.journey.copy()
    step_edits.delete(window.session, [step_id(window, "Reads blog")])
    target = tmp_path / "restored.laneway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def restore(dialog) -> None:
        dialog.select("Workshop 1")
        dialog.restore_button.click()
        dialog.reject()

    _in_the_list(window, restore)
    assert reopen(target).same_content(frozen)
    assert target.resolve() in controller.windows
    assert len(reopen(window.session.document.path).steps) == len(frozen.steps) - 1


def test_delete_removes_the_snapshot_from_the_file(main_window, monkeypatch):
    window = main_window
    document = window.session.document
    document.take_snapshot("Workshop 1")
    document.take_snapshot("Workshop 2")
    asked = []
    monkeypatch.setattr(
        prompts, "confirm", lambda parent, question, action: asked.append(question) or True
    )
    left = []

    def delete(dialog) -> None:
        dialog.select("Workshop 1")
        dialog.delete_button.click()
        left.extend(dialog.names())
        dialog.reject()

    _in_the_list(window, delete)
    assert left == ["Workshop 2"] and "Workshop 1" in asked[0]
    from laneway.store import MapStore

    store = MapStore.open(document.path, read_only=True)
    try:
        assert [s.name for s in store.snapshots()] == ["Workshop 2"]
    finally:
        store.close()


def _last_changed(path: Path, stamp: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE map_info SET value = ? WHERE key = 'modified'", [stamp])


def test_a_map_left_on_an_earlier_day_offers_a_snapshot(controller, map_file, qtbot):
    controller.open_path(map_file).close()  # the first opening places the cards
    _last_changed(map_file, "2020-01-01T10:00:00+00:00")
    window = controller.open_path(map_file)
    qtbot.waitExposed(window)
    offer = window.tools.offer
    assert offer is not None and offer.isVisible()
    assert "changed on 1 January 2020." in offer.text.text()  # the day as the language writes it
    offer.take_button.click()
    assert not offer.isVisible()
    assert [s.name for s in window.session.document.snapshots()] == ["As of 2020-01-01"]
    window.close()
    reopened = controller.open_path(map_file)  # changed today now: no offer
    assert reopened.tools.offer is None
