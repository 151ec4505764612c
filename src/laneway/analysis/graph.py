"""The SPEC §2 terms every rule builds on, and the map as a networkx graph.

The rules walk plain adjacency lists (``JourneyGraph``); networkx is imported only by
``to_digraph``, for callers that want the graph itself, so the command line starts
without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from laneway.analysis.scc import strongly_connected_components, topological_order
from laneway.analysis.structure import Structure
from laneway.model import JourneyMap, Link, Step

if TYPE_CHECKING:
    import networkx as nx


def to_digraph(journey: JourneyMap) -> nx.DiGraph:
    """Steps are nodes, links are edges carrying their ``link_id``."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(journey.steps)
    graph.add_edges_from(
        (link.source, link.target, {"link_id": link.id}) for link in journey.links.values()
    )
    return graph


class JourneyGraph:
    """A map read once for analysis: adjacency plus the derived terms of SPEC §2.

    ``reuse`` is the structure of an earlier analysis of this map, offered when the edits
    since kept the graph; it is taken (``reused``) when the entry steps are still the
    same ones, and its reachability, loops and handoff links then stand for this map's.
    """

    def __init__(self, journey: JourneyMap, reuse: Structure | None = None) -> None:
        self.journey = journey
        self._offered = reuse

    @classmethod
    def of(cls, journey: JourneyMap, reuse: Structure | None = None) -> JourneyGraph:
        return cls(journey, reuse)

    @cached_property
    def reused(self) -> Structure | None:
        offered = self._offered
        if offered is not None and offered.entry_steps == frozenset(self.entry_steps):
            return offered
        return None

    @cached_property
    def _adjacency(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        out: dict[str, list[str]] = {step_id: [] for step_id in self.journey.steps}
        into: dict[str, list[str]] = {step_id: [] for step_id in self.journey.steps}
        for link in self.journey.links.values():
            out[link.source].append(link.target)
            into[link.target].append(link.source)
        return out, into

    @property
    def succ(self) -> dict[str, list[str]]:
        return self._adjacency[0]

    @property
    def pred(self) -> dict[str, list[str]]:
        return self._adjacency[1]

    # --------------------------------------------------------------- ordering
    @cached_property
    def stage_rank(self) -> dict[str, int]:
        return {stage.id: rank for rank, stage in enumerate(self.journey.stages_in_order())}

    @cached_property
    def department_rank(self) -> dict[str, int]:
        return {d.id: rank for rank, d in enumerate(self.journey.departments_in_order())}

    @cached_property
    def steps_in_order(self) -> list[str]:
        """Findings list steps along the map: by stage, then lane, then title, then id."""
        stage_rank, department_rank = self.stage_rank, self.department_rank
        no_stage = len(stage_rank)
        keys = [
            (
                stage_rank[step.stage_id] if step.stage_id else no_stage,
                department_rank[step.department_id] if step.department_id else -1,
                step.title.casefold(),
                step.id,
            )
            for step in self.journey.steps.values()
        ]
        keys.sort()
        return [key[3] for key in keys]

    @cached_property
    def _order_index(self) -> dict[str, int]:
        return {step_id: i for i, step_id in enumerate(self.steps_in_order)}

    def step_order_key(self, step_id: str) -> int:
        return self._order_index[step_id]

    def links_in_order(self, links: Iterable[Link]) -> list[Link]:
        """Links along the map: by their source's place, then their target's."""
        order = self._order_index
        return sorted(links, key=lambda link: (order[link.source], order[link.target]))

    # ------------------------------------------------------------------ terms
    @cached_property
    def handoff_links(self) -> list[Link]:
        links = self.journey.links
        if self.reused is not None:
            return [links[link_id] for link_id in self.reused.handoff_link_ids]
        is_handoff = self.journey.is_handoff
        return [link for link in links.values() if is_handoff(link)]

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
            return {sid for sid in first if not any(pred in first for pred in self.pred[sid])}
        return {sid for sid in steps if not self.pred[sid]}

    @cached_property
    def final_stage_id(self) -> str | None:
        stages = self.journey.stages_in_order()
        return stages[-1].id if stages else None

    @cached_property
    def sinks(self) -> set[str]:
        return {sid for sid, targets in self.succ.items() if not targets}

    @cached_property
    def reachable(self) -> set[str] | frozenset[str]:
        """Every step some entry step reaches (the entries included)."""
        if self.reused is not None:
            return self.reused.reachable
        seen = set(self.entry_steps)
        frontier = list(seen)
        successors = self.succ
        while frontier:
            node = frontier.pop()
            for nxt in successors[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        return seen

    @cached_property
    def topological_order(self) -> list[str] | None:
        """Every step after all the steps that lead to it; None when there is a cycle."""
        return topological_order(self.journey.steps, self.succ)

    @cached_property
    def loops(self) -> list[frozenset[str]] | tuple[frozenset[str], ...]:
        """The forward journey's components of two or more steps: where customers go
        round without going back to an earlier stage."""
        if self.reused is not None:
            return self.reused.loops
        return [frozenset(c) for c in self.forward_components if len(c) > 1]

    @cached_property
    def loop_back_links(self) -> set[str]:
        """Links whose two ends have stages, the target's before the source's."""
        rank = self.stage_rank
        step_rank = {
            step_id: rank[step.stage_id]
            for step_id, step in self.journey.steps.items()
            if step.stage_id is not None
        }
        found = set()
        for link in self.journey.links.values():
            source, target = step_rank.get(link.source), step_rank.get(link.target)
            if source is not None and target is not None and target < source:
                found.add(link.id)
        return found

    @cached_property
    def forward_succ(self) -> dict[str, list[str]]:
        """The forward journey's adjacency: the graph without its loop-back links."""
        loop_back = self.loop_back_links
        if not loop_back:
            return self.succ
        forward: dict[str, list[str]] = {step_id: [] for step_id in self.journey.steps}
        for link in self.journey.links.values():
            if link.id not in loop_back:
                forward[link.source].append(link.target)
        return forward

    @cached_property
    def forward_components(self) -> list[list[str]]:
        """Components of the forward journey (no loop-back links), sinks first."""
        return strongly_connected_components(self.journey.steps, self.forward_succ)

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
