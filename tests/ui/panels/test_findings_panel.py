"""The findings panel: live, grouped by severity, filterable; a click focuses the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from laneway.document import Document
from laneway.model import JourneyMap, MapInfo
from laneway.operations.creating import create_map_file
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.findings import FINDING_ROLE, FindingsPanel
from laneway.ui.window.coverage_status import CoverageStatus
from tests.conftest import build_map
from tests.ui.conftest import shown


@pytest.fixture
def journey_file(tmp_path: Path) -> Path:
    """Marketing → Sales gap, an unowned step, an idle department, an empty stage."""
    journey = build_map(
        departments=("Marketing", "Sales", "Legal"),
        stages=("Awareness", "Purchase", "Retention"),
        steps=(
            ("Reads blog", "Marketing", "Awareness"),
            ("Qualify lead", "Sales", "Purchase"),
            ("Nobody calls", None, "Purchase"),
        ),
        links=(("Reads blog", "Qualify lead"), ("Qualify lead", "Nobody calls")),
    )
    path = tmp_path / "findings.laneway"
    create_map_file(path, journey)
    return path


@pytest.fixture
def session(journey_file: Path):
    session = MapSession(Document.open(journey_file))
    yield session
    session.close()


@pytest.fixture
def panel(session: MapSession, qtbot) -> FindingsPanel:
    widget = shown(FindingsPanel(session), qtbot, 420, 600)
    session.refresh_report()
    return widget


def _step(session: MapSession, title: str) -> str:
    return next(s.id for s in session.journey.steps.values() if s.title == title)


def _item(panel: FindingsPanel, startswith: str) -> QTreeWidgetItem:
    tree = panel.tree
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        for row in range(group.childCount()):
            if group.child(row).text(0).startswith(startswith):
                return group.child(row)
    raise AssertionError(f"no finding starting with {startswith!r}: {panel.groups()}")


def _click(qtbot, panel: FindingsPanel, item: QTreeWidgetItem) -> None:
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_grouped_by_severity_errors_first_with_counts(panel: FindingsPanel, session) -> None:
    report = session.document.report
    groups = panel.groups()
    assert list(groups) == [s for s, fs in report.by_severity().items() if fs]
    assert next(iter(groups)) == "error"
    for index, (severity, messages) in enumerate(groups.items()):
        expected = [f.message for f in report.by_severity()[severity]]
        assert messages == expected
        title = panel.tree.topLevelItem(index).text(0)
        assert title.endswith(f"({len(expected)})")
        assert not panel.tree.topLevelItem(index).icon(0).isNull()
    assert any("Nobody agreed" in m for m in groups["warning"])
    assert any(m for m in groups["info"] if "Legal" in m)


def test_clicking_a_step_finding_focuses_its_steps(panel, session, qtbot):
    focused: list[tuple] = []
    session.focus_requested.connect(lambda steps, links: focused.append((steps, links)))
    item = _item(panel, session.document.report.by_severity()["error"][0].message)
    _click(qtbot, panel, item)
    assert focused == [(frozenset({_step(session, "Nobody calls")}), frozenset())]


def test_clicking_a_gap_focuses_its_link(panel, session, qtbot):
    focused: list[tuple] = []
    session.focus_requested.connect(lambda steps, links: focused.append((steps, links)))
    _click(qtbot, panel, _item(panel, "Nobody agreed"))
    link = session.journey.link_between(
        _step(session, "Reads blog"), _step(session, "Qualify lead")
    )
    assert focused and focused[-1][1] == frozenset({link.id})


def test_department_and_stage_findings_select_them(panel, session, qtbot):
    departments: list[object] = []
    stages: list[object] = []
    session.department_selected.connect(departments.append)
    session.stage_selected.connect(stages.append)
    idle = next(f for f in session.document.report.findings if f.rule == "idle-department")
    empty = next(f for f in session.document.report.findings if f.rule == "empty-stage")
    assert panel.select_finding(idle)
    assert departments == [session.journey.department_by_name("Legal").id]
    assert panel.select_finding(empty)
    assert stages == [session.journey.stage_by_name("Retention").id]


def test_live_after_an_edit_and_selection_stays(panel, session, qtbot):
    gap = _item(panel, "Nobody agreed").data(0, FINDING_ROLE)
    unowned = session.document.report.by_severity()["error"][0]
    panel.select_finding(unowned)
    link = gap.link_ids[0]
    session.run_edit("Agree", lambda j: j.update_link(link, agreement="MQL"))
    qtbot.waitUntil(lambda: not any("Nobody agreed" in m for m in panel.groups()["warning"]))
    selected = panel.selected_finding()
    assert selected is not None and selected.step_ids == unowned.step_ids
    sales = session.journey.department_by_name("Sales").id
    session.run_edit(
        "Own", lambda j: j.update_step(_step(session, "Nobody calls"), department_id=sales)
    )
    qtbot.waitUntil(lambda: "error" not in panel.groups())
    assert panel.selected_finding() is None


def test_filter_by_text_and_by_rule(panel, session, qtbot):
    total = sum(len(m) for m in panel.groups().values())
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "legal")
    shown = panel.groups()
    assert sum(len(m) for m in shown.values()) < total
    assert all("legal" in m.casefold() for ms in shown.values() for m in ms)
    panel.filter.clear()
    panel.rule.setCurrentIndex(panel.rule.findData("handoff-gap"))
    assert list(panel.groups()) == ["warning"]
    assert panel.rule.currentText() == "handoff-gap (1)"
    panel.rule.setCurrentIndex(panel.rule.findData("handoff-loop"))
    assert panel.groups() == {}
    assert panel.empty.isVisible() and "filter" in panel.empty.text()


def test_an_empty_map_says_how_to_start(tmp_path, qtbot):
    path = tmp_path / "empty.laneway"
    create_map_file(path, JourneyMap(MapInfo("Empty")))
    session = MapSession(Document.open(path))
    try:
        widget = FindingsPanel(session)
        qtbot.addWidget(widget)
        widget.show()
        session.refresh_report()
        assert widget.empty.isVisible()
        assert "Double-click a lane" in widget.empty.text()
    finally:
        session.close()


def test_coverage_status_figures_and_colors(session, qtbot):
    status = CoverageStatus(session)
    qtbot.addWidget(status)
    session.refresh_report()
    assert status.plain_text() == ("Ownership 67% (2/3)  ·  Handoffs agreed 0% (0/1)  ·  1 gap")
    assert len(status.incomplete_parts()) == 3
    gap = next(link for link in session.journey.links.values() if session.journey.is_handoff(link))
    session.run_edit("Agree", lambda j: j.update_link(gap.id, agreement="MQL"))
    session.refresh_report()
    assert "Handoffs agreed 100% (1/1)  ·  0 gaps" in status.plain_text()
    assert status.incomplete_parts() == ["Ownership 67% (2/3)"]


def _group(panel: FindingsPanel, severity: str) -> QTreeWidgetItem:
    return next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == severity
    )


def test_notes_start_collapsed_and_stay_as_the_user_leaves_them(panel, session, qtbot):
    """Issue 14: info findings collapsed by default, each group with its count."""

    def infos() -> int:
        return len(session.document.report.by_severity()["info"])

    count = infos()
    notes = _group(panel, "info")
    assert count >= 1 and not notes.isExpanded() and notes.childCount() == count  # even few
    assert notes.text(0) == f"Notes ({count})" and "collapsed" in notes.toolTip(0)
    assert _group(panel, "error").isExpanded() and _group(panel, "warning").isExpanded()
    panel.tree.expandItem(notes)  # the user opens them
    session.run_edit("Add", lambda j: j.add_stage("Advocacy"))  # one more note
    qtbot.waitUntil(lambda: _group(panel, "info").text(0) == f"Notes ({count + 1})")
    assert _group(panel, "info").isExpanded()  # still open after the refill
    panel.tree.collapseItem(_group(panel, "warning"))
    session.run_edit("Add", lambda j: j.add_stage("Loyalty"))
    qtbot.waitUntil(lambda: _group(panel, "info").text(0) == f"Notes ({count + 2})")
    assert not _group(panel, "warning").isExpanded()


def test_severity_is_said_in_words_not_colour_alone(panel, session):
    for severity, word in (("error", "Error"), ("warning", "Warning"), ("info", "Note")):
        group = _group(panel, severity)
        assert not group.icon(0).isNull()  # a shape of its own, besides the colour
        row = group.child(0)
        spoken = row.data(0, Qt.ItemDataRole.AccessibleTextRole)
        assert spoken == f"{word}: {row.text(0)}"
