"""The background analysis: its report equals a synchronous one; stale ones are marked."""

from __future__ import annotations

import queue
import random
import threading

from laneway.analysis import analyze
from laneway.analysis.background import BackgroundAnalysis
from laneway.model import JourneyMap
from tests.analysis.test_structure_reuse import EDITS, _edit
from tests.support.maps import generated_journey, workshop_map

WAIT = 20.0  # seconds; only a hung worker comes near it


def _worker(journey: JourneyMap) -> tuple[BackgroundAnalysis, queue.Queue]:
    landed: queue.Queue = queue.Queue()
    worker = BackgroundAnalysis(journey, lambda gen, report: landed.put((gen, report)))
    return worker, landed


def _random_edit(journey: JourneyMap, rng: random.Random):
    with journey.record("Edit") as recording:
        _edit(journey, rng, rng.choice(EDITS))
    return recording.changeset


def test_reports_equal_a_synchronous_analysis_after_random_edits():
    journey = generated_journey(400, seed=11)
    worker, landed = _worker(journey)
    rng = random.Random(5)
    try:
        for burst in range(25):
            for _ in range(rng.randrange(1, 6)):
                worker.feed(_random_edit(journey, rng))
            asked = worker.request()
            generation, report = landed.get(timeout=WAIT)
            assert generation == asked == worker.generation
            assert report is not None, f"the worker's analysis failed in burst {burst}"
            full = analyze(journey)
            assert report == full
            assert report.structure == full.structure
    finally:
        worker.close()


def test_the_worker_never_touches_the_callers_map():
    journey = workshop_map(200)
    before = journey.copy()
    worker, landed = _worker(journey)
    try:
        own = worker._journey
        assert own is not journey and own.steps is not journey.steps
        rng = random.Random(2)
        changesets = [_random_edit(before, rng) for _ in range(10)]
        for changeset in changesets:
            worker.feed(changeset)
        worker.request()
        _generation, report = landed.get(timeout=WAIT)
        assert report == analyze(before)  # what it was fed, not what the caller holds
        assert journey.same_content(workshop_map(200))
    finally:
        worker.close()


def test_a_report_carries_the_generation_it_analysed_not_a_newer_one():
    """Held at the gate after taking generation 1, the worker reports generation 1 even
    though generation 2 was fed meanwhile; the next request brings generation 2."""
    journey = workshop_map(150)
    worker, landed = _worker(journey)
    rng = random.Random(9)
    try:
        worker.gate.clear()
        first = worker.feed(_random_edit(journey, rng))
        after_first = journey.copy()
        worker.request()
        _wait_until(lambda: worker.waiting == 0)  # it took generation 1 and waits at the gate
        second = worker.feed(_random_edit(journey, rng))
        assert second == first + 1 == worker.generation
        worker.gate.set()
        generation, report = landed.get(timeout=WAIT)
        assert generation == first and report == analyze(after_first)
        assert landed.empty()
        worker.request()
        generation, report = landed.get(timeout=WAIT)
        assert generation == second and report == analyze(journey)
    finally:
        worker.close()


def test_a_reset_replaces_the_copy():
    journey = workshop_map(120)
    worker, landed = _worker(journey)
    try:
        other = generated_journey(90)
        generation = worker.reset(other)
        worker.request()
        assert landed.get(timeout=WAIT) == (generation, analyze(other))
    finally:
        worker.close()


def test_close_stops_the_thread():
    worker, _landed = _worker(workshop_map(30))
    assert worker.running
    worker.close()
    assert not worker.running


def _wait_until(condition, timeout: float = WAIT) -> None:
    done = threading.Event()
    for _ in range(int(timeout * 100)):
        if condition():
            return
        done.wait(0.01)
    raise AssertionError("the worker did not get there")
