"""The report as SPEC §3's JSON object and as readable text for a terminal."""

from __future__ import annotations

from typing import Any

from laneway.analysis.findings import SEVERITIES, Finding, Report, Summary
from laneway.i18n import N_, _
from laneway.i18n.formatting import format_percent
from laneway.model import JourneyMap
from laneway.model.dictcontent import note_target_item
from laneway.model.wording import plural

_HEADINGS = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Notes")}


def report_to_dict(journey: JourneyMap, report: Report) -> dict[str, Any]:
    s = report.summary
    return {
        "summary": {
            "steps": s.steps,
            "links": s.links,
            "departments": s.departments,
            "owned_steps": s.owned_steps,
            "ownership_coverage": round(s.ownership_coverage, 3),
            "handoffs": s.handoffs,
            "agreed_handoffs": s.agreed_handoffs,
            "handoff_coverage": round(s.handoff_coverage, 3),
            "longest_handoff_chain": s.longest_handoff_chain,
            "handoff_matrix": s.handoff_matrix,
        },
        "findings": [_finding_to_dict(journey, f) for f in report.findings],
    }


def _finding_to_dict(journey: JourneyMap, finding: Finding) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "steps": [{"id": s, "title": journey.steps[s].title} for s in finding.step_ids],
        "links": [
            {"from": journey.links[k].source, "to": journey.links[k].target}
            for k in finding.link_ids
        ],
    }
    if finding.stage_id is not None:
        entry["stage"] = journey.stages[finding.stage_id].name
    if finding.department_id is not None:
        entry["department"] = journey.departments[finding.department_id].name
    if finding.department_ids:
        entry["departments"] = [journey.departments[d].name for d in finding.department_ids]
    if finding.terms:
        entry["terms"] = list(finding.terms)
    if finding.note_id is not None:
        note = journey.notes[finding.note_id]
        entry["note"] = {"text": note.text, "on": note_target_item(journey, note)}
        if note.author:
            entry["note"]["author"] = note.author
    return entry


def summary_figures(s: Summary) -> list[tuple[str, str]]:
    """The summary's figures as (label, text), for the terminal and the summary slide."""
    owned = _("{owned_steps} of {value} owned").format(
        owned_steps=s.owned_steps, value=plural(s.steps, "step")
    )
    return [
        (
            _("Steps"),
            f"{s.steps} ({plural(s.links, 'link')}, {plural(s.departments, 'department')})",
        ),
        (_("Ownership"), f"{format_percent(s.ownership_coverage)} ({owned})"),
        (
            _("Handoffs agreed"),
            _("{percent} ({agreed_handoffs} of {handoffs})").format(
                percent=format_percent(s.handoff_coverage),
                agreed_handoffs=s.agreed_handoffs,
                handoffs=s.handoffs,
            ),
        ),
        (_("Longest handoff chain"), str(s.longest_handoff_chain)),
    ]


def format_report(journey: JourneyMap, report: Report) -> str:
    s = report.summary
    figures = summary_figures(s)
    # As wide as the coverage labels in the language at hand ("Handoffs agreed" in
    # English); the last, longest label runs over, as it always has.
    width = max(15, *(len(label) for label, _text in figures[:-1]))
    lines = [
        journey.info.title,
        "=" * len(journey.info.title),
        "",
        *(f"{label:<{width}}  {text}" for label, text in figures),
        "",
    ]
    lines += _matrix_table(s.handoff_matrix)
    groups = report.by_severity()
    if not report.findings:
        lines.append(_("No findings: every step is owned and every handoff is agreed."))
    for severity in SEVERITIES:
        if groups[severity]:
            lines.append(f"{_(_HEADINGS[severity])} ({len(groups[severity])})")
            lines += [f"  - {f.message} [{f.rule}]" for f in groups[severity]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _matrix_table(matrix: dict[str, dict[str, int]]) -> list[str]:
    if not matrix:
        return [_("Handoffs: none."), ""]
    sources = list(matrix)
    targets: list[str] = []
    for row in matrix.values():
        targets += [t for t in row if t not in targets]
    corner = _("from \\ to")
    first = max(len(corner), *(len(name) for name in sources))
    widths = [max(len(t), 3) for t in targets]
    header = (
        corner.ljust(first)
        + "  "
        + "  ".join(t.rjust(w) for t, w in zip(targets, widths, strict=True))
    )
    rows = [
        source.ljust(first)
        + "  "
        + "  ".join(
            str(matrix[source].get(t, "·")).rjust(w) for t, w in zip(targets, widths, strict=True)
        )
        for source in sources
    ]
    return [_("Handoff matrix"), header, *rows, ""]
