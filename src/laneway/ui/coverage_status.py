"""The status bar's figures: ownership and handoff coverage, gaps."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from laneway.analysis import Report
from laneway.ui.session import MapSession


def coverage_text(report: Report) -> str:
    s = report.summary
    gaps = s.handoffs - s.agreed_handoffs
    return (
        f"Ownership {s.ownership_coverage:.0%} ({s.owned_steps}/{s.steps})  ·  "
        f"Handoffs agreed {s.handoff_coverage:.0%} ({s.agreed_handoffs}/{s.handoffs})  ·  "
        f"{gaps} gap{'s' if gaps != 1 else ''}"
    )


class CoverageStatus(QLabel):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageStatus")
        session.report_changed.connect(self.show_report)

    def show_report(self, report: Report) -> None:
        self.setText(coverage_text(report))
        s = report.summary
        complete = s.ownership_coverage >= 1.0 and s.handoff_coverage >= 1.0
        self.setStyleSheet(
            "QLabel { color: #27ae60; font-weight: bold; }"
            if complete
            else "QLabel { color: #d64545; font-weight: bold; }"
        )
