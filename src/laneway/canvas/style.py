"""Colors and fonts of the canvas: light, dark and print (exports on white)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from laneway.model import palette


@dataclass(frozen=True)
class Style:
    name: str
    background: str
    grid_line: str
    header_fill: str
    header_text: str
    lane_fill: str
    lane_fill_alt: str
    card_fill: str
    card_border: str
    card_text: str
    card_subtle_text: str
    link: str
    handoff: str
    gap: str
    selection: str
    drop_target: str
    unassigned_fill: str
    unassigned_alarm_fill: str
    unassigned_alarm_text: str
    error: str = palette.ALARM
    warning: str = palette.WARNING
    info: str = palette.INFO
    font_family: str = "Sans Serif"
    font_scale: float = 1.0
    #: Editing chrome (selection outlines, hover handles) is drawn only when True.
    chrome: bool = True
    #: Findings colours on unowned steps and the Unassigned lane; False in clean exports.
    alarms: bool = True

    def scaled(self, factor: float) -> Style:
        return replace(self, font_scale=factor)

    def pt(self, size: float) -> float:
        return size * self.font_scale


LIGHT = Style(
    name="light",
    background="#f6f7f9",
    grid_line=palette.GRID_LINE,
    header_fill=palette.HEADER_FILL,
    header_text=palette.INK,
    lane_fill=palette.LANE_FILL,
    lane_fill_alt=palette.LANE_FILL_ALT,
    card_fill=palette.LANE_FILL,
    card_border=palette.CARD_BORDER,
    card_text=palette.INK,
    card_subtle_text=palette.SUBTLE_INK,
    link=palette.LINK,
    handoff=palette.HANDOFF,
    gap=palette.ALARM,
    selection=palette.SELECTION,
    drop_target=palette.SELECTION,
    unassigned_fill=palette.UNASSIGNED_FILL,
    unassigned_alarm_fill=palette.ALARM_FILL,
    unassigned_alarm_text=palette.ALARM_TEXT,
)

DARK = Style(
    name="dark",
    background="#16191d",
    grid_line="#323840",
    header_fill="#20252b",
    header_text="#e6e9ed",
    lane_fill="#1b1f24",
    lane_fill_alt="#1e2228",
    card_fill="#262c33",
    card_border="#46505c",
    card_text="#eef1f4",
    card_subtle_text="#a9b3bf",
    link="#8d99a6",
    handoff="#c9d1da",
    gap="#ff6b6b",
    selection="#5aa2ff",
    drop_target="#5aa2ff",
    unassigned_fill="#1d2026",
    unassigned_alarm_fill="#3a1f22",
    unassigned_alarm_text="#ff8a80",
    error="#ff6b6b",
    warning="#ffb020",
    info="#6cb2ff",
)

PRINT = replace(
    LIGHT,
    name="print",
    background=palette.LANE_FILL,
    lane_fill_alt=palette.PRINT_LANE_FILL_ALT,
    chrome=False,
)
PRINT_DARK = replace(DARK, name="print-dark", chrome=False)

STYLES = {style.name: style for style in (LIGHT, DARK, PRINT, PRINT_DARK)}

#: Severity colours that read on light and dark backgrounds alike (findings, badges).
SEVERITY_COLORS = palette.SEVERITY_COLORS
#: The alarm colour of the app's own widgets (status figures, the inspector's gap frame).
ALARM_COLOR = palette.ALARM
EMOTION_COLORS = palette.EMOTION_COLORS


def luminance(hex_color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    value = hex_color.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_color_on(hex_color: str) -> str:
    """Near-black or white, whichever contrasts more with ``hex_color`` (WCAG)."""
    dark, light = "#111111", "#ffffff"
    return dark if contrast_ratio(dark, hex_color) >= contrast_ratio(light, hex_color) else light
