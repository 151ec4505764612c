"""The app on a 20,000-step map (skipped in the normal run):
`pytest tests/ui/app/test_bench_big_map.py --benchmark-only`.

Each edit benchmark times the edit's UI stall (the edit and the paint it asks for);
between rounds it runs the event loop with a 1 ms heartbeat until the findings of
that edit are on screen, and records in ``extra_info`` how long they took to land
and the loop's longest stall meanwhile (the report's arrival in the panels
included). The map has 19,900 steps so that steps can be added under the
20,000-step limit; it is the generated journey with entries, stages, branches and
loop-backs, so every rule runs.
"""

from __future__ import annotations

import itertools
import os
import random
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from laneway.operations.creating import create_map_file
from laneway.ui.editing import async_analysis
from laneway.ui.editing import steps as step_edits
from tests.support.maps import generated_journey
from tests.ui.app.stalls import Heartbeat, run_loop_for, run_loop_until, summary

BIG = 19_900
#: After the findings land the panels may still refresh on their own short timers.
AFTERMATH_S = 0.35


@pytest.fixture(autouse=True)
def synchronous_when_asked(monkeypatch):
    """LANEWAY_BENCH_SYNC=1 measures the synchronous analysis path, for comparison."""
    if os.environ.get("LANEWAY_BENCH_SYNC"):
        monkeypatch.setattr(async_analysis, "ASYNC_MIN_STEPS", 10**9)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.laneway"
    create_map_file(path, generated_journey(BIG))
    return path


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def _landed(window) -> bool:
    return window.session.report_is_current and window.scene.report is not None


def _open(controller, path):
    window = controller.open_path(path)
    window.resize(1400, 900)
    window.show()
    run_loop_until(lambda: _landed(window))
    run_loop_for(AFTERMATH_S)
    return window


@pytest.mark.benchmark(group="app-20k-open")
def test_bench_open_20000_steps(benchmark, controller, big_file):
    sizes: list[float] = []
    landings: list[float] = []

    def run():
        before = rss_mb()
        started = time.perf_counter()
        window = controller.open_path(big_file)
        window.show()
        QApplication.processEvents()
        window.view.viewport().repaint()
        shown = time.perf_counter()
        run_loop_until(lambda: _landed(window))
        landings.append(time.perf_counter() - started)
        sizes.append(rss_mb() - before)
        window.close()
        QApplication.processEvents()
        return shown - started

    benchmark.pedantic(run, rounds=3, iterations=1)
    benchmark.extra_info.update(
        findings_shown=summary(landings),
        rss_added_mb={"median": round(sorted(sizes)[len(sizes) // 2]), "max": round(max(sizes))},
    )


def _edit_benchmark(benchmark, window, edit, rounds: int) -> None:
    session = window.session
    landings: list[float] = []
    stalls: list[float] = []
    started: list[float] = []

    def settle():
        if started:
            beat = Heartbeat()
            beat.start()
            run_loop_until(lambda: session.report_is_current)
            landings.append(time.perf_counter() - started[-1])
            run_loop_for(AFTERMATH_S)
            beat.stop()
            stalls.append(beat.longest())
        return (), {}

    def one():
        started.append(time.perf_counter())
        edit()
        QApplication.processEvents()  # the paint the edit asked for

    benchmark.pedantic(one, setup=settle, rounds=rounds, iterations=1)
    settle()
    benchmark.extra_info.update(
        findings_landed=summary(landings), longest_stall_until_landed=summary(stalls)
    )
    window.close()


@pytest.fixture
def big_window(controller, big_file):
    """The map open at 100 %, where cards can be read and edited (it opens at 15 %)."""
    window = _open(controller, big_file)
    window.view.set_zoom(1.0)
    QApplication.processEvents()
    return window


def _lane_step(journey, rng: random.Random) -> str:
    owned = [s.id for s in journey.steps.values() if s.department_id is not None]
    return rng.choice(owned)


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_add_step(benchmark, big_window):
    journey, session = big_window.session.journey, big_window.session
    department = journey.departments_in_order()[1].id
    stage = journey.stages_in_order()[2].id
    _edit_benchmark(
        benchmark,
        big_window,
        lambda: step_edits.add_step(
            session, department, stage, None, "One more step", big_window.metrics
        ),
        rounds=8,
    )


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_add_link(benchmark, big_window):
    session, rng = big_window.session, random.Random(3)
    ids = sorted(session.journey.steps)

    def link():
        while True:
            source, target = rng.sample(ids, 2)
            if session.journey.link_between(source, target) is None:
                assert step_edits.link_steps(session, source, target)
                return

    _edit_benchmark(benchmark, big_window, link, rounds=8)


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_move_to_another_lane(benchmark, big_window):
    """A card dropped in another lane of its stage (the card-drag gesture's edit)."""
    session, rng = big_window.session, random.Random(4)
    grid = big_window.scene.grid
    lanes = itertools.cycle([d.id for d in session.journey.departments_in_order()])

    def move():
        step_id = _lane_step(session.journey, rng)
        step = session.journey.steps[step_id]
        lane = next(lanes)
        if lane == step.department_id:
            lane = next(lanes)
        cell = grid.cell_rect(lane, step.stage_id)
        drop = (cell.x + grid.metrics.cell_padding, cell.y + grid.metrics.cell_padding)
        assert step_edits.move_steps(session, big_window.scene.grid, {step_id: drop})
        assert session.journey.steps[step_id].department_id == lane

    _edit_benchmark(benchmark, big_window, move, rounds=8)


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_ctrl_enter(benchmark, big_window):
    session, metrics = big_window.session, big_window.metrics
    last = [_lane_step(session.journey, random.Random(5))]

    def add_next():
        last[0] = step_edits.add_next_step(session, last[0], metrics=metrics)
        assert last[0] is not None

    _edit_benchmark(benchmark, big_window, add_next, rounds=8)


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_rename(benchmark, big_window):
    session, rng = big_window.session, random.Random(6)
    count = itertools.count()
    _edit_benchmark(
        benchmark,
        big_window,
        lambda: step_edits.rename_step(
            session, _lane_step(session.journey, rng), f"Renamed {next(count)}"
        ),
        rounds=8,
    )


@pytest.mark.benchmark(group="app-20k-edit")
def test_bench_20000_agreement_typed(benchmark, big_window):
    session, rng = big_window.session, random.Random(7)
    links = sorted(session.journey.links)
    count = itertools.count()
    _edit_benchmark(
        benchmark,
        big_window,
        lambda: step_edits.set_link_field(
            session, rng.choice(links), "agreement", f"Agreed {next(count)}"
        ),
        rounds=8,
    )


@pytest.mark.benchmark(group="app-20k-stall")
def test_bench_20000_typing_in_the_inspector(benchmark, big_window):
    """Six words typed into a step's title at about eight keys a second, a pause after
    each word (so each is committed live): the event loop's stalls meanwhile."""
    session = big_window.session
    step_id = _lane_step(session.journey, random.Random(8))
    session.set_selection([step_id], [])
    field = big_window.inspector.step_form.findChild(QLineEdit, "title")
    run_loop_until(field.isVisible)
    beat = Heartbeat()

    def type_words():
        field.setFocus()
        field.selectAll()
        beat.start()
        for index, word in enumerate(("Customer", "reviews", "the", "renewal", "quote", "again")):
            for key in (" " if index else "") + word:
                QTest.keyClicks(field, key)
                run_loop_for(0.12)
            run_loop_for(0.4)
        QTest.keyClick(field, Qt.Key.Key_Return)
        run_loop_until(lambda: session.report_is_current)
        run_loop_for(AFTERMATH_S)
        beat.stop()

    benchmark.pedantic(type_words, rounds=1, iterations=1)
    assert session.journey.steps[step_id].title == "Customer reviews the renewal quote again"
    benchmark.extra_info.update(
        longest_stall_ms=round(beat.longest() * 1000, 1),
        stalls_over_50ms=beat.over(0.05),
        heartbeat=summary(beat.gaps),
    )
    big_window.close()


def _pan_benchmark(benchmark, window, zoom: float | None) -> None:
    view = window.view
    if zoom is None:
        view.fit_all()
    else:
        view.set_zoom(zoom)
    bar = view.verticalScrollBar()
    bar.setValue(bar.minimum())
    QApplication.processEvents()
    direction = [1]

    def pan_step():
        if bar.value() >= bar.maximum() or bar.value() <= bar.minimum():
            direction[0] = -direction[0] if bar.value() >= bar.maximum() else 1
        bar.setValue(bar.value() + direction[0] * 60)
        view.viewport().repaint()

    benchmark.pedantic(pan_step, rounds=30, iterations=1, warmup_rounds=2)
    benchmark.extra_info["zoom"] = round(view.zoom, 4)
    window.close()


@pytest.mark.benchmark(group="app-20k-pan")
def test_bench_20000_pan_at_fit_all(benchmark, big_window):
    _pan_benchmark(benchmark, big_window, None)


@pytest.mark.benchmark(group="app-20k-pan")
def test_bench_20000_pan_at_15_percent(benchmark, big_window):
    _pan_benchmark(benchmark, big_window, 0.15)


@pytest.mark.benchmark(group="app-20k-pan")
def test_bench_20000_pan_at_40_percent(benchmark, big_window):
    _pan_benchmark(benchmark, big_window, 0.4)


@pytest.mark.benchmark(group="app-20k-pan")
def test_bench_20000_pan_at_100_percent(benchmark, big_window):
    _pan_benchmark(benchmark, big_window, 1.0)
