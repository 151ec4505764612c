"""Reusing the graph structure between analyses gives the report a full run gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.analysis import analyze
from laneway.analysis.structure import keeps_structure
from laneway.model import JourneyMap
from tests.analysis.test_properties import random_maps
from tests.support.maps import workshop_map

EDITS = (
    "retitle",
    "agree",
    "add step",
    "add step",
    "remove step",
    "link",
    "unlink",
    "relane",
    "restage",
    "entry",
    "terminal",
    "rename department",
    "reorder departments",
    "reorder stages",
    "add stage",
    "remove department",
)


def _edit(journey: JourneyMap, rng: random.Random, kind: str) -> None:
    steps, links = list(journey.steps), list(journey.links)
    departments, stages = [None, *journey.departments], [None, *journey.stages]
    if kind == "retitle" and steps:
        journey.update_step(rng.choice(steps), title=f"Title {rng.randrange(100)}")
    elif kind == "agree" and links:
        journey.update_link(rng.choice(links), agreement=rng.choice(["", "agreed", " "]))
    elif kind == "add step":
        journey.add_step(
            "New",
            department_id=rng.choice(departments),
            stage_id=rng.choice(stages),
            entry=rng.random() < 0.2,
        )
    elif kind == "remove step" and steps:
        journey.remove_step(rng.choice(steps))
    elif kind == "link" and len(steps) > 1:
        source, target = rng.sample(steps, 2)
        if journey.link_between(source, target) is None:
            journey.add_link(source, target)
    elif kind == "unlink" and links:
        journey.remove_link(rng.choice(links))
    elif kind == "relane" and steps:
        journey.update_step(rng.choice(steps), department_id=rng.choice(departments))
    elif kind == "restage" and steps:
        journey.update_step(rng.choice(steps), stage_id=rng.choice(stages))
    elif kind == "entry" and steps:
        step = journey.steps[rng.choice(steps)]
        journey.update_step(step.id, entry=not step.entry)
    elif kind == "terminal" and steps:
        step = journey.steps[rng.choice(steps)]
        journey.update_step(step.id, terminal=not step.terminal)
    elif kind == "rename department" and journey.departments:
        department = rng.choice(list(journey.departments))
        taken = {d.name for d in journey.departments.values()}
        name = next(
            f"Team {n}" for n in range(rng.randrange(1000), 10_000) if f"Team {n}" not in taken
        )
        journey.update_department(department, name=name)
    elif kind == "reorder departments":
        order = list(journey.departments)
        rng.shuffle(order)
        journey.reorder_departments(order)
    elif kind == "reorder stages":
        order = list(journey.stages)
        rng.shuffle(order)
        journey.reorder_stages(order)
    elif kind == "add stage":
        taken = {stage.name for stage in journey.stages.values()}
        journey.add_stage(next(f"Stage {n}" for n in range(1, 10_000) if f"Stage {n}" not in taken))
    elif kind == "remove department" and journey.departments:
        journey.remove_department(rng.choice(list(journey.departments)))


def _run(journey: JourneyMap, seed: int, edits: int) -> int:
    """Edit at random; after each edit compare the reusing and the full analysis."""
    rng = random.Random(seed)
    structure = analyze(journey).structure
    reused = 0
    for _ in range(edits):
        with journey.record("Edit") as recording:
            _edit(journey, rng, rng.choice(EDITS))
        if not keeps_structure(recording.changeset, journey):
            structure = None
        cached, full = analyze(journey, reuse=structure), analyze(journey)
        assert cached == full
        assert cached.structure == full.structure
        reused += structure is not None and cached.structure is structure
        structure = cached.structure
    return reused


@settings(max_examples=150, deadline=None)
@given(random_maps(), st.integers(0, 10_000), st.integers(1, 30))
def test_reused_structure_gives_the_full_report(journey, seed, edits):
    _run(journey, seed, edits)


def test_most_workshop_edits_reuse_the_structure():
    reused = _run(workshop_map(120), seed=7, edits=200)
    assert reused >= 60  # retitles, agreements, new unlinked steps, renames…
