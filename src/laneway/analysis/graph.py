"""The map as a networkx graph, and the SPEC §2 terms every rule builds on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from laneway.model import JourneyMap, Link, Step


def to_digraph(journey: JourneyMap) -> nx.DiGraph:
    """Steps are nodes, links are edges carrying their ``link_id``."""
    graph = nx.DiGraph()
    graph.add_nodes_from(journey.steps)
    graph.add_edges_from(
        (link.source, link.target, {"link_id": link.id}) for link in journey.links.values()
    )
    return graph


@dataclass
class JourneyGraph:
    """A map read once for analysis: the graph plus the derived terms of SPEC §2."""

    journey: JourneyMap
    graph: nx.DiGraph

    @classmethod
    def of(cls, journey: JourneyMap) -> JourneyGraph:
        return cls(journey, to_digraph(journey))

    # --------------------------------------------------------------- ordering
    @cached_property
    def stage_rank(self) -> dict[str, int]:
        return {stage.id: rank for rank, stage in enumerate(self.journey.stages_in_order())}

    @cached_property
    def department_rank(self) -> dict[str, int]:
        return {d.id: rank for rank, d in enumerate(self.journey.departments_in_order())}

    def step_order_key(self, step_id: str) -> tuple:
        """Findings list steps along the map: by stage, then lane, then title, then id."""
        step = self.journey.steps[step_id]
        return (
            self.stage_rank.get(step.stage_id, len(self.stage_rank)) if step.stage_id else 1 << 30,
            self.department_rank.get(step.department_id, -1) if step.department_id else -1,
            step.title.casefold(),
            step.id,
        )

    @cached_property
    def steps_in_order(self) -> list[str]:
        return sorted(self.journey.steps, key=self.step_order_key)

    # ------------------------------------------------------------------ terms
    def is_handoff(self, link: Link) -> bool:
        return self.journey.is_handoff(link)

    @cached_property
    def handoff_links(self) -> list[Link]:
        return [link for link in self.journey.links.values() if self.is_handoff(link)]

    @cached_property
    def entry_steps(self) -> set[str]:
        """SPEC §2 entry steps: flagged ones, else the earliest stage's, else sources."""
        steps = self.journey.steps
        flagged = {sid for sid, step in steps.items() if step.entry}
        if flagged:
            return flagged
        staged = [step for step in steps.values() if step.stage_id is not None]
        if staged:
            first_rank = min(self.stage_rank[step.stage_id] for step in staged)
            first = {s.id for s in staged if self.stage_rank[s.stage_id] == first_rank}
            return {
                sid
                for sid in first
                if not any(pred in first for pred in self.graph.predecessors(sid))
            }
        return {sid for sid in steps if self.graph.in_degree(sid) == 0}

    @cached_property
    def final_stage_id(self) -> str | None:
        stages = self.journey.stages_in_order()
        return stages[-1].id if stages else None

    @cached_property
    def sinks(self) -> set[str]:
        return {sid for sid in self.graph if self.graph.out_degree(sid) == 0}

    @cached_property
    def reachable(self) -> set[str]:
        """Every step some entry step reaches (the entries included)."""
        seen = set(self.entry_steps)
        frontier = list(seen)
        successors = self.graph.succ
        while frontier:
            node = frontier.pop()
            for nxt in successors[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        return seen

    def is_loop_back(self, link: Link) -> bool:
        """A link back to an earlier stage (a referral to Awareness, say)."""
        source = self.journey.steps[link.source].stage_id
        target = self.journey.steps[link.target].stage_id
        if source is None or target is None:
            return False
        return self.stage_rank[target] < self.stage_rank[source]

    @cached_property
    def components(self) -> list[set[str]]:
        """Strongly connected components of the whole graph."""
        return [set(c) for c in nx.strongly_connected_components(self.graph)]

    # ---------------------------------------------------------------- wording
    def step(self, step_id: str) -> Step:
        return self.journey.steps[step_id]

    def department_name(self, department_id: str | None) -> str:
        return self.journey.department_name(department_id) or "nobody"

    def describe(self, step_id: str) -> str:
        """'Title' (Department, Stage) — how messages name a step."""
        step = self.journey.steps[step_id]
        where = [
            name
            for name in (
                self.journey.department_name(step.department_id),
                self.journey.stage_name(step.stage_id),
            )
            if name
        ]
        return f"'{step.title}'" + (f" ({', '.join(where)})" if where else "")
