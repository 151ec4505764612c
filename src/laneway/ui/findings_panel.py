"""Findings: the live analysis grouped by severity; picking one shows it on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from laneway.analysis import RULES_BY_ID, Finding, Report
from laneway.ui.session import MapSession

SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
SEVERITY_COLORS = {"error": "#d64545", "warning": "#e08a00", "info": "#3b82c4"}
FINDING_ROLE = Qt.ItemDataRole.UserRole


def finding_key(finding: Finding) -> tuple:
    return (
        finding.rule,
        finding.step_ids,
        finding.link_ids,
        finding.stage_id,
        finding.department_id,
    )


class FindingsPanel(QWidget):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filter = QLineEdit()
        self.filter.setObjectName("findingsFilter")
        self.filter.setPlaceholderText("Filter findings (text or rule)")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(True)
        layout.addWidget(self.tree)
        self._report: Report | None = None
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.tree.itemSelectionChanged.connect(self._picked)
        session.report_changed.connect(self.show_report)

    def show_report(self, report: Report) -> None:
        unchanged = self._report is not None and [
            (finding_key(f), f.message) for f in self._report.findings
        ] == [(finding_key(f), f.message) for f in report.findings]
        self._report = report
        if not unchanged:
            self._fill()

    def _fill(self) -> None:
        report = self._report
        if report is None:
            return
        selected = self.selected_finding()
        wanted = self.filter.text().strip().casefold()
        blocked = self.tree.blockSignals(True)
        try:
            self.tree.clear()
            groups = report.by_severity()
            restore = None
            for severity, findings in groups.items():
                shown = [
                    f
                    for f in findings
                    if not wanted or wanted in f.message.casefold() or wanted in f.rule
                ]
                group = QTreeWidgetItem([f"{SEVERITY_TITLES[severity]} ({len(shown)})"])
                group.setForeground(0, QBrush(QColor(SEVERITY_COLORS[severity])))
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                for finding in shown:
                    item = QTreeWidgetItem([finding.message])
                    item.setData(0, FINDING_ROLE, finding)
                    item.setToolTip(
                        0, f"{finding.message}\n\n{RULES_BY_ID[finding.rule].description}"
                    )
                    group.addChild(item)
                    if selected is not None and finding_key(finding) == finding_key(selected):
                        restore = item
                group.setExpanded(severity != "info" or len(shown) <= 12)
            if restore is not None:
                restore.setSelected(True)
                self.tree.setCurrentItem(restore)
        finally:
            self.tree.blockSignals(blocked)

    def selected_finding(self) -> Finding | None:
        items = self.tree.selectedItems()
        return items[0].data(0, FINDING_ROLE) if items else None

    def _picked(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            return
        if finding.department_id:
            self.session.department_selected.emit(finding.department_id)
        elif finding.stage_id:
            self.session.stage_selected.emit(finding.stage_id)
        else:
            self.session.focus(finding.step_ids, finding.link_ids)
