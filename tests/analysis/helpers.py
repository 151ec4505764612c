"""Small maps for rule tests, written as text so each test reads like its picture."""

from __future__ import annotations

from laneway.analysis import Report, analyze
from laneway.model import JourneyMap, MapInfo


def journey(
    steps: dict[str, tuple[str | None, str | None]],
    links: list[tuple[str, str] | tuple[str, str, str]] = (),
    departments: tuple[str, ...] = ("Marketing", "Sales", "Finance"),
    stages: tuple[str, ...] = ("Awareness", "Consideration", "Purchase"),
    entry: tuple[str, ...] = (),
    terminal: tuple[str, ...] = (),
) -> JourneyMap:
    """``steps``: id → (department name or None, stage name or None); links by id,
    with an optional agreement as the third item."""
    built = JourneyMap(MapInfo(title="Rule test"))
    for name in departments:
        built.add_department(name)
    for name in stages:
        built.add_stage(name)
    for step_id, (department, stage) in steps.items():
        built.add_step(
            f"Step {step_id}",
            step_id=step_id,
            department_id=built.department_by_name(department).id if department else None,
            stage_id=built.stage_by_name(stage).id if stage else None,
            entry=step_id in entry,
            terminal=step_id in terminal,
        )
    for link in links:
        source, target, *agreement = link
        built.add_link(source, target, agreement=agreement[0] if agreement else "")
    return built


def findings(report: Report, rule: str) -> list:
    return [f for f in report.findings if f.rule == rule]


def step_sets(report: Report, rule: str) -> list[tuple[str, ...]]:
    return [f.step_ids for f in findings(report, rule)]


def run(built: JourneyMap, **kwargs) -> Report:
    return analyze(built, **kwargs)
