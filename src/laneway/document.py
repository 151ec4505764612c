"""Document: one editing session on one map file, without Qt.

``edit(label)`` wraps model calls in a transaction; the recorded ChangeSet is
written to the file in one SQLite transaction before ``edit`` returns, then
observers hear about it. ``revert``/``apply`` do the same for undo and redo.
A failure anywhere leaves the file and the memory as they were.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from laneway.analysis import Report, analyze
from laneway.analysis.structure import Structure, keeps_structure
from laneway.i18n import _
from laneway.io.jsonio import loads
from laneway.model import ChangeSet, JourneyMap
from laneway.store import (
    MapStore,
    SnapshotInfo,
    StoreConflictError,
    StoreError,
    StoreReadOnlyError,
    StoreWriteError,
    save_copy,
)
from laneway.store.mapstore import now_iso
from laneway.store.transaction import WriteTransaction

#: "remote": a live session wrote what other people changed (sync/); like an edit it is
#: already in the map and the file when observers hear of it, but it is nobody's undo step.
Origin = Literal["edit", "undo", "redo", "reload", "remote"]
Observer = Callable[[ChangeSet, Origin], None]


@dataclass
class EditResult:
    """Filled in when an ``edit`` block ends: the committed change set (maybe empty)."""

    changeset: ChangeSet


@dataclass
class _Pending:
    """What one write transaction has done to memory so far."""

    transaction: WriteTransaction | None = None
    changeset: ChangeSet | None = None


class Document:
    def __init__(self, store: MapStore, journey: JourneyMap) -> None:
        self.store = store
        self.journey = journey
        self.journey.require_transaction = True
        self.handoff_threshold = 3
        self._observers: list[Observer] = []
        self._report: Report | None = None
        #: The graph structure of the last report, while every edit since kept it.
        self._structure: Structure | None = None
        #: Why the map cannot be edited now (None while it can).
        self.read_only_reason: str | None = _("opened read-only") if store.read_only else None
        #: True once the path no longer names the map's file (deleted, replaced).
        self._detached = False

    # -------------------------------------------------------------- lifecycle
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Document:
        store = MapStore.open(path, read_only=read_only)
        try:
            return cls(store, store.load())
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # ------------------------------------------------------------- observers
    def add_observer(self, observer: Observer) -> None:
        self._observers.append(observer)

    def remove_observer(self, observer: Observer) -> None:
        if observer in self._observers:
            self._observers.remove(observer)

    def _notify(self, changeset: ChangeSet, origin: Origin) -> None:
        if origin == "reload" or not keeps_structure(changeset, self.journey):
            self._structure = None
        self._report = None
        for observer in list(self._observers):
            observer(changeset, origin)

    # --------------------------------------------------------------- editing
    @contextlib.contextmanager
    def edit(self, label: str) -> Iterator[EditResult]:
        """Make model calls inside; they are committed to the file as one change set.

        The write lock is taken first (waiting out another program's lock for the busy
        timeout); if another program committed since the map was read, its map is loaded
        before the block runs, so the change applies to what the file holds (observers
        then hear one "reload", which includes the change). A ModelError raised inside
        rolls the model back and propagates. Any failure to write rolls the model back
        and raises a StoreError; one that leaves the file unwritable (``makes_read_only``)
        also marks the document read-only.
        """
        self._refuse_if_read_only()
        result = EditResult(ChangeSet(label))
        stamp = now_iso()
        reloaded = False
        try:
            with self._writing() as pending:
                reloaded = self._catch_up(pending.transaction)
                with self.journey.transaction() as recorded:
                    yield result
                pending.changeset = result.changeset = ChangeSet(label, tuple(recorded))
                if pending.changeset:
                    self.store.write(pending.changeset, stamp=stamp, within=pending.transaction)
        finally:
            if reloaded:  # after the transaction ended, committed or not
                self._notify(ChangeSet(_("Reload")), "reload")
        if result.changeset:
            self.journey.stamp_modified(stamp)
            if not reloaded:
                self._notify(result.changeset, "edit")

    def apply(self, changeset: ChangeSet, origin: Origin = "redo") -> None:
        """Apply a recorded change set again (redo), written through to the file.

        Refused (StoreConflictError, nothing changed) when another program committed since
        the map was read: the recorded change no longer describes the file, and the map
        reloads at the next ``reload_if_changed_elsewhere``.
        """
        self._refuse_if_read_only()
        stamp = now_iso()
        with self._writing() as pending:
            if pending.transaction.changed_elsewhere:
                raise StoreConflictError(
                    self.path,
                    _(
                        "was changed by another program, so this step of the history no "
                        "longer fits it; the map reloads with the other program's changes"
                    ),
                )
            with self.journey.transaction():
                self.journey.apply(changeset)
            pending.changeset = changeset
            self.store.write(changeset, stamp=stamp, within=pending.transaction)
        self.journey.stamp_modified(stamp)
        self._notify(changeset, origin)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[_Pending]:
        """One store transaction. A change set put in ``pending`` is in memory: if the write
        or the commit then fails, memory is rolled back, so screen and file never differ;
        the failure's type decides whether the map stays editable."""
        pending = _Pending()
        try:
            with self.store.transaction() as transaction:
                pending.transaction = transaction
                yield pending
        except BaseException as error:
            if pending.changeset:
                self._roll_back_memory(pending.changeset)
            self._note_failure(error)
            raise

    def revert(self, changeset: ChangeSet) -> None:
        """Undo a change set: apply its inverse, written through to the file."""
        self.apply(changeset.inverse(), "undo")

    def _catch_up(self, transaction) -> bool:
        """Inside the write lock: adopt another program's commit first. True if it did."""
        if not transaction.changed_elsewhere:
            return False
        self._adopt(transaction.fresh_map())
        return True

    def _adopt(self, fresh: JourneyMap) -> None:
        fresh.require_transaction = True
        self.journey = fresh
        self._structure = None
        self._report = None

    def _roll_back_memory(self, changeset: ChangeSet) -> None:
        with self.journey.transaction():
            self.journey.apply(changeset.inverse())

    def _note_failure(self, error: BaseException) -> None:
        """A write failure decides, by its type, whether the map stays editable."""
        if isinstance(error, StoreWriteError) and error.makes_read_only:
            self.read_only_reason = str(error).rstrip(".")  # a clause: the banner adds "."

    def _refuse_if_read_only(self) -> None:
        if self.read_only_reason is not None:
            raise StoreReadOnlyError(
                self.path,
                _("cannot be changed now ({rstrip})").format(
                    rstrip=self.read_only_reason.rstrip(".")
                ),
            )

    # ---------------------------------------------------- outside the session
    def reload_if_changed_elsewhere(self) -> bool:
        """Reload when another process wrote the file; observers get origin "reload".

        A file deleted, replaced or turned into one Laneway does not open raises its
        StoreError once and makes the document read-only (the map in memory stays
        shown, so it can be saved as a copy).
        """
        if self._detached:
            return False
        try:
            if not self.store.changed_by_another_process():
                return False
            fresh = self.store.load()
        except StoreError as error:
            self._detached = True
            self.read_only_reason = str(error).rstrip(".")  # a clause: the banner adds "."
            raise
        self._adopt(fresh)
        self._notify(ChangeSet(_("Reload")), "reload")
        return True

    # -------------------------------------------------------------- analysis
    @property
    def report(self) -> Report:
        """The analysis of the map as it is now (recomputed after each change)."""
        if self._report is None:
            self._report = analyze(
                self.journey, handoff_threshold=self.handoff_threshold, reuse=self._structure
            )
            self._structure = self._report.structure
        return self._report

    def adopt_report(self, report: Report) -> None:
        """Take a report made elsewhere (a worker's copy of the map) as the current one.

        Only for a report of the map exactly as it is now.
        """
        self._report, self._structure = report, report.structure

    # ------------------------------------------------------- snapshots, copies
    def take_snapshot(self, name: str) -> SnapshotInfo:
        """Freeze the map as the file holds it (another program's commit included)."""
        self._refuse_if_read_only()
        adopted: list[JourneyMap] = []
        try:
            info = self.store.take_snapshot(name, self.journey, on_fresh=adopted.append)
        except BaseException as error:
            self._note_failure(error)
            raise
        finally:
            if adopted:
                self._adopt(adopted[0])
                self._notify(ChangeSet(_("Reload")), "reload")
        return info

    def snapshots(self) -> list[SnapshotInfo]:
        return self.store.snapshots()

    def snapshot_journey(self, name: str) -> JourneyMap:
        """The map as a snapshot froze it (StoreError or InputError when it is damaged)."""
        content = self.store.snapshot_content(name)
        return loads(
            json.dumps(content),
            _("{name} snapshot {strip!r}").format(name=self.path.name, strip=name.strip()),
        )

    def delete_snapshot(self, name: str) -> None:
        self._refuse_if_read_only()
        self.store.delete_snapshot(name)

    def save_copy(self, target: str | Path) -> Path:
        return save_copy(self.store, target)
