"""What changed between a snapshot and the map now: steps, links, owners, gaps, and the
journey content (definitions, notes, personas: ``content_diff``).

Steps are matched by id, links by their (from, to) pair. A handoff gap is
"closed" when the map no longer has it (agreed, re-owned or removed) and
"opened" when it is new.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from laneway.analysis.content_diff import CONTENT_SECTIONS, ContentDiff, diff_content
from laneway.i18n import N_, _
from laneway.model import JourneyMap

_COMPARED_STEP_FIELDS = (
    ("title", N_("title")),
    ("channel", N_("channel")),
    ("description", N_("description")),
    ("customer_action", N_("customer action")),
    ("emotion", N_("emotion")),
    ("pain_points", N_("pain points")),
    ("kpi", "KPI"),
    ("responsible", N_("responsible")),
    ("entry", N_("entry")),
    ("terminal", N_("terminal")),
)


@dataclass(frozen=True)
class MapDiff:
    snapshot: str
    steps_added: list[str] = field(default_factory=list)
    steps_removed: list[str] = field(default_factory=list)
    steps_changed: list[str] = field(default_factory=list)
    owners_changed: list[str] = field(default_factory=list)
    links_added: list[str] = field(default_factory=list)
    links_removed: list[str] = field(default_factory=list)
    agreements_changed: list[str] = field(default_factory=list)
    gaps_closed: list[str] = field(default_factory=list)
    gaps_opened: list[str] = field(default_factory=list)
    unowned_before: int = 0
    unowned_after: int = 0
    content: ContentDiff = field(default_factory=ContentDiff)

    @property
    def unchanged(self) -> bool:
        return not any(
            (
                self.steps_added,
                self.steps_removed,
                self.steps_changed,
                self.owners_changed,
                self.links_added,
                self.links_removed,
                self.agreements_changed,
                *asdict(self.content).values(),
            )
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "snapshot": self.snapshot,
            "steps_added": self.steps_added,
            "steps_removed": self.steps_removed,
            "steps_changed": self.steps_changed,
            "owners_changed": self.owners_changed,
            "links_added": self.links_added,
            "links_removed": self.links_removed,
            "agreements_changed": self.agreements_changed,
            "gaps_closed": self.gaps_closed,
            "gaps_opened": self.gaps_opened,
            "unowned_before": self.unowned_before,
            "unowned_after": self.unowned_after,
            **asdict(self.content),
        }


def _owner(journey: JourneyMap, step_id: str) -> str:
    return journey.department_name(journey.steps[step_id].department_id) or "nobody"


def _pairs(journey: JourneyMap) -> dict[tuple[str, str], str]:
    return {link.pair: link.id for link in journey.links.values()}


def _arrow(journey: JourneyMap, pair: tuple[str, str]) -> str:
    source, target = pair
    return f"'{journey.steps[source].title}' → '{journey.steps[target].title}'"


def handoff_gap_pairs(journey: JourneyMap) -> set[tuple[str, str]]:
    return {link.pair for link in journey.links.values() if journey.is_gap(link)}


def diff_maps(before: JourneyMap, after: JourneyMap, snapshot_name: str) -> MapDiff:
    result = MapDiff(snapshot_name)
    for step_id, step in after.steps.items():
        if step_id not in before.steps:
            result.steps_added.append(f"'{step.title}' ({_owner(after, step_id)})")
            continue
        old = before.steps[step_id]
        changed = [
            _(label)
            for name, label in _COMPARED_STEP_FIELDS
            if getattr(old, name) != getattr(step, name)
        ]
        if before.stage_name(old.stage_id) != after.stage_name(step.stage_id):
            changed.append("stage")
        if _persona_names(before, old.personas) != _persona_names(after, step.personas):
            changed.append("personas")
        if changed:
            result.steps_changed.append(f"'{step.title}': {', '.join(changed)}")
        old_owner, new_owner = _owner(before, step_id), _owner(after, step_id)
        if old_owner != new_owner:
            result.owners_changed.append(f"'{step.title}': {old_owner} → {new_owner}")
    for step_id, step in before.steps.items():
        if step_id not in after.steps:
            result.steps_removed.append(f"'{step.title}' ({_owner(before, step_id)})")
    old_pairs, new_pairs = _pairs(before), _pairs(after)
    for pair, link_id in new_pairs.items():
        if pair not in old_pairs:
            result.links_added.append(_arrow(after, pair))
            continue
        old_link = before.links[old_pairs[pair]]
        new_link = after.links[link_id]
        if (old_link.agreement, old_link.sla) != (new_link.agreement, new_link.sla):
            result.agreements_changed.append(
                f"{_arrow(after, pair)}: {new_link.agreement.strip() or _('no agreement')}"
            )
    for pair in old_pairs:
        if pair not in new_pairs:
            result.links_removed.append(_arrow(before, pair))
    old_gaps, new_gaps = handoff_gap_pairs(before), handoff_gap_pairs(after)
    result.gaps_closed.extend(_arrow(before, pair) for pair in sorted(old_gaps - new_gaps))
    result.gaps_opened.extend(_arrow(after, pair) for pair in sorted(new_gaps - old_gaps))
    return MapDiff(
        **{
            **result.__dict__,
            "unowned_before": sum(not s.owned for s in before.steps.values()),
            "unowned_after": sum(not s.owned for s in after.steps.values()),
            "content": diff_content(before, after),
        }
    )


def _persona_names(journey: JourneyMap, persona_ids: tuple[str, ...]) -> list[str]:
    """Persona ids differ between a snapshot and the map: compare the names."""
    return [journey.personas[persona_id].name.casefold() for persona_id in persona_ids]


def format_diff(diff: MapDiff) -> str:
    lines = [_("Changes since snapshot '{snapshot}':").format(snapshot=diff.snapshot)]
    if diff.unchanged:
        lines.append(_("  Nothing changed."))
    sections = (
        (_("Gaps closed"), diff.gaps_closed),
        (_("Gaps opened"), diff.gaps_opened),
        (_("Steps added"), diff.steps_added),
        (_("Steps removed"), diff.steps_removed),
        (_("Owners changed"), diff.owners_changed),
        (_("Steps edited"), diff.steps_changed),
        (_("Links added"), diff.links_added),
        (_("Links removed"), diff.links_removed),
        (_("Agreements changed"), diff.agreements_changed),
        *((_(heading), getattr(diff.content, name)) for heading, name in CONTENT_SECTIONS),
    )
    for heading, items in sections:
        if items:
            lines.append(f"  {heading} ({len(items)}):")
            lines.extend(f"    - {item}" for item in items)
    lines.append(
        _("  Unowned steps: {unowned_before} → {unowned_after}").format(
            unowned_before=diff.unowned_before, unowned_after=diff.unowned_after
        )
    )
    return "\n".join(lines)
