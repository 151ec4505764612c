"""Stable string ids: imported ids are kept, new ones never collide with them."""

from __future__ import annotations

import re
from collections.abc import Iterable

PREFIXES = {"department": "d", "stage": "g", "step": "s", "link": "l"}
_NUMBERED = re.compile(r"^([a-z]+)(\d+)$")


class IdAllocator:
    def __init__(self) -> None:
        self._used: dict[str, set[str]] = {table: set() for table in PREFIXES}
        self._next: dict[str, int] = dict.fromkeys(PREFIXES, 1)

    def note(self, table: str, record_id: str) -> None:
        """Remember an id that is (or was) in use so it is never handed out again."""
        self._used[table].add(record_id)
        number = _number(PREFIXES[table], record_id)
        if number is not None and number >= self._next[table]:
            self._next[table] = number + 1

    def note_all(self, table: str, record_ids: Iterable[str]) -> None:
        """``note`` for many ids at once (a whole map read from a file)."""
        ids = list(record_ids)
        self._used[table].update(ids)
        prefix = PREFIXES[table]
        numbers = [n for n in (_number(prefix, i) for i in ids) if n is not None]
        if numbers:
            self._next[table] = max(self._next[table], max(numbers) + 1)

    def claim(self, table: str, wanted: str | None = None) -> str:
        """A fresh id, or ``wanted`` itself (the caller checks it is not taken)."""
        if wanted is not None:
            return str(wanted)
        used = self._used[table]
        while True:
            candidate = f"{PREFIXES[table]}{self._next[table]}"
            self._next[table] += 1
            if candidate not in used:
                used.add(candidate)
                return candidate


def _number(prefix: str, record_id: str) -> int | None:
    """The number of an id like ``s12`` for the prefix ``s``, else None."""
    if not record_id.startswith(prefix):
        return None
    digits = record_id[len(prefix) :]
    if digits.isdecimal():
        return int(digits)
    match = _NUMBERED.match(record_id)  # rare; the pattern decides (its $ allows a newline)
    return int(match.group(2)) if match and match.group(1) == prefix else None
