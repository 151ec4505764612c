"""What agreements rest on: ``undefined-term`` and ``agreement-without-sla`` (SPEC §7).

An agreement cites a shared definition as ``[[MQL]]``; a citation matches a term
ignoring case and surrounding spaces (model/terms.py).
"""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _
from laneway.model import Link
from laneway.model.terms import cited_terms


def undefined_terms(jg: JourneyGraph) -> list[Finding]:
    """One warning per link whose agreement cites a term the map does not define."""
    journey = jg.journey
    defined = set(journey.defined_terms())
    findings = []
    for link in jg.links_in_order(
        link for link in journey.links.values() if "[[" in link.agreement
    ):
        missing: dict[str, str] = {}
        for citation in cited_terms(link.agreement):
            if citation.key not in defined:
                missing.setdefault(citation.key, citation.term.strip())
        if not missing:
            continue
        terms = tuple(missing.values())
        cited = _and_list([f"[[{term}]]" for term in terms])
        which = _("which is") if len(terms) == 1 else _("which are")
        findings.append(
            Finding(
                "undefined-term",
                _("The agreement at {arrow} cites {cited}, {which} not defined.").format(
                    arrow=_arrow(jg, link), cited=cited, which=which
                ),
                step_ids=(link.source, link.target),
                link_ids=(link.id,),
                terms=terms,
            )
        )
    return findings


def agreements_without_sla(jg: JourneyGraph) -> list[Finding]:
    """One note per agreed handoff whose SLA is empty (blank or whitespace)."""
    findings = []
    unbounded = (link for link in jg.handoff_links if link.agreed and not link.sla.strip())
    for link in jg.links_in_order(unbounded):
        source, target = jg.step(link.source), jg.step(link.target)
        findings.append(
            Finding(
                "agreement-without-sla",
                _(
                    "{department_name} and {department_name2} agreed the handoff "
                    "at {arrow} but not how soon it happens (no SLA)."
                ).format(
                    department_name=jg.department_name(source.department_id),
                    department_name2=jg.department_name(target.department_id),
                    arrow=_arrow(jg, link),
                ),
                step_ids=(link.source, link.target),
                link_ids=(link.id,),
            )
        )
    return findings


def _arrow(jg: JourneyGraph, link: Link) -> str:
    return f"'{jg.step(link.source).title}' → '{jg.step(link.target).title}'"


def _and_list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
