"""Benchmark: one write-through edit on a 5,000-step map (row-level, not a rewrite)."""

from __future__ import annotations

import itertools

import pytest

from laneway.document import Document
from laneway.store import create_map
from tests.conftest import build_map


def _big_map(steps: int):
    journey = build_map(
        departments=("Marketing", "Sales", "Customer Success", "Finance", "Legal"),
        stages=("Awareness", "Consideration", "Purchase", "Onboarding", "Retention"),
    )
    departments, stages = list(journey.departments), list(journey.stages)
    previous = None
    for i in range(steps):
        step = journey.add_step(
            f"Step {i}",
            department_id=departments[i % 5],
            stage_id=stages[(i * 5) // steps],
            x=float(i % 7) * 200,
            y=float(i % 3) * 100,
        )
        if previous:
            journey.add_link(previous, step.id)
        previous = step.id
    return journey


@pytest.mark.benchmark(group="write-through edit")
@pytest.mark.parametrize("steps", [500, 5000])
def test_one_edit_written_through(benchmark, tmp_path, steps):
    path = tmp_path / "big.laneway"
    create_map(path, _big_map(steps))
    doc = Document.open(path)
    counter = itertools.count()

    def one_edit():
        with doc.edit("Rename"):
            doc.journey.update_step("s1", title=f"Renamed {next(counter)}")

    try:
        benchmark(one_edit)
    finally:
        doc.close()
