"""LiveMap: one Document taking part in a live session through a SharedMap.

Local edits (the document's observers hear them committed) become CRDT
transactions; whatever the shared state becomes (others' edits merged, my undo) is
projected and diffed, and the difference is written through the document with
origin "remote" (others' changes) or "undo"/"redo" (mine). Between two calls the
map in memory, the file and the projection of the shared state are equal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from laneway.document import Document, Origin
from laneway.i18n import N_, _
from laneway.model import ChangeSet
from laneway.store import StoreError, StoreWriteError, create_map
from laneway.store.mapstore import now_iso
from laneway.store.session_keys import (
    MAP_ID_KEY,
    SITE_TAG_KEY,
    ensure_map_id,
    ensure_site_tag,
    read_key,
    write_key,
)
from laneway.store.sync_log import SyncLog, read_updates
from laneway.sync.diff import diff
from laneway.sync.projection import project
from laneway.sync.shared import SharedMap
from laneway.sync.tables import TABLES
from laneway.sync.undo import PersonalHistory, reverting_writes

REMOTE_LABEL = N_("Changes from the live session")
OUTSIDE_LABEL = N_("Edits made outside the session")
#: The source of updates replayed from the file's log (not sent, not logged again).
RESTORED = "restored"
#: Tables whose local changes can change how *other* records project (unique names).
_RENAMING_TABLES = frozenset(name for name, spec in TABLES.items() if spec.unique)


class LiveMap:
    def __init__(
        self,
        document: Document,
        shared: SharedMap,
        map_id: str | None = None,
        site_tag: str | None = None,
    ) -> None:
        """Join ``document`` to ``shared``: an empty shared map takes the document's map
        (the host), or the state stored in its file; otherwise the document takes the
        shared state (a joiner's copy). ``map_id``: the session's map identity, for a
        copy that does not have it yet; ``site_tag``: the one a new copy joined with."""
        self.document = document
        self.shared = shared
        self.history = PersonalHistory()
        #: Called with a sentence when a merged change could not be written to the file.
        self.on_problem: Callable[[str], None] | None = None
        self.problem: str | None = None
        self._writing = False
        #: How to run the writing of my own edits' updates to the log a moment later (the
        #: app: on the next turn of its event loop, after they were sent); None: at once.
        #: Until then they wait for the next transaction; a crash in between loses
        #: nothing, as the map holds the edit and the next start takes it as mine.
        self.schedule: Callable[[Callable[[], None]], None] | None = None
        if site_tag is not None and read_key(document.store.db, SITE_TAG_KEY) != site_tag:
            write_key(document.store, SITE_TAG_KEY, site_tag)
        document.journey.use_site_tag(ensure_site_tag(document.store))
        if map_id is not None and read_key(document.store.db, MAP_ID_KEY) != map_id:
            write_key(document.store, MAP_ID_KEY, map_id)
        self.map_id = ensure_map_id(document.store)
        #: The file's update log (format 3): the shared state survives the app quitting.
        self.log = SyncLog(document.store, shared.update_since)
        if shared.is_empty() and self._restore():
            self._take_outside_edits()
        elif shared.is_empty():
            shared.load(document.journey)
        shared.add_listener(self._on_update)
        if not shared.is_empty():
            self.refresh()
        self.log.compact()
        document.add_observer(self._on_document_changed)

    @classmethod
    def new_copy(
        cls,
        path: str | Path,
        shared: SharedMap,
        map_id: str,
        *,
        overwrite: bool = False,
        site_tag: str | None = None,
    ) -> LiveMap:
        """A joiner's copy: a new file holding the shared state, opened and following it."""
        create_map(path, project(shared.read()), overwrite=overwrite)
        document = Document.open(path)
        try:
            return cls(document, shared, map_id, site_tag)
        except BaseException:
            document.close()
            raise

    def close(self) -> None:
        """Stop following the session; the document stays a normal, editable map, and
        its file keeps the shared state, to merge when it joins or hosts again."""
        self.document.remove_observer(self._on_document_changed)
        self.shared.remove_listener(self._on_update)
        self._flush()
        self.log.close()

    def observe_last(self) -> None:
        """Hear the document's changes after its other observers (a window made after
        this map joined), so a merge that a local edit sets off reaches them after it."""
        self.document.remove_observer(self._on_document_changed)
        self.document.add_observer(self._on_document_changed)

    # ------------------------------------------------------------ the file
    def _restore(self) -> bool:
        """Replay the file's update log into the (empty) shared map; False if none."""
        updates = read_updates(self.document.store.db)
        for update in updates:
            try:
                self.shared.apply_update(update, RESTORED)
            except ValueError:  # a damaged log: what it held so far is kept
                break
        return not self.shared.is_empty()

    def _take_outside_edits(self) -> None:
        """What the file holds beyond the stored state was edited outside the session
        (the app without a session, another program): those are my edits."""
        changes = diff(project(self.shared.read()), self.document.journey, _(OUTSIDE_LABEL))
        self.shared.write_changes(changes)

    def _on_update(self, update: bytes, source: object) -> None:
        self.log.add(update)

    def _flush(self) -> None:
        if self.document.read_only:
            return
        try:
            self.log.flush()
        except StoreError as error:
            self._report(str(error))

    def remember_peer(self, site_tag: str | None, name: str, colour: str) -> None:
        """Keep who took part (``sync_peer``), for the host's list of people."""
        if site_tag is None or self.document.read_only:
            return
        try:
            self.log.remember_peer(site_tag, name, colour, now_iso())
        except StoreError as error:
            self._report(str(error))

    @property
    def site_tag(self) -> str:
        tag = self.document.journey.site_tag
        assert tag is not None
        return tag

    # ---------------------------------------------------------- local edits
    def _on_document_changed(self, changeset: ChangeSet, origin: Origin) -> None:
        if self._writing or origin == "remote":
            return
        if origin == "reload":
            # Another program changed the file: what it holds now is a local edit.
            self.document.journey.use_site_tag(ensure_site_tag(self.document.store))
            changes = diff(project(self.shared.read()), self.document.journey, _("Reload"))
            self.shared.write_changes(changes)
            self._flush()
            return
        self.shared.write_changes(changeset)
        if self.schedule is not None:  # the update is on its way first; the log follows
            self.schedule(self._flush)
        else:
            self._flush()
        if origin == "edit":
            self.history.record(changeset)
        if any(change.table in _RENAMING_TABLES for change in changeset.changes):
            self.refresh()

    # ------------------------------------------------------- shared → file
    def refresh(self, label: str | None = None, origin: Origin = "remote") -> ChangeSet:
        """Write whatever the projection of the shared state has that the map lacks
        (``label``: its history entry, by default "Changes from the live session")."""
        label = _(REMOTE_LABEL) if label is None else label
        changes = diff(self.document.journey, project(self.shared.read()), label)
        if not changes:
            self._flush()
            return changes
        self._writing = True
        try:
            self.document.apply(changes, origin)
        except StoreWriteError as error:
            self._report(str(error))
            return ChangeSet(label)
        finally:
            self._writing = False
        return changes

    def _report(self, problem: str) -> None:
        self.problem = problem
        if self.on_problem is not None:
            self.on_problem(problem)

    # --------------------------------------------------------- undo / redo
    def undo(self) -> ChangeSet | None:
        """Undo my newest entry as far as it is still mine; None if nothing was left."""
        entry = self.history.pop_undo()
        if entry is None:
            return None
        effective = self._take_back(entry, "undo")
        if effective:
            self.history.push_redo(effective)
        return effective or None

    def redo(self) -> ChangeSet | None:
        entry = self.history.pop_redo()
        if entry is None:
            return None
        effective = self._take_back(entry, "redo")
        if effective:
            self.history.push_undo(effective)
        return effective or None

    def take_back(self, entry: ChangeSet, origin: str) -> ChangeSet | None:
        """Undo (or redo) ``entry``, an edit of mine kept by the app's own undo stack, as
        far as it is still mine; what was written, or None when nothing was left."""
        effective = self._take_back(entry, "redo" if origin == "redo" else "undo")
        return effective or None

    def _take_back(self, entry: ChangeSet, origin: Origin) -> ChangeSet:
        writes = reverting_writes(entry, self.shared.read(), self.document.journey)
        if not writes:
            return ChangeSet(entry.label)
        self.shared.apply_writes(writes)
        return self.refresh(entry.label, origin)
