"""The router: routes for every link, kept up to date as cards and links change.

Feed it cards (step id → rectangle, scene coordinates), their badges and the links;
``route()`` brings every route up to date and returns the ids of the links whose
``Route`` changed (or went away). Between calls it only notes what an edit touched:

* a card that moves, appears or goes (or its badges) dirties the links whose *region*
  (what their path depended on, see ``raw.py``) meets its old or new rectangle, and
  the labels whose region meets it;
* re-routed links re-nudge only the zones their old and new segments belong to;
* labels are placed again in link-id order, a changed label dirtying the later links
  whose label region it meets.

So an incremental ``route()`` gives exactly what routing everything from scratch
gives (a property test checks it). ``shift()`` moves whole bands of the map (a lane
or column that grew pushes everything beyond it) by translating the routes inside a
band instead of routing them again. ``route(within=...)`` routes only the links that
touch a rectangle (what is on screen), leaving the rest pending for a later call.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

from laneway.layout.geometry import Rect
from laneway.layout.routing.bands import Shifter
from laneway.layout.routing.crowding import Crowding
from laneway.layout.routing.index import BucketIndex
from laneway.layout.routing.labels import Labels, place_labels
from laneway.layout.routing.nudging import Seg, SegKey, Zones, nudged_points, place_zone, segments
from laneway.layout.routing.obstacles import Obstacles, card_key
from laneway.layout.routing.raw import RawRoute, recheck, route_raw
from laneway.layout.routing.types import (
    Box,
    LinkSpec,
    Point,
    Route,
    RouterSettings,
    box_of,
    grow,
    overlaps,
)


class Router:
    def __init__(self, settings: RouterSettings | None = None) -> None:
        self.settings = settings or RouterSettings()
        self.obstacles = Obstacles()
        self._cards: dict[str, Box] = {}
        self._badges: dict[str, tuple[Box, ...]] = {}
        self._keep_out: list[Box] = []
        self._links: dict[str, LinkSpec] = {}
        self._by_card: dict[str, set[str]] = {}
        self._raw: dict[str, RawRoute] = {}
        self._regions = BucketIndex()
        self._zones = Zones(self.settings)
        self._seg_count: dict[str, int] = {}
        self._positions: dict[SegKey, float] = {}
        self._paths: dict[str, tuple[Point, ...]] = {}
        self._labels: dict[str, Labels] = {}
        self._label_boxes = BucketIndex()
        self._label_regions = BucketIndex()
        self._routes: dict[str, Route] = {}
        self._dirty: set[str] = set()
        #: Of the dirty links, those that must be routed afresh (the others only had
        #: obstacles appear near their path: it is checked and kept if still free).
        self._full: set[str] = set()
        self._dirty_labels: set[str] = set()
        self._changed: set[str] = set()
        self._crowding = Crowding(self._zones, self._regions, self._raw)

    # ------------------------------------------------------------------ reading
    @property
    def routes(self) -> Mapping[str, Route]:
        """The current route of every routed link (read-only)."""
        return self._routes

    @property
    def pending(self) -> frozenset[str]:
        """Links whose route or labels are out of date until the next ``route()``."""
        return frozenset(k for k in self._dirty | self._dirty_labels if k in self._links)

    # ------------------------------------------------------------------- cards
    def set_cards(
        self, cards: Mapping[str, Rect], badges: Mapping[str, Sequence[Rect]] | None = None
    ) -> None:
        """Every card (and badge) there is: cards not named are removed."""
        badges = badges or {}
        changes: dict[str, Rect | None] = dict.fromkeys(set(self._cards) - set(cards))
        changes.update(cards)
        self.update_cards(changes, {sid: badges.get(sid, ()) for sid in changes})

    def update_cards(
        self,
        cards: Mapping[str, Rect | None],
        badges: Mapping[str, Sequence[Rect]] | None = None,
    ) -> None:
        """Some cards moved, appeared or went (None); ``badges`` replaces the badges of
        the cards it names (a card named in ``cards`` only keeps its badges)."""
        badges = badges or {}
        for step_id in sorted(set(cards) | set(badges)):
            rect = cards[step_id] if step_id in cards else self._rect_of(step_id)
            box = box_of(rect) if rect is not None else None
            if step_id in badges and box is not None:
                new_badges = tuple(box_of(b) for b in badges[step_id])
            else:
                new_badges = self._badges.get(step_id, ()) if box is not None else ()
            self._change_card(step_id, box, new_badges)

    def _rect_of(self, step_id: str) -> Rect | None:
        box = self._cards.get(step_id)
        return None if box is None else Rect(box[0], box[1], box[2] - box[0], box[3] - box[1])

    def _change_card(self, step_id: str, box: Box | None, badges: tuple[Box, ...]) -> None:
        old, old_badges = self._cards.get(step_id), self._badges.get(step_id, ())
        if old == box and old_badges == badges:
            return
        for area in (old, *old_badges):
            if area is not None:
                self._invalidate(area, gone=True)
        for area in (box, *badges):
            if area is not None:
                self._invalidate(area, gone=False)
        self._dirty_fully(self._by_card.get(step_id, ()))
        self._place_card(step_id, box, badges)

    def _place_card(self, step_id: str, box: Box | None, badges: tuple[Box, ...]) -> None:
        """Store a card and its badges as obstacles (no routes dirtied)."""
        old_badges = self._badges.get(step_id, ())
        self.obstacles.remove(card_key(step_id))
        for n in range(len(old_badges)):
            self.obstacles.remove(("b", step_id, n))
        if box is None:
            self._cards.pop(step_id, None)
            self._badges.pop(step_id, None)
            return
        self._cards[step_id], self._badges[step_id] = box, badges
        self.obstacles.put(card_key(step_id), box)
        for n, badge in enumerate(badges):
            self.obstacles.put(("b", step_id, n), badge)

    def set_keep_out(self, rects: Sequence[Rect]) -> None:
        """Boxes no path or label may enter (e.g. headers drawn over the map)."""
        boxes = [box_of(r) for r in rects]
        for n, old in enumerate(self._keep_out):
            self._invalidate(old, gone=True)
            self.obstacles.remove(("k", n))
        self._keep_out = boxes
        for n, box in enumerate(boxes):
            self._invalidate(box, gone=False)
            self.obstacles.put(("k", n), box)

    def _invalidate(self, area: Box, gone: bool) -> None:
        """Dirty what an obstacle that went (or came) may change. One that comes can
        only spoil the path or labels taken; one that goes may free a better one."""
        for link_id in self._regions.meeting(area, ordered=False):
            raw = self._raw.get(link_id)
            probes = () if raw is None else raw.probes if gone else raw.path_probes
            if raw is None or any(overlaps(probe, area) for probe in probes):
                self._dirty.add(link_id)
                if gone or raw is None:
                    self._full.add(link_id)
        for link_id in self._label_regions.meeting(area, ordered=False):
            looked = self._labels_look_at if gone else self._labels_taken_meet
            if looked(link_id, area):
                self._dirty_labels.add(link_id)

    def _dirty_fully(self, link_ids) -> None:
        self._dirty.update(link_ids)
        self._full.update(link_ids)

    def _labels_taken_meet(self, link_id: str, area: Box) -> bool:
        labels = self._labels.get(link_id)
        gap = self.settings.label_gap
        return labels is None or any(
            overlaps(grow(box, gap), area) for _kind, box in labels.boxes()
        )

    def _labels_look_at(self, link_id: str, area: Box) -> bool:
        labels = self._labels.get(link_id)
        return labels is None or any(overlaps(probe, area) for probe in labels.probes)

    # ------------------------------------------------------------------- links
    def set_links(self, links: Iterable[LinkSpec]) -> None:
        """Every link there is: links not given are removed."""
        given = {spec.id: spec for spec in links}
        self.update_links(given.values(), set(self._links) - set(given))

    def update_links(self, links: Iterable[LinkSpec] = (), removed: Iterable[str] = ()) -> None:
        for link_id in removed:
            old = self._links.pop(link_id, None)
            if old is not None:
                self._detach(old)
                self._dirty_fully([link_id])
        for spec in links:
            old = self._links.get(spec.id)
            if old == spec:
                continue
            if old is None or (old.source, old.target) != (spec.source, spec.target):
                if old is not None:
                    self._detach(old)
                for step_id in (spec.source, spec.target):
                    self._by_card.setdefault(step_id, set()).add(spec.id)
                self._dirty_fully([spec.id])
            self._dirty_labels.add(spec.id)
            self._links[spec.id] = spec

    def _detach(self, spec: LinkSpec) -> None:
        for step_id in (spec.source, spec.target):
            attached = self._by_card.get(step_id)
            if attached is not None:
                attached.discard(spec.id)

    # ------------------------------------------------------------------ routing
    def route(self, within: Rect | None = None) -> set[str]:
        """Bring routes up to date (only those touching ``within`` when given); the ids
        of links whose route changed or went away since the last call."""
        area = box_of(within) if within is not None else None
        todo = [k for k in self._dirty if area is None or self._touches(k, area)]
        heapq.heapify(todo)
        seeds: set[SegKey] = set()
        moved: set[str] = set()
        self._crowding.pressure.clear()
        while todo:  # in id order: a link's path depends on the links before it
            link_id = heapq.heappop(todo)
            if link_id not in self._dirty:
                continue
            self._dirty.discard(link_id)
            fully = link_id in self._full
            self._full.discard(link_id)
            before = self._segs_of(link_id)
            seeds |= self._drop_segments(link_id)
            self._reroute(link_id, seeds, fully)
            after = self._segs_of(link_id)
            self._crowding.pressure.pop(link_id, None)
            if [_shape(g) for g in before] == [_shape(g) for g in after]:
                continue
            moved.add(link_id)
            for later in self._crowding.concerned(link_id, before, after):
                self._full.add(later)
                if later not in self._dirty:
                    self._dirty.add(later)
                    if area is None or self._touches(later, area):
                        heapq.heappush(todo, later)
        for zone in self._zones.zones_of(seeds):
            for key, position in place_zone(zone, self.settings).items():
                if self._positions.get(key) != position:
                    self._positions[key] = position
                    moved.add(key[0])
        self._repath(moved)
        self._relabel(area)
        changed, self._changed = self._changed, set()
        return changed

    def _segs_of(self, link_id: str) -> list[Seg]:
        segs = self._zones.segs
        return [segs[(link_id, i)] for i in range(self._seg_count.get(link_id, 0))]

    def _touches(self, link_id: str, area: Box) -> bool:
        spec = self._links.get(link_id)
        if spec is None:
            return True
        raw = self._raw.get(link_id)
        ends = [self._cards.get(spec.source), self._cards.get(spec.target)]
        boxes = [b for b in (*ends, raw.region if raw else None) if b is not None]
        return not boxes or any(overlaps(b, area) for b in boxes)

    def _drop_segments(self, link_id: str) -> set[SegKey]:
        """Forget a link's segments; the segments that were near them."""
        near: set[SegKey] = set()
        own = [(link_id, i) for i in range(self._seg_count.pop(link_id, 0))]
        for key in own:
            seg = self._zones.segs.get(key)
            if seg is not None:
                near.update(self._zones.neighbours(seg))
        for key in own:
            self._zones.remove(key)
            self._positions.pop(key, None)
        return near - set(own)

    def _reroute(self, link_id: str, seeds: set[SegKey], fully: bool = True) -> bool:
        spec = self._links.get(link_id)
        ends = (self._cards.get(spec.source), self._cards.get(spec.target)) if spec else (None,)
        if spec is None or None in ends:
            self._forget(link_id)
            return False
        s = self.settings
        steps = (spec.source, spec.target)
        old = self._raw.get(link_id)
        raw = None
        if old is not None and not fully:
            raw = recheck(old, link_id, steps, self.obstacles, s, self._crowding)
        if raw is None:
            raw = route_raw(link_id, ends[0], ends[1], steps, self.obstacles, s, self._crowding)
        self._raw[link_id] = raw
        self._regions.put(link_id, raw.region)
        segs = segments(link_id, raw.points, ends, list(raw.rooms), s)
        for seg in segs:
            self._zones.add(seg)
            seeds.add(seg.key)
        self._seg_count[link_id] = len(segs)
        return True

    def _forget(self, link_id: str) -> None:
        self._raw.pop(link_id, None)
        self._regions.remove(link_id)
        self._paths.pop(link_id, None)
        for box in self._set_labels(link_id, Labels()):
            self._free_label_spot(link_id, box)
        self._label_regions.remove(link_id)
        self._labels.pop(link_id, None)
        self._dirty_labels.discard(link_id)
        if self._routes.pop(link_id, None) is not None:
            self._changed.add(link_id)

    def _repath(self, links: set[str]) -> None:
        for link_id in sorted(links):
            raw = self._raw.get(link_id)
            if raw is None:
                continue
            count = self._seg_count[link_id]
            positions = [self._positions[(link_id, i)] for i in range(count)]
            path = nudged_points(raw.points, positions)
            if path != self._paths.get(link_id):
                self._paths[link_id] = path
                self._dirty_labels.add(link_id)
                self._publish(link_id)

    # ------------------------------------------------------------------ labels
    def _relabel(self, area: Box | None) -> None:
        todo = [k for k in self._dirty_labels if area is None or self._touches(k, area)]
        heapq.heapify(todo)
        while todo:
            link_id = heapq.heappop(todo)
            if link_id not in self._dirty_labels:
                continue
            self._dirty_labels.discard(link_id)
            spec, path = self._links.get(link_id), self._paths.get(link_id)
            if spec is None or path is None:
                continue
            labels = place_labels(spec, path, self.obstacles, self._label_boxes, self.settings)
            for box in self._set_labels(link_id, labels):
                for later in self._free_label_spot(link_id, box):
                    heapq.heappush(todo, later)
            if labels.region is None:
                self._label_regions.remove(link_id)
            else:
                self._label_regions.put(link_id, labels.region)
            self._publish(link_id)

    def _free_label_spot(self, link_id: str, box: Box) -> list[str]:
        """A label of ``link_id`` came or went at ``box``: the later links that looked
        there are labelled again (returned when newly dirtied)."""
        found = []
        for later in self._label_regions.meeting(box):
            fresh = later > link_id and later not in self._dirty_labels
            if fresh and self._labels_look_at(later, box):
                self._dirty_labels.add(later)
                found.append(later)
        return found

    def _set_labels(self, link_id: str, labels: Labels) -> list[Box]:
        """Store a link's labels; the boxes that appeared or went."""
        old = self._labels.get(link_id, Labels())
        self._labels[link_id] = labels
        before, after = dict(old.boxes()), dict(labels.boxes())
        touched = []
        for kind in ("caption", "note", "gap"):
            if before.get(kind) == after.get(kind):
                continue
            if kind in before:
                self._label_boxes.remove((link_id, kind))
                touched.append(before[kind])
            if kind in after:
                self._label_boxes.put((link_id, kind), after[kind])
                touched.append(after[kind])
        return touched

    def _publish(self, link_id: str) -> None:
        raw, path = self._raw.get(link_id), self._paths.get(link_id)
        if raw is None or path is None:
            return
        labels = self._labels.get(link_id, Labels())
        route = Route(
            link_id,
            path,
            raw.source_side,
            raw.target_side,
            labels.caption,
            labels.caption_size,
            labels.note_marker,
            labels.gap_marker,
            raw.blocked,
            raw.overfull or raw.blocked,
        )
        if self._routes.get(link_id) != route:
            self._routes[link_id] = route
            self._changed.add(link_id)

    # ------------------------------------------------------------------- bands
    def shift(self, axis: str, breaks: Sequence[tuple[float, float]]) -> None:
        """Move bands of the map: along ``axis`` ("x" or "y"), whatever starts at or after
        ``start`` moves by ``delta`` of the last break at or before it (nothing before
        the first). Cards move by where their top (or left) edge is; routes that lie
        within one band move with it, the others are routed again at the next
        ``route()``. Follow with ``update_cards`` if any card ends up elsewhere."""
        if axis not in ("x", "y"):
            raise ValueError(f"A band is shifted along 'x' or 'y', not {axis!r}.")
        starts = [start for start, _delta in breaks]
        deltas = [delta for _start, delta in breaks]
        if not any(deltas):
            return
        along = 0 if axis == "x" else 1
        Shifter(self, along, starts, deltas).run()


def _shape(seg: Seg) -> tuple[bool, float, float, float]:
    return (seg.horizontal, seg.coord, seg.lo, seg.hi)
