"""One order of ids that every peer agrees on: "smallest id" in the projection rules."""

from __future__ import annotations

import re

_PARTS = re.compile(r"^([a-z]*)(\d*)(.*)$", re.DOTALL)


def id_order(record_id: str) -> tuple[str, int, str, str]:
    """``d2`` before ``d10``; site-tagged ids (``d2.k3f9q``) after ``d2``; any text sorts."""
    match = _PARTS.match(record_id)
    assert match is not None  # the pattern matches every string
    prefix, number, rest = match.groups()
    return (prefix, int(number) if number else -1, rest, record_id)
