"""``long-handoff-chain``: the heaviest handoff path on the forward journey.

The forward journey drops loop-back links (to an earlier stage) and collapses
strongly connected components, so the longest chain is a longest path in a DAG:
one pass in reverse topological order (the order Tarjan's algorithm finds the
components in), linear in steps plus links.
"""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.analysis.structure import HandoffChain
from laneway.i18n import _


def longest_handoff_chain(jg: JourneyGraph) -> HandoffChain:
    if not jg.entry_steps:
        return HandoffChain(0, (), ())
    member = {step: index for index, c in enumerate(jg.forward_components) for step in c}
    journey, loop_back = jg.journey, jg.loop_back_links
    handoffs = {link.id for link in jg.handoff_links}
    # Between two components the heaviest of their links counts: remember a handoff one.
    best_link: dict[tuple[int, int], tuple[int, str]] = {}
    successors: dict[int, list[int]] = {}
    for link in journey.links.values():
        a, b = member[link.source], member[link.target]
        if a == b or (loop_back and link.id in loop_back):
            continue
        weight = 1 if link.id in handoffs else 0
        known = best_link.get((a, b))
        if known is None:
            best_link[(a, b)] = (weight, link.id)
            successors.setdefault(a, []).append(b)
        elif weight > known[0]:
            best_link[(a, b)] = (weight, link.id)
    # Longest path *starting* at each component. Tarjan's algorithm lists components
    # in reverse topological order (every component after those it leads to), so
    # one pass in list order sees each successor before the component itself.
    down: list[int] = [0] * len(jg.forward_components)
    choice: dict[int, int] = {}
    for component in range(len(down)):
        targets = successors.get(component)
        if not targets:
            continue
        best, via = 0, -1
        for successor in sorted(targets) if len(targets) > 1 else targets:
            weight = best_link[(component, successor)][0] + down[successor]
            if weight > best:
                best, via = weight, successor
        down[component] = best
        if via >= 0:
            choice[component] = via
    start = max(sorted({member[s] for s in jg.entry_steps}), key=lambda c: down[c])
    if down[start] == 0:
        return HandoffChain(0, (), ())
    steps: list[str] = []
    links: list[str] = []
    component = start
    while component in choice:
        nxt = choice[component]
        weight, link_id = best_link[(component, nxt)]
        if weight:
            link = jg.journey.links[link_id]
            for step_id in (link.source, link.target):
                if not steps or steps[-1] != step_id:
                    steps.append(step_id)
            links.append(link_id)
        component = nxt
    return HandoffChain(down[start], tuple(steps), tuple(links))


def long_handoff_chains(jg: JourneyGraph, chain: HandoffChain, threshold: int) -> list[Finding]:
    if chain.length <= threshold:
        return []
    path = " → ".join(jg.describe(s) for s in chain.step_ids)
    return [
        Finding(
            "long-handoff-chain",
            _(
                "The customer is handed over {length} times in a row, more "
                "than {threshold}: {path}."
            ).format(length=chain.length, threshold=threshold, path=path),
            step_ids=chain.step_ids,
            link_ids=chain.link_ids,
        )
    ]
