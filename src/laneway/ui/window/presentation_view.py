"""The view of presentation mode: shows, zooms and pans; never edits.

It shows a frame (a scene rectangle: the whole map, a stage range, a finding) as large
as the room between the overlay's bands allows, keeps showing it when the screen
changes size, and lets the facilitator zoom (Ctrl++ / Ctrl+- / the wheel) and pan
(drag). The keys of presentation mode reach ``key_handler`` first, before the window's
shortcuts, so →, Space and Ctrl++ mean the same here whatever the menus say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from laneway.canvas import JourneyScene
from laneway.i18n import _
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.presentation_overlay import PresentationOverlay
from laneway.ui.window.sticky_headers import paint_sticky_headers

MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
WHEEL_STEP = 1.0015
#: Room left round a frame, each side, as a share of its width (height).
FRAME_MARGIN = 0.012


class PresentationView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentationView")
        describe(self, _("Presentation"), _("The map for the room: → next finding, ← back, "
                 "PgDown stage by stage, Esc leaves"))  # fmt: skip
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setInteractive(False)  # nothing on the map reacts: presenting edits nothing
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # No scroll bars: they would take room from the map, and their coming and going
        # would resize the viewport (and refit the frame) on every zoom.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.overlay = PresentationOverlay(self)
        #: The scene rectangle shown; None once the facilitator zoomed or panned by hand.
        self.frame: QRectF | None = None
        self.frame_zoom_limit = MAX_ZOOM
        #: Returns True when it handled the key (presentation.py decides what keys do).
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self.handles_key: Callable[[QKeyEvent], bool] | None = None

    def journey_scene(self) -> JourneyScene | None:
        scene = self.scene()
        return scene if isinstance(scene, JourneyScene) else None

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)

    def zoom_by(self, step: float) -> None:
        """Zoom by hand: the frame is no longer kept."""
        self.frame = None
        self.set_zoom(self.zoom * step)

    def show_frame(self, rect: QRectF, zoom_limit: float = MAX_ZOOM) -> None:
        """Show ``rect`` (scene units) as large as it fits, never beyond ``zoom_limit``;
        kept when the view changes size."""
        self.frame, self.frame_zoom_limit = QRectF(rect), zoom_limit
        self._show_frame()

    def _show_frame(self) -> None:
        rect = self.frame
        if rect is None or rect.isEmpty():
            return
        area = self.viewport().rect()
        if area.width() < 2 or area.height() < 2:
            return
        dx, dy = FRAME_MARGIN * rect.width(), FRAME_MARGIN * rect.height()
        padded = rect.adjusted(-dx, -dy, dx, dy)
        zoom = min(area.width() / padded.width(), area.height() / padded.height())
        self.set_zoom(min(zoom, self.frame_zoom_limit))
        # The scene's rectangle must allow centring any frame, even near its edges.
        scene = self.scene()
        if scene is not None:
            self.setSceneRect(scene.itemsBoundingRect().united(padded).adjusted(
                -area.width(), -area.height(), area.width(), area.height()))  # fmt: skip
        self.centerOn(rect.center())

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # ----------------------------------------------------------------- events
    def place_overlay(self) -> None:
        """The bands take the top and bottom of the view; the map fills the rest."""
        top, bottom = self.overlay.band_heights(self.height())
        self.setViewportMargins(0, top, 0, bottom)
        self.overlay.setGeometry(self.rect())
        self.overlay.raise_()

    def resizeEvent(self, event) -> None:
        self.place_overlay()
        super().resizeEvent(event)
        self._show_frame()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(WHEEL_STEP ** event.angleDelta().y())
        event.accept()

    def mousePressEvent(self, event) -> None:
        self.frame = None  # a drag pans: the frame is the facilitator's now
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Keys of presentation mode win over the window's shortcuts (Ctrl++, arrows…).
        overrides = event.type() == QEvent.Type.ShortcutOverride
        if overrides and self.handles_key is not None and self.handles_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        scene = self.journey_scene()
        if scene is not None:
            paint_sticky_headers(painter, scene.grid, scene.style, self.visible_rect())
