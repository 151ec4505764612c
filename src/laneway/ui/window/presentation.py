"""Presentation mode (SPEC §6): the map fills the screen for the room; the walks.

F11 enters and leaves, and so does Esc. The window goes full screen with its panels,
menus, tool bar and status bar hidden, and a ``PresentationView`` takes the editing
canvas's place, showing a copy of the map arranged for the screen (``presented_map``):
the file is never touched. On screen stay the map's title, its coverage and a legend.

Keys (``Presentation._key``): → or Space the next finding (zoomed to, highlighted, its
sentence shown large), ← the one before, Home / End the first / last, PgDn / PgUp the
next / previous stage range (the stage-by-stage walk, each range as large as the screen
allows), 1 to 9 that range, S the stage walk on or off, F or 0 the whole map again,
Ctrl++ / Ctrl+- / the wheel zoom, a drag pans. Leaving restores the window and the
canvas as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTransform
from PySide6.QtWidgets import QWidget

from laneway.analysis import Report
from laneway.canvas import JourneyScene
from laneway.i18n import N_, _
from laneway.layout import Target
from laneway.model.wording import plural
from laneway.ui.widgets.presentation_overlay import Caption
from laneway.ui.window.coverage_status import coverage_parts
from laneway.ui.window.findings_walk import Stop, Walk, walk_order
from laneway.ui.window.presentation_view import FRAME_MARGIN, PresentationView
from laneway.ui.window.presented_map import excerpt, presented, stage_ranges
from laneway.ui.window.spotlight import Spotlight

#: Step titles are drawn at this size (points at 1×), as ``canvas.step_item`` has them.
TITLE_PT = 10.5
#: SPEC §6's floors for step titles on a 16:9 slide (points on a 540 pt high slide), by
#: map size; on a screen, the same share of its height.
SLIDE_HEIGHT_PT = 540.0
TITLE_FLOORS = ((20, 12.0), (40, 10.0))
LARGE_MAP_TITLE_PT = 10.0
#: A finding is shown at most this many times the size the title floor needs.
STOP_ZOOM_OVER_FLOOR = 1.3
#: Room round a finding for the spotlight's ring (left, top, right, bottom; scene units).
RING_ROOM = (-22.0, -26.0, 22.0, 22.0)
#: How much of a lane header's width the pinned lane names take (``sticky_headers``).
PINNED_LANE_SHARE = 0.8
SEVERITY_WORDS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}
#: How long after the last edit the presented copy follows the map (ms).
FOLLOW_DELAY_MS = 150
#: The keys of the top band, separated by three spaces (``presentation_overlay``).
HINT = N_("→ next   ← back   PgDn stages   Esc leave")

K = Qt.Key
WALK_KEYS = {K.Key_Right, K.Key_Space, K.Key_Left, K.Key_Home, K.Key_End, K.Key_PageDown,
             K.Key_PageUp, K.Key_S, K.Key_F, K.Key_0, K.Key_Escape}  # fmt: skip
ZOOM_IN_KEYS = {K.Key_Plus, K.Key_Equal}
#: 1 to 9: that stage range of the stage walk, chosen directly.
RANGE_KEYS = [K(K.Key_1.value + i) for i in range(9)]
ZOOM_OUT_KEYS = {K.Key_Minus, K.Key_Underscore}


def title_floor_px(steps: int, screen_height: float) -> float:
    """The smallest step title (em height, pixels) SPEC §6 allows on this screen."""
    points = next((pt for most, pt in TITLE_FLOORS if steps <= most), LARGE_MAP_TITLE_PT)
    return points / SLIDE_HEIGHT_PT * screen_height


@dataclass
class _Saved:
    """The window and canvas as they were before presenting."""

    maximized: bool
    visible: dict[int, bool]
    widgets: list[QWidget]
    transform: QTransform
    scroll: tuple[int, int]


class Presentation(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = PresentationView()
        self.view.setVisible(False)
        self.view.key_handler = self._key
        self.view.handles_key = self._handles
        window.centralWidget().layout().addWidget(self.view, 1)
        self.active = False
        self.walk = Walk([])
        self.scene: JourneyScene | None = None  # the whole map, arranged for the screen
        self.range_scene: JourneyScene | None = None  # the stage range shown, if any
        #: The stage walk's ranges, planned when it is first asked for (see ``ranges``).
        self._ranges: list[tuple[str | None, ...]] | None = None
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self._refresh_map)
        self.range_index = -1
        self.arranged = False
        self._spotlight: Spotlight | None = None
        self._saved: _Saved | None = None

    # ------------------------------------------------------------ entering
    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        w = self.window
        widgets = [w.menuBar(), w.chrome.toolbar, w.statusBar(), *w.docks]
        central = w.centralWidget().layout()
        widgets += [central.itemAt(i).widget() for i in range(central.count())]
        widgets = [x for x in widgets if x is not None and x is not self.view]
        bars = w.view.horizontalScrollBar(), w.view.verticalScrollBar()
        self._saved = _Saved(
            w.isMaximized(), {id(x): x.isVisible() for x in widgets}, widgets,
            w.view.transform(), (bars[0].value(), bars[1].value()),
        )  # fmt: skip
        w.view.settle_gesture()
        for widget in widgets:
            widget.setVisible(False)
        for action in w.chrome.edit_actions:
            action.setEnabled(False)  # presenting changes nothing by accident
        self.active = True
        self.view.setVisible(True)
        w.showFullScreen()
        self._build()
        self.view.setFocus()
        w.session.report_changed.connect(self._follow_report)
        w.session.changed.connect(self._follow_map)

    def leave(self) -> None:
        if not self.active or self._saved is None:
            return
        w, saved = self.window, self._saved
        self.active = False
        self._follow_timer.stop()
        w.session.report_changed.disconnect(self._follow_report)
        w.session.changed.disconnect(self._follow_map)
        self.view.setVisible(False)
        self.view.setScene(None)
        self.scene = self.range_scene = self._spotlight = None
        for widget in saved.widgets:
            widget.setVisible(saved.visible[id(widget)])
        for action in w.chrome.edit_actions:
            action.setEnabled(not w.session.read_only)
        w.showMaximized() if saved.maximized else w.showNormal()
        w.view.setTransform(saved.transform)
        w.view.zoom_changed.emit(w.view.zoom)
        self._restore_scroll()
        QTimer.singleShot(0, self._restore_scroll)  # once the window has its size back
        w.view.setFocus()

    def _restore_scroll(self) -> None:
        if self._saved is not None and not self.active:
            view = self.window.view
            view.horizontalScrollBar().setValue(self._saved.scroll[0])
            view.verticalScrollBar().setValue(self._saved.scroll[1])

    # ------------------------------------------------------------ the map
    def target(self) -> Target:
        """The room the map has on screen: the screen less the overlay's bands."""
        screen = self.window.screen().geometry()
        top, bottom = self.view.overlay.band_heights(screen.height())
        return Target.screen(screen.width(), max(1, screen.height() - top - bottom))

    def screen_height(self) -> int:
        return self.window.screen().geometry().height()

    def _new_scene(self, journey) -> JourneyScene:
        w = self.window
        scene = JourneyScene(journey, w.scene.style, metrics=w.metrics)
        scene.set_findings_visible(w.scene.findings_visible)
        scene.set_report(w.session.document.report)
        # what the room sees on the canvas: the emotion curve and the persona filter
        scene.content.set_curve_visible(w.scene.content.curve_visible)
        scene.content.set_persona(w.scene.content.persona_id)
        return scene

    def _build(self) -> None:
        """The arranged copy of the whole map, its walks, and the overview shown."""
        w = self.window
        journey, target = w.session.journey, self.target()
        shown = presented(journey, target, w.metrics)
        self.arranged = shown.arranged
        self.scene = self._new_scene(shown.journey)
        self._spotlight = Spotlight(w.scene.style)
        self.scene.addItem(self._spotlight)
        self.walk = Walk(walk_order(journey, w.session.document.report))
        self._ranges = None
        self.range_index, self.range_scene = -1, None
        self.view.overlay.set_style(w.scene.style, w.metrics.scale)
        self.view.overlay.set_findings_shown(w.scene.findings_visible)
        self.view.overlay.set_hint(_(HINT))
        self.show_whole_map()

    def title_px(self, zoom: float) -> float:
        """The em height of a step title on screen at ``zoom``."""
        dpi = self.view.logicalDpiY() or 96
        return self.window.scene.style.pt(TITLE_PT) * dpi / 72.0 * zoom

    def floor_zoom(self) -> float:
        """The zoom at which step titles meet SPEC §6's floor on this screen."""
        floor = title_floor_px(len(self.window.session.journey.steps), self.screen_height())
        return floor / self.title_px(1.0)

    @property
    def ranges(self) -> list[tuple[str | None, ...]]:
        """The stage walk's ranges (planning them arranges every candidate range: done
        once, when the walk is first used after entering or after an edit)."""
        if self._ranges is None:
            self._ranges = self._plan_ranges()
        return self._ranges

    def _plan_ranges(self) -> list[tuple[str | None, ...]]:
        """Stage ranges whose titles meet the floor once framed (the frame's margins too)."""
        w = self.window
        # The planner measures grids at 1× (``Metrics.base``); the scene is ``scale`` × that.
        framed = self.floor_zoom() * w.metrics.scale * (1 + 2 * FRAME_MARGIN)
        return stage_ranges(w.session.journey, self.target(), framed, w.metrics)

    def _grid_rect(self, scene: JourneyScene) -> QRectF:
        b = scene.grid.bounds
        rect = QRectF(b.x, b.y, b.width, b.height)
        band = scene.content.band
        if scene.content.curve_visible and band.isVisible():
            rect = rect.united(band.sceneBoundingRect())  # the curve is part of the map
        return rect

    def _show_scene(self, scene: JourneyScene) -> None:
        if self.view.scene() is not scene:
            self.view.setScene(scene)

    def show_whole_map(self) -> None:
        """The whole map, filling the screen; no finding, no stage range."""
        assert self.scene is not None
        self.range_index, self.range_scene = -1, None
        self.walk.index = -1
        self._show_scene(self.scene)
        self._highlight(None)
        self.view.show_frame(self._grid_rect(self.scene))
        self._update_overlay()

    # ------------------------------------------------------------ the walks
    def next_finding(self) -> None:
        self._show_stop(self.walk.next())

    def previous_finding(self) -> None:
        self._show_stop(self.walk.previous())

    def go_to_finding(self, index: int) -> None:
        self._show_stop(self.walk.go(index))

    def _show_stop(self, stop: Stop | None) -> None:
        if stop is None or self.scene is None:
            self._update_overlay()
            return
        self.range_index, self.range_scene = -1, None
        self._show_scene(self.scene)
        rect = self._stop_rect(stop)
        framed = self._with_pinned_headers(rect).adjusted(*RING_ROOM)
        self._highlight(stop)
        self.window.scene.select_ids(stop.step_ids, stop.link_ids)  # the session follows
        self._update_overlay()
        # The same zoom at every text size: larger text is larger on screen.
        limit = self.floor_zoom() * self.window.metrics.scale * STOP_ZOOM_OVER_FLOOR
        reserve = self.view.overlay.caption_rect().height() + self.view.overlay._pad()
        self.view.show_frame(framed, max(limit, 0.1))
        self._lift_above_caption(framed, reserve)

    def _lift_above_caption(self, rect: QRectF, reserve: float) -> None:
        """The finding sits in the room the sentence panel leaves above it."""
        area = self.view.viewport().height()
        zoom = self.view.zoom
        if rect.height() * zoom > area - reserve:  # too tall: zoom out to make room
            self.view.set_zoom(max(0.05, (area - reserve) / (rect.height() * 1.06)))
            zoom = self.view.zoom
        centre = rect.center()
        centre.setY(centre.y() + reserve / 2 / zoom)
        self.view.centerOn(self._clamped(centre, reserve))

    def _clamped(self, centre: QPointF, reserve: float) -> QPointF:
        """Keep the map on screen: no empty screen beyond the grid's edges where the
        map could fill it (the sentence panel covers ``reserve`` pixels at the bottom)."""
        assert self.scene is not None
        grid, zoom, port = self._grid_rect(self.scene), self.view.zoom, self.view.viewport()
        width, height = port.width() / zoom, port.height() / zoom
        below = reserve / zoom  # the panel may cover the map's last bit, not hide a card
        x = grid.center().x()
        if width < grid.width():
            x = min(max(centre.x(), grid.left() + width / 2), grid.right() - width / 2)
        y = grid.center().y() + below / 2
        if height - below < grid.height():
            y = min(max(centre.y(), grid.top() + height / 2), grid.bottom() + below - height / 2)
        return QPointF(x, y)

    def _with_pinned_headers(self, rect: QRectF) -> QRectF:
        """``rect`` with room above and left of it for the lane and stage names pinned
        to the view's edges (``sticky_headers``), so they never cover the finding."""
        assert self.scene is not None
        m = self.scene.grid.metrics
        # A stage column or a lane holds its own header: nothing to make room for there.
        left, top = rect.left(), rect.top()
        if left >= m.lane_header_width:
            left -= m.lane_header_width * PINNED_LANE_SHARE
        if top >= m.stage_header_height:
            top -= m.stage_header_height
        return QRectF(QPointF(left, top), rect.bottomRight())

    def _stop_rect(self, stop: Stop) -> QRectF:
        scene = self.scene
        assert scene is not None
        rect = scene.items_rect(stop.step_ids, stop.link_ids)
        if not rect.isEmpty():
            return rect
        grid = scene.grid
        if stop.stage_id is not None and stop.stage_id in grid.column_lefts:
            r = grid.column(stop.stage_id).rect
            return QRectF(r.x, r.y, r.width, r.height)
        if stop.department_id is not None and stop.department_id in grid.lane_tops:
            r = grid.lane(stop.department_id).rect
            return QRectF(r.x, r.y, r.width, r.height)
        return self._grid_rect(scene)

    def _highlight(self, stop: Stop | None) -> None:
        scene, spot = self.scene, self._spotlight
        if scene is None or spot is None:
            return
        if stop is None:
            spot.setVisible(False)
            scene.select_ids([], [])
            return
        scene.select_ids(stop.step_ids, stop.link_ids)
        # Lane and stage names stay bright: the room must still read whose lane it is.
        cells = self._grid_rect(scene).adjusted(*scene.grid.cells_origin, 0, 0)
        spot.show_around(self._stop_rect(stop), cells)

    def next_range(self, step: int = 1) -> None:
        """The stage-by-stage walk: the next (or previous) run of stages, excerpted."""
        if not self.ranges:
            return
        index = 0 if self.range_index < 0 else self.range_index + step
        self.show_range(max(0, min(len(self.ranges) - 1, index)))

    def show_range(self, index: int) -> None:
        w = self.window
        self.range_index = index
        self.walk.index = -1
        shown = excerpt(w.session.journey, self.ranges[index], self.target(), w.metrics)
        self.range_scene = self._new_scene(shown.journey)
        self._show_scene(self.range_scene)
        self.view.show_frame(self._grid_rect(self.range_scene))
        self._update_overlay()

    # ------------------------------------------------------------ following
    def _follow_report(self, report: Report) -> None:
        for scene in (self.scene, self.range_scene):
            if scene is not None:
                scene.set_report(report)
        self.walk.follow(walk_order(self.window.session.journey, report))
        self._update_overlay()

    def _follow_map(self, _changeset, _origin) -> None:
        """Someone edited the map (a live session, another window): show it as it is,
        once the burst of edits pauses (arranging a large map takes a moment)."""
        self._follow_timer.start()

    def _refresh_map(self) -> None:
        if not self.active or self.scene is None:
            return
        journey, w = self.window.session.journey, self.window
        self.scene.set_journey(presented(journey, self.target(), w.metrics).journey)
        self._ranges = None
        if self.range_index >= 0:
            self.show_range(min(self.range_index, len(self.ranges) - 1))
        elif self.walk.current is not None:
            self._show_stop(self.walk.current)
        else:
            self.show_whole_map()

    def follow_appearance(self) -> None:
        """The theme or text size changed while presenting: build it again."""
        if self.active:
            self._build()

    # ------------------------------------------------------------ overlay
    def position_text(self) -> str:
        stop = self.walk.current
        if stop is not None:
            return _("Finding {number} of {count}").format(
                number=self.walk.index + 1, count=len(self.walk.stops)
            )
        if self.range_index >= 0:
            names = self._range_names(self.ranges[self.range_index])
            return _("Stages {names} ({number} of {count})").format(
                names=names, number=self.range_index + 1, count=len(self.ranges)
            )
        count = len(self.walk.stops)
        return _("Whole map · {findings}").format(findings=plural(count, "finding"))

    def _range_names(self, stage_ids: tuple[str | None, ...]) -> str:
        journey = self.window.session.journey
        names = [journey.stage_name(s) or _("No stage") if s else _("No stage") for s in stage_ids]
        return names[0] if len(names) == 1 else f"{names[0]} – {names[-1]}"

    def _update_overlay(self) -> None:
        w = self.window
        report = w.session.document.report
        overlay = self.view.overlay
        overlay.set_header(w.session.journey.info.title, coverage_parts(report),
                           self.position_text())  # fmt: skip
        stop = self.walk.current
        if stop is None:
            overlay.set_caption(None)
            return
        where = f"{_(SEVERITY_WORDS[stop.severity])} · {stop.finding.rule}"
        overlay.set_caption(Caption(stop.severity, stop.sentence, where))

    # ------------------------------------------------------------ keys
    def _handles(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.KeyboardModifier.AltModifier:
            return False
        if key in RANGE_KEYS:
            return not mods & Qt.KeyboardModifier.ControlModifier
        return key in WALK_KEYS or key in ZOOM_IN_KEYS or key in ZOOM_OUT_KEYS

    def _key(self, event: QKeyEvent) -> bool:
        """What a key does in presentation mode; False: not one of its keys."""
        if not self._handles(event):
            return False
        key = event.key()
        actions = {
            K.Key_Right: self.next_finding, K.Key_Space: self.next_finding,
            K.Key_Left: self.previous_finding,
            K.Key_Home: lambda: self.go_to_finding(0),
            K.Key_End: lambda: self.go_to_finding(len(self.walk.stops) - 1),
            K.Key_PageDown: lambda: self.next_range(1),
            K.Key_PageUp: lambda: self.next_range(-1),
            K.Key_S: self._toggle_stage_walk, K.Key_F: self.show_whole_map,
            K.Key_0: self.show_whole_map, K.Key_Escape: self.leave,
        }  # fmt: skip
        if key in RANGE_KEYS:
            self.show_range(min(RANGE_KEYS.index(key), len(self.ranges) - 1))
        elif key in ZOOM_IN_KEYS:
            self.view.zoom_by(1.2)
        elif key in ZOOM_OUT_KEYS:
            self.view.zoom_by(1 / 1.2)
        else:
            actions[key]()
        return True

    def _toggle_stage_walk(self) -> None:
        if self.range_index >= 0:
            self.show_whole_map()
        else:
            self.next_range(1)
