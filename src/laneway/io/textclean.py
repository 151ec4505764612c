"""Names from other tools, cleaned for a card: no markup, no line breaks.

Linear in the text: tags are found with ``str.find`` (a regex like ``<[^>]*>`` rescans
the rest of the text from every ``<`` that has no ``>``, which is quadratic).
"""

from __future__ import annotations

import html
import re

_SPACE = re.compile(r"\s+")


def strip_tags(text: str) -> str:
    """Every ``<…>`` replaced by a space; a ``<`` with no ``>`` after it stays."""
    if "<" not in text:
        return text
    pieces: list[str] = []
    position = 0
    while True:
        start = text.find("<", position)
        end = text.find(">", start + 1) if start >= 0 else -1
        if end < 0:  # no tag can close after this point: nothing more to strip
            pieces.append(text[position:])
            return "".join(pieces)
        pieces.append(text[position:start])
        pieces.append(" ")
        position = end + 1


def clean_name(text: str | None) -> str:
    """'Check<br/>invoice&#10;now' → 'Check invoice now'."""
    if not text:
        return ""
    text = strip_tags(text)
    text = html.unescape(text)
    text = strip_tags(text)  # markup that was escaped once
    return _SPACE.sub(" ", text).strip()
