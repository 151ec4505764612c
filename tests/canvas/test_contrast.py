"""Every text the canvas draws reads at WCAG AA (4.5:1) in every style."""

from __future__ import annotations

import pytest

from laneway.canvas.style import STYLES, Style, text_color_on
from laneway.model import DEPARTMENT_PALETTE, palette


def _luminance(hex_color: str) -> float:
    value = hex_color.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(s: Style) -> dict[str, tuple[str, str]]:
    """(text colour, background) of everything the canvas writes, by where it is."""
    pairs = {
        "card title, caption, note number": (s.card_text, s.card_fill),
        "card start/end mark": (s.card_subtle_text, s.card_fill),
        "channel chip": (s.card_subtle_text, s.header_fill),
        "stage and lane names": (s.header_text, s.header_fill),
        "lane step count": (s.card_subtle_text, s.header_fill),
        "unassigned lane name": (s.unassigned_alarm_text, s.unassigned_alarm_fill),
    }
    for name in ("error", "warning", "info", "gap"):
        fill = getattr(s, name)
        pairs[f"{name} badge or marker"] = (text_color_on(fill), fill)
    return pairs


@pytest.mark.parametrize("style_name", sorted(STYLES))
def test_every_text_reads_at_4_5_to_1(style_name):
    style = STYLES[style_name]
    low = {
        where: round(contrast(*pair), 2)
        for where, pair in text_pairs(style).items()
        if contrast(*pair) < 4.5
    }
    assert low == {}


def test_white_on_orange_is_gone():
    assert text_color_on(palette.WARNING) != "#ffffff"
    assert contrast(text_color_on(palette.WARNING), palette.WARNING) >= 4.5


def test_no_department_colour_looks_like_the_alarm():
    assert all(not palette.is_alarm_like(color) for color in DEPARTMENT_PALETTE)
    assert palette.is_alarm_like("#eb5757") and palette.is_alarm_like(palette.ALARM)
