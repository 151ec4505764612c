"""Whole processes, as a user runs them: ``laneway export MAP.json -o OUT.{png,svg,pdf}``
against Graphviz ``dot -T{png,svg,pdf}`` on the same graph (a cluster per department),
alternating round by round.

Skipped in the normal run (and without ``dot``); ``pytest
tests/render/test_bench_export_process.py --benchmark-only -s`` prints dot's times and
the ratio beside the benchmark table (also kept in the benchmark's ``extra_info``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from laneway.io.jsonio import dumps
from tests.support.dot import dot_source
from tests.support.maps import workshop_map

ROUNDS = {20: 9, 100: 7, 500: 5, 2_000: 3}

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is needed")


def _laneway_command() -> list[str]:
    script = Path(sys.executable).with_name("laneway")
    return [str(script)] if script.exists() else [sys.executable, "-m", "laneway"]


#: As installed: bytecode cached (pip compiles it; the warm-up round writes it here even
#: where the environment says not to), so each round measures a user's start-up.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str]) -> None:
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.benchmark(group="whole process: export")
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
@pytest.mark.parametrize("steps", list(ROUNDS))
def test_bench_export_against_dot(benchmark, tmp_path, steps, suffix):
    journey = workshop_map(steps)
    source = tmp_path / f"journey-{steps}.json"
    source.write_text(dumps(journey), encoding="utf-8")
    graph = tmp_path / f"journey-{steps}.dot"
    graph.write_text(dot_source(journey), encoding="utf-8")
    out = tmp_path / f"out.{suffix}"
    laneway = [*_laneway_command(), "export", str(source), "-o", str(out), "--force"]
    dot = ["dot", f"-T{suffix}", str(graph), "-o", str(tmp_path / f"dot.{suffix}")]
    dot_seconds: list[float] = []

    def run_dot() -> None:  # pedantic's setup: before each timed Laneway round
        start = time.perf_counter()
        _run(dot)
        dot_seconds.append(time.perf_counter() - start)

    _run(laneway)  # warm the file cache and the bytecode for both
    _run(dot)
    benchmark.pedantic(_run, args=(laneway,), setup=run_dot, rounds=ROUNDS[steps])
    ours = benchmark.stats.stats.median
    theirs = statistics.median(dot_seconds)
    benchmark.extra_info.update(
        dot_median_s=round(theirs, 4),
        dot_min_s=round(min(dot_seconds), 4),
        dot_max_s=round(max(dot_seconds), 4),
        ratio_of_medians=round(ours / theirs, 3),
    )
    print(
        f"\n{steps} steps {suffix}: laneway median {ours * 1000:.0f} ms "
        f"({benchmark.stats.stats.min * 1000:.0f}–{benchmark.stats.stats.max * 1000:.0f}), "
        f"dot median {theirs * 1000:.0f} ms "
        f"({min(dot_seconds) * 1000:.0f}–{max(dot_seconds) * 1000:.0f}), "
        f"ratio {ours / theirs:.2f}"
    )
