"""What the graph rules found, kept between analyses while the graph stays the same.

Most edits in a workshop (a title, a description, an agreement, a position, a new
step not linked yet) leave the links, the order of the stages and the lanes and
stages of linked steps as they were. Reachability, loops, the longest handoff
chain and the bottlenecks are then taken over from the previous analysis; the
per-step rules and every message still run on the map as it is now.

``analyze(journey, reuse=report.structure)`` passes one in; the report hands the
structure it used (taken over or new) back as ``Report.structure``.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.model import ChangeSet, JourneyMap


@dataclass(frozen=True)
class HandoffChain:
    """The longest handoff chain: its number of handoffs and one chain that long."""

    length: int
    step_ids: tuple[str, ...]
    link_ids: tuple[str, ...]


@dataclass(frozen=True)
class Structure:
    """What the graph rules found on one map, to hand to the next analysis."""

    entry_steps: frozenset[str]
    reachable: frozenset[str]
    #: Strongly connected components of the forward journey with two or more steps.
    loops: tuple[frozenset[str], ...]
    chain: HandoffChain
    bottlenecks: frozenset[str]
    handoff_link_ids: tuple[str, ...]


def keeps_structure(changeset: ChangeSet, journey: JourneyMap) -> bool:
    """True when ``changeset`` (already applied to ``journey``) leaves the graph alone.

    Entry steps are not judged here: the analysis compares them before reusing.
    """
    for change in changeset.changes:
        old, new = change.old, change.new
        if change.table == "link":
            if (
                old is None
                or new is None
                or (old.source, old.target)
                != (
                    new.source,
                    new.target,
                )
            ):
                return False
        elif change.table == "stage":
            if old is not None and new is not None and old.order != new.order:
                return False
        elif change.table == "step" and old is not None and new is not None:
            moved = (old.department_id, old.stage_id) != (new.department_id, new.stage_id)
            if moved and journey.links_of(new.id):
                return False
    return True
