"""The snapshot diff of SPEC §3 (``diff.diff_maps``) by record, to be drawn on a map.

``diff_maps`` says what changed in sentences; this says which steps and links of the
map now (and which of the snapshot, for what is gone) the changes are about, with the
same matching: steps by id, links by their (from, to) pair, a gap closed when the map
no longer has it and opened when it is new.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.analysis.diff import handoff_gap_pairs
from laneway.model import JourneyMap, Step

Pair = tuple[str, str]


@dataclass(frozen=True)
class DiffMarks:
    #: Steps of the map now that the snapshot did not have.
    steps_added: frozenset[str]
    #: Steps of the snapshot that are gone (their records, as they were).
    steps_removed: tuple[Step, ...]
    #: Steps of both whose owner changed.
    steps_reowned: frozenset[str]
    #: Links of the map now whose pair the snapshot did not link (their ids now).
    links_added: frozenset[str]
    #: Pairs the snapshot linked and the map now does not.
    links_removed: tuple[Pair, ...]
    #: Handoff gaps of the snapshot the map no longer has (pairs).
    gaps_closed: tuple[Pair, ...]
    #: Handoff gaps of the map now that are new (pairs).
    gaps_opened: tuple[Pair, ...]

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.steps_added,
                self.steps_removed,
                self.steps_reowned,
                self.links_added,
                self.links_removed,
                self.gaps_closed,
                self.gaps_opened,
            )
        )


def diff_marks(before: JourneyMap, after: JourneyMap) -> DiffMarks:
    """What changed from ``before`` (a snapshot) to ``after`` (the map now), by record."""
    old_pairs = {link.pair for link in before.links.values()}
    new_pairs = {link.pair: link.id for link in after.links.values()}
    reowned = frozenset(
        step_id
        for step_id, step in after.steps.items()
        if step_id in before.steps and _owner(before, step_id) != _owner(after, step_id)
    )
    old_gaps, new_gaps = handoff_gap_pairs(before), handoff_gap_pairs(after)
    return DiffMarks(
        steps_added=frozenset(s for s in after.steps if s not in before.steps),
        steps_removed=tuple(step for s, step in before.steps.items() if s not in after.steps),
        steps_reowned=reowned,
        links_added=frozenset(k for pair, k in new_pairs.items() if pair not in old_pairs),
        links_removed=tuple(sorted(old_pairs - set(new_pairs))),
        gaps_closed=tuple(sorted(old_gaps - new_gaps)),
        gaps_opened=tuple(sorted(new_gaps - old_gaps)),
    )


def _owner(journey: JourneyMap, step_id: str) -> str | None:
    """The owner by name: a department renamed or re-created is still the same owner."""
    return journey.department_name(journey.steps[step_id].department_id)
