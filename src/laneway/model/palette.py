"""The colours every picture of a map shares, as hex strings and without Qt.

The canvas styles (light, print), the PowerPoint slides, the Mermaid flowchart and the
app's panels draw with these, so the alarm red of an unowned step or a handoff gap is
the same everywhere. The dark theme's own values stay in ``canvas.style``.
"""

from __future__ import annotations

#: The alarm: steps nobody owns, handoff gaps, error findings.
ALARM = "#d64545"
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
