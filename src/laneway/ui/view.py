"""MapView: zoom, pan, fit, and the mouse gestures on the canvas.

The view turns raw input into requests (create here, link these, rename that);
the main window turns requests into edits. Dragging cards is the scene's job
(it reports ``steps_moved`` on release).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from laneway.canvas import JourneyScene, StepItem
from laneway.canvas.text import elide, make_font
from laneway.layout import Column, Grid
from laneway.ui.gestures.link import LinkGesture

MIN_ZOOM, MAX_ZOOM = 0.15, 4.0
READABLE_ZOOM = 0.5


class MapView(QGraphicsView):
    create_requested = Signal(object, object, float, float)  # department, stage, scene x, y
    link_requested = Signal(str, str)
    rename_requested = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # Edits repaint only what changed; scrolling repaints the whole viewport
        # (scrollContentsBy), as the sticky headers are drawn relative to it.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        #: Presentation mode: the whole map stays fitted as the window changes size.
        self.keep_fitted = False
        self._link: LinkGesture | None = None
        self._pan_from: QPointF | None = None
        self._space_down = False

    def journey_scene(self) -> JourneyScene:
        return self.scene()  # type: ignore[return-value]

    # ------------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        scale = factor / self.zoom
        self.scale(scale, scale)
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom * step)

    def fit_all(self) -> None:
        self.fit_rect(self.journey_scene().sceneRect())

    def show_start(self) -> None:
        """On opening: the whole map when it is readable so, else the journey's start."""
        self.fit_all()
        if self.zoom < READABLE_ZOOM:
            self.set_zoom(READABLE_ZOOM)
            rect = self.journey_scene().sceneRect()
            self.ensureVisible(QRectF(rect.left(), rect.top(), 10, 10), 0, 0)

    def fit_rect(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.5:
            self.set_zoom(1.5)
        self.zoom_changed.emit(self.zoom)

    def reveal(self, rect: QRectF) -> None:
        """Centre on ``rect``, zooming out only when it does not fit."""
        if rect.isEmpty():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.fit_rect(rect.adjusted(-60, -60, 60, 60))
        self.centerOn(rect.center())
        self._unhide_headers(rect)

    def _unhide_headers(self, rect: QRectF) -> None:
        """Scroll back to the lane (stage) headers when a few pixels hide them and the
        revealed items still fit: cards should not sit half under the sticky headers."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        metrics = self.journey_scene().grid.metrics
        if 0 < visible.left() < metrics.lane_header_width and rect.right() < visible.width():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        if 0 < visible.top() < metrics.stage_header_height and rect.bottom() < visible.height():
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.keep_fitted:
            self.fit_all()  # going full screen resizes after the mode is switched on

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the sticky headers stay put: no shifted pixels

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    # ----------------------------------------------------------- sticky headers
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Keep lane and stage names in view however the map is scrolled: a facilitator
        must always see whose lane and which stage is which."""
        super().drawForeground(painter, rect)
        scene = self.journey_scene()
        grid, style = scene.grid, scene.style
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        m = grid.metrics
        painter.save()
        if visible.left() > 0:
            x = visible.left()
            for lane in grid.lanes:
                band = QRectF(x, lane.rect.y, m.lane_header_width * 0.8, lane.rect.height)
                alarm = lane.department_id is None and lane.step_count > 0
                fill = QColor(style.unassigned_alarm_fill if alarm else style.header_fill)
                fill.setAlpha(235)
                painter.fillRect(band, fill)
                painter.fillRect(
                    QRectF(x, lane.rect.y, 6, lane.rect.height),
                    QColor(style.error if alarm else (lane.color or style.grid_line)),
                )
                painter.setPen(QColor(style.unassigned_alarm_text if alarm else style.header_text))
                font = make_font(style.font_family, style.pt(11), bold=True)
                painter.setFont(font)
                painter.drawText(
                    band.adjusted(14, 10, -6, 0),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    elide(lane.name, font, band.width() - 20),
                )
        # Stage names: pinned to the top when scrolled down, and a column whose start
        # is scrolled off to the left shows its name at the visible edge.
        fill = QColor(style.header_fill)
        font = make_font(style.font_family, style.pt(11), bold=True)
        painter.setFont(font)
        pinned = visible.top() > 0
        if pinned:
            y, height = visible.top(), m.stage_header_height * 0.8
            fill.setAlpha(235)
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
        painter.restore()

    # ---------------------------------------------------------------- gestures
    def mousePressEvent(self, event: QMouseEvent) -> None:
        scene_pos = self.mapToScene(event.position().toPoint())
        panning = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_down
        )
        if panning:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.isInteractive():
            item = self.journey_scene().step_at(scene_pos)
            if isinstance(item, StepItem) and item.handle_contains(scene_pos):
                self._link = LinkGesture(
                    self.journey_scene(), item.step_id, self.link_requested.emit
                )
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            return
        if self._link is not None:
            self._link.move(self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        if self._link is not None:
            gesture, self._link = self._link, None
            gesture.finish(self.mapToScene(event.position().toPoint()))
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.isInteractive():
            super().mouseDoubleClickEvent(event)
            return
        scene = self.journey_scene()
        scene_pos = self.mapToScene(event.position().toPoint())
        item = scene.step_at(scene_pos)
        if item is not None:
            self.rename_requested.emit(item.step_id)
            return
        cell = scene.cell_at(scene_pos)
        if cell is not None:
            self.create_requested.emit(cell[0], cell[1], scene_pos.x(), scene_pos.y())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self._link is not None:
                self._link.cancel()
                self._link = None
                return
            self.journey_scene().cancel_drag()
            self.journey_scene().clearSelection()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)


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
