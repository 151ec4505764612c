"""analyze(map) → Report: every SPEC §2 and §7 rule, in the order of RULES."""

from __future__ import annotations

from laneway.analysis.findings import Finding, Report
from laneway.analysis.graph import JourneyGraph
from laneway.analysis.rules.bottleneck import bottleneck_steps, bottlenecks
from laneway.analysis.rules.chain import long_handoff_chains, longest_handoff_chain
from laneway.analysis.rules.feedback import one_way_handoffs
from laneway.analysis.rules.handoffs import handoff_gaps, handoff_loops
from laneway.analysis.rules.notes import open_notes
from laneway.analysis.rules.ownership import idle_departments, unowned_steps
from laneway.analysis.rules.reachability import dead_ends, no_entry, unreachable_steps
from laneway.analysis.rules.stages import empty_stages
from laneway.analysis.rules.vocabulary import agreements_without_sla, undefined_terms
from laneway.analysis.structure import Structure
from laneway.analysis.summary import summarize
from laneway.model import JourneyMap
from laneway.model.gcpause import paused_gc

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
    The garbage collector is paused meanwhile: the analysis makes no reference cycles,
    and on a big map its collections would cost a third of the time.
    """
    with paused_gc():
        jg = JourneyGraph.of(journey, reuse)
        structure = jg.reused or _structure(jg)
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
            *undefined_terms(jg),
            *one_way_handoffs(jg),
            *agreements_without_sla(jg),
            *open_notes(jg),
        ]
        return Report(
            summary=summarize(jg, structure.chain.length),
            findings=tuple(findings),
            structure=structure,
        )


def _structure(jg: JourneyGraph) -> Structure:
    return Structure(
        entry_steps=frozenset(jg.entry_steps),
        reachable=frozenset(jg.reachable),
        loops=tuple(jg.loops),
        chain=longest_handoff_chain(jg),
        bottlenecks=bottleneck_steps(jg),
        handoff_link_ids=tuple(link.id for link in jg.handoff_links),
    )
