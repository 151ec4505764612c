"""``bottleneck``: a step where routes converge and every journey then passes through.

With one virtual source before the entry steps, such a step dominates every
reachable sink: it is on the dominator-tree path shared by all of them. One
dominator tree, then one walk up from each sink (memoised), keeps it linear. Only a
dominator with two or more incoming links from reachable steps is a bottleneck
(SPEC §2): the steps of a plain chain dominate what follows them without any
routes meeting there, so a linear journey has none.
"""

from __future__ import annotations

from laneway.analysis.dominators import dominators_in_order, immediate_dominators
from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _

_SOURCE = ("virtual source",)


def bottleneck_steps(jg: JourneyGraph) -> frozenset[str]:
    """The steps (neither an entry nor an end) that every complete journey passes."""
    entries = jg.entry_steps
    sinks = sorted(jg.sinks & jg.reachable, key=jg.step_order_key)
    if not entries or not sinks:
        return frozenset()
    order = jg.topological_order
    if order is not None:  # acyclic (most journeys): one pass in topological order
        predecessors: dict[object, list] = dict(jg.pred)
        for entry in entries:
            predecessors[entry] = [*predecessors[entry], _SOURCE]
        idom = dominators_in_order(_SOURCE, [_SOURCE, *order], predecessors)
    else:
        successors: dict[object, list] = dict(jg.succ)
        successors[_SOURCE] = sorted(entries, key=jg.step_order_key)
        idom = immediate_dominators(_SOURCE, successors)
    common = _common_dominators(idom, sinks)
    reachable, pred = jg.reachable, jg.pred
    return frozenset(
        step_id
        for step_id in common
        if step_id != _SOURCE
        and step_id not in entries
        and step_id not in jg.sinks
        and sum(1 for p in pred[step_id] if p in reachable) >= 2
    )


def bottlenecks(jg: JourneyGraph, found: frozenset[str]) -> list[Finding]:
    return [
        Finding(
            "bottleneck",
            _(
                "Routes converge on {describe}: every journey from the start "
                "to an end passes through it."
            ).format(describe=jg.describe(step_id)),
            step_ids=(step_id,),
        )
        for step_id in sorted(found, key=jg.step_order_key)
    ]


def _chain(idom: dict, node: object) -> list:
    chain = [node]
    while idom.get(node, node) != node:
        node = idom[node]
        chain.append(node)
    return chain


def _common_dominators(idom: dict, sinks: list[str]) -> list:
    """The dominators shared by every sink: the chain above their common ancestor."""
    chain = _chain(idom, sinks[0])  # from the first sink up to the source
    depth_from_top = {node: len(chain) - 1 - i for i, node in enumerate(chain)}
    deepest_common = len(chain) - 1  # depth of the first sink itself
    meets: dict[object, int] = {}
    for sink in sinks[1:]:
        walked = []
        node = sink
        while node not in depth_from_top and node not in meets:
            walked.append(node)
            node = idom[node]
        meet = depth_from_top[node] if node in depth_from_top else meets[node]
        for visited in walked:
            meets[visited] = meet
        deepest_common = min(deepest_common, meet)
    return [node for node in chain if depth_from_top[node] <= deepest_common]
