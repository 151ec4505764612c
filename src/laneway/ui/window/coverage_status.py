"""The status bar's figures: ownership and handoff coverage, and the open gaps.

"Ownership 92% (11/12) · Handoffs agreed 40% (2/5) · 3 gaps": each figure is drawn in
the alarm color while it is below 100% (or while there is a gap), in the palette's text
color once it is complete, so a glance at the projector tells the room where it stands.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from laneway.analysis import Report
from laneway.canvas.style import ALARM_COLOR
from laneway.i18n import _
from laneway.model.wording import plural
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets.locale_text import percent_text

SEPARATOR = "  ·  "


def coverage_parts(report: Report) -> list[tuple[str, bool]]:
    """The status figures as (text, complete) pairs."""
    s = report.summary
    gaps = s.handoffs - s.agreed_handoffs
    return [
        (
            _("Ownership {percent} ({owned_steps}/{steps})").format(
                percent=percent_text(s.ownership_coverage),
                owned_steps=s.owned_steps,
                steps=s.steps,
            ),
            s.owned_steps == s.steps,
        ),
        (
            _("Handoffs agreed {percent} ({agreed_handoffs}/{handoffs})").format(
                percent=percent_text(s.handoff_coverage),
                agreed_handoffs=s.agreed_handoffs,
                handoffs=s.handoffs,
            ),
            gaps == 0,
        ),
        (plural(gaps, "gap"), gaps == 0),
    ]


class CoverageStatus(QLabel):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageStatus")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(6, 0, 6, 0)
        self._plain = ""
        self._incomplete: list[str] = []
        self.setToolTip(
            _(
                "Ownership: steps with a department. Handoffs agreed: links between two "
                "departments whose agreement is written down. A gap is a handoff nobody agreed."
            )
        )
        session.report_changed.connect(self.show_report)

    def show_report(self, report: Report) -> None:
        parts = coverage_parts(report)
        self._plain = SEPARATOR.join(text for text, _complete in parts)
        self._incomplete = [text for text, complete in parts if not complete]
        self.setText(
            SEPARATOR.join(
                html.escape(text)
                if complete
                else f'<span style="color:{ALARM_COLOR}; font-weight:600">'
                f"{html.escape(text)}</span>"
                for text, complete in parts
            )
        )

    def plain_text(self) -> str:
        """The figures without markup, e.g. for tests and accessibility."""
        return self._plain

    def incomplete_parts(self) -> list[str]:
        """The figures currently drawn in the alarm color."""
        return list(self._incomplete)
