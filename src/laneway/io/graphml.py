"""GraphML export (networkx, yEd, Gephi): steps and links with all their fields."""

from __future__ import annotations

import io

import networkx as nx

from laneway.model import JourneyMap


def to_graph(journey: JourneyMap) -> nx.DiGraph:
    graph = nx.DiGraph(title=journey.info.title, description=journey.info.description)
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
        )
    return graph


def write_bytes(journey: JourneyMap) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(to_graph(journey), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
