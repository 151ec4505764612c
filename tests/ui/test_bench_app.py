"""App benchmarks (skipped in the normal run): `pytest tests/ui --benchmark-only`."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from laneway.document import Document
from laneway.store import create_map
from tests.support.maps import workshop_map


@pytest.fixture
def big_map_file(tmp_path):
    journey = workshop_map(2_000)
    path = tmp_path / "big.laneway"
    Document.create(path, journey).close()
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


@pytest.mark.benchmark(group="app")
def test_bench_add_one_step_to_2000_steps(benchmark, controller, big_map_file):
    from laneway.ui import editing

    window = controller.open_path(big_map_file)
    window.show()
    QApplication.processEvents()
    journey = window.session.journey
    sales = journey.department_by_name("Sales").id
    stage = journey.stages_in_order()[2].id

    def add_one():
        editing.add_step(window.session, sales, stage, None, "One more step", window.metrics)
        window.session.refresh_report()  # re-analyse now instead of after the timer
        window.view.viewport().repaint()

    benchmark.pedantic(add_one, rounds=20, iterations=1)
    assert sum(s.title == "One more step" for s in journey.steps.values()) >= 20
    window.close()


__all__ = ["create_map"]
