"""The analysis's vocabulary: rules, findings, summary figures and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from laneway.analysis.structure import Structure
from laneway.i18n import N_, _

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    #: In English (the catalogue's key); ``explanation`` is in the current language.
    description: str

    @property
    def explanation(self) -> str:
        return _(self.description)


#: SPEC §2's rules, then §7's, in the order findings are reported (the app and the docs
#: reuse it).
RULES: tuple[Rule, ...] = (
    Rule("unowned-step", "error", N_("A step no department owns.")),
    Rule("handoff-gap", "warning", N_("A handoff between departments with no agreement.")),
    Rule("no-entry", "warning", N_("The map has steps but none where the journey starts.")),
    Rule("unreachable-step", "warning", N_("No path from an entry step reaches the step.")),
    Rule("dead-end", "warning", N_("The journey stops at a step that is not an end.")),
    Rule("empty-stage", "info", N_("A stage holds no step.")),
    Rule(
        "handoff-loop",
        "info",
        N_(
            "Customers are bounced back and forth between departments (a loop back to an "
            "earlier stage, such as a referral, is no loop)."
        ),
    ),
    Rule(
        "bottleneck",
        "info",
        N_(
            "Routes converge on this step: two or more links lead into it and every path "
            "from the entries to the ends passes through it."
        ),
    ),
    Rule(
        "long-handoff-chain",
        "warning",
        N_("The customer is handed from department to department more times than the threshold."),
    ),
    Rule("idle-department", "info", N_("A department owns no step.")),
    # SPEC §7, after SPEC §2's rules: what the journey content says.
    Rule("undefined-term", "warning", N_("An agreement cites a [[term]] nobody defined.")),
    Rule(
        "one-way-handoff",
        "info",
        N_(
            "One department hands customers to another, and nothing ever comes back (no "
            "feedback link, such as sales reporting lead quality back to marketing)."
        ),
    ),
    Rule("agreement-without-sla", "info", N_("An agreed handoff with no SLA.")),
    Rule("open-note", "info", N_("A note nobody has resolved yet.")),
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    step_ids: tuple[str, ...] = ()
    link_ids: tuple[str, ...] = ()
    stage_id: str | None = None
    department_id: str | None = None
    #: ``one-way-handoff``: the giving department, then the receiving one.
    department_ids: tuple[str, ...] = ()
    #: ``open-note``: the note.
    note_id: str | None = None
    #: ``undefined-term``: the undefined terms, as the agreement writes them.
    terms: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        return RULES_BY_ID[self.rule].severity


@dataclass(frozen=True)
class Summary:
    steps: int
    links: int
    departments: int
    owned_steps: int
    ownership_coverage: float
    handoffs: int
    agreed_handoffs: int
    handoff_coverage: float
    longest_handoff_chain: int
    handoff_matrix: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def gaps(self) -> int:
        return self.handoffs - self.agreed_handoffs


@dataclass(frozen=True)
class Report:
    summary: Summary
    findings: tuple[Finding, ...]
    #: What the graph rules found, to pass to the next analysis as ``reuse``.
    structure: Structure | None = field(default=None, compare=False, repr=False)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def by_severity(self) -> dict[str, list[Finding]]:
        """Findings grouped by severity, error first; every severity is a key."""
        groups: dict[str, list[Finding]] = {severity: [] for severity in SEVERITIES}
        for finding in self.findings:
            groups[finding.severity].append(finding)
        return groups

    def findings_for_step(self, step_id: str) -> list[Finding]:
        return self._by_step.get(step_id, [])

    def findings_for_link(self, link_id: str) -> list[Finding]:
        return self._by_link.get(link_id, [])

    @property
    def findings_by_step(self) -> Mapping[str, list[Finding]]:
        """Step id → its findings, for the steps that have any (do not modify)."""
        return self._by_step

    @property
    def findings_by_link(self) -> Mapping[str, list[Finding]]:
        """Link id → its findings, for the links that have any (do not modify)."""
        return self._by_link

    def findings_for_rule(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule_id]

    @cached_property
    def _by_step(self) -> dict[str, list[Finding]]:
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for step_id in finding.step_ids:
                index.setdefault(step_id, []).append(finding)
        return index

    @cached_property
    def _by_link(self) -> dict[str, list[Finding]]:
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for link_id in finding.link_ids:
                index.setdefault(link_id, []).append(finding)
        return index
