"""Journey order: how far along the journey each step is (its rank).

A step's rank is the longest path reaching it in the forward journey: loop-back
links to an earlier stage are dropped (a referral must not push the journey's
start right) and cycles are collapsed into their strongly connected components.
Linear in steps plus links; no path enumeration.
"""

from __future__ import annotations

from laneway.model import JourneyMap


def journey_ranks(journey: JourneyMap) -> dict[str, int]:
    """Longest-path layer of each step in the forward journey's condensation."""
    import networkx as nx  # only here: the command line's analysis starts without it

    stage_rank = {s.id: i for i, s in enumerate(journey.stages_in_order())}
    forward = nx.DiGraph()
    forward.add_nodes_from(sorted(journey.steps))
    for link in journey.links.values():
        a = journey.steps[link.source].stage_id
        b = journey.steps[link.target].stage_id
        if a is not None and b is not None and stage_rank[b] < stage_rank[a]:
            continue  # a loop back (a referral) must not push the journey's start right
        forward.add_edge(link.source, link.target)
    condensed = nx.condensation(forward)
    layer: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        layer[component] = max((layer[p] + 1 for p in condensed.pred[component]), default=0)
    mapping = condensed.graph["mapping"]
    return {step_id: layer[mapping[step_id]] for step_id in journey.steps}
