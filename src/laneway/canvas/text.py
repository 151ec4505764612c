"""Text fitting done once per data change (never inside paint)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontMetricsF


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


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Word-wrap ``text`` into at most ``max_lines`` lines, eliding the last one."""
    metrics = QFontMetricsF(font)
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            index += 1
            continue
        if not current:  # one word wider than the card: break it
            current = metrics.elidedText(word, _elide_right(), width)
            index += 1
        lines.append(current)
        current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    if index < len(words) or current:
        rest = " ".join([lines[-1], *words[index:]]) if lines else " ".join(words[index:])
        lines[-1] = metrics.elidedText(rest, _elide_right(), width)
    return lines


def elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, _elide_right(), width)


def _elide_right():
    from PySide6.QtCore import Qt

    return Qt.TextElideMode.ElideRight
