"""GraphML export (networkx, yEd, Gephi): steps and links with all their fields.

The journey content goes along as plain attributes: a step's ``personas`` (names, ``;``
between them; empty: all), each step's and link's ``notes`` (one per line) and
``open_notes`` (how many), a link's cited ``terms``, and on the graph the map's
``personas``, ``definitions`` ("TERM: meaning" per line) and its own ``notes``.
"""

from __future__ import annotations

import io

import networkx as nx

from laneway.model import JourneyMap, cited_terms


def _notes(journey: JourneyMap, kind: str, record_id: str | None) -> dict[str, object]:
    notes = journey.notes_on(kind, record_id)
    return {
        "notes": "\n".join(note.text for note in notes),
        "open_notes": sum(1 for note in notes if not note.resolved),
    }


def to_graph(journey: JourneyMap) -> nx.DiGraph:
    graph = nx.DiGraph(
        title=journey.info.title,
        description=journey.info.description,
        personas="; ".join(p.name for p in journey.personas_in_order()),
        definitions="\n".join(f"{d.term}: {d.meaning}" for d in journey.definitions_in_order()),
        **_notes(journey, "map", None),
    )
    for step in journey.steps.values():
        attributes = {
            "label": step.title,
            "title": step.title,
            "department": journey.department_name(step.department_id) or "",
            "stage": journey.stage_name(step.stage_id) or "",
            "channel": step.channel,
            "description": step.description,
            "customer_action": step.customer_action,
            "pain_points": step.pain_points,
            "kpi": step.kpi,
            "responsible": step.responsible,
            "entry": step.entry,
            "terminal": step.terminal,
            "personas": "; ".join(journey.personas[p].name for p in step.personas),
            **_notes(journey, "step", step.id),
        }
        if step.emotion is not None:
            attributes["emotion"] = step.emotion
        if step.x is not None and step.y is not None:
            attributes["x"], attributes["y"] = float(step.x), float(step.y)
        graph.add_node(step.id, **attributes)
    for link in journey.links.values():
        handoff = journey.is_handoff(link)
        graph.add_edge(
            link.source,
            link.target,
            id=link.id,
            label=link.label,
            agreement=link.agreement,
            sla=link.sla,
            handoff=handoff,
            gap=journey.is_gap(link),
            terms="; ".join(dict.fromkeys(c.term.strip() for c in cited_terms(link.agreement))),
            **_notes(journey, "link", link.id),
        )
    return graph


def write_bytes(journey: JourneyMap) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(to_graph(journey), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
