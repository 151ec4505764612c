"""Qt-free text measurement for slides: widths from a table, greedy word wrapping.

Widths are in points for a size in points. Characters beyond the table are taken as
wide as an "M" (most scripts), or a whole em (CJK and emoji), which errs on the side
of text that fits.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from laneway.io.pptx._widths import BOLD, FIRST, REGULAR

ELLIPSIS = "…"
#: Line height as a multiple of the font size (PowerPoint's single spacing is ~1.2).
LINE_HEIGHT = 1.2


@lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool) -> float:
    table = BOLD if bold else REGULAR
    code = ord(char)
    if FIRST <= code < FIRST + len(table):
        return table[code - FIRST] / 1000.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if unicodedata.combining(char):
        return 0.0
    return table[ord("M") - FIRST] / 1000.0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in points of ``text`` on one line at ``size`` points."""
    return sum(_char_width(c, bold) for c in text) * size


def line_height(size: float) -> float:
    return size * LINE_HEIGHT


def wrap(text: str, size: float, width: float, bold: bool = False, max_lines: int = 0) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (words split only when
    one alone is too wide); with ``max_lines``, the last line kept ends in an ellipsis."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(_wrap_paragraph(paragraph, size, width, bold))
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = elide(lines[-1] + " " + ELLIPSIS, size, width, bold)
    return lines


def _wrap_paragraph(text: str, size: float, width: float, bold: bool) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if text_width(trial, size, bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = _fitting_prefix(word, size, width, bold)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


def _fitting_prefix(word: str, size: float, width: float, bold: bool) -> int:
    used = 0.0
    for index, char in enumerate(word):
        used += _char_width(char, bold) * size
        if used > width:
            return max(1, index)
    return len(word)


def elide(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` on one line, shortened with an ellipsis when it is wider than ``width``."""
    if text_width(text, size, bold) <= width:
        return text
    room = width - text_width(ELLIPSIS, size, bold)
    kept = _fitting_prefix(text, size, max(room, 0.0), bold) if room > 0 else 0
    return text[:kept].rstrip() + ELLIPSIS


def fit(text: str, size: float, width: float, bold: bool = False, max_lines: int = 0):
    """(``text`` as one paragraph, the lines it takes) for a box ``width`` wide: the text
    itself when it fits in ``max_lines`` (the application wraps it, never into more
    lines, its font being narrower), else shortened with an ellipsis."""
    lines = wrap(text, size, width, bold)
    if not max_lines or len(lines) <= max_lines:
        return " ".join(text.split()), len(lines)
    return " ".join(wrap(text, size, width, bold, max_lines)), max_lines
