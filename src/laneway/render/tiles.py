"""A poster printed on ordinary sheets: the A1 page cut into overlapping A4 tiles.

Each sheet shows its part of the poster at full size, with an overlap band that the
next sheet repeats, corner marks where the sheets are to be laid on one another and
a label saying which tile it is (row and column), so the poster can be glued together.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from laneway.canvas.text import make_font
from laneway.i18n import _
from laneway.render.pages import PageFrame, paint_page
from laneway.render.paging import MapPage

SHEET_MARGIN = 24.0  # points of white border a printer may not reach
OVERLAP = 28.0  # points every tile repeats of its neighbour (about 10 mm)
MARK = 10.0


def tile_grid(
    poster: tuple[float, float], sheet: tuple[float, float]
) -> tuple[int, int, float, float]:
    """(rows, columns, step x, step y): how the poster is cut into sheets."""
    inner_w, inner_h = sheet[0] - 2 * SHEET_MARGIN, sheet[1] - 2 * SHEET_MARGIN
    step_x, step_y = inner_w - OVERLAP, inner_h - OVERLAP
    columns = max(1, math.ceil((poster[0] - OVERLAP) / step_x))
    rows = max(1, math.ceil((poster[1] - OVERLAP) / step_y))
    return rows, columns, step_x, step_y


def paint_tiled(
    device: QPagedPaintDevice, frame: PageFrame, page: MapPage, sheet: tuple[float, float]
) -> None:
    """The poster page ``page`` cut into sheets of the device's size ``sheet`` (points)."""
    rows, columns, step_x, step_y = tile_grid((frame.width, frame.height), sheet)
    inner = QRectF(
        SHEET_MARGIN, SHEET_MARGIN, sheet[0] - 2 * SHEET_MARGIN, sheet[1] - 2 * SHEET_MARGIN
    )
    painter = QPainter(device)
    try:
        for row in range(rows):
            for column in range(columns):
                if row or column:
                    device.newPage()
                painter.save()
                painter.setClipRect(inner)
                painter.translate(SHEET_MARGIN - column * step_x, SHEET_MARGIN - row * step_y)
                paint_page(painter, frame, page)
                painter.restore()
                _marks(painter, inner, row, column, rows, columns)
    finally:
        painter.end()


def _marks(
    painter: QPainter, inner: QRectF, row: int, column: int, rows: int, columns: int
) -> None:
    """Corner marks at the overlap band's edges, and the tile's label."""
    painter.save()
    painter.setPen(QPen(QColor("#5b6675"), 0.6, Qt.PenStyle.SolidLine))
    left, top = inner.left() + OVERLAP * (column > 0), inner.top() + OVERLAP * (row > 0)
    for x in (left, inner.right() - OVERLAP * (column < columns - 1)):
        for y in (top, inner.bottom() - OVERLAP * (row < rows - 1)):
            painter.drawLine(QPointF(x - MARK, y), QPointF(x + MARK, y))
            painter.drawLine(QPointF(x, y - MARK), QPointF(x, y + MARK))
    painter.setFont(make_font("DejaVu Sans", 8))
    label = _(
        "Tile row {row}, column {column} of {rows} × {columns} · lay each "
        "sheet's marked overlap on its neighbour"
    ).format(row=row + 1, column=column + 1, rows=rows, columns=columns)
    painter.drawText(QPointF(inner.left(), inner.bottom() + 14), label)
    painter.restore()
