"""The graph helpers agree with networkx."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.analysis import to_digraph
from laneway.analysis.dominators import dominators_in_order, immediate_dominators
from laneway.analysis.scc import strongly_connected_components
from tests.analysis.test_properties import random_maps


def _graph(count: int, edges: list[tuple[int, int]]):
    """Nodes n0…, the networkx graph of the edges among them, and its successor lists."""
    nodes = [f"n{i}" for i in range(count)]
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((f"n{a}", f"n{b}") for a, b in edges if a < count and b < count)
    return nodes, graph, {node: list(graph.successors(node)) for node in nodes}


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_scc_matches_networkx(count, edges):
    nodes, graph, succ = _graph(count, edges)
    ours = {frozenset(c) for c in strongly_connected_components(nodes, succ)}
    assert ours == {frozenset(c) for c in nx.strongly_connected_components(graph)}


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_scc_lists_components_after_the_ones_they_lead_to(count, edges):
    nodes = [f"n{i}" for i in range(count)]
    succ: dict[str, list[str]] = {node: [] for node in nodes}
    for a, b in edges:
        if a < count and b < count:
            succ[f"n{a}"].append(f"n{b}")
    position = {
        node: index
        for index, component in enumerate(strongly_connected_components(nodes, succ))
        for node in component
    }
    for source, targets in succ.items():
        for target in targets:
            assert position[target] <= position[source]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_immediate_dominators_match_networkx(count, edges):
    _nodes, graph, succ = _graph(count, edges)
    theirs = dict(nx.immediate_dominators(graph, "n0"))
    theirs["n0"] = "n0"  # networkx 3.5 and later leave the start node out
    assert immediate_dominators("n0", succ) == theirs


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_dominators_in_topological_order_match_the_general_algorithm(count, edges):
    nodes = [f"n{i}" for i in range(count)]
    succ: dict[str, list[str]] = {node: [] for node in nodes}
    pred: dict[str, list[str]] = {node: [] for node in nodes}
    for a, b in {(min(a, b), max(a, b)) for a, b in edges if a != b and max(a, b) < count}:
        succ[f"n{a}"].append(f"n{b}")  # edges only forward: the node order is topological
        pred[f"n{b}"].append(f"n{a}")
    assert dominators_in_order("n0", nodes, pred) == immediate_dominators("n0", succ)


def test_immediate_dominators_of_a_diamond_with_a_loop():
    succ = {"s": ["a", "b"], "a": ["c"], "b": ["c"], "c": ["d"], "d": ["c", "e"], "e": []}
    assert immediate_dominators("s", succ) == {
        "s": "s", "a": "s", "b": "s", "c": "s", "d": "c", "e": "d"
    }  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(random_maps())
def test_to_digraph_has_a_node_per_step_and_an_edge_per_link(journey):
    graph = to_digraph(journey)
    assert set(graph.nodes) == set(journey.steps)
    assert {
        graph.edges[link.source, link.target]["link_id"] for link in journey.links.values()
    } == set(journey.links)
