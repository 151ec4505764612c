"""SPEC §2 and §7 in plain networkx: the yardstick ``laneway analyze --json`` is measured
against.

Written for the purpose, kept simple: read the interchange JSON (SPEC §4), build a
``networkx.DiGraph``, apply each rule as the SPEC words it, print one JSON object of
SPEC §3's shape. ``python tests/analysis/networkx_reference.py MAP.json``.
A test checks that it finds what Laneway finds on generated maps.
"""

from __future__ import annotations

import json
import re
import sys

import networkx as nx

SOURCE = ("virtual source",)
#: SPEC §7: an agreement cites a defined term as [[TERM]], matched ignoring case and
#: surrounding spaces.
CITATION = re.compile(r"\[\[([^\[\]\r\n]*)\]\]")


def read_map(path: str) -> tuple[dict, nx.DiGraph]:
    """The map's departments and stages (``info``) and its graph of steps and links."""
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    departments: dict[str, str] = {}  # name ignoring case → name as first written
    stages: list[str] = []
    for item in data.get("departments") or []:
        name = (item if isinstance(item, str) else item["name"]).strip()
        departments.setdefault(name.casefold(), name)
    for item in data.get("stages") or []:
        name = (item if isinstance(item, str) else item["name"]).strip()
        if name not in stages:
            stages.append(name)
    graph = nx.DiGraph()
    for step in data.get("steps") or []:
        department = (step.get("department") or "").strip() or None
        if department is not None:
            department = departments.setdefault(department.casefold(), department)
        stage = (step.get("stage") or "").strip() or None
        if stage is not None and stage not in stages:
            stages.append(stage)
        graph.add_node(
            str(step["id"]),
            title=str(step["title"]),
            department=department,
            stage=stage,
            entry=bool(step.get("entry")),
            terminal=bool(step.get("terminal")),
        )
    for link in data.get("links") or []:
        graph.add_edge(
            str(link["from"]),
            str(link["to"]),
            agreement=link.get("agreement") or "",
            sla=link.get("sla") or "",
        )
    info = {
        "departments": list(departments.values()),
        "stages": stages,
        "terms": {d["term"].strip().casefold() for d in data.get("definitions") or []},
        "notes": data.get("notes") or [],
    }
    return info, graph


def is_handoff(graph: nx.DiGraph, source: str, target: str) -> bool:
    a, b = graph.nodes[source]["department"], graph.nodes[target]["department"]
    return a is not None and b is not None and a != b


def entry_steps(graph: nx.DiGraph, stages: list[str]) -> set[str]:
    flagged = {s for s, data in graph.nodes(data=True) if data["entry"]}
    if flagged:
        return flagged
    staged = [s for s, data in graph.nodes(data=True) if data["stage"] is not None]
    if not staged:
        return {s for s in graph if graph.in_degree(s) == 0}
    first = min(stages.index(graph.nodes[s]["stage"]) for s in staged)
    earliest = {s for s in staged if stages.index(graph.nodes[s]["stage"]) == first}
    return {s for s in earliest if not any(p in earliest for p in graph.predecessors(s))}


def forward_journey(graph: nx.DiGraph, stages: list[str]) -> nx.DiGraph:
    """The graph without its loop-back links (to a step of an earlier stage)."""
    rank = {name: i for i, name in enumerate(stages)}
    forward = nx.DiGraph()
    forward.add_nodes_from(graph)
    for source, target in graph.edges:
        a, b = graph.nodes[source]["stage"], graph.nodes[target]["stage"]
        if a is None or b is None or rank[b] >= rank[a]:
            forward.add_edge(source, target)
    return forward


def rooted_journey(graph: nx.DiGraph, entries: set[str]) -> nx.DiGraph:
    """The graph with one virtual source before the entry steps."""
    rooted = nx.DiGraph(graph.edges)
    rooted.add_nodes_from([*graph, SOURCE])
    rooted.add_edges_from((SOURCE, entry) for entry in entries)
    return rooted


def bottlenecks(graph: nx.DiGraph, rooted: nx.DiGraph, reachable: set[str]) -> set[str]:
    sinks = {s for s in reachable if graph.out_degree(s) == 0}
    entries = set(rooted.successors(SOURCE))
    if not entries or not sinks:
        return set()
    idom = nx.immediate_dominators(rooted, SOURCE)
    tree = nx.DiGraph((parent, node) for node, parent in idom.items() if node != SOURCE)
    tree.add_node(SOURCE)
    # d dominates a sink exactly when the sink is in d's subtree of the dominator tree.
    sinks_below = {node: int(node in sinks) for node in tree}
    for node in reversed(list(nx.topological_sort(tree))):
        for child in tree.successors(node):
            sinks_below[node] += sinks_below[child]
    return {
        node
        for node, count in sinks_below.items()
        if count == len(sinks)
        and node != SOURCE
        and node not in entries
        and node not in sinks
        and sum(1 for p in graph.predecessors(node) if p in reachable) >= 2
    }


def longest_handoff_chain(
    graph: nx.DiGraph, forward: nx.DiGraph, entries: set[str]
) -> tuple[int, list[str]]:
    """The heaviest path of the forward journey's condensation from an entry component."""
    if not entries:
        return 0, []
    condensed = nx.condensation(forward)
    member = condensed.graph["mapping"]
    weight: dict[tuple[int, int], tuple[int, tuple[str, str]]] = {}
    for source, target in forward.edges:
        a, b = member[source], member[target]
        if a != b:
            candidate = (int(is_handoff(graph, source, target)), (source, target))
            weight[(a, b)] = max(weight.get((a, b), candidate), candidate, key=lambda w: w[0])
    best: dict[int, int] = {}
    via: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        best[component] = 0
        for successor in condensed.successors(component):
            length = weight[(component, successor)][0] + best[successor]
            if length > best[component]:
                best[component], via[component] = length, successor
    start = max({member[e] for e in entries}, key=lambda c: best[c])
    steps: list[str] = []
    component = start
    while component in via:
        handoff, (source, target) = weight[(component, via[component])]
        if handoff:
            steps += [s for s in (source, target) if not steps or steps[-1] != s]
        component = via[component]
    return best[start], steps


def finding(rule: str, severity: str, message: str, graph, steps=(), links=(), **extra) -> dict:
    return {
        "rule": rule,
        "severity": severity,
        "message": message,
        "steps": [{"id": s, "title": graph.nodes[s]["title"]} for s in steps],
        "links": [{"from": a, "to": b} for a, b in links],
        **extra,
    }


def analyze(info: dict, graph: nx.DiGraph, threshold: int = 3) -> dict:
    stages, nodes = info["stages"], graph.nodes
    out: list[dict] = []
    for s in graph:
        if nodes[s]["department"] is None:
            out.append(finding("unowned-step", "error", f"Nobody owns {s}.", graph, [s]))
    handoffs = [(a, b) for a, b in graph.edges if is_handoff(graph, a, b)]
    for a, b in handoffs:
        if not graph.edges[a, b]["agreement"].strip():
            out.append(finding("handoff-gap", "warning", f"Gap {a}→{b}.", graph, [a, b], [(a, b)]))
    entries = entry_steps(graph, stages)
    rooted = rooted_journey(graph, entries)
    reachable = nx.descendants(rooted, SOURCE)
    if graph and not entries:
        out.append(finding("no-entry", "warning", "No entry step.", graph))
    if entries:
        for s in graph:
            if s not in reachable:
                out.append(finding("unreachable-step", "warning", f"{s} unreached.", graph, [s]))
    if stages:
        for s in graph:
            data = nodes[s]
            if graph.out_degree(s) == 0 and not data["terminal"] and data["stage"] != stages[-1]:
                out.append(finding("dead-end", "warning", f"{s} leads nowhere.", graph, [s]))
    used = {data["stage"] for _, data in graph.nodes(data=True)}
    for name in stages:
        if name not in used:
            out.append(finding("empty-stage", "info", f"{name} is empty.", graph, stage=name))
    forward = forward_journey(graph, stages)
    for component in nx.strongly_connected_components(forward):
        owners = {nodes[s]["department"] for s in component} - {None}
        if len(component) > 1 and len(owners) > 1:
            links = [(a, b) for a, b in forward.edges(component) if b in component]
            message = f"A loop of {len(component)} steps."
            out.append(finding("handoff-loop", "info", message, graph, component, links))
    for s in bottlenecks(graph, rooted, reachable):
        out.append(finding("bottleneck", "info", f"Every journey passes {s}.", graph, [s]))
    chain, chain_steps = longest_handoff_chain(graph, forward, entries)
    if chain > threshold:
        message = f"Handed over {chain} times."
        out.append(finding("long-handoff-chain", "warning", message, graph, chain_steps))
    owners = {data["department"] for _, data in graph.nodes(data=True)}
    for name in info["departments"]:
        if name not in owners:
            out.append(finding("idle-department", "info", f"{name} owns nothing.", graph, [],
                               department=name))  # fmt: skip
    out += journey_content(info, graph, handoffs)
    return {"summary": summary(info, graph, handoffs, chain), "findings": out}


def journey_content(info: dict, graph: nx.DiGraph, handoffs: list) -> list[dict]:
    """SPEC §7's rules, as its words say them."""
    out: list[dict] = []
    for a, b in graph.edges:
        cited = [t.strip() for t in CITATION.findall(graph.edges[a, b]["agreement"]) if t.strip()]
        undefined = [t for t in cited if t.casefold() not in info["terms"]]
        if undefined:
            message = f"{a}→{b} cites undefined terms."
            out.append(finding("undefined-term", "warning", message, graph, [a, b], [(a, b)]))
    between = {}
    for a, b in handoffs:
        pair = (graph.nodes[a]["department"], graph.nodes[b]["department"])
        between.setdefault(pair, []).append((a, b))
    for (giver, receiver), links in between.items():
        if (receiver, giver) not in between:
            steps = {s for link in links for s in link}
            out.append(finding("one-way-handoff", "info", f"{giver} → {receiver} only.", graph,
                               steps, links, departments=[giver, receiver]))  # fmt: skip
    for a, b in handoffs:
        edge = graph.edges[a, b]
        if edge["agreement"].strip() and not edge["sla"].strip():
            message = f"{a}→{b} has no SLA."
            out.append(finding("agreement-without-sla", "info", message, graph, [a, b], [(a, b)]))
    for note in info["notes"]:
        if note.get("resolved"):
            continue
        on = note.get("on", "map")
        steps, links = [], []
        if isinstance(on, dict) and "step" in on:
            steps = [str(on["step"])]
        elif isinstance(on, dict):
            links = [tuple(str(end) for end in on["link"])]
            steps = list(links[0])
        out.append(finding("open-note", "info", "An open note.", graph, steps, links,
                           note={"text": note["text"], "on": on}))  # fmt: skip
    return out


def summary(info: dict, graph: nx.DiGraph, handoffs: list, chain: int) -> dict:
    steps = graph.number_of_nodes()
    owned = sum(1 for _, data in graph.nodes(data=True) if data["department"] is not None)
    agreed = sum(1 for a, b in handoffs if graph.edges[a, b]["agreement"].strip())
    matrix: dict[str, dict[str, int]] = {}
    for a, b in handoffs:
        row = matrix.setdefault(graph.nodes[a]["department"], {})
        row[graph.nodes[b]["department"]] = row.get(graph.nodes[b]["department"], 0) + 1
    return {
        "steps": steps,
        "links": graph.number_of_edges(),
        "departments": len(info["departments"]),
        "owned_steps": owned,
        "ownership_coverage": round(owned / steps if steps else 1.0, 3),
        "handoffs": len(handoffs),
        "agreed_handoffs": agreed,
        "handoff_coverage": round(agreed / len(handoffs) if handoffs else 1.0, 3),
        "longest_handoff_chain": chain,
        "handoff_matrix": matrix,
    }


def main(argv: list[str]) -> int:
    info, graph = read_map(argv[0])
    report = analyze(info, graph)
    print(json.dumps(report, ensure_ascii=False))
    return 1 if any(f["severity"] == "error" for f in report["findings"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
