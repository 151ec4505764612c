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
    stage_rank = {s.id: i for i, s in enumerate(journey.stages_in_order())}
    edges: list[tuple[str, str]] = []
    for link in journey.links.values():
        a = journey.steps[link.source].stage_id
        b = journey.steps[link.target].stage_id
        if a is not None and b is not None and stage_rank[b] < stage_rank[a]:
            continue  # a loop back (a referral) must not push the journey's start right
        edges.append((link.source, link.target))
    acyclic = _acyclic_ranks(journey.steps, edges)
    if acyclic is not None:
        return acyclic
    import networkx as nx  # only for a cycle: exports and the command line start without it

    forward = nx.DiGraph()
    forward.add_nodes_from(sorted(journey.steps))
    forward.add_edges_from(edges)
    condensed = nx.condensation(forward)
    layer: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        layer[component] = max((layer[p] + 1 for p in condensed.pred[component]), default=0)
    mapping = condensed.graph["mapping"]
    return {step_id: layer[mapping[step_id]] for step_id in journey.steps}


def _acyclic_ranks(steps, edges: list[tuple[str, str]]) -> dict[str, int] | None:
    """Longest-path layers by Kahn's algorithm; None when the forward journey has a cycle
    (then the condensation above is needed). The same layers as the condensation's,
    where every step is its own component."""
    successors: dict[str, list[str]] = {step_id: [] for step_id in steps}
    waiting: dict[str, int] = dict.fromkeys(steps, 0)
    for source, target in edges:
        if target not in successors[source]:
            successors[source].append(target)
            waiting[target] += 1
    rank = dict.fromkeys(steps, 0)
    ready = [step_id for step_id, count in waiting.items() if count == 0]
    done = 0
    while ready:
        step_id = ready.pop()
        done += 1
        for target in successors[step_id]:
            rank[target] = max(rank[target], rank[step_id] + 1)
            waiting[target] -= 1
            if waiting[target] == 0:
                ready.append(target)
    return rank if done == len(rank) else None
