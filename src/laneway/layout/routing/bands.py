"""Bands of the map that moved as a whole: a lane or column that grew pushes the rest.

``Router.shift`` hands over to a ``Shifter``: cards move by the delta of the band their
top (or left) edge is in; a route whose every dependency (its probes, its labels'
probes, widened by twice the nudge) lies in one band is translated with it, other
routes are routed again. Translated results equal routing from scratch, because
everything they depended on moved alike.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any

from laneway.layout.routing.labels import Labels
from laneway.layout.routing.nudging import Seg
from laneway.layout.routing.types import Box, Point, grow, overlaps, union


class Shifter:
    """One ``Router.shift``: move the cards, then translate or dirty each route.

    ``router`` is the ``Router`` (router.py) whose state this works on; it is not
    imported here because router.py imports this module.
    """

    def __init__(self, router: Any, along: int, starts: list[float], deltas: list[float]):
        self.r, self.along, self.starts, self.deltas = router, along, starts, deltas

    def band(self, value: float) -> int:
        return bisect_right(self.starts, value) - 1

    def delta(self, band: int) -> float:
        return self.deltas[band] if band >= 0 else 0.0

    def move(self, box: Box, d: float) -> Box:
        if self.along == 0:
            return (box[0] + d, box[1], box[2] + d, box[3])
        return (box[0], box[1] + d, box[2], box[3] + d)

    def run(self) -> None:
        r = self.r
        for step_id in sorted(r._cards):
            box = r._cards[step_id]
            d = self.delta(self.band(box[self.along]))
            if d:
                badges = tuple(self.move(b, d) for b in r._badges.get(step_id, ()))
                r._place_card(step_id, self.move(box, d), badges)  # routes: see below
        stay: list[str] = []
        for link_id in sorted(r._raw):
            d = self._uniform_delta(link_id)
            if d is None:
                stay.append(link_id)
                r._dirty_fully([link_id])
                r._dirty_labels.add(link_id)
            elif d:
                self._translate(link_id, d)
        self._recheck_near(stay)

    def _uniform_delta(self, link_id: str) -> float | None:
        """The delta of the one band holding everything the link depends on, else None."""
        r = self.r
        if link_id in r._dirty:
            return None
        area = r._raw[link_id].region
        label_region = r._labels.get(link_id, Labels()).region
        if label_region is not None:
            area = union(area, label_region)
        area = grow(area, 2 * r.settings.max_nudge)
        first, last = self.band(area[self.along]), self.band(area[self.along + 2])
        if first != last and any(
            self.delta(b) != self.delta(first) for b in range(first, last + 1)
        ):
            return None
        d = self.delta(first)
        moved = self.move(area, d)
        if d and any(overlaps(k, area) or overlaps(k, moved) for k in r._keep_out):
            return None
        return d

    def _translate(self, link_id: str, d: float) -> None:
        r, along = self.r, self.along
        raw = r._raw[link_id]
        points = tuple(self._point(p, d) for p in raw.points)
        r._raw[link_id] = replace(
            raw,
            points=points,
            region=self.move(raw.region, d),
            probes=tuple(self.move(b, d) for b in raw.probes),
            path_probes=tuple(self.move(b, d) for b in raw.path_probes),
            rooms=tuple(self._room(raw.points, i, room, d) for i, room in enumerate(raw.rooms)),
            crowded=tuple((h, self.move(b, d)) for h, b in raw.crowded),
            slack=tuple(((h, self.move(b, d)), n) for (h, b), n in raw.slack),
        )
        r._regions.put(link_id, r._raw[link_id].region)
        for i in range(r._seg_count.get(link_id, 0)):
            key = (link_id, i)
            seg = r._zones.remove(key)
            if seg is None:
                continue
            crosswise = seg.horizontal == (along == 1)
            r._zones.add(_moved_seg(seg, d, crosswise))
            if crosswise and key in r._positions:
                r._positions[key] += d
        if link_id in r._paths:
            r._paths[link_id] = tuple(self._point(p, d) for p in r._paths[link_id])
        labels = r._labels.get(link_id)
        if labels is not None:
            move = self._box_mover(d)
            moved = Labels(
                caption=move(labels.caption),
                caption_size=labels.caption_size,
                note_marker=move(labels.note_marker),
                gap_marker=move(labels.gap_marker),
                region=move(labels.region),
                probes=tuple(self.move(b, d) for b in labels.probes),
            )
            r._set_labels(link_id, moved)
            if moved.region is not None:
                r._label_regions.put(link_id, moved.region)
        r._publish(link_id)

    def _room(self, points, index: int, room, d: float):
        """A segment's room moves when the shift is across the segment."""
        horizontal = points[index][1] == points[index + 1][1]
        if horizontal != (self.along == 1):
            return room
        return tuple((lo + d, hi + d) for lo, hi in room)

    def _box_mover(self, d: float):
        return lambda box: None if box is None else self.move(box, d)

    def _point(self, p: Point, d: float) -> Point:
        return (p[0] + d, p[1]) if self.along == 0 else (p[0], p[1] + d)

    def _recheck_near(self, stay: list[str]) -> None:
        """A route that did not move may now sit in the channels, or beside the labels,
        of routes that did: those are routed (or labelled) again."""
        r = self.r
        # Routes that moved were found with these segments moved too: where they are
        # now is covered when the stayed route is routed again (its old segments go).
        moved_by = {d for d in self.deltas if d}
        for link_id in stay:
            for seg in r._segs_of(link_id):
                for d in moved_by:
                    r._dirty_fully(r._crowding.alongside(_moved(seg, d, self.along)))
        offsets = {0.0, *self.deltas, *(-d for d in self.deltas)}
        for link_id in stay:
            for _kind, box in r._labels.get(link_id, Labels()).boxes():
                for d in offsets:
                    r._dirty_labels.update(r._label_regions.meeting(self.move(box, d)))


def _moved(seg: Seg, d: float, along: int) -> Seg:
    return _moved_seg(seg, d, seg.horizontal == (along == 1))


def _moved_seg(seg: Seg, d: float, crosswise: bool) -> Seg:
    if crosswise:
        return replace(
            seg,
            coord=seg.coord + d,
            free_lo=seg.free_lo + d,
            free_hi=seg.free_hi + d,
            tight_lo=seg.tight_lo + d,
            tight_hi=seg.tight_hi + d,
        )
    return replace(seg, lo=seg.lo + d, hi=seg.hi + d)
