"""The graph helpers agree with networkx."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.analysis import to_digraph
from laneway.analysis.scc import strongly_connected_components
from tests.analysis.test_properties import random_maps


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29))))
def test_scc_matches_networkx(count, edges):
    nodes = [f"n{i}" for i in range(count)]
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((f"n{a}", f"n{b}") for a, b in edges if a < count and b < count)
    succ = {node: list(graph.successors(node)) for node in nodes}
    ours = {frozenset(c) for c in strongly_connected_components(nodes, succ)}
    assert ours == {frozenset(c) for c in nx.strongly_connected_components(graph)}


@settings(max_examples=50, deadline=None)
@given(random_maps())
def test_to_digraph_has_a_node_per_step_and_an_edge_per_link(journey):
    graph = to_digraph(journey)
    assert set(graph.nodes) == set(journey.steps)
    assert {
        graph.edges[link.source, link.target]["link_id"] for link in journey.links.values()
    } == set(journey.links)
