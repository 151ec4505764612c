"""MapView: zoom, pan, fit, the sticky headers, and the gestures on the canvas.

The view turns raw input into gesture objects (``ui.gestures``): a press starts the
gesture it chooses, every move goes to the active gesture until the release finishes
it, and Esc cancels it. A gesture makes at most one edit; the view makes none.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QCursor, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from laneway.canvas import JourneyScene
from laneway.ui.editing.session import MapSession
from laneway.ui.gestures.base import Canvas, Gesture, Pointer
from laneway.ui.gestures.chooser import gesture_for_double_click, gesture_for_press
from laneway.ui.gestures.title_gestures import RenameInPlace
from laneway.ui.window.sticky_headers import paint_sticky_headers

MIN_ZOOM, MAX_ZOOM = 0.15, 4.0
#: Opening a map never zooms in beyond this: a small map is shown at its real size.
OPEN_ZOOM_LIMIT = 1.0
#: The canvas shows that it has the keyboard: Tab reaches it visibly.
FOCUS_FRAME = (
    "QGraphicsView#mapView { border: 2px solid transparent; }"
    "QGraphicsView#mapView:focus { border: 2px solid palette(highlight); }"
)


class MapView(QGraphicsView):
    zoom_changed = Signal(float)
    #: Esc with no gesture under way (the window clears the selection and the search).
    escaped = Signal()
    #: A context menu was asked for: (viewport position, scene position, by keyboard).
    context_menu_requested = Signal(QPoint, QPointF, bool)

    def __init__(
        self, scene: JourneyScene, session: MapSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)  # the rubber band is a gesture
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # Edits repaint only what changed; scrolling repaints the whole viewport
        # (scrollContentsBy), as the sticky headers are drawn relative to it.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(FOCUS_FRAME)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.canvas = Canvas(self, scene, session)
        self._gesture: Gesture | None = None
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
        """On opening: the whole map fitted, never magnified beyond its real size; a map
        too large to fit even at the smallest zoom shows its start at that zoom."""
        self.fit_all()
        if self.zoom > OPEN_ZOOM_LIMIT or self.zoom < MIN_ZOOM:
            self.set_zoom(min(max(self.zoom, MIN_ZOOM), OPEN_ZOOM_LIMIT))
            rect = self.journey_scene().sceneRect()
            self.ensureVisible(QRectF(rect.left(), rect.top(), 10, 10), 0, 0)

    def cell_under_pointer(self):
        """The (department, stage) cell under the mouse while it is over the canvas."""
        if not self.underMouse():
            return None
        position = self.viewport().mapFromGlobal(QCursor.pos())
        if not self.viewport().rect().contains(position):
            return None
        return self.journey_scene().cell_at(self.mapToScene(position))

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
        visible = self._visible_rect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.fit_rect(rect.adjusted(-60, -60, 60, 60))
        self.centerOn(rect.center())
        self._unhide_headers(rect)

    def _unhide_headers(self, rect: QRectF) -> None:
        """Scroll back to the lane (stage) headers when a few pixels hide them and the
        revealed items still fit: cards should not sit half under the sticky headers."""
        visible = self._visible_rect()
        metrics = self.journey_scene().grid.metrics
        if 0 < visible.left() < metrics.lane_header_width and rect.right() < visible.width():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        if 0 < visible.top() < metrics.stage_header_height and rect.bottom() < visible.height():
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def _visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the sticky headers stay put: no shifted pixels

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        scene = self.journey_scene()
        paint_sticky_headers(painter, scene.grid, scene.style, self._visible_rect())

    # ---------------------------------------------------------------- gestures
    @property
    def active_gesture(self) -> Gesture | None:
        """The gesture under way (a drag, or a title being typed), if any."""
        if self._gesture is not None and self._gesture.done:
            self._gesture = None
        return self._gesture

    def start_rename(self, step_id: str, merge_key: str | None = None) -> None:
        """F2 or a new step: type the card's title in place (``merge_key``: see
        ``RenameInPlace``)."""
        if self.isInteractive():
            self._start(RenameInPlace(self.canvas, step_id, merge_key), None)

    def settle_gesture(self) -> None:
        """Before the window closes: a title being typed is kept, a drag is cancelled."""
        gesture, self._gesture = self.active_gesture, None
        if gesture is None:
            return
        if gesture.follows_pointer:
            gesture.cancel()
        else:
            gesture.finish(None)

    def cancel_gesture(self) -> None:
        """Esc, or the map changed under the gesture: it ends without an edit."""
        gesture, self._gesture = self.active_gesture, None
        if gesture is not None:
            gesture.cancel()

    def _start(self, gesture: Gesture, pointer: Pointer | None) -> None:
        self.cancel_gesture()
        self._gesture = gesture
        gesture.press(pointer)

    def _pointer(self, event: QMouseEvent) -> Pointer:
        position = event.position()
        return Pointer(position, self.mapToScene(position.toPoint()), event.modifiers())

    def _dragging(self) -> Gesture | None:
        gesture = self.active_gesture
        return gesture if gesture is not None and gesture.follows_pointer else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._dragging() is not None:
            event.accept()  # another button during a drag changes nothing
            return
        pointer = self._pointer(event)
        gesture = gesture_for_press(
            self.canvas,
            pointer,
            event.button(),
            space_held=self._space_down,
            editable=self.isInteractive(),
        )
        if gesture is None:
            super().mousePressEvent(event)
            return
        if gesture.shares_clicks_with_scene:
            super().mousePressEvent(event)
        self._start(gesture, pointer)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        gesture = self._dragging()
        if gesture is None:
            super().mouseMoveEvent(event)
            return
        gesture.move(self._pointer(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        gesture = self._dragging()
        if gesture is None:
            super().mouseReleaseEvent(event)
            return
        self._gesture = None
        if gesture.shares_clicks_with_scene:
            super().mouseReleaseEvent(event)
        gesture.finish(self._pointer(event))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.isInteractive():
            super().mouseDoubleClickEvent(event)
            return
        pointer = self._pointer(event)
        gesture = gesture_for_double_click(self.canvas, pointer)
        if gesture is not None:
            self._start(gesture, pointer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.active_gesture is not None:
                self.cancel_gesture()
            else:
                self.journey_scene().clearSelection()
                self.escaped.emit()
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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._dragging() is not None:
            return
        by_keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        position = event.pos()
        self.context_menu_requested.emit(position, self.mapToScene(position), by_keyboard)
        event.accept()

    def setInteractive(self, allowed: bool) -> None:
        """A map that turns read-only ends the gesture under way without an edit."""
        if not allowed:
            self.cancel_gesture()
        super().setInteractive(allowed)
