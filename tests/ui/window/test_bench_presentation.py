"""Presentation benchmarks (skipped in the normal run): `pytest tests/ui --benchmark-only`."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from laneway.operations.creating import create_map_file
from tests.support.maps import workshop_map


@pytest.fixture(params=[200, 2_000], ids=lambda n: f"{n}-steps")
def presented_window(request, controller, tmp_path):
    path = tmp_path / "big.laneway"
    create_map_file(path, workshop_map(request.param))
    window = controller.open_path(path)
    window.show()
    QApplication.processEvents()
    window.session.refresh_report()
    yield window
    window.presentation.leave()
    window.close()


def _painted(window) -> None:
    QApplication.processEvents()
    window.presentation.view.viewport().repaint()


@pytest.mark.benchmark(group="presentation")
def test_bench_enter_presentation(benchmark, presented_window):
    """F11 to the whole map on screen: the arranged copy, its scene, the first paint."""
    window = presented_window

    def enter():
        window.presentation.enter()
        _painted(window)

    def leave():
        window.presentation.leave()
        QApplication.processEvents()

    benchmark.pedantic(enter, setup=leave, rounds=3, iterations=1)


@pytest.mark.benchmark(group="presentation")
def test_bench_next_finding(benchmark, presented_window):
    """→ in the findings walk: zoom to the finding, highlight it, paint."""
    window = presented_window
    window.presentation.enter()
    _painted(window)

    def step():
        if window.presentation.walk.index >= len(window.presentation.walk.stops) - 1:
            window.presentation.go_to_finding(0)
        window.presentation.next_finding()
        _painted(window)

    benchmark.pedantic(step, rounds=10, iterations=1)
