"""The summary figures of SPEC §2."""

from __future__ import annotations

from laneway.analysis.findings import Summary
from laneway.analysis.graph import JourneyGraph


def summarize(jg: JourneyGraph, longest_chain: int) -> Summary:
    journey = jg.journey
    steps = len(journey.steps)
    owned = sum(1 for step in journey.steps.values() if step.department_id is not None)
    handoffs = jg.handoff_links
    agreed = sum(1 for link in handoffs if link.agreement.strip())
    matrix: dict[str, dict[str, int]] = {}
    for link in handoffs:
        source = jg.department_name(jg.step(link.source).department_id)
        target = jg.department_name(jg.step(link.target).department_id)
        row = matrix.setdefault(source, {})
        row[target] = row.get(target, 0) + 1
    return Summary(
        steps=steps,
        links=len(journey.links),
        departments=len(journey.departments),
        owned_steps=owned,
        ownership_coverage=owned / steps if steps else 1.0,
        handoffs=len(handoffs),
        agreed_handoffs=agreed,
        handoff_coverage=agreed / len(handoffs) if handoffs else 1.0,
        longest_handoff_chain=longest_chain,
        handoff_matrix=_ordered_matrix(jg, matrix),
    )


def _ordered_matrix(jg: JourneyGraph, matrix: dict[str, dict[str, int]]) -> dict:
    order = {d.name: rank for rank, d in enumerate(jg.journey.departments_in_order())}
    return {
        source: dict(sorted(row.items(), key=lambda item: order[item[0]]))
        for source, row in sorted(matrix.items(), key=lambda item: order[item[0]])
    }
