"""Immediate dominators on plain adjacency lists (Cooper, Harvey and Kennedy).

networkx's ``immediate_dominators`` is the same algorithm but walks its own graph
objects; numbering the nodes in reverse postorder and iterating on lists of ints
makes it about four times faster, which matters on the live path (every edit).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

Node = Hashable


def immediate_dominators(root: Node, successors: Mapping[Node, Sequence[Node]]) -> dict[Node, Node]:
    """Each node reachable from ``root`` → its immediate dominator (root → root)."""
    order = _postorder(root, successors)  # root last
    number = {node: i for i, node in enumerate(order)}
    predecessors: list[list[int]] = [[] for _ in order]
    for node, i in number.items():
        for child in successors.get(node, ()):
            predecessors[number[child]].append(i)
    top = len(order) - 1
    idom = [-1] * len(order)
    idom[top] = top
    changed = True
    while changed:
        changed = False
        for i in range(top - 1, -1, -1):  # reverse postorder, the root skipped
            new = -1
            for p in predecessors[i]:
                if idom[p] == -1:
                    continue
                if new == -1:
                    new = p
                    continue
                a, b = p, new
                while a != b:
                    while a < b:
                        a = idom[a]
                    while b < a:
                        b = idom[b]
                new = a
            if idom[i] != new:
                idom[i] = new
                changed = True
    return {order[i]: order[d] for i, d in enumerate(idom)}


def dominators_in_order(
    root: Node, order: Sequence[Node], predecessors: Mapping[Node, Sequence[Node]]
) -> dict[Node, Node]:
    """The same for an acyclic graph, given a topological order that starts at ``root``.

    Every node's dominators come before it in such an order, so one pass settles each
    node from its predecessors, with no depth-first numbering and no second round.
    """
    position = {node: index for index, node in enumerate(order)}
    idom: dict[Node, Node] = {root: root}
    for node in order[1:]:
        new = None
        for p in predecessors.get(node, ()):
            if p not in idom:
                continue  # not reached from the root
            if new is None:
                new = p
                continue
            a, b = p, new
            while a != b:
                while position[a] > position[b]:
                    a = idom[a]
                while position[b] > position[a]:
                    b = idom[b]
            new = a
        if new is not None:
            idom[node] = new
    return idom


def _postorder(root: Node, successors: Mapping[Node, Sequence[Node]]) -> list[Node]:
    """Depth-first postorder of the nodes reachable from ``root`` (iterative)."""
    seen = {root}
    order: list[Node] = []
    stack = [(root, iter(successors.get(root, ())))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in seen:
                seen.add(child)
                stack.append((child, iter(successors.get(child, ()))))
                break
        else:
            stack.pop()
            order.append(node)
    return order
