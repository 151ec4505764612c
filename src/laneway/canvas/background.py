"""Lanes, stage columns and their headers, painted from the layout grid."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.style import Style, text_color_on
from laneway.canvas.text import elide, make_font
from laneway.i18n import _, ngettext
from laneway.layout import Grid, Lane
from laneway.model.wording import plural


class GridItem(QGraphicsItem):
    """One item for the whole background: cheap to rebuild, exported as real text."""

    def __init__(self, grid: Grid, style: Style) -> None:
        super().__init__()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Paint only the lanes and columns in the exposed area (a few of a big map).
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        #: Laid-out header texts by (font role, text), reused across repaints.
        self._static: dict[tuple[str, str], QStaticText] = {}
        self._on_screen = False
        self._grid = grid
        self._style = style
        self._prepare()

    def set_grid(self, grid: Grid, style: Style) -> None:
        previous, old_texts = self._grid, self._lane_texts
        same_shape = style is self._style and _shape(grid) == _shape(previous)
        if style is not self._style or len(self._static) > 500:
            self._static = {}
        if not same_shape:
            self.prepareGeometryChange()
        self._grid, self._style = grid, style
        self._prepare()
        if not same_shape:
            self.update()
            return
        # Only a step count changed (a card added or moved within its lane): repaint
        # the lane headers that say so, not the whole map.
        width = grid.metrics.lane_header_width
        for lane, old, new in zip(grid.lanes, old_texts, self._lane_texts, strict=True):
            if old != new:
                self.update(QRectF(lane.rect.x, lane.rect.y, width, lane.rect.height))

    def _prepare(self) -> None:
        s = self._style
        self._name_font = make_font(s.font_family, s.pt(12), bold=True)
        self._small_font = make_font(s.font_family, s.pt(9))
        self._stage_font = make_font(s.font_family, s.pt(12), bold=True)
        m = self._grid.metrics
        self._lane_texts = []
        for lane in self._grid.lanes:
            width = m.lane_header_width - 28
            name = elide(lane.name, self._name_font, width)
            if lane.department_id is None and s.alarms:
                sub = (
                    "⚠ "
                    + ngettext(
                        "{n} step nobody owns", "{n} steps nobody owns", lane.step_count
                    ).format(n=lane.step_count)
                    if lane.step_count
                    else _("no steps — good")
                )
            else:
                sub = plural(lane.step_count, "step")
            self._lane_texts.append((name, elide(sub, self._small_font, width)))
        self._column_texts = [
            elide(c.name, self._stage_font, c.rect.width - 24) for c in self._grid.columns
        ]

    def boundingRect(self) -> QRectF:
        b = self._grid.bounds
        return QRectF(b.x, b.y, b.width, b.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s, grid, m = self._style, self._grid, self._grid.metrics
        bounds = grid.bounds
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else self.boundingRect()
        # On screen, text layouts are kept between paints; exports draw plain text.
        self._on_screen = widget is not None
        painter.fillRect(
            QRectF(bounds.x, bounds.y, bounds.width, bounds.height), QColor(s.background)
        )
        for index, lane in enumerate(grid.lanes):
            if lane.rect.y <= exposed.bottom() and lane.rect.bottom >= exposed.top():
                self._paint_lane(painter, index, lane)
        # Stage header row and column separators.
        painter.fillRect(QRectF(0, 0, bounds.width, m.stage_header_height), QColor(s.header_fill))
        painter.setPen(QPen(QColor(s.grid_line), 1))
        for column, text in zip(grid.columns, self._column_texts, strict=True):
            r = column.rect
            if r.x > exposed.right() or r.right < exposed.left():
                continue
            painter.drawLine(QPointF(r.x, 0), QPointF(r.x, bounds.bottom))
            painter.setFont(self._stage_font)
            painter.setPen(QColor(s.header_text))
            self._text(
                painter, QRectF(r.x + 12, 0, r.width - 24, m.stage_header_height), text, "stage"
            )
            painter.setPen(QPen(QColor(s.grid_line), 1))
        painter.drawLine(
            QPointF(0, m.stage_header_height), QPointF(bounds.right, m.stage_header_height)
        )
        painter.drawLine(QPointF(bounds.right, 0), QPointF(bounds.right, bounds.bottom))

    def _paint_lane(self, painter: QPainter, index: int, lane: Lane) -> None:
        s, m = self._style, self._grid.metrics
        r = lane.rect
        band = QRectF(r.x, r.y, r.width, r.height)
        alarm = s.alarms and lane.department_id is None and lane.step_count > 0
        if lane.department_id is None:
            fill = s.unassigned_alarm_fill if alarm else s.unassigned_fill
        else:
            fill = s.lane_fill if index % 2 else s.lane_fill_alt
        painter.fillRect(band, QColor(fill))
        header = QRectF(r.x, r.y, m.lane_header_width, r.height)
        painter.fillRect(header, QColor(s.unassigned_alarm_fill if alarm else s.header_fill))
        swatch = QColor(s.error if alarm else (lane.color or s.grid_line))
        painter.fillRect(QRectF(r.x, r.y, 8, r.height), swatch)
        if alarm:
            painter.setPen(QPen(QColor(s.error), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(band.adjusted(1, 1, -1, -1))
            self._paint_warning_sign(painter, QPointF(r.x + m.lane_header_width - 22, r.y + 22))
        name, sub = self._lane_texts[index]
        painter.setFont(self._name_font)
        painter.setPen(QColor(s.unassigned_alarm_text if alarm else s.header_text))
        self._text(painter, QRectF(r.x + 18, r.y + 12, m.lane_header_width - 28, 24), name, "name")
        painter.setFont(self._small_font)
        painter.setPen(QColor(s.unassigned_alarm_text if alarm else s.card_subtle_text))
        self._text(painter, QRectF(r.x + 18, r.y + 36, m.lane_header_width - 28, 20), sub, "small")
        painter.setPen(QPen(QColor(s.grid_line), 1))
        painter.drawLine(QPointF(r.x, r.bottom), QPointF(r.right, r.bottom))
        painter.drawLine(QPointF(m.lane_header_width, r.y), QPointF(m.lane_header_width, r.bottom))

    def _text(self, painter: QPainter, box: QRectF, text: str, kind: str) -> None:
        """One line, left-aligned and centred vertically in ``box``."""
        if not self._on_screen:
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, flags, text)
            return
        static = self._static.get((kind, text))
        if static is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=painter.font())
            self._static[(kind, text)] = static
        height = static.size().height()
        painter.drawStaticText(QPointF(box.x(), box.y() + (box.height() - height) / 2), static)

    def _paint_warning_sign(self, painter: QPainter, center: QPointF) -> None:
        s = self._style
        size = 10
        triangle = QPolygonF(
            [
                QPointF(center.x(), center.y() - size),
                QPointF(center.x() + size, center.y() + size * 0.8),
                QPointF(center.x() - size, center.y() + size * 0.8),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(s.error)))
        painter.drawPolygon(triangle)
        painter.setPen(QColor(text_color_on(s.error)))
        painter.setFont(make_font(s.font_family, s.pt(8), bold=True))
        painter.drawText(
            QRectF(center.x() - size, center.y() - size * 0.4, 2 * size, size * 1.2),
            Qt.AlignmentFlag.AlignCenter,
            "!",
        )


def _shape(grid: Grid) -> tuple:
    """What the background's look depends on, besides the lanes' step counts."""
    return (
        [
            (lane.department_id, lane.name, lane.color, lane.rect, lane.step_count > 0)
            for lane in grid.lanes
        ],
        [(column.stage_id, column.name, column.rect) for column in grid.columns],
    )
