"""Where the journey starts and stops: ``no-entry``, ``unreachable-step``, ``dead-end``."""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _


def no_entry(jg: JourneyGraph) -> list[Finding]:
    if not jg.journey.steps or jg.entry_steps:
        return []
    return [
        Finding(
            "no-entry",
            _(
                "The journey has no entry step: every first step has another step before it, "
                "so mark where customers come in as an entry."
            ),
        )
    ]


def unreachable_steps(jg: JourneyGraph) -> list[Finding]:
    if not jg.entry_steps:
        return []  # reported once as no-entry instead
    reachable = jg.reachable
    return [
        Finding(
            "unreachable-step",
            _("No path from an entry step reaches {describe}.").format(
                describe=jg.describe(step_id)
            ),
            step_ids=(step_id,),
        )
        for step_id in jg.steps_in_order
        if step_id not in reachable
    ]


def dead_ends(jg: JourneyGraph) -> list[Finding]:
    if not jg.journey.stages:
        return []
    final, sinks, steps = jg.final_stage_id, jg.sinks, jg.journey.steps
    findings = []
    for step_id in jg.steps_in_order:
        if step_id not in sinks:
            continue
        step = steps[step_id]
        if step.terminal or step.stage_id == final:
            continue
        findings.append(
            Finding(
                "dead-end",
                _(
                    "The journey stops at {describe}: nothing follows it and it "
                    "is not marked as an end."
                ).format(describe=jg.describe(step_id)),
                step_ids=(step_id,),
            )
        )
    return findings
