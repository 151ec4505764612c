"""Tidy layout: steps in their own lane and stage column, ordered along the journey.

Each step gets a rank = the longest path reaching it in the forward journey
(loop-back links to an earlier stage dropped, cycles collapsed into their
strongly connected components), so links mostly run left to right. Within a
stage column, the ranks present become slots (card positions left to right);
steps sharing a slot in one cell are stacked, ordered by where their
predecessors sit (a barycentre pass), so links cross little. Linear in steps
plus links; no path enumeration.
"""

from __future__ import annotations

from collections.abc import Iterable

from laneway.layout.cells import Cell
from laneway.layout.geometry import Metrics
from laneway.model import JourneyMap


def journey_ranks(journey: JourneyMap) -> dict[str, int]:
    """Longest-path layer of each step in the forward journey's condensation."""
    import networkx as nx  # only here: the command line's analysis starts without it

    stage_rank = {s.id: i for i, s in enumerate(journey.stages_in_order())}
    forward = nx.DiGraph()
    forward.add_nodes_from(sorted(journey.steps))
    for link in journey.links.values():
        a = journey.steps[link.source].stage_id
        b = journey.steps[link.target].stage_id
        if a is not None and b is not None and stage_rank[b] < stage_rank[a]:
            continue  # a loop back (a referral) must not push the journey's start right
        forward.add_edge(link.source, link.target)
    condensed = nx.condensation(forward)
    layer: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        layer[component] = max((layer[p] + 1 for p in condensed.pred[component]), default=0)
    mapping = condensed.graph["mapping"]
    return {step_id: layer[mapping[step_id]] for step_id in journey.steps}


def tidy_positions(
    journey: JourneyMap,
    step_ids: Iterable[str] | None = None,
    metrics: Metrics | None = None,
) -> dict[str, tuple[float, float]]:
    """Cell-relative positions for ``step_ids`` (default: every step).

    Steps not being placed keep their positions; placed steps in a cell that holds
    other (placed) cards go below them, so nothing overlaps.
    """
    metrics = (metrics or Metrics()).base()  # positions in the map are at 1×
    chosen = set(journey.steps) if step_ids is None else set(step_ids) & set(journey.steps)
    if not chosen:
        return {}
    ranks = journey_ranks(journey)
    base_y = _free_top_per_cell(journey, chosen, metrics)

    # Slots: the ranks present in each stage column, compressed left to right.
    ranks_per_column: dict[str | None, set[int]] = {}
    for step_id in chosen:
        ranks_per_column.setdefault(journey.steps[step_id].stage_id, set()).add(ranks[step_id])
    slot_of = {
        column: {rank: slot for slot, rank in enumerate(sorted(present))}
        for column, present in ranks_per_column.items()
    }

    rows: dict[str, int] = {}
    filled: dict[tuple[Cell, int], int] = {}
    positions: dict[str, tuple[float, float]] = {}
    for step_id in _in_placing_order(journey, chosen, ranks, rows):
        step = journey.steps[step_id]
        cell = (step.department_id, step.stage_id)
        slot = slot_of[step.stage_id][ranks[step_id]]
        row = filled.get((cell, slot), 0)
        filled[(cell, slot)] = row + 1
        rows[step_id] = row
        positions[step_id] = (
            metrics.cell_padding + slot * metrics.step_x,
            base_y.get(cell, metrics.cell_padding) + row * metrics.step_y,
        )
    return positions


def _in_placing_order(
    journey: JourneyMap, chosen: set[str], ranks: dict[str, int], rows: dict[str, int]
) -> Iterable[str]:
    """Rank by rank; within a rank by the barycentre of rows placed before."""
    by_rank: dict[int, list[str]] = {}
    for step_id in chosen:
        by_rank.setdefault(ranks[step_id], []).append(step_id)
    for rank in sorted(by_rank):
        group = sorted(by_rank[rank], key=lambda s: (_barycentre(journey, s, rows), s))
        yield from group


def _barycentre(journey: JourneyMap, step_id: str, rows: dict[str, int]) -> float:
    """Mean row of the already-placed predecessors (0 when none): keeps chains level."""
    placed = [rows[link.source] for link in journey.incoming(step_id) if link.source in rows]
    return sum(placed) / len(placed) if placed else 0.0


def _free_top_per_cell(
    journey: JourneyMap, chosen: set[str], metrics: Metrics
) -> dict[Cell, float]:
    """Where placing may start in each cell: below the cards that stay where they are."""
    tops: dict[Cell, float] = {}
    for step in journey.steps.values():
        if step.id in chosen or step.x is None or step.y is None:
            continue
        cell = (step.department_id, step.stage_id)
        bottom = step.y + metrics.card_height + metrics.gap_y
        tops[cell] = max(tops.get(cell, metrics.cell_padding), bottom)
    return tops
