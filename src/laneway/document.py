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
from laneway.io.jsonio import loads
from laneway.model import ChangeSet, JourneyMap
from laneway.store import MapStore, SnapshotInfo, StoreWriteError, save_copy

Origin = Literal["edit", "undo", "redo", "reload"]
Observer = Callable[[ChangeSet, Origin], None]


@dataclass
class EditResult:
    """Filled in when an ``edit`` block ends: the committed change set (maybe empty)."""

    changeset: ChangeSet


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
        self.read_only_reason: str | None = "opened read-only" if store.read_only else None

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

        A ModelError raised inside rolls the model back and propagates. A write failure
        rolls the model back, marks the document read-only and raises StoreWriteError.
        """
        self._refuse_if_read_only()
        result = EditResult(ChangeSet(label))
        with self.journey.record(label) as recording:
            yield result
        changeset = recording.changeset
        result.changeset = changeset
        if changeset:
            self._write(changeset)
            self._notify(changeset, "edit")

    def apply(self, changeset: ChangeSet, origin: Origin = "redo") -> None:
        """Apply a recorded change set again (redo), written through to the file."""
        self._refuse_if_read_only()
        with self.journey.transaction():
            self.journey.apply(changeset)
        self._write(changeset)
        self._notify(changeset, origin)

    def revert(self, changeset: ChangeSet) -> None:
        """Undo a change set: apply its inverse, written through to the file."""
        self.apply(changeset.inverse(), "undo")

    def _write(self, changeset: ChangeSet) -> None:
        try:
            stamp = self.store.write(changeset)
        except StoreWriteError as error:
            with self.journey.transaction():
                self.journey.apply(changeset.inverse())
            if "breaks the map's rules" not in error.problem:
                self.read_only_reason = str(error)
            raise
        self.journey.stamp_modified(stamp)

    def _refuse_if_read_only(self) -> None:
        if self.read_only_reason is not None:
            raise StoreWriteError(self.path, f"cannot be changed now ({self.read_only_reason})")

    # ---------------------------------------------------- outside the session
    def reload_if_changed_elsewhere(self) -> bool:
        """Reload when another process wrote the file; observers get origin "reload"."""
        if not self.store.changed_by_another_process():
            return False
        fresh = self.store.load()
        fresh.require_transaction = True
        self.journey = fresh
        self._notify(ChangeSet("Reload"), "reload")
        return True

    # -------------------------------------------------------------- analysis
    @property
    def report(self) -> Report:
        """The analysis of the map as it is now (recomputed after each change)."""
        if self._report is None:
            self._report = analyze(
                self.journey, handoff_threshold=self.handoff_threshold, reuse=self._structure
            )
            self._structure = self._report.structure  # type: ignore[assignment]
        return self._report

    # ------------------------------------------------------- snapshots, copies
    def take_snapshot(self, name: str) -> SnapshotInfo:
        self._refuse_if_read_only()
        return self.store.take_snapshot(name, self.journey)

    def snapshots(self) -> list[SnapshotInfo]:
        return self.store.snapshots()

    def snapshot_journey(self, name: str) -> JourneyMap:
        """The map as a snapshot froze it (StoreError or InputError when it is damaged)."""
        content = self.store.snapshot_content(name)
        return loads(json.dumps(content), f"{self.path.name} snapshot {name.strip()!r}")

    def delete_snapshot(self, name: str) -> None:
        self._refuse_if_read_only()
        self.store.delete_snapshot(name)

    def save_copy(self, target: str | Path) -> Path:
        return save_copy(self.store, target)
