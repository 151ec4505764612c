"""The one undo command: a committed ChangeSet on a QUndoStack.

The change is already applied and written when the command is pushed, so the
first ``redo`` (which Qt calls on push) does nothing. Undo writes the inverse
change set through the document; redo applies the change set again. In a live
session undo and redo may give back the change set they actually wrote (only what
was still this person's, COLLAB.md "Undo"): the next redo or undo works on that.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from laneway.model import ChangeSet

_merge_ids: dict[str, int] = {}


def merge_id_for(key: str | None) -> int:
    """A stable positive int per merge key (Qt merges commands by int id); -1 = never."""
    if key is None:
        return -1
    return _merge_ids.setdefault(key, len(_merge_ids) + 1)


class ChangeSetCommand(QUndoCommand):
    def __init__(
        self,
        changeset: ChangeSet,
        apply: Callable[[ChangeSet], bool | ChangeSet],
        revert: Callable[[ChangeSet], bool | ChangeSet],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(changeset.label)
        self.changeset = changeset
        self._apply = apply
        self._revert = revert
        self._merge_id = merge_id_for(merge_key)
        self._first_redo = True
        #: What a redo applies (the change set itself, or what the last undo wrote).
        self._redo_changeset: ChangeSet | None = None

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeSetCommand) or other.id() != self.id() or self.id() < 0:
            return False
        self.changeset = self.changeset.merged_with(other.changeset)
        return True

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        result = self._apply(self._redo_changeset or self.changeset)
        if isinstance(result, ChangeSet):
            self.changeset = result
        elif not result:
            self.setObsolete(True)

    def undo(self) -> None:
        result = self._revert(self.changeset)
        if isinstance(result, ChangeSet):
            self._redo_changeset = result
        elif not result:
            self.setObsolete(True)
