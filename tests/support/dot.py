"""The same map as a Graphviz ``dot`` file: a cluster per department, one node per step,
one edge per link (what the export benchmarks compare Laneway with)."""

from __future__ import annotations

import json

from laneway.model import JourneyMap


def dot_source(journey: JourneyMap) -> str:
    lines = ["digraph journey {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    by_department: dict[str | None, list[str]] = {}
    for step in journey.steps.values():
        by_department.setdefault(step.department_id, []).append(step.id)
    for index, (department_id, step_ids) in enumerate(by_department.items()):
        name = journey.department_name(department_id) or "Unassigned"
        lines.append(f"  subgraph cluster_{index} {{ label={json.dumps(name)};")
        for step_id in step_ids:
            title = journey.steps[step_id].title
            lines.append(f"    {json.dumps(step_id)} [label={json.dumps(title)}];")
        lines.append("  }")
    for link in journey.links.values():
        style = ' [style=dashed, color="#d64545"]' if journey.is_gap(link) else ""
        lines.append(f"  {json.dumps(link.source)} -> {json.dumps(link.target)}{style};")
    lines.append("}")
    return "\n".join(lines) + "\n"
