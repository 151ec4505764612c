"""analyze(map) → Report: every SPEC §2 rule, in the order of RULES."""

from __future__ import annotations

from laneway.analysis.findings import Finding, Report
from laneway.analysis.graph import JourneyGraph
from laneway.analysis.rules.bottleneck import bottlenecks
from laneway.analysis.rules.chain import long_handoff_chains, longest_handoff_chain
from laneway.analysis.rules.handoffs import handoff_gaps, handoff_loops
from laneway.analysis.rules.ownership import idle_departments, unowned_steps
from laneway.analysis.rules.reachability import dead_ends, no_entry, unreachable_steps
from laneway.analysis.rules.stages import empty_stages
from laneway.analysis.summary import summarize
from laneway.model import JourneyMap

DEFAULT_HANDOFF_THRESHOLD = 3


def analyze(journey: JourneyMap, handoff_threshold: int = DEFAULT_HANDOFF_THRESHOLD) -> Report:
    jg = JourneyGraph.of(journey)
    chain = longest_handoff_chain(jg)
    findings: list[Finding] = [
        *unowned_steps(jg),
        *handoff_gaps(jg),
        *no_entry(jg),
        *unreachable_steps(jg),
        *dead_ends(jg),
        *empty_stages(jg),
        *handoff_loops(jg),
        *bottlenecks(jg),
        *long_handoff_chains(jg, chain, handoff_threshold),
        *idle_departments(jg),
    ]
    return Report(summary=summarize(jg, chain.length), findings=tuple(findings))
