"""Words shared by the command line, the app and the exports."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 step", "3 steps", "2 entries" (pass ``many`` for irregular plurals)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
