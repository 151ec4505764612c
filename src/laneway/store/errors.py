"""Store errors: one sentence each, and a type that says what the caller should do.

``Document`` decides by type, never by the words: a ``StoreWriteError`` whose class has
``makes_read_only`` turns the open map read-only (the file cannot take more edits now);
the others refuse one edit and leave the map editable.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """``str(error)`` is one sentence naming the file and what is wrong."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem if problem.endswith((".", "?", "!")) else problem + "."
        name = self.path.name if self.path is not None else ""
        super().__init__(f"{name}: {self.problem}" if name else self.problem)


class StoreDamagedError(StoreError):
    """The file is not a readable SQLite database (truncated, overwritten, corrupt)."""


class StoreForeignError(StoreError):
    """A readable database that Laneway did not write this way: an object or a row that a
    Laneway map never holds (a trigger, a missing key, a NULL title, a 100 MB name…).
    ``laneway import FILE -o CLEAN.laneway`` rebuilds a clean map from what passes."""


class StoreWriteError(StoreError):
    """Writing failed and nothing was written; the map in the file is unchanged."""

    #: True when the file cannot take further edits in this session.
    makes_read_only = True


class StoreLockedError(StoreWriteError):
    """Another program kept the file locked for longer than the busy timeout."""

    makes_read_only = False


class StoreRuleError(StoreWriteError):
    """The change breaks one of the map's rules or limits; nothing was written."""

    makes_read_only = False


class StoreConflictError(StoreWriteError):
    """The file no longer holds what the change was made against (another program
    changed it at the same moment); the map should be reloaded."""

    makes_read_only = False


class StoreReadOnlyError(StoreWriteError):
    """The file, its folder or the disk refuses writes (or the map was opened read-only)."""


class StoreFullError(StoreWriteError):
    """The disk is full."""


class StoreGoneError(StoreWriteError):
    """The file was deleted or moved away while it was open."""


class StoreReplacedError(StoreWriteError):
    """Another file took the open file's place (copied over it or renamed onto it)."""


class StoreDiskError(StoreWriteError):
    """The operating system reported an input/output error."""
