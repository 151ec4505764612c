"""StoreError: a map file that cannot be opened or written, in one sentence."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """``str(error)`` is one sentence naming the file and what is wrong."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem if problem.endswith(".") else problem + "."
        name = self.path.name if self.path is not None else ""
        super().__init__(f"{name}: {self.problem}" if name else self.problem)


class StoreWriteError(StoreError):
    """Writing an edit failed (disk full, read-only media, file gone); the map is unchanged."""
