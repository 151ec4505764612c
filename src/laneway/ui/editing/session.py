"""MapSession: what every ui part shares about one open map.

It owns the Document and its QUndoStack, runs edits (one ``document.edit`` →
one ChangeSetCommand; the edits themselves are composed in this room's ``steps``,
``records`` and ``clipboard``), turns failures into one-sentence ``error`` signals,
re-runs the analysis once per burst of edits (coalesced on a short timer so
typing never waits for it), and carries the current selection between the
canvas, the inspector and the panels. Widgets talk to each other only through
a session's signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from laneway.analysis import Report
from laneway.document import Document, Origin
from laneway.i18n import _
from laneway.model import ChangeSet, JourneyMap, ModelError
from laneway.store import StoreConflictError, StoreError, StoreWriteError
from laneway.ui.editing.async_analysis import AsyncAnalysis, wants_async
from laneway.ui.editing.undo import ChangeSetCommand

#: How long after the last edit the analysis re-runs (ms): short enough to feel live,
#: long enough that typing in the inspector never waits for it.
ANALYSIS_DELAY_MS = 60


class MapSession(QObject):
    #: A change set reached the map and the file (origin: edit, undo, redo, reload).
    changed = Signal(object, str)
    #: The analysis of the current map (emitted once per burst of changes).
    report_changed = Signal(object)
    #: The selection changed: (frozenset of step ids, frozenset of link ids).
    selection_changed = Signal(object, object)
    #: Someone (findings panel, inspector) asks the canvas to select and centre these.
    focus_requested = Signal(object, object)
    #: A department or stage was picked in a panel (id or None), for the inspector.
    department_selected = Signal(object)
    stage_selected = Signal(object)
    persona_selected = Signal(object)
    #: The map became read-only (reason) or editable again ("").
    read_only_changed = Signal(str)
    #: One sentence to show the user (an edit was refused, a write failed…).
    error = Signal(str)
    #: An informational sentence (e.g. "Reloaded: another program changed the map.").
    message = Signal(str)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)
        self._selected_steps: frozenset[str] = frozenset()
        self._selected_links: frozenset[str] = frozenset()
        self._analysis_timer = QTimer(self)
        self._analysis_timer.setSingleShot(True)
        self._analysis_timer.setInterval(ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self._analysis_due)
        #: Big maps are re-analysed on a worker thread (None: synchronously, here).
        self._async: AsyncAnalysis | None = None
        if wants_async(document.journey):
            self._async = AsyncAnalysis(document, self)
            self._async.report_ready.connect(self.report_changed)
        document.add_observer(self._on_document_changed)
        self._was_read_only = document.read_only
        #: Set during a live session: undo/redo take back only what is still mine
        #: (``LiveMap.take_back``), returning what was written (None: nothing was left).
        self.take_back: Callable[[ChangeSet, str], ChangeSet | None] | None = None

    # ----------------------------------------------------------------- access
    @property
    def journey(self) -> JourneyMap:
        return self.document.journey

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    # ---------------------------------------------------------------- editing
    def run_edit(
        self,
        label: str,
        change: Callable[[JourneyMap], object],
        *,
        merge_key: str | Callable[[], str | None] | None = None,
    ) -> ChangeSet | None:
        """Run ``change(journey)`` as one edit and push it for undo.

        Returns the committed change set (None when refused or nothing changed). A
        refused edit (a broken rule, a failed write) emits ``error`` with one sentence
        and leaves map and file as they were. Edits with the same ``merge_key`` that
        follow each other are one undo step; a callable key is asked after the change,
        so an edit can name a key after the record it creates.
        """
        try:
            with self.document.edit(label) as result:
                change(self.document.journey)
        except (ModelError, StoreError) as problem:
            self.error.emit(_sentence(problem))
            self._check_read_only()
            return None
        if not result.changeset:
            return None
        if callable(merge_key):
            merge_key = merge_key()
        self.undo_stack.push(
            ChangeSetCommand(result.changeset, self._redo, self._undo, merge_key=merge_key)
        )
        return result.changeset

    def _undo(self, changeset: ChangeSet) -> bool | ChangeSet:
        if self.take_back is not None:
            return self._taken_back(changeset, "undo")
        return self._guarded(lambda: self.document.revert(changeset))

    def _redo(self, changeset: ChangeSet) -> bool | ChangeSet:
        if self.take_back is not None:
            return self._taken_back(changeset, "redo")
        return self._guarded(lambda: self.document.apply(changeset))

    def _taken_back(self, changeset: ChangeSet, origin: str) -> bool | ChangeSet:
        assert self.take_back is not None
        written: list[ChangeSet | None] = []
        if not self._guarded(lambda: written.append(self.take_back(changeset, origin))):
            return False
        return written[0] or False

    def _guarded(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except (ModelError, StoreError) as problem:
            self.error.emit(_sentence(problem))
            self._check_read_only()
            if isinstance(problem, StoreConflictError):  # reload once the undo stack is idle
                QTimer.singleShot(0, self.check_for_outside_changes)
            return False
        return True

    def _check_read_only(self) -> None:
        if self.document.read_only != self._was_read_only:
            self._was_read_only = self.document.read_only
            self.undo_stack.setActive(not self._was_read_only)
            self.read_only_changed.emit(self.document.read_only_reason or "")

    # ------------------------------------------------------------ observation
    def _on_document_changed(self, changeset: ChangeSet, origin: Origin) -> None:
        if origin == "reload":
            # Recorded change sets no longer describe the file another program wrote.
            self.undo_stack.clear()
            self._prune_selection()
        elif changeset.keys("step") or changeset.keys("link"):
            self._prune_selection()
        if self._async is not None:
            self._async.changed(changeset, origin)
        self.changed.emit(changeset, origin)
        self._analysis_timer.start()

    def _analysis_due(self) -> None:
        self.request_report()

    def request_report(self) -> None:
        """Have the map analysed: now on a small map, on the worker on a big one
        (``report_changed`` follows when it lands)."""
        self._analysis_timer.stop()
        if self._async is not None:
            self._async.request()
        else:
            self.refresh_report()

    @property
    def analysing_in_background(self) -> bool:
        return self._async is not None

    @property
    def report_is_current(self) -> bool:
        """False while a background analysis of the latest change is still to land."""
        return self._async is None or self._async.current

    def refresh_report(self) -> Report:
        """Re-run the analysis now, here (small maps: the timer does it) and announce it."""
        self._analysis_timer.stop()
        report = self.document.report
        if self._async is not None:
            self._async.note_synchronous()
        self.report_changed.emit(report)
        return report

    def check_for_outside_changes(self) -> bool:
        """Reload when another program changed the file; True when it did."""
        try:
            reloaded = self.document.reload_if_changed_elsewhere()
        except StoreError as problem:
            self.error.emit(_sentence(problem))
            self._check_read_only()
            return False
        if reloaded:
            self.message.emit(_("Reloaded: another program changed this map."))
        return reloaded

    # -------------------------------------------------------------- selection
    @property
    def selected_step_ids(self) -> frozenset[str]:
        return self._selected_steps

    @property
    def selected_link_ids(self) -> frozenset[str]:
        return self._selected_links

    def set_selection(self, step_ids: Iterable[str], link_ids: Iterable[str]) -> None:
        steps, links = frozenset(step_ids), frozenset(link_ids)
        if (steps, links) == (self._selected_steps, self._selected_links):
            return
        self._selected_steps, self._selected_links = steps, links
        self.selection_changed.emit(steps, links)

    def focus(self, step_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        """Ask the canvas to select and centre these steps and links."""
        self.focus_requested.emit(frozenset(step_ids), frozenset(link_ids))

    def _prune_selection(self) -> None:
        journey = self.document.journey
        self.set_selection(
            (s for s in self._selected_steps if s in journey.steps),
            (k for k in self._selected_links if k in journey.links),
        )

    def close(self) -> None:
        self._analysis_timer.stop()
        if self._async is not None:
            self._async.close()
        self.document.remove_observer(self._on_document_changed)
        self.undo_stack.clear()
        self.document.close()


def _sentence(problem: Exception) -> str:
    text = str(problem).strip()
    if isinstance(problem, StoreWriteError | StoreError | ModelError):
        return text
    return text or problem.__class__.__name__
