"""Benchmarks (skipped in the normal run): `pytest tests/analysis --benchmark-only`."""

from __future__ import annotations

import random

import pytest

from laneway.analysis import analyze
from laneway.model import JourneyMap, MapInfo

DEPARTMENTS = ("Marketing", "Sales", "Customer Success", "Finance", "Legal", "Support")
STAGES = ("Awareness", "Consideration", "Purchase", "Onboarding", "Retention", "Advocacy")


def generated_map(steps: int, seed: int = 7) -> JourneyMap:
    """A journey-like map: mostly forward links, some loops back, some unowned steps."""
    rng = random.Random(seed)
    journey = JourneyMap(MapInfo(title=f"{steps} steps"))
    departments = [journey.add_department(n).id for n in DEPARTMENTS]
    stages = [journey.add_stage(n).id for n in STAGES]
    for i in range(steps):
        journey.add_step(
            f"Step {i}",
            step_id=f"s{i}",
            department_id=None if rng.random() < 0.05 else rng.choice(departments),
            stage_id=stages[min(len(stages) - 1, i * len(stages) // steps)],
        )
    for i in range(1, steps):
        journey.add_link(f"s{i - 1}", f"s{i}", agreement=rng.choice(["", "agreed"]))
        if i > 10 and rng.random() < 0.3:
            j = rng.randrange(max(0, i - 50), i - 1)
            if journey.link_between(f"s{i}", f"s{j}") is None:
                journey.add_link(f"s{i}", f"s{j}")
    return journey


def complete_graph(steps: int) -> JourneyMap:
    journey = JourneyMap(MapInfo(title="complete"))
    departments = [journey.add_department(n).id for n in DEPARTMENTS]
    for i in range(steps):
        journey.add_step(f"Step {i}", step_id=f"s{i}", department_id=departments[i % 6])
    for i in range(steps):
        for j in range(steps):
            if i != j:
                journey.add_link(f"s{i}", f"s{j}")
    return journey


@pytest.mark.benchmark(group="analysis")
@pytest.mark.parametrize("steps", [100, 1_000, 10_000, 20_000])
def test_bench_analyze_generated_map(benchmark, steps):
    journey = generated_map(steps)
    report = benchmark(analyze, journey)
    assert report.summary.steps == steps


@pytest.mark.benchmark(group="analysis")
def test_bench_analyze_complete_graph_150(benchmark):
    journey = complete_graph(150)
    assert len(journey.links) == 22_350
    report = benchmark(analyze, journey)
    assert report.summary.links == 22_350
