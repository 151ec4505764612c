"""Who owns what: ``unowned-step`` and ``idle-department``."""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _


def unowned_steps(jg: JourneyGraph) -> list[Finding]:
    findings = []
    steps = jg.journey.steps
    for step_id in jg.steps_in_order:
        step = steps[step_id]
        if step.department_id is not None:
            continue
        stage = jg.journey.stage_name(step.stage_id)
        where = _(" in {stage}").format(stage=stage) if stage else ""
        findings.append(
            Finding(
                "unowned-step",
                _("Nobody owns '{title}'{where}.").format(title=step.title, where=where),
                step_ids=(step_id,),
            )
        )
    return findings


def idle_departments(jg: JourneyGraph) -> list[Finding]:
    owners = {step.department_id for step in jg.journey.steps.values()}
    return [
        Finding(
            "idle-department",
            _("{name} owns no step.").format(name=department.name),
            department_id=department.id,
        )
        for department in jg.journey.departments_in_order()
        if department.id not in owners
    ]
