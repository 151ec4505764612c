"""analyze(map) → Report: every SPEC §2 rule, in the order of RULES."""

from __future__ import annotations

from laneway.analysis.findings import Finding, Report
from laneway.analysis.graph import JourneyGraph
from laneway.analysis.rules.bottleneck import bottleneck_steps, bottlenecks
from laneway.analysis.rules.chain import long_handoff_chains, longest_handoff_chain
from laneway.analysis.rules.handoffs import handoff_gaps, handoff_loops
from laneway.analysis.rules.ownership import idle_departments, unowned_steps
from laneway.analysis.rules.reachability import dead_ends, no_entry, unreachable_steps
from laneway.analysis.rules.stages import empty_stages
from laneway.analysis.structure import Structure
from laneway.analysis.summary import summarize
from laneway.model import JourneyMap

DEFAULT_HANDOFF_THRESHOLD = 3


def analyze(
    journey: JourneyMap,
    handoff_threshold: int = DEFAULT_HANDOFF_THRESHOLD,
    reuse: Structure | None = None,
) -> Report:
    """The report of ``journey``.

    ``reuse`` is the structure of an earlier report of this map, given only when the
    edits since then kept the graph (``keeps_structure``); it is taken over when the
    entry steps are still the same ones, and the result is the same either way.
    """
    jg = JourneyGraph.of(journey)
    structure = _structure(jg, reuse)
    findings: list[Finding] = [
        *unowned_steps(jg),
        *handoff_gaps(jg),
        *no_entry(jg),
        *unreachable_steps(jg),
        *dead_ends(jg),
        *empty_stages(jg),
        *handoff_loops(jg),
        *bottlenecks(jg, structure.bottlenecks),
        *long_handoff_chains(jg, structure.chain, handoff_threshold),
        *idle_departments(jg),
    ]
    return Report(
        summary=summarize(jg, structure.chain.length),
        findings=tuple(findings),
        structure=structure,
    )


def _structure(jg: JourneyGraph, reuse: Structure | None) -> Structure:
    if reuse is not None and reuse.entry_steps == jg.entry_steps:
        # Hand the graph what it would otherwise compute again.
        jg.__dict__["reachable"] = reuse.reachable
        jg.__dict__["loops"] = list(reuse.loops)
        links = jg.journey.links
        jg.__dict__["handoff_links"] = [links[link_id] for link_id in reuse.handoff_link_ids]
        return reuse
    return Structure(
        entry_steps=frozenset(jg.entry_steps),
        reachable=frozenset(jg.reachable),
        loops=tuple(jg.loops),
        chain=longest_handoff_chain(jg),
        bottlenecks=bottleneck_steps(jg),
        handoff_link_ids=tuple(link.id for link in jg.handoff_links),
    )
