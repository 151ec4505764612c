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


def tell(notices: list[str]) -> None:
    """What the store had to do to open the map (a journal set aside…), on stderr."""
    for notice in notices:
        say(notice)


def loaded_store_error() -> type[Exception] | None:
    """``StoreError`` when the store is loaded, else None: a StoreError can only come from
    a command that loaded the store, so reading a JSON file never loads sqlite-utils."""
    store_errors = sys.modules.get("laneway.store.errors")
    return None if store_errors is None else store_errors.StoreError
