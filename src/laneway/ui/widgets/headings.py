"""Bold headings, a little larger than the text around them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading_label(text: str, size: float = 1.15, *, wrap: bool = True) -> QLabel:
    """A bold label ``size`` times the font's size (titles of forms, columns, dialogs)."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * size)
    label.setFont(font)
    label.setWordWrap(wrap)
    return label
