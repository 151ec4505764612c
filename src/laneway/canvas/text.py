"""Text fitting done once per data change (never inside paint).

Lines break at spaces, and between any two characters of a script written without
spaces (Chinese, Japanese, Korean ideographs and kana: East Asian wide or full-width
characters), so a Japanese title wraps inside its card instead of running out of it.
Closing punctuation stays on the line of the character before it.
"""

from __future__ import annotations

import functools
import unicodedata

from PySide6.QtGui import QFont, QFontMetricsF

#: Punctuation a line must not start with (it belongs to the character before).
_NO_LINE_START = set("、。，．,.・：；？！ー」』）】〉》〕｝”’!?)]}%")

#: A piece of text a line may break before, and whether a space goes in front of it.
Token = tuple[str, bool]


@functools.lru_cache(maxsize=256)
def make_font(family: str, point_size: float, bold: bool = False) -> QFont:
    """A font shared by every item that asks for the same one: do not modify it."""
    font = QFont(family)
    font.setPointSizeF(max(1.0, point_size))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No ligatures: a PDF or SVG would hold "ﬀ" for "ff" and "handoff" could not be found.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def is_wide(char: str) -> bool:
    """True for a character of a script written without spaces between words."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def tokens(text: str) -> list[Token]:
    """The breakable pieces of ``text``: words, and single wide characters (closing
    punctuation joined to the piece before it)."""
    found: list[Token] = []
    for word in text.split():
        spaced, piece = True, ""
        for char in word:
            if char in _NO_LINE_START and not piece and found and not spaced:
                found[-1] = (found[-1][0] + char, found[-1][1])
            elif is_wide(char):
                if piece:
                    found.append((piece, spaced))
                    spaced = False
                piece = char
                found.append((piece, spaced))
                piece, spaced = "", False
            else:
                piece += char
        if piece:
            found.append((piece, spaced))
    return found


def wrap_all(text: str, font: QFont, width: float) -> list[str]:
    """Every line of ``text`` wrapped to ``width`` (nothing elided); a piece wider than
    the line is broken between its characters."""
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    current = ""
    for piece, spaced in tokens(text):
        candidate = f"{current} {piece}" if current and spaced else current + piece
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in piece:  # fits on a line of its own, or is broken by characters
            if current and metrics.horizontalAdvance(current + char) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Wrap ``text`` into at most ``max_lines`` lines, eliding the last one."""
    lines = wrap_all(text, font, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    rest = lines[max_lines - 1 :]
    joiner = "" if any(is_wide(c) for c in "".join(rest)) else " "
    kept[-1] = elide(joiner.join(rest), font, width)
    return kept


def elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, _elide_right(), width)


def _elide_right():
    from PySide6.QtCore import Qt

    return Qt.TextElideMode.ElideRight
