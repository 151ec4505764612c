"""Stable string ids: imported ids are kept, new ones never collide with them."""

from __future__ import annotations

import re

PREFIXES = {"department": "d", "stage": "g", "step": "s", "link": "l"}
_NUMBERED = re.compile(r"^([a-z]+)(\d+)$")


class IdAllocator:
    def __init__(self) -> None:
        self._used: dict[str, set[str]] = {table: set() for table in PREFIXES}
        self._next: dict[str, int] = dict.fromkeys(PREFIXES, 1)

    def note(self, table: str, record_id: str) -> None:
        """Remember an id that is (or was) in use so it is never handed out again."""
        self._used[table].add(record_id)
        prefix = PREFIXES[table]
        digits = record_id[len(prefix) :] if record_id.startswith(prefix) else ""
        if not digits.isdecimal():  # rare: let the pattern decide (its $ allows a newline)
            match = _NUMBERED.match(record_id)
            if not match or match.group(1) != prefix:
                return
            digits = match.group(2)
        self._next[table] = max(self._next[table], int(digits) + 1)

    def claim(self, table: str, wanted: str | None = None) -> str:
        """A fresh id, or ``wanted`` itself (the caller checks it is not taken)."""
        if wanted is not None:
            return str(wanted)
        while True:
            candidate = f"{PREFIXES[table]}{self._next[table]}"
            self._next[table] += 1
            if candidate not in self._used[table]:
                return candidate
