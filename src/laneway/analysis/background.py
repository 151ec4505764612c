"""BackgroundAnalysis: a map's analysis on a worker thread, for maps too big to wait for.

The worker holds its own copy of the map and is fed every committed ChangeSet in
order, so it never reads the map the editor is changing. Each feed advances a
generation counter; ``request()`` asks for the report of the newest generation.
The worker applies what it was fed, analyses, and hands ``(generation, report)``
to ``deliver`` on its own thread; the receiver drops a report whose generation is
no longer the newest (a stale one), so a slow analysis never replaces a newer one.

A thread, not a process: the analysis is pure Python and holds the GIL, but the
interpreter hands the GIL to the UI thread every switch interval (5 ms), so the
event loop keeps running while the worker computes (the stall benchmarks in
``tests/ui/app`` measure it); a process would pay for sending the map and the
report across instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from laneway.analysis.engine import DEFAULT_HANDOFF_THRESHOLD, analyze
from laneway.analysis.findings import Report
from laneway.analysis.structure import Structure, keeps_structure
from laneway.model import ChangeSet, JourneyMap

#: ``deliver(generation, report)``; the report is None when the analysis failed.
Deliver = Callable[[int, Report | None], None]


class BackgroundAnalysis:
    """One worker thread analysing its own, kept-current copy of one map."""

    def __init__(
        self,
        journey: JourneyMap,
        deliver: Deliver,
        handoff_threshold: int = DEFAULT_HANDOFF_THRESHOLD,
    ) -> None:
        self._deliver = deliver
        self._threshold = handoff_threshold
        self._journey = _private_copy(journey)
        self._structure: Structure | None = None
        self._condition = threading.Condition()
        #: Fed but not yet applied by the worker: change sets, or a whole map (a reload).
        self._pending: list[ChangeSet | JourneyMap] = []
        self._generation = 0  # of the newest feed
        self._wanted = -1  # the generation asked for, once
        self._closed = False
        self._working = False
        #: Tests hold this to keep the worker from starting an analysis (set = free to run).
        self.gate = threading.Event()
        self.gate.set()
        self._thread = threading.Thread(target=self._run, name="laneway-analysis", daemon=True)
        self._thread.start()

    @property
    def generation(self) -> int:
        """The generation of the newest change fed (the only one whose report is current)."""
        return self._generation

    @property
    def waiting(self) -> int:
        """How many fed changes (or reloads) the worker has not taken yet."""
        with self._condition:
            return len(self._pending)

    @property
    def busy(self) -> bool:
        """True from a request until its report is handed to ``deliver``."""
        with self._condition:
            return self._wanted >= 0 or self._working

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # ------------------------------------------------------------ UI thread
    def feed(self, changeset: ChangeSet) -> int:
        """A change set committed to the map (already applied there); its generation."""
        with self._condition:
            self._pending.append(changeset)
            self._generation += 1
            return self._generation

    def reset(self, journey: JourneyMap) -> int:
        """The map was replaced (a reload): start again from a copy of ``journey``."""
        copy = _private_copy(journey)
        with self._condition:
            self._pending = [copy]
            self._generation += 1
            return self._generation

    def request(self) -> int:
        """Ask for the report of the newest generation; returns that generation."""
        with self._condition:
            self._wanted = self._generation
            self._condition.notify()
            return self._wanted

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker (an analysis under way finishes first and is not delivered)."""
        with self._condition:
            self._closed = True
            self._condition.notify()
        self.gate.set()
        self._thread.join(timeout)

    # -------------------------------------------------------- worker thread
    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._closed and self._wanted < 0:
                    self._condition.wait()
                if self._closed:
                    return
                pending, self._pending = self._pending, []
                generation, self._wanted = self._generation, -1  # all of it is applied
                self._working = True
            self.gate.wait()
            report = self._analyse(pending)
            with self._condition:
                if self._closed:
                    return
            self._deliver(generation, report)
            with self._condition:
                self._working = False

    def _analyse(self, pending: list[ChangeSet | JourneyMap]) -> Report | None:
        try:
            for item in pending:
                self._take(item)
            report = analyze(self._journey, self._threshold, reuse=self._structure)
        except Exception:  # a bug in a rule must not end the worker; the caller falls back
            self._structure = None
            return None
        self._structure = report.structure
        return report

    def _take(self, item: ChangeSet | JourneyMap) -> None:
        if isinstance(item, JourneyMap):
            self._journey, self._structure = item, None
            return
        with self._journey.transaction():
            self._journey.apply(item)
        if not keeps_structure(item, self._journey):
            self._structure = None


def _private_copy(journey: JourneyMap) -> JourneyMap:
    copy = journey.copy()
    copy.require_transaction = True
    return copy
