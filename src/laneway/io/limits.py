"""The documented limits (``model.limits``) as the readers report them: one sentence."""

from __future__ import annotations

from pathlib import Path

from laneway.i18n import _
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
            path,
            _("has more than {limit:,} {value}, as many as a map holds").format(
                limit=limit, value=_(PLURAL[table])
            ),
            where=where,
        )


def check_name(text: str, what: str, path: str | Path | None, where: str | None) -> str:
    """A title or name within ``MAX_NAME`` characters, else one sentence."""
    if len(text) > MAX_NAME:
        raise InputError(
            path,
            _("has {what} of {value:,} characters; Laneway keeps at most {MAX_NAME:,}").format(
                what=what, value=len(text), MAX_NAME=MAX_NAME
            ),
            where=where,
        )
    return text
