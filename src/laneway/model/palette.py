"""The colours every picture of a map shares, as hex strings and without Qt.

The canvas styles (light, print), the PowerPoint slides, the Mermaid flowchart and the
app's panels draw with these, so the alarm red of an unowned step or a handoff gap is
the same everywhere. The dark theme's own values stay in ``canvas.style``.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable

#: The alarm: steps nobody owns, handoff gaps, error findings.
ALARM = "#c53030"
#: The background and the text of alarming areas (the Unassigned lane holding steps).
ALARM_FILL = "#fdecec"
ALARM_TEXT = "#b42318"
WARNING = "#e08a00"
INFO = "#3b82c4"
SEVERITY_COLORS: dict[str, str] = {"error": ALARM, "warning": WARNING, "info": INFO}

INK = "#1f2933"
SUBTLE_INK = "#5b6675"
HEADER_FILL = "#eceff3"
LANE_FILL = "#ffffff"
LANE_FILL_ALT = "#f9fafb"
#: The alternate lane fill of pictures printed on white (exports, slides).
PRINT_LANE_FILL_ALT = "#fafbfc"
GRID_LINE = "#d9dde3"
CARD_BORDER = "#c5ccd6"
LINK = "#7b8794"
HANDOFF = "#3d4b5c"
SELECTION = "#2f80ed"
UNASSIGNED_FILL = "#f4f5f7"

#: A step's emotion (−2 … +2) as the colour of its face.
EMOTION_COLORS: dict[int, str] = {
    -2: ALARM,
    -1: "#e8833a",
    0: "#9aa5b1",
    1: "#5fb85f",
    2: "#2e9e4f",
}

#: Lane colours that stand in, on display only, for a department coloured like the alarm.
STAND_IN_COLORS: tuple[str, ...] = ("#4f5bd5", "#8a5a9e", "#3f7f8c", "#7a6a3a", "#5a7d2a")


def is_alarm_like(color: str) -> bool:
    """True for a red that a reader could take for the alarm (hue within 20° of red,
    clearly saturated, neither near black nor near white)."""
    value = color.strip().lstrip("#")
    if len(value) != 6:
        return False
    try:
        r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return False
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    red = hue <= 20 / 360 or hue >= 345 / 360
    return red and saturation >= 0.4 and 0.25 <= lightness <= 0.8


def display_colors(departments: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each department's lane colour as drawn: its own, or, when it looks like the
    alarm, a palette colour no other department of the map uses (the file keeps its
    colour; only pictures change). ``departments``: (id, colour) in lane order."""
    given = list(departments)
    taken = {color.lower() for _id, color in given if not is_alarm_like(color)}
    from laneway.model.entities import DEPARTMENT_PALETTE  # entities imports nothing of ours

    spare = [c for c in (*DEPARTMENT_PALETTE, *STAND_IN_COLORS) if c.lower() not in taken]
    spare = spare or list(STAND_IN_COLORS)
    shown: dict[str, str] = {}
    used = 0
    for department_id, color in given:
        if is_alarm_like(color):
            shown[department_id] = spare[used % len(spare)]
            used += 1
        else:
            shown[department_id] = color
    return shown
