"""Mermaid flowchart export for wikis and READMEs: a subgraph per department,
handoff gaps drawn red and dashed."""

from __future__ import annotations

from laneway.model import JourneyMap
from laneway.model.palette import ALARM, ALARM_FILL, ALARM_TEXT

GAP_STYLE = f"stroke:{ALARM},stroke-width:3px,stroke-dasharray:6 4"
#: The Unassigned subgraph's own background: lighter than an unowned step's fill.
UNASSIGNED_LANE_FILL = "#fff5f5"


def _text(text: str) -> str:
    """Mermaid label text: quotes and markup characters as entities."""
    return (
        text.replace("&", "#amp;")
        .replace('"', "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("\n", " ")
    )


def write_text(journey: JourneyMap) -> str:
    names = {step_id: f"n{i}" for i, step_id in enumerate(journey.steps, start=1)}
    lines = ["---", f"title: {_text(journey.info.title)}", "---", "flowchart LR"]
    lanes: list[tuple[str, str, list[str]]] = []
    for index, department in enumerate(journey.departments_in_order(), start=1):
        members = [s.id for s in journey.steps.values() if s.department_id == department.id]
        lanes.append((f"d{index}", department.name, members))
    unowned = [s.id for s in journey.steps.values() if s.department_id is None]
    if unowned:
        lanes.insert(0, ("unassigned", "Unassigned (nobody owns these)", unowned))
    for lane_id, name, members in lanes:
        if not members:
            continue
        lines.append(f'  subgraph {lane_id}["{_text(name)}"]')
        for step_id in members:
            lines.append(f'    {names[step_id]}["{_text(journey.steps[step_id].title)}"]')
        lines.append("  end")
    gaps = []
    for index, link in enumerate(journey.links.values()):
        label = link.agreement.strip() or link.label.strip()
        arrow = f' -->|"{_text(label)}"| ' if label else " --> "
        lines.append(f"  {names[link.source]}{arrow}{names[link.target]}")
        if journey.is_gap(link):
            gaps.append(str(index))
    if gaps:
        lines.append(f"  linkStyle {','.join(gaps)} {GAP_STYLE}")
    if unowned:
        lines.append(f"  classDef unowned fill:{ALARM_FILL},stroke:{ALARM},color:{ALARM_TEXT}")
        lines.append(f"  class {','.join(names[s] for s in unowned)} unowned")
        lines.append(f"  style unassigned fill:{UNASSIGNED_LANE_FILL},stroke:{ALARM}")
    return "\n".join(lines) + "\n"


def write_bytes(journey: JourneyMap) -> bytes:
    return write_text(journey).encode("utf-8")
