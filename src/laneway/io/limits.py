"""The documented limits (``model.limits``) as the readers report them: one sentence."""

from __future__ import annotations

from pathlib import Path

from laneway.io.errors import InputError
from laneway.model import JourneyMap
from laneway.model.limits import COUNT_LIMITS, MAX_NAME, PLURAL, map_problem


def check_map_limits(journey: JourneyMap, path: str | Path | None) -> None:
    """Refuse a map that crosses a limit, naming the record that does."""
    problem = map_problem(journey)
    if problem:
        element, words = problem
        raise InputError(path, words, where=None if element == "the map" else element)


def check_count(table: str, count: int, path: str | Path | None, where: str | None = None) -> None:
    """Refuse the ``count``-th record of ``table`` as soon as it is one too many."""
    limit = COUNT_LIMITS[table]
    if count > limit:
        raise InputError(
            path, f"has more than {limit:,} {PLURAL[table]}, as many as a map holds", where=where
        )


def check_name(text: str, what: str, path: str | Path | None, where: str | None) -> str:
    """A title or name within ``MAX_NAME`` characters, else one sentence."""
    if len(text) > MAX_NAME:
        raise InputError(
            path,
            f"has {what} of {len(text):,} characters; Laneway keeps at most {MAX_NAME:,}",
            where=where,
        )
    return text
