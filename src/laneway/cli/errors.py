"""The command line's exit statuses, its one problem type and its one way to say it."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130
PREFIX = "laneway: "


class CommandError(Exception):
    """A problem to report in one sentence with exit status 2."""


def say(sentence: str) -> None:
    """Print one sentence on stderr with the one ``laneway:`` prefix (never two)."""
    text = sentence.strip()
    while text.startswith(PREFIX):
        text = text[len(PREFIX) :]
    print(f"{PREFIX}{text}", file=sys.stderr)
