"""Big maps are re-analysed off the UI thread: the findings equal a synchronous analysis,
a stale report never replaces a newer one, and small maps keep the synchronous path.

The threshold is lowered so that the sample map counts as big (a real 4,000-step map
would make these tests slow); everything else is the app as the user has it.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from laneway.analysis import analyze
from laneway.document import Document
from laneway.ui.editing import async_analysis
from laneway.ui.editing.session import MapSession
from tests.analysis.test_structure_reuse import EDITS, _edit
from tests.ui.conftest import step_id

WAIT_MS = 20_000  # only a hung worker comes near it


@pytest.fixture
def everything_big(monkeypatch):
    monkeypatch.setattr(async_analysis, "ASYNC_MIN_STEPS", 1)


@pytest.fixture
def big_window(everything_big, main_window, qtbot):
    assert main_window.session.analysing_in_background
    worker = main_window.session._async.worker
    qtbot.waitUntil(lambda: not worker.busy, timeout=WAIT_MS)  # the opening's analysis
    qtbot.wait(20)  # its report delivered (and dropped: the fixture analysed already)
    main_window.session._async.dropped = 0
    return main_window


def _landed(window):
    return window.session.report_is_current and window.scene.report is not None


def _expected(window):
    """What a synchronous analysis of the file as written says (reopened from disk)."""
    document = Document.open(window.session.document.path, read_only=True)
    try:
        return analyze(
            document.journey, handoff_threshold=window.session.document.handoff_threshold
        )
    finally:
        document.close()


def _assert_shows(window, expected) -> None:
    report = window.scene.report
    assert report.findings == expected.findings and report.summary == expected.summary
    shown = window.findings.groups()
    assert {severity: len(rows) for severity, rows in shown.items()} == {
        severity: len(found) for severity, found in expected.by_severity().items() if found
    }
    for step in window.session.journey.steps:
        badge = window.scene.step_item(step).worst_severity()
        findings = expected.findings_for_step(step)
        if not findings:
            assert badge is None, step
        else:
            assert badge in {f.severity for f in findings}, step


def test_findings_after_random_edits_equal_a_synchronous_analysis(big_window, qtbot):
    window, rng = big_window, random.Random(4)
    session = window.session
    for _burst in range(12):
        for _ in range(rng.randrange(1, 4)):
            kind = rng.choice(EDITS)
            session.run_edit(f"Random {kind}", lambda j, kind=kind: _edit(j, rng, kind))
        qtbot.waitUntil(lambda: _landed(window), timeout=WAIT_MS)
        _assert_shows(window, _expected(window))


def test_typing_a_title_in_the_inspector_updates_findings_when_it_lands(big_window, qtbot):
    window = big_window
    target = step_id(window, "Reads blog")
    window.session.set_selection([target], [])
    field = window.inspector.step_form.findChild(QLineEdit, "title")
    qtbot.waitUntil(field.isVisible)
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "Typed while the worker runs")
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _landed(window), timeout=WAIT_MS)
    assert window.session.journey.steps[target].title == "Typed while the worker runs"
    _assert_shows(window, _expected(window))


def test_a_stale_report_never_replaces_a_newer_one(big_window, qtbot):
    """The worker is held after taking edit A; edit B follows. A's report arrives first
    and is dropped; the findings shown are B's, once its own report lands."""
    window = big_window
    session, analysis = window.session, window.session._async
    announced: list = []
    session.report_changed.connect(announced.append)
    worker = analysis.worker
    steps = sorted(session.journey.steps.values(), key=lambda s: s.id)
    worker.gate.clear()
    session.run_edit("A", lambda j: j.update_step(steps[0].id, department_id=None))
    qtbot.waitUntil(lambda: worker.waiting == 0, timeout=WAIT_MS)  # A taken, held at the gate
    session.run_edit("B", lambda j: j.update_step(steps[1].id, department_id=None))
    qtbot.waitUntil(lambda: worker._wanted == worker.generation, timeout=WAIT_MS)  # B asked for
    worker.gate.set()
    qtbot.waitUntil(lambda: _landed(window), timeout=WAIT_MS)
    assert analysis.dropped == 1
    assert len(announced) == 1
    assert announced[0] == _expected(window)
    assert session.document.report is announced[0]
    _assert_shows(window, _expected(window))


def test_a_late_report_of_an_older_generation_is_dropped(big_window, qtbot):
    """Delivered in the wrong order: B's report first, then A's, straight to the slot."""
    window = big_window
    session, analysis = window.session, window.session._async
    steps = sorted(session.journey.steps.values(), key=lambda s: s.id)
    session.run_edit("A", lambda j: j.update_step(steps[0].id, title="After A"))
    old_generation = analysis.worker.generation
    old_report = analyze(session.journey)
    session.run_edit("B", lambda j: j.update_step(steps[0].id, department_id=None))
    qtbot.waitUntil(lambda: _landed(window), timeout=WAIT_MS)
    newest = window.scene.report
    dropped = analysis.dropped
    analysis._landed.emit(old_generation, old_report)
    qtbot.waitUntil(lambda: analysis.dropped == dropped + 1, timeout=WAIT_MS)
    assert window.scene.report is newest and session.document.report is newest
    _assert_shows(window, _expected(window))


def test_small_maps_keep_the_synchronous_path(map_file):
    session = MapSession(Document.open(map_file))
    try:
        assert not session.analysing_in_background
        assert session.report_is_current
    finally:
        session.close()


def test_closing_the_window_stops_the_worker(big_window, qtbot):
    worker = big_window.session._async.worker
    assert worker.running
    big_window.close()
    qtbot.waitUntil(lambda: not worker.running, timeout=WAIT_MS)


def test_a_big_map_opens_without_waiting_for_its_analysis(
    everything_big, controller, map_file, qtbot
):
    """Opening asks the worker; the first findings land a moment after the window shows."""
    from laneway.analysis import background

    held = []
    original = background.BackgroundAnalysis.__init__

    def held_at_the_gate(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.gate.clear()
        held.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(background.BackgroundAnalysis, "__init__", held_at_the_gate)
        window = controller.open_path(map_file)
    qtbot.waitExposed(window)
    assert window.isVisible() and not window.session.report_is_current
    assert window.scene.report is None
    held[0].gate.set()
    qtbot.waitUntil(lambda: _landed(window), timeout=WAIT_MS)
    _assert_shows(window, _expected(window))
    window.close()
