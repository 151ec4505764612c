"""Lane and stage names pinned to the edges of the view however the map is scrolled:
a facilitator must always see whose lane and which stage is which."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from laneway.canvas import Style
from laneway.canvas.text import elide, make_font
from laneway.layout import Column, Grid

#: How opaque the pinned bands are over the cards scrolled under them (0–255).
BAND_ALPHA = 235


def paint_sticky_headers(painter: QPainter, grid: Grid, style: Style, visible: QRectF) -> None:
    """Draw the pinned headers for the ``visible`` part of the scene (scene units)."""
    painter.save()
    if visible.left() > 0:
        _paint_lane_names(painter, grid, style, visible.left())
    _paint_stage_names(painter, grid, style, visible)
    painter.restore()


def _paint_lane_names(painter: QPainter, grid: Grid, style: Style, x: float) -> None:
    m = grid.metrics
    font = make_font(style.font_family, style.pt(11), bold=True)
    for lane in grid.lanes:
        band = QRectF(x, lane.rect.y, m.lane_header_width * 0.8, lane.rect.height)
        alarm = lane.department_id is None and lane.step_count > 0
        fill = QColor(style.unassigned_alarm_fill if alarm else style.header_fill)
        fill.setAlpha(BAND_ALPHA)
        painter.fillRect(band, fill)
        painter.fillRect(
            QRectF(x, lane.rect.y, 6, lane.rect.height),
            QColor(style.error if alarm else (lane.color or style.grid_line)),
        )
        painter.setPen(QColor(style.unassigned_alarm_text if alarm else style.header_text))
        painter.setFont(font)
        painter.drawText(
            band.adjusted(14, 10, -6, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            elide(lane.name, font, band.width() - 20),
        )


def _paint_stage_names(painter: QPainter, grid: Grid, style: Style, visible: QRectF) -> None:
    """Pinned to the top when scrolled down; a column whose start is scrolled off to the
    left shows its name at the visible edge."""
    m = grid.metrics
    fill = QColor(style.header_fill)
    font = make_font(style.font_family, style.pt(11), bold=True)
    painter.setFont(font)
    pinned = visible.top() > 0
    if pinned:
        y, height = visible.top(), m.stage_header_height * 0.8
        fill.setAlpha(BAND_ALPHA)
        painter.fillRect(QRectF(visible.left(), y, visible.width(), height), fill)
    else:
        y, height = 0.0, m.stage_header_height
    titles = stage_title_spots(grid, visible.left(), visible.right(), all_columns=pinned)
    painter.setPen(QColor(style.header_text))
    for column, x, room in titles:
        if not pinned:  # cover the end of the title the background drew cut off
            painter.fillRect(QRectF(x - 12, 0, column.rect.right - x + 12, height), fill)
        painter.drawText(
            QRectF(x, y, room, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            elide(column.name, font, room),
        )


def stage_title_spots(
    grid: Grid, left: float, right: float, *, all_columns: bool
) -> list[tuple[Column, float, float]]:
    """Where the view draws stage names itself: (column, x, room for the text).

    With ``all_columns`` (the pinned band when scrolled down) every visible column;
    otherwise only a column whose own title start is scrolled off to the left.
    """
    spots = []
    for column in grid.columns:
        start = column.rect.x + 12
        if column.rect.right <= left or column.rect.x >= right:
            continue
        if not all_columns and not start < left:
            continue
        x = max(start, left + 12)
        room = column.rect.right - x - 12
        if room >= 40:
            spots.append((column, x, room))
    return spots
