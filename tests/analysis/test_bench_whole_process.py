"""Whole processes, as a user runs them: ``laneway analyze FILE.json --json`` against the
plain-networkx reference script on the same file, alternating round by round.

Skipped in the normal run; ``pytest tests/analysis/test_bench_whole_process.py
--benchmark-only -s`` prints the reference's times and the ratio beside the benchmark
table (also kept in the benchmark's ``extra_info``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.maps import journey_dict

REFERENCE = Path(__file__).with_name("networkx_reference.py")
ROUNDS = {1_000: 9, 20_000: 5, 50_000: 5}


def _laneway_command() -> list[str]:
    script = Path(sys.executable).with_name("laneway")
    return [str(script)] if script.exists() else [sys.executable, "-m", "laneway"]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert done.returncode in (0, 1), done.stderr  # 1: the map has error findings


@pytest.mark.benchmark(group="whole process: analyze --json")
@pytest.mark.parametrize("steps", list(ROUNDS))
def test_bench_analyze_json_against_plain_networkx(benchmark, tmp_path, steps):
    path = tmp_path / f"journey-{steps}.json"
    path.write_text(json.dumps(journey_dict(steps)), encoding="utf-8")
    laneway = [*_laneway_command(), "analyze", str(path), "--json"]
    reference = [sys.executable, str(REFERENCE), str(path)]
    reference_seconds: list[float] = []

    def run_reference() -> None:  # pedantic's setup: before each timed Laneway round
        start = time.perf_counter()
        _run(reference)
        reference_seconds.append(time.perf_counter() - start)

    _run(laneway)  # warm the file cache and the bytecode for both
    _run(reference)
    benchmark.pedantic(_run, args=(laneway,), setup=run_reference, rounds=ROUNDS[steps])
    ours = benchmark.stats.stats.median
    theirs = statistics.median(reference_seconds)
    benchmark.extra_info.update(
        reference_median_s=round(theirs, 4),
        reference_min_s=round(min(reference_seconds), 4),
        reference_max_s=round(max(reference_seconds), 4),
        ratio_of_medians=round(ours / theirs, 3),
    )
    print(
        f"\n{steps} steps: laneway median {ours * 1000:.0f} ms "
        f"({benchmark.stats.stats.min * 1000:.0f}–{benchmark.stats.stats.max * 1000:.0f}), "
        f"networkx reference median {theirs * 1000:.0f} ms "
        f"({min(reference_seconds) * 1000:.0f}–{max(reference_seconds) * 1000:.0f}), "
        f"ratio {ours / theirs:.2f}"
    )
