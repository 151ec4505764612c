"""Stable string ids: imported ids are kept, new ones never collide with them.

Alone, a map numbers its records ``s1, s2, …``. Once the file has taken part in a
live session it carries a *site tag* (one per file, kept in the file), and every id
made from then on ends with it — ``s12.k3f9q`` — so two laptops that add a step at
the same moment never make the same id. The number part keeps counting over every
id the map holds, so ids stay short and readable.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Iterable

from laneway.i18n import _

PREFIXES = {
    "department": "d",
    "stage": "g",
    "step": "s",
    "link": "l",
    "persona": "p",
    "definition": "t",
    "note": "n",
}
_NUMBERED = re.compile(r"^([a-z]+)(\d+)(?:\.([0-9a-z]+))?$")
SITE_TAG_ALPHABET = string.ascii_lowercase + string.digits
SITE_TAG_LENGTH = 5
_SITE_TAG = re.compile(rf"^[0-9a-z]{{{SITE_TAG_LENGTH}}}$")


def new_site_tag() -> str:
    """A random tag for one file on one laptop (36^5, about 60 million, choices)."""
    return "".join(secrets.choice(SITE_TAG_ALPHABET) for _position in range(SITE_TAG_LENGTH))


def is_site_tag(text: object) -> bool:
    return isinstance(text, str) and bool(_SITE_TAG.match(text))


class IdAllocator:
    def __init__(self, site_tag: str | None = None) -> None:
        self._used: dict[str, set[str]] = {table: set() for table in PREFIXES}
        self._next: dict[str, int] = dict.fromkeys(PREFIXES, 1)
        self.site_tag: str | None = None
        if site_tag is not None:
            self.use_site_tag(site_tag)

    def use_site_tag(self, site_tag: str) -> None:
        """From now on, new ids end with ``.site_tag``."""
        if not is_site_tag(site_tag):
            raise ValueError(_("{site_tag!r} is not a site tag.").format(site_tag=site_tag))
        self.site_tag = site_tag

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
        suffix = f".{self.site_tag}" if self.site_tag else ""
        used = self._used[table]
        while True:
            candidate = f"{PREFIXES[table]}{self._next[table]}{suffix}"
            self._next[table] += 1
            if candidate not in used:
                used.add(candidate)
                return candidate


def _number(prefix: str, record_id: str) -> int | None:
    """The number of an id like ``s12`` or ``s12.k3f9q`` for the prefix ``s``, else None."""
    if not record_id.startswith(prefix):
        return None
    digits = record_id[len(prefix) :]
    if digits.isdecimal():
        return int(digits)
    match = _NUMBERED.match(record_id)  # rarer: a site tag, or the pattern's $ and a newline
    return int(match.group(2)) if match and match.group(1) == prefix else None
