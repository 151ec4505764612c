"""``one-way-handoff`` (SPEC §7): customers go from one department to another, and
nothing ever comes back — no feedback link, such as sales telling marketing which
leads were any good."""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _
from laneway.model import Link
from laneway.model.wording import plural


def one_way_handoffs(jg: JourneyGraph) -> list[Finding]:
    """One note per ordered department pair with handoffs one way and none back."""
    given: dict[tuple[str, str], list[Link]] = {}
    steps = jg.journey.steps
    for link in jg.handoff_links:
        giver = steps[link.source].department_id
        receiver = steps[link.target].department_id
        assert giver is not None and receiver is not None  # a handoff has two owners
        given.setdefault((giver, receiver), []).append(link)
    rank = jg.department_rank
    findings = []
    for (giver, receiver), links in sorted(
        given.items(), key=lambda item: (rank[item[0][0]], rank[item[0][1]])
    ):
        if (receiver, giver) in given:
            continue
        ordered = jg.links_in_order(links)
        step_ids = sorted({s for link in ordered for s in link.pair}, key=jg.step_order_key)
        a, b = jg.department_name(giver), jg.department_name(receiver)
        findings.append(
            Finding(
                "one-way-handoff",
                _(
                    "{a} hands customers to {b} ({value}), but nothing comes back from {b} to {a}."
                ).format(a=a, b=b, value=plural(len(ordered), "handoff")),
                step_ids=tuple(step_ids),
                link_ids=tuple(link.id for link in ordered),
                department_ids=(giver, receiver),
            )
        )
    return findings
