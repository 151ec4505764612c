"""Between departments: ``handoff-gap`` and ``handoff-loop``.

A handoff loop is a strongly connected component of the forward journey (loop-back
links, such as a referral back to Awareness, left out) owned by two or more departments.
"""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph


def handoff_gaps(jg: JourneyGraph) -> list[Finding]:
    journey = jg.journey
    gaps = jg.links_in_order(link for link in journey.links.values() if journey.is_gap(link))
    findings = []
    for link in gaps:
        source, target = jg.step(link.source), jg.step(link.target)
        findings.append(
            Finding(
                "handoff-gap",
                f"Nobody agreed what {jg.department_name(source.department_id)} hands to "
                f"{jg.department_name(target.department_id)} at "
                f"'{source.title}' → '{target.title}'.",
                step_ids=(link.source, link.target),
                link_ids=(link.id,),
            )
        )
    return findings


def handoff_loops(jg: JourneyGraph) -> list[Finding]:
    findings = []
    for component in jg.loops:
        owners = {jg.step(s).department_id for s in component} - {None}
        if len(owners) < 2:
            continue
        steps = sorted(component, key=jg.step_order_key)
        names = [jg.department_name(d) for d in sorted(owners, key=jg.department_rank.get)]
        loop_back = jg.loop_back_links
        links = sorted(
            link.id
            for s in steps
            for link in jg.journey.outgoing(s)
            if link.target in component and link.id not in loop_back
        )
        titles = ", ".join(f"'{jg.step(s).title}'" for s in steps[:6])
        more = f" and {len(steps) - 6} more" if len(steps) > 6 else ""
        findings.append(
            Finding(
                "handoff-loop",
                f"Customers are bounced between {_and_list(names)} in a loop of "
                f"{len(steps)} steps: {titles}{more}.",
                step_ids=tuple(steps),
                link_ids=tuple(links),
            )
        )
    findings.sort(key=lambda f: jg.step_order_key(f.step_ids[0]))
    return findings


def _and_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
