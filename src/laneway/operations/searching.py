"""Find steps, links, lanes and stages by their text (the app's Ctrl+F).

What is searched is a table, ``SEARCHED``: one row per field, saying which kind of
record it belongs to, what the field is called and how to read it from the map. A new
kind of text (notes, once a map has them) is one more row. A search matches ignoring
case and accents ("cafe" finds "Café"); the matches come in the order the canvas reads —
stage by stage, lane by lane, then stages and lanes themselves — each record once, with
the fields that matched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from laneway.model import JourneyMap

Kind = Literal["step", "link", "department", "stage"]


@dataclass(frozen=True)
class SearchedField:
    kind: Kind
    #: How the field is named in a match ("title", "agreement", …).
    name: str
    #: The texts of that field of one record (a record id → its texts).
    read: Callable[[JourneyMap, str], Iterable[str]]


def _step(field: str) -> Callable[[JourneyMap, str], Iterable[str]]:
    return lambda journey, step_id: (getattr(journey.steps[step_id], field),)


def _link(field: str) -> Callable[[JourneyMap, str], Iterable[str]]:
    return lambda journey, link_id: (getattr(journey.links[link_id], field),)


def _step_department(journey: JourneyMap, step_id: str) -> Iterable[str]:
    return (journey.department_name(journey.steps[step_id].department_id) or "",)


def _step_stage(journey: JourneyMap, step_id: str) -> Iterable[str]:
    return (journey.stage_name(journey.steps[step_id].stage_id) or "",)


SEARCHED: tuple[SearchedField, ...] = (
    SearchedField("step", "title", _step("title")),
    SearchedField("step", "department", _step_department),
    SearchedField("step", "stage", _step_stage),
    SearchedField("step", "channel", _step("channel")),
    SearchedField("step", "description", _step("description")),
    SearchedField("step", "customer action", _step("customer_action")),
    SearchedField("step", "pain points", _step("pain_points")),
    SearchedField("step", "KPI", _step("kpi")),
    SearchedField("step", "responsible", _step("responsible")),
    SearchedField("link", "agreement", _link("agreement")),
    SearchedField("link", "SLA", _link("sla")),
    SearchedField("link", "label", _link("label")),
    SearchedField("department", "name", lambda j, d: (j.departments[d].name,)),
    SearchedField("stage", "name", lambda j, s: (j.stages[s].name,)),
)


@dataclass(frozen=True)
class Match:
    kind: Kind
    record_id: str
    #: The searched fields whose text holds the query, in ``SEARCHED`` order.
    fields: tuple[str, ...]


def folded(text: str) -> str:
    """Text as a search compares it: no case, no accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search(
    journey: JourneyMap, query: str, fields: Iterable[SearchedField] = SEARCHED
) -> list[Match]:
    """Every record with a searched field that holds ``query``, in reading order."""
    wanted = folded(query.strip())
    if not wanted:
        return []
    by_kind: dict[Kind, list[SearchedField]] = {}
    for searched in fields:
        by_kind.setdefault(searched.kind, []).append(searched)
    matches: list[Match] = []
    for kind, record_ids in _records_in_order(journey):
        for record_id in record_ids:
            hits = tuple(
                searched.name
                for searched in by_kind.get(kind, ())
                if any(wanted in folded(text) for text in searched.read(journey, record_id))
            )
            if hits:
                matches.append(Match(kind, record_id, hits))
    return matches


def reading_order(journey: JourneyMap) -> list[str]:
    """Every step as the canvas reads: stage by stage (steps without a stage last), in
    each lane by lane (Unassigned, on top, first), then top to bottom, left to right."""
    stage_rank = {stage.id: index for index, stage in enumerate(journey.stages_in_order())}
    lane_rank = {d.id: index for index, d in enumerate(journey.departments_in_order())}

    def key(step_id: str) -> tuple:
        step = journey.steps[step_id]
        return (
            stage_rank.get(step.stage_id, len(stage_rank)),
            lane_rank.get(step.department_id, -1),
            step.y or 0.0,
            step.x or 0.0,
            step_id,
        )

    return sorted(journey.steps, key=key)


def _records_in_order(journey: JourneyMap) -> list[tuple[Kind, list[str]]]:
    step_ids = reading_order(journey)
    position = {step_id: index for index, step_id in enumerate(step_ids)}
    link_ids = sorted(
        journey.links,
        key=lambda k: (position[journey.links[k].source], position[journey.links[k].target]),
    )
    return [
        ("step", step_ids),
        ("link", link_ids),
        ("stage", [s.id for s in journey.stages_in_order()]),
        ("department", [d.id for d in journey.departments_in_order()]),
    ]
