"""The scene's link router: keeps a ``layout.routing.Router`` in step with the cards.

The scene tells it which cards and links an edit touched; it passes the router only
what differs from what the router last saw (a lane or column that moved as a whole
goes as a band ``shift``, so the routes inside it are translated, not routed again),
then routes — what is on screen first — and re-paths only the arrows whose route
changed. On a big map the links off screen are routed after the edit, a strip of
the map at a time from the event loop, so an edit never waits for them.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from PySide6.QtCore import QObject, QRectF, QTimer

from laneway.canvas.link_item import LinkItem
from laneway.canvas.step_item import StepItem
from laneway.layout import Grid, Metrics, Rect
from laneway.layout.routing import LinkSpec, Route, Router, RouterSettings

#: Maps with at most this many links are always routed completely at once.
ROUTE_ALL_AT_ONCE = 300
#: Width (at 1×) of one strip of the map routed per event-loop turn afterwards.
STRIP_WIDTH = 1800.0
#: How long after an edit the router catches up with what is off screen (or with lanes
#: and columns that moved), so that a burst of edits (typing) is routed once.
CATCH_UP_MS = 60

Breaks = list[tuple[float, float]]


class SceneRouting(QObject):
    def __init__(
        self,
        metrics: Metrics,
        steps: dict[str, StepItem],
        links: dict[str, LinkItem],
        parent: QObject | None = None,
    ):
        # a child of its scene: deleted with it, so no timer of it fires on deleted items
        super().__init__(parent)
        self._steps, self._links, self.metrics = steps, links, metrics
        self.router = Router(RouterSettings().scaled(metrics.scale))
        self._cards: dict[str, Rect] = {}
        self._badges: dict[str, tuple[Rect, ...]] = {}
        self._specs: dict[str, LinkSpec] = {}
        self._notes: dict[str, int] = {}
        self._strips: list[Rect] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._route_next_strip)
        #: The grid last given, and the one the router still reflects while a move of
        #: lanes or columns waits for the catch-up (``_lagging``); the arrows are
        #: stretched with the bands meanwhile.
        self._grid: Grid | None = None
        self._router_grid: Grid | None = None
        self._lagging = False
        self._shown_offset: set[str] = set()
        #: Whether the router was told of a change since it last routed the view.
        self._fed = True
        self._routed_view: list[tuple[float, float, float, float]] | None = None
        #: Where the views show the map (scene rectangles); set by the scene.
        self.visible: list[QRectF] = []
        #: Asked for ``visible`` when routing from the event loop (set by the scene).
        self.find_visible: Callable[[], list[QRectF]] = list
        #: A big map not yet on screen waits for its view before routing (the app's
        #: window); exports and tests route at once.
        self.route_when_shown = False

    # ----------------------------------------------------------------- input
    def sync_cards(
        self,
        grid: Grid,
        previous: Grid | None,
        step_ids: Iterable[str] | None = None,
        defer: bool = True,
    ) -> None:
        """Cards where ``grid`` puts them (those of ``step_ids``, or all), with badges.

        On a big map on screen, lanes or columns that moved are caught up with later
        (``CATCH_UP_MS``); the arrows follow their bands at once."""
        self._grid = grid
        if self._lagging:
            moved = previous is not None and not grid.same_frame(previous)
            if moved and not self._stretch(self._router_grid, grid):
                self.catch_up()
            return
        if previous is not None and not grid.same_frame(previous):
            if defer and self._may_defer() and self._stretch(previous, grid):
                self._lagging, self._router_grid = True, previous
                return
            self._shift(previous, grid)
            step_ids = None
        rects: dict[str, Rect | None] = {}
        badges: dict[str, tuple[Rect, ...]] = {}
        candidates = set(self._cards) | set(grid.step_offsets) if step_ids is None else step_ids
        for step_id in candidates:
            item = self._steps.get(step_id)
            rect = grid.step_rect(step_id) if item is not None else None
            self._put(step_id, rect, item, rects, badges)
        if rects or badges:
            self.router.update_cards(rects, badges)
            self._fed = True

    def preview_cards(self, rects: Mapping[str, Rect]) -> None:
        """Cards shown elsewhere than their grid spot (a drag's preview)."""
        self.catch_up()
        changed: dict[str, Rect | None] = {}
        badges: dict[str, tuple[Rect, ...]] = {}
        for step_id, rect in rects.items():
            self._put(step_id, rect, self._steps.get(step_id), changed, badges)
        if changed or badges:
            self.router.update_cards(changed, badges)
            self._fed = True

    def _put(self, step_id, rect, item, rects: dict, badges: dict) -> None:
        badge = _badge_rects(item, rect) if rect is not None and item is not None else ()
        if rect is None:
            if step_id in self._cards:
                rects[step_id] = None
                del self._cards[step_id]
                self._badges.pop(step_id, None)
            return
        if self._cards.get(step_id) != rect:
            rects[step_id] = rect
            self._cards[step_id] = rect
        if self._badges.get(step_id, ()) != badge:
            badges[step_id] = badge
            self._badges[step_id] = badge

    def sync_links(self, link_ids: Iterable[str] | None = None) -> None:
        """Links as their items describe them now (those of ``link_ids``, or all)."""
        if self._lagging:
            return
        candidates = set(self._specs) | set(self._links) if link_ids is None else link_ids
        given, removed = [], []
        for link_id in candidates:
            item = self._links.get(link_id)
            if item is None:
                if self._specs.pop(link_id, None) is not None:
                    removed.append(link_id)
                continue
            spec = item.spec(item.shows_gap)
            if self._specs.get(link_id) != spec:
                self._specs[link_id] = spec
                given.append(spec)
        if given or removed:
            self.router.update_links(given, removed)
            self._fed = True

    def _shift(self, previous: Grid, grid: Grid) -> None:
        """Lanes and columns that moved as a whole: shift their bands in the router."""
        for along, old, new in (
            (1, previous.lane_tops, grid.lane_tops),
            (0, previous.column_lefts, grid.column_lefts),
        ):
            breaks = band_breaks(old, new)
            if not breaks:
                continue
            self.router.shift("y" if along else "x", breaks)
            self._fed = True
            starts = [start for start, _d in breaks]
            deltas = [d for _s, d in breaks]

            def moved(rect: Rect, d: float, along: int = along) -> Rect:
                return rect.moved(0, d) if along else rect.moved(d, 0)

            for step_id, rect in self._cards.items():
                band = bisect_right(starts, rect.y if along else rect.x) - 1
                d = deltas[band] if band >= 0 else 0.0
                if d:
                    self._cards[step_id] = moved(rect, d)
                    self._badges[step_id] = tuple(
                        moved(b, d) for b in self._badges.get(step_id, ())
                    )

    def _may_defer(self) -> bool:
        return len(self._specs) > ROUTE_ALL_AT_ONCE and bool(self.visible)

    def _stretch(self, previous: Grid, grid: Grid) -> bool:
        """Show every arrow moved with the bands its points are in (cards move by the
        band of their top or left edge, so the ends stay on their cards and segments
        stay straight); False when lanes or columns were added, removed or reordered."""
        breaks = [
            band_breaks(previous.column_lefts, grid.column_lefts),
            band_breaks(previous.lane_tops, grid.lane_tops),
        ]
        if breaks[0] is None or breaks[1] is None:
            return False
        bands = [([b for b, _d in br], [d for _b, d in br]) for br in breaks]  # type: ignore[union-attr]

        def delta(axis: int, value: float) -> float:
            starts, deltas = bands[axis]
            n = bisect_right(starts, value) - 1
            return deltas[n] if n >= 0 else 0.0

        routes = self.router.routes
        for link_id, item in self._links.items():
            route = routes.get(link_id)
            if route is None:
                continue
            moves = {(delta(0, x), delta(1, y)) for x, y in route.points}
            if len(moves) == 1:
                dx, dy = moves.pop()
                item.setPos(dx, dy)
                if dx or dy:
                    self._shown_offset.add(link_id)
                continue
            points = tuple((x + delta(0, x), y + delta(1, y)) for x, y in route.points)
            item.set_route(_moved_route(route, points, delta), self._notes.get(link_id))
            self._shown_offset.add(link_id)
        return True

    def catch_up(self) -> None:
        """Bring the router up to date with lanes and columns that moved (if waiting)."""
        if not self._lagging:
            return
        self._lagging = False
        base, grid = self._router_grid, self._grid
        self._router_grid = None
        if base is not None and grid is not None:
            self.sync_cards(grid, base, defer=False)
        self.sync_links()
        # Arrows the shift translated are right already; the others are routed on
        # screen first, like after any edit (they show stretched until then).
        pending = self.router.pending
        settled = {k for k in self._shown_offset if k not in pending}
        self._apply(settled)
        self.run()

    # --------------------------------------------------------------- routing
    def run(self) -> None:
        """Route what is on screen now (everything, on a small map or with no view)."""
        router = self.router
        if self._lagging:
            if not self._timer.isActive():
                self._timer.setInterval(CATCH_UP_MS)
                self._timer.start()
            return
        if self.route_when_shown and not self.visible and len(self._specs) > ROUTE_ALL_AT_ONCE:
            self._timer.setInterval(0)
            self._timer.start()  # on screen first, once the view is there
            return
        if len(self._specs) <= ROUTE_ALL_AT_ONCE or not self.visible:
            self._apply(router.route())
            self._strips = []
            return
        shown = [(r.x(), r.y(), r.width(), r.height()) for r in self.visible]
        if not self._fed and shown == self._routed_view:
            return  # nothing new since the view was routed (e.g. findings unchanged)
        self._fed, self._routed_view = False, shown
        changed: set[str] = set()
        for rect in self.visible:
            changed |= router.route(within=Rect(rect.x(), rect.y(), rect.width(), rect.height()))
        self._apply(changed)
        if router.pending:
            self._plan_strips()
            self._timer.setInterval(CATCH_UP_MS)
            self._timer.start()

    def finish(self) -> None:
        """Route everything still pending now (exports, tests, before a picture)."""
        self.catch_up()
        self._timer.stop()
        self._strips = []
        self._apply(self.router.route() | self._shown_offset)

    @property
    def pending(self) -> bool:
        return self._lagging or bool(self.router.pending)

    def _plan_strips(self) -> None:
        if not self._cards:
            self._strips = []
            return
        left = min(r.x for r in self._cards.values())
        right = max(r.right for r in self._cards.values())
        top = min(r.y for r in self._cards.values()) - 200
        height = max(r.bottom for r in self._cards.values()) - top + 400
        width = STRIP_WIDTH * self.metrics.scale
        centre = self.visible[0].center().x() if self.visible else left
        strips = []
        x = left - 200
        while x < right + 200:
            strips.append(Rect(x, top, width, height))
            x += width
        strips.sort(key=lambda r: abs(r.x + r.width / 2 - centre))
        self._strips = strips

    def _route_next_strip(self) -> None:
        if self._lagging:
            self.catch_up()
            return
        if not self._strips and self.router.pending:
            self.visible = self.find_visible()
            if self.visible:
                self.run()
                return
        if self._strips:
            self._apply(self.router.route(within=self._strips.pop(0)))
        else:
            self._apply(self.router.route())
        if self.router.pending:
            self._timer.setInterval(0)  # strip after strip, input handled in between
            self._timer.start()
        elif self._shown_offset:
            self._apply(set(self._shown_offset))

    def _apply(self, changed: set[str]) -> None:
        routes = self.router.routes
        noted_before = set(self._notes)
        noted = {k for k, r in routes.items() if r.note_marker is not None}
        if noted != noted_before or changed & noted:
            order = sorted(
                noted, key=lambda k: (routes[k].note_marker[0], routes[k].note_marker[1])
            )
            numbers = {link_id: n for n, link_id in enumerate(order, 1)}
            changed = changed | {k for k in numbers if self._notes.get(k) != numbers[k]}
            self._notes = numbers
        self._shown_offset.difference_update(changed)
        for link_id in changed:
            item = self._links.get(link_id)
            if item is not None:
                item.set_route(routes.get(link_id), self._notes.get(link_id))

    def note_number(self, link_id: str) -> int | None:
        return self._notes.get(link_id)


def _moved_route(route: Route, points, delta) -> Route:
    """``route`` with new points and its labels moved by the bands their corner is in."""

    def move(box):
        if box is None:
            return None
        dx, dy = delta(0, box[0]), delta(1, box[1])
        return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)

    return replace(
        route,
        points=points,
        caption=move(route.caption),
        note_marker=move(route.note_marker),
        gap_marker=move(route.gap_marker),
    )


def _badge_rects(item: StepItem | None, rect: Rect) -> tuple[Rect, ...]:
    """Where the card's finding badge is drawn (its top-right corner), if it has one."""
    if item is None or item.worst_severity() is None:
        return ()
    box = item.badge_rect()
    return (Rect(rect.x + box.x(), rect.y + box.y(), box.width(), box.height()),)


def band_breaks(old: Mapping, new: Mapping) -> Breaks | None:
    """The lanes' (or columns') moves as bands: ``(old start, delta)`` wherever the delta
    changes; None when they were added, removed or reordered (no band shift then)."""
    if old.keys() != new.keys():
        return None
    order = sorted(old, key=lambda k: old[k])
    if any(new[a] > new[b] for a, b in itertools.pairwise(order)):
        return None
    breaks: Breaks = []
    last = 0.0
    for key in order:
        d = new[key] - old[key]
        if d != last:
            breaks.append((old[key], d))
            last = d
    return breaks
