"""App benchmarks (skipped in the normal run): `pytest tests/ui --benchmark-only`."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from laneway.operations.creating import create_map_file
from laneway.store import create_map
from tests.support.maps import workshop_map


@pytest.fixture
def big_map_file(tmp_path):
    journey = workshop_map(2_000)
    path = tmp_path / "big.laneway"
    create_map_file(path, journey)
    return path


@pytest.mark.benchmark(group="app")
def test_bench_open_and_show_2000_steps(benchmark, controller, big_map_file):
    def open_and_show():
        window = controller.open_path(big_map_file)
        window.show()
        QApplication.processEvents()
        window.view.viewport().repaint()
        return window

    def close(window):
        window.close()
        QApplication.processEvents()

    def run():
        window = open_and_show()
        close(window)

    benchmark.pedantic(run, rounds=5, iterations=1)


def _open_big_map(controller, path):
    window = controller.open_path(path)
    window.show()
    QApplication.processEvents()
    journey = window.session.journey
    sales = journey.department_by_name("Sales").id
    stage = journey.stages_in_order()[2].id
    return window, journey, sales, stage


def _settle(window) -> None:
    """Re-analyse now (instead of after the coalescing timer) and paint what changed."""
    window.session.refresh_report()
    QApplication.processEvents()


@pytest.mark.benchmark(group="app")
def test_bench_add_one_step_to_2000_steps(benchmark, controller, big_map_file):
    """A step added to a busy cell: one in four or so also grows its lane."""
    from laneway.ui.editing import steps as step_edits

    window, journey, sales, stage = _open_big_map(controller, big_map_file)

    def add_one():
        step_edits.add_step(window.session, sales, stage, None, "One more step", window.metrics)
        _settle(window)

    benchmark.pedantic(add_one, rounds=40, iterations=1, warmup_rounds=2)
    assert sum(s.title == "One more step" for s in journey.steps.values()) >= 40
    window.close()


@pytest.mark.benchmark(group="app")
def test_bench_add_one_step_that_grows_its_lane(benchmark, controller, big_map_file):
    """The worst case: every new step lands below its lane, shifting ~1,200 cards down."""
    from laneway.ui.editing import steps as step_edits

    window, journey, sales, stage = _open_big_map(controller, big_map_file)
    metrics = window.metrics
    lane_height = window.scene.grid.lane(sales).rect.height
    shifted_before = window.scene.grid.lane_tops

    def below_the_lane():
        lowest = max(s.y for s in journey.steps.values() if s.department_id == sales)
        return (metrics.cell_padding, lowest + metrics.step_y)

    def add_one():
        step_edits.add_step(window.session, sales, stage, below_the_lane(), "Lower step", metrics)
        _settle(window)

    benchmark.pedantic(add_one, rounds=20, iterations=1, warmup_rounds=1)
    assert window.scene.grid.lane(sales).rect.height >= lane_height + 20 * metrics.step_y
    assert window.scene.grid.lane_tops != shifted_before
    window.close()


@pytest.mark.benchmark(group="app")
def test_bench_add_the_next_linked_step_to_2000_steps(benchmark, controller, big_map_file):
    """Ctrl+Enter: a new step linked from the last one, so the graph changes each time."""
    from laneway.ui.editing import steps as step_edits

    window, journey, sales, _stage = _open_big_map(controller, big_map_file)
    last = [next(s.id for s in journey.steps.values() if s.department_id == sales)]

    def add_next():
        last[0] = step_edits.add_next_step(window.session, last[0], metrics=window.metrics)
        _settle(window)

    benchmark.pedantic(add_next, rounds=30, iterations=1, warmup_rounds=1)
    assert len(journey.outgoing(last[0])) == 0 and journey.incoming(last[0])
    window.close()


__all__ = ["create_map"]
