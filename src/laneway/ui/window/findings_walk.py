"""The findings walk of presentation mode (SPEC §6), as plain data: no Qt.

The room walks the findings worst first: errors, then warnings, then notes (the
severities of SPEC §2), and within one severity along the journey, in the order the
customer meets what each finding concerns: its earliest stage, then its earliest
step along the links (``journey_ranks``), then lane, then title. A finding about a
stage sits where that stage starts; one about a department (or the map as a whole)
after every stage of its severity.

Each stop says what to show: the steps and links it concerns, else its stage column
or its department's lane, else the whole map.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.analysis import Finding, Report
from laneway.analysis.findings import SEVERITIES
from laneway.layout import journey_ranks
from laneway.model import JourneyMap


@dataclass(frozen=True)
class Stop:
    """One finding of the walk and what the view shows for it."""

    finding: Finding
    step_ids: tuple[str, ...]
    link_ids: tuple[str, ...]
    #: Where the customer meets the finding: its links' sources, else its steps.
    anchors: tuple[str, ...] = ()
    #: The stage column to show when the finding concerns no step or link.
    stage_id: str | None = None
    #: The lane to show when the finding concerns no step, link or stage.
    department_id: str | None = None

    @property
    def sentence(self) -> str:
        return self.finding.message

    @property
    def severity(self) -> str:
        return self.finding.severity


def walk_order(journey: JourneyMap, report: Report) -> list[Stop]:
    """Every finding of ``report`` as a stop, in the walk's order."""
    ranks = journey_ranks(journey)
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages_in_order())}
    lane_index = {d.id: i for i, d in enumerate(journey.departments_in_order())}
    after_stages = len(stage_index) + 1

    def step_place(step_id: str) -> tuple:
        step = journey.steps[step_id]
        return (
            stage_index.get(step.stage_id, len(stage_index)) if step.stage_id else len(stage_index),
            ranks.get(step_id, 0),
            lane_index.get(step.department_id, -1) if step.department_id else -1,
            step.title.casefold(),
            step_id,
        )

    def place(stop: Stop) -> tuple:
        if stop.anchors:
            return min(step_place(s) for s in stop.anchors)
        if stop.stage_id is not None and stop.stage_id in stage_index:
            return (stage_index[stop.stage_id], -1, -1, "", "")
        if stop.department_id is not None:
            return (after_stages, 0, lane_index.get(stop.department_id, -1), "", "")
        return (after_stages + 1, 0, -1, "", "")

    severity_rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    stops = [_stop(journey, finding) for finding in report.findings]
    return sorted(stops, key=lambda stop: (severity_rank[stop.severity], place(stop)))


def _stop(journey: JourneyMap, finding: Finding) -> Stop:
    steps = [s for s in finding.step_ids if s in journey.steps]
    links = [k for k in finding.link_ids if k in journey.links]
    anchors = tuple(journey.links[k].source for k in links) or tuple(steps)
    for link_id in links:  # a link is shown with both its ends
        for step_id in journey.links[link_id].pair:
            if step_id not in steps:
                steps.append(step_id)
    stage = finding.stage_id if finding.stage_id in journey.stages else None
    department = finding.department_id
    if department is None and finding.department_ids:
        department = finding.department_ids[0]
    if department not in journey.departments:
        department = None
    return Stop(finding, tuple(steps), tuple(links), anchors, stage, department)


@dataclass
class Walk:
    """Where the room is in the walk: ``index`` is -1 before the first stop."""

    stops: list[Stop]
    index: int = -1

    @property
    def current(self) -> Stop | None:
        return self.stops[self.index] if 0 <= self.index < len(self.stops) else None

    def go(self, index: int) -> Stop | None:
        """Move to stop ``index`` (kept inside the walk); None when there is none."""
        if not self.stops:
            self.index = -1
            return None
        self.index = max(0, min(len(self.stops) - 1, index))
        return self.current

    def next(self) -> Stop | None:
        return self.go(self.index + 1)

    def previous(self) -> Stop | None:
        return self.go(self.index - 1 if self.index > 0 else 0)

    def follow(self, stops: list[Stop]) -> None:
        """The analysis re-ran: keep the room on the same finding when it is still there."""
        current = self.current
        self.stops = stops
        if current is None:
            self.index = min(self.index, len(stops) - 1)
            return
        keys = [_key(stop.finding) for stop in stops]
        wanted = _key(current.finding)
        self.index = keys.index(wanted) if wanted in keys else min(self.index, len(stops) - 1)


def _key(finding: Finding) -> tuple:
    return (finding.rule, finding.step_ids, finding.link_ids, finding.stage_id,
            finding.department_id, finding.note_id)  # fmt: skip
