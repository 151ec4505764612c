"""Between departments: ``handoff-gap`` and ``handoff-loop``.

A handoff loop is a strongly connected component of the forward journey (loop-back
links, such as a referral back to Awareness, left out) owned by two or more departments.
"""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _


def handoff_gaps(jg: JourneyGraph) -> list[Finding]:
    journey = jg.journey
    gaps = jg.links_in_order(link for link in journey.links.values() if journey.is_gap(link))
    findings = []
    for link in gaps:
        source, target = jg.step(link.source), jg.step(link.target)
        findings.append(
            Finding(
                "handoff-gap",
                _(
                    "Nobody agreed what {department_name} hands to "
                    "{department_name2} at '{title}' → '{title2}'."
                ).format(
                    department_name=jg.department_name(source.department_id),
                    department_name2=jg.department_name(target.department_id),
                    title=source.title,
                    title2=target.title,
                ),
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
        more = _(" and {value} more").format(value=len(steps) - 6) if len(steps) > 6 else ""
        findings.append(
            Finding(
                "handoff-loop",
                _(
                    "Customers are bounced between {and_list} in a loop of "
                    "{value} steps: {titles}{more}."
                ).format(and_list=_and_list(names), value=len(steps), titles=titles, more=more),
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
