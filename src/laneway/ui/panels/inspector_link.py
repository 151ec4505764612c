"""The inspector's link form: from → to, handoff or gap, agreement, SLA, label."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from laneway.analysis import Report
from laneway.canvas.style import ALARM_COLOR
from laneway.i18n import _
from laneway.ui.editing.session import MapSession
from laneway.ui.editing.steps import set_link_field
from laneway.ui.panels.inspector_common import findings_label, inspector_form, show_findings
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.fields import CommitLineEdit, CommitTextEdit
from laneway.ui.widgets.headings import heading_label
from laneway.ui.widgets.term_field import TermField


class LinkForm(QWidget):
    def __init__(self, session: MapSession) -> None:
        super().__init__()
        self.session = session
        self.link_id: str | None = None
        self._gap = False
        form = inspector_form(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = heading_label(_("Link"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("linkStatus")
        form.addRow(self.heading)
        form.addRow(self.status)
        self.agreement = CommitTextEdit()
        self.agreement.setObjectName("agreement")
        self.agreement.setPlaceholderText(
            _("What is handed over, and when it is ready (e.g. MQL: score ≥ 50, budget confirmed)")
        )
        #: ``[[`` completes a defined term; cited terms underlined, their meaning on hover.
        self.terms = TermField(self.agreement, self._matching_terms, self._meaning)
        self.label = CommitLineEdit()
        self.label.setObjectName("label")
        self.sla = CommitLineEdit()
        self.sla.setObjectName("sla")
        self.sla.setPlaceholderText(_("e.g. call back within 24 h"))
        describe(self.agreement, _("Agreement"), _("What is handed over, and when it is ready"))
        describe(self.sla, "SLA", _("How soon the next department acts, e.g. within 24 h"))
        describe(self.label, _("Label"), _("A caption for the arrow"))
        form.addRow(_("Agreement"), self.agreement)
        form.addRow("SLA", self.sla)
        form.addRow(_("Label"), self.label)
        self.findings = findings_label()
        form.addRow(self.findings)
        # The latest analysis delivered by the session: reading ``session.report`` here
        # would re-run the analysis inside every edit instead of once per burst.
        self._report: Report | None = None
        session.report_changed.connect(self._on_report)
        for name in ("agreement", "label", "sla"):
            editor = getattr(self, name)
            editor.committed.connect(lambda text, n=name: self._commit(n, text))
            editor.edited.connect(lambda text, n=name: self._commit(n, text, live=True))

    def _matching_terms(self, typed: str) -> list[str]:
        return [d.term for d in self.session.journey.definitions_matching(typed)]

    def _meaning(self, term: str) -> str | None:
        definition = self.session.journey.definition_by_term(term)
        return None if definition is None else definition.meaning

    def editors(self) -> list[CommitLineEdit | CommitTextEdit]:
        return [self.agreement, self.sla, self.label]

    def show_link(self, link_id: str) -> None:
        another = link_id != self.link_id
        if another:
            for editor in self.editors():
                editor.flush()  # what was typed belongs to the link shown until now
        self.link_id = link_id
        journey = self.session.journey
        if link_id not in journey.links:
            return
        link = journey.links[link_id]
        source, target = journey.steps[link.source], journey.steps[link.target]
        self.heading.setText(f"{source.title} → {target.title}")
        if journey.is_handoff(link):
            giver = journey.department_name(source.department_id)
            taker = journey.department_name(target.department_id)
            if journey.is_gap(link):
                text = _(
                    "Handoff gap: nobody agreed what {giver} hands to {taker}. "
                    "Write the agreement below to close it."
                ).format(giver=giver, taker=taker)
                color = ALARM_COLOR
            else:
                text, color = (
                    _("Handoff from {giver} to {taker}, agreed.").format(giver=giver, taker=taker),
                    None,
                )
        else:
            text, color = _("Not a handoff: both steps have the same owner (or none)."), None
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")
        self._set_gap_highlight(color is not None)
        self.agreement.show_value(link.agreement, force=another)
        self.terms.glossary_changed()
        self.label.show_value(link.label, force=another)
        self.sla.show_value(link.sla, force=another)
        self._show_findings()

    def _on_report(self, report: Report) -> None:
        self._report = report
        self._show_findings()

    def _show_findings(self) -> None:
        link_id = self.link_id
        known = link_id is not None and link_id in self.session.journey.links
        show_findings(
            self.findings, self._report.findings_for_link(link_id) if known and self._report else []
        )

    def _set_gap_highlight(self, gap: bool) -> None:
        """A gap makes the agreement field the obvious place to type: framed in the alarm
        color, with a placeholder that says what to write."""
        self._gap = gap
        self.agreement.setStyleSheet(
            f"QPlainTextEdit {{ border: 2px solid {ALARM_COLOR}; border-radius: 4px; }}"
            if gap
            else ""
        )

    def is_gap_highlighted(self) -> bool:
        return self._gap

    def _commit(self, field: str, value: str, live: bool = False) -> None:
        """Typed (``live``: typing paused) or finished: the map follows the field."""
        link_id = self.link_id
        if link_id is None or link_id not in self.session.journey.links:
            return
        if getattr(self.session.journey.links[link_id], field) == value:
            return
        visit = getattr(self, field).visit
        refused = not set_link_field(self.session, link_id, field, value, visit)
        if refused and not live and link_id in self.session.journey.links:
            self.show_link(link_id)  # refused: show what the map holds
