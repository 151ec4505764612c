"""Strongly connected components on plain adjacency lists (iterative Tarjan).

networkx's version is correct but builds and walks its own graph objects; on the
hot path of live re-analysis (every edit) plain dicts of lists are ~3× faster.
Components come out in reverse topological order: every component after all the
components it has links into (the longest-chain rule relies on it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def strongly_connected_components(
    nodes: Iterable[str], successors: Mapping[str, Sequence[str]]
) -> list[list[str]]:
    nodes = list(nodes)
    order = _reverse_topological_order(nodes, successors)
    if order is not None:  # no cycle (most journeys): every step is its own component
        return [[node] for node in order]
    return _tarjan(nodes, successors)


def topological_order(
    nodes: Iterable[str], successors: Mapping[str, Sequence[str]]
) -> list[str] | None:
    """Every node after all the nodes that lead to it; None when there is a cycle."""
    order = _reverse_topological_order(list(nodes), successors)
    if order is not None:
        order.reverse()
    return order


def _reverse_topological_order(
    nodes: list[str], successors: Mapping[str, Sequence[str]]
) -> list[str] | None:
    """Kahn's algorithm, sinks first; None when the graph has a cycle.

    Cheaper than Tarjan's bookkeeping, and most journeys' forward graphs are acyclic.
    """
    empty: Sequence[str] = ()
    indegree = dict.fromkeys(nodes, 0)
    for node in nodes:
        for child in successors.get(node, empty):
            indegree[child] += 1
    ready = [node for node, count in indegree.items() if count == 0]
    order: list[str] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for child in successors.get(node, empty):
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    if len(order) < len(indegree):
        return None
    order.reverse()
    return order


def _tarjan(nodes: list[str], successors: Mapping[str, Sequence[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    empty: Sequence[str] = ()
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, empty)))]
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, empty))))
                    advanced = True
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:
                    low[parent] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
