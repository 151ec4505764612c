"""Measuring how long the event loop stalls, as the user feels it (for the benchmarks).

A 1 ms timer ticks while the loop runs; the longest gap between two ticks is the
longest time the loop could not answer a key press, a paint or a timer.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer


class Heartbeat:
    """Ticks every millisecond while the event loop runs; ``gaps`` are what it saw."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.gaps: list[float] = []

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append(now - self._last)
        self._last = now

    def longest(self) -> float:
        return max(self.gaps, default=0.0)

    def over(self, limit: float) -> int:
        return sum(gap > limit for gap in self.gaps)


def run_loop_until(condition: Callable[[], bool], timeout: float = 30.0) -> float:
    """Run the event loop (blocking in it as the app does) until ``condition``; seconds."""
    start = time.perf_counter()
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)

    def poll() -> None:
        if condition() or time.perf_counter() - start > timeout:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    if not condition():
        raise AssertionError(f"not done within {timeout} s")
    return time.perf_counter() - start


def run_loop_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def summary(values: list[float]) -> dict[str, float]:
    """Median and range in milliseconds, for a benchmark's ``extra_info``."""
    ms = [v * 1000 for v in values] or [0.0]
    return {
        "median_ms": round(statistics.median(ms), 1),
        "min_ms": round(min(ms), 1),
        "max_ms": round(max(ms), 1),
    }
