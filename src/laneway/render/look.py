"""How an export looks: its card geometry, text sizes, fonts and the clean style.

Exports use tighter paddings than the canvas and text 1.4× the canvas's, so a map
fitted to a 16:9 slide keeps its step titles at SPEC §6's sizes; the arrangement
(``layout.arrange``) is made with these same metrics, so what is planned is drawn.
"""

from __future__ import annotations

from dataclasses import replace

from laneway.canvas import PRINT, PRINT_DARK, Style
from laneway.io.export_options import ExportOptions
from laneway.layout import Metrics

#: Text in exports is this much larger than on the canvas, relative to the cards.
FONT_SCALE = 1.4
#: A step title's size in scene units at FONT_SCALE (the canvas draws it at 10.5 pt).
TITLE_PT = 10.5 * FONT_SCALE
#: The smallest text on the map (badges and captions: 8 pt on the canvas), as the file
#: has it (Qt writes whole sizes: 11.2 becomes 11).
SMALL_PT = float(int(8.0 * FONT_SCALE))
#: What a file names as its fonts (SVG font-family), first choice first.
FONT_FAMILIES = ("Noto Sans", "DejaVu Sans", "Arial", "Helvetica", "sans-serif")

EXPORT_METRICS = Metrics(
    card_width=224.0,
    card_height=84.0,
    gap_x=18.0,
    gap_y=18.0,
    cell_padding=10.0,
    lane_header_width=214.0,
    stage_header_height=38.0,
    min_lane_height=104.0,
    min_column_width=240.0,
    empty_column_width=76.0,
    empty_lane_height=34.0,
)


def export_style(options: ExportOptions) -> Style:
    """The print style for ``options`` (dark or light), with export-sized text; a clean
    export (no findings) draws no alarm colours at all."""
    base = PRINT_DARK if options.dark else PRINT
    style = replace(base, font_family=FONT_FAMILIES[1], font_scale=FONT_SCALE)
    if not options.findings:
        style = replace(
            style,
            unassigned_alarm_fill=style.unassigned_fill,
            unassigned_alarm_text=style.header_text,
            alarms=False,
        )
    return style


def small_floor(step_count: int) -> float:
    """SPEC §6's smallest text size (badges, chips, lane counts) on a 16:9 slide:
    9 pt up to 20 steps, 8 pt up to 40, and (our choice) 7 pt beyond."""
    if step_count <= 20:
        return 9.0
    if step_count <= 40:
        return 8.0
    return 7.0


def min_scale(step_count: int) -> float:
    """The smallest scale (page points per scene unit) at which a page of a map of
    ``step_count`` steps meets both of SPEC §6's floors."""
    return max(title_floor(step_count) / TITLE_PT, small_floor(step_count) / SMALL_PT)


def title_floor(step_count: int) -> float:
    """SPEC §6's smallest step-title size on a 16:9 slide, in points: 12 pt up to 20
    steps, 10 pt up to 40, and (our choice for bigger maps) 9 pt beyond."""
    if step_count <= 20:
        return 12.0
    if step_count <= 40:
        return 10.0
    return 9.0
