"""``empty-stage``: a column of the journey nobody filled."""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _


def empty_stages(jg: JourneyGraph) -> list[Finding]:
    used = {step.stage_id for step in jg.journey.steps.values()}
    return [
        Finding(
            "empty-stage",
            _("No step is in the stage {name}.").format(name=stage.name),
            stage_id=stage.id,
        )
        for stage in jg.journey.stages_in_order()
        if stage.id not in used
    ]
