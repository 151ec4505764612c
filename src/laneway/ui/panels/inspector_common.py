"""What the inspector's forms share: headings and the findings of the shown record."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from laneway.analysis import Finding
from laneway.canvas.style import SEVERITY_COLORS
from laneway.i18n import N_, _

#: Each severity has a shape and a word of its own: never told by colour alone.
SEVERITY_MARKS = {"error": "✖", "warning": "▲", "info": "ℹ"}
SEVERITY_WORDS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}


def inspector_form(owner: QWidget) -> QFormLayout:
    """A form that puts labels above their fields when the dock is narrow (large text)."""
    form = QFormLayout(owner)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def findings_label() -> QLabel:
    """A label listing the findings about one step or link (hidden when there are none)."""
    label = QLabel()
    label.setObjectName("recordFindings")
    label.setWordWrap(True)
    label.hide()
    return label


def show_findings(label: QLabel, findings: list[Finding]) -> None:
    if not findings:
        label.clear()
        label.hide()
        return
    rows = [
        f'<span style="color:{SEVERITY_COLORS[f.severity]}">{SEVERITY_MARKS[f.severity]}</span> '
        f"<b>{_(SEVERITY_WORDS[f.severity])}:</b> {html.escape(f.message)}"
        for f in findings
    ]
    label.setText("<br>".join(rows))
    label.show()
