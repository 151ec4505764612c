"""AsyncAnalysis: the session's re-analysis off the UI thread, for big maps.

On a map of ``ASYNC_MIN_STEPS`` steps or more the analysis takes longer than an
edit may keep the event loop waiting (about 100 ms at 10,000 steps, 240–450 ms at
20,000), so the session feeds each committed ChangeSet to a BackgroundAnalysis
and asks for a report once a burst of edits ends. The report comes back through
a queued signal; one whose generation is not the newest is dropped, so a stale
analysis never replaces a newer one. Smaller maps keep the synchronous path:
there it takes a few milliseconds and the findings show at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from laneway.analysis import Report
from laneway.analysis.background import BackgroundAnalysis
from laneway.document import Document, Origin
from laneway.model import ChangeSet, JourneyMap

#: From this many steps the analysis runs on the worker (README: 17 ms at 2,000 steps,
#: about 100 ms at 10,000; an edit's whole UI budget is 50 ms).
ASYNC_MIN_STEPS = 4_000


def wants_async(journey: JourneyMap) -> bool:
    return len(journey.steps) >= ASYNC_MIN_STEPS


class AsyncAnalysis(QObject):
    #: The current map's report, on the UI thread.
    report_ready = Signal(object)
    #: Carries (generation, report) from the worker thread to the UI thread (queued).
    _landed = Signal(int, object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._landed.connect(self._on_landed, Qt.ConnectionType.QueuedConnection)
        self.worker = BackgroundAnalysis(
            document.journey, self._landed.emit, document.handoff_threshold
        )
        #: The generation whose report was last announced (or computed synchronously).
        self._announced = -1
        #: How many reports arrived too late to be shown (for tests and benchmarks).
        self.dropped = 0

    @property
    def current(self) -> bool:
        """True when the last report announced is of the map as it is now."""
        return self._announced == self.worker.generation

    def changed(self, changeset: ChangeSet, origin: Origin) -> None:
        """Keep the worker's copy in step with the document (call for every change)."""
        if origin == "reload":
            self.worker.reset(self._document.journey)
        else:
            self.worker.feed(changeset)

    def request(self) -> None:
        """Ask for the report of the map as it is now; ``report_ready`` says when."""
        if not self.current:
            self.worker.request()

    def note_synchronous(self) -> None:
        """The session analysed the current map itself: a worker report for it is redundant."""
        self._announced = self.worker.generation

    def _on_landed(self, generation: int, report: Report | None) -> None:
        if generation != self.worker.generation or generation == self._announced:
            self.dropped += 1
            return
        if report is None:  # the worker's analysis failed: do it here, as small maps do
            report = self._document.report
        else:
            self._document.adopt_report(report)
        self._announced = generation
        self.report_ready.emit(report)

    def close(self) -> None:
        self.worker.close()
