"""Names from other tools, cleaned for a card: no markup, no line breaks."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def clean_name(text: str | None) -> str:
    """'Check<br/>invoice&#10;now' → 'Check invoice now'."""
    if not text:
        return ""
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _TAG.sub(" ", text)  # markup that was escaped once
    return _SPACE.sub(" ", text).strip()
