"""Channels filling up: how many links already run along one, and whom a change concerns.

Links are routed in the order of their ids, and a shape is refused along a channel
the links before it already fill (``raw.py``). So a link's path depends on the
segments of earlier links in its channels, and when a link's path changes only the
later links it concerns are routed again: those whose refused channels it leaves,
those whose channels it enters beyond their slack, and searched links near it.
"""

from __future__ import annotations

from laneway.layout.routing.index import BucketIndex
from laneway.layout.routing.nudging import Seg, Zones
from laneway.layout.routing.raw import RawRoute
from laneway.layout.routing.types import Box, grow, overlaps

#: A segment runs along a channel when it shares more than this length with it.
SHARED_RUN = 4.0


def runs_along(seg: Seg, horizontal: bool, box: Box) -> bool:
    """True when the segment could take room in the channel: same direction, its room
    overlapping the channel's, side by side for more than ``SHARED_RUN``."""
    if seg.horizontal != horizontal:
        return False
    if horizontal:
        across_lo, across_hi, lo, hi = box[1], box[3], box[0], box[2]
    else:
        across_lo, across_hi, lo, hi = box[0], box[2], box[1], box[3]
    beside = seg.tight_lo < across_hi and across_lo < seg.tight_hi
    return beside and min(hi, seg.hi) - max(lo, seg.lo) > SHARED_RUN


def seg_box(seg: Seg) -> Box:
    if seg.horizontal:
        return (seg.lo, seg.coord, seg.hi, seg.coord)
    return (seg.coord, seg.lo, seg.coord, seg.hi)


class Crowding:
    def __init__(self, zones: Zones, regions: BucketIndex, raws: dict[str, RawRoute]) -> None:
        self._zones, self._regions, self._raws = zones, regions, raws
        #: Per link, per channel of its path: segments added to it during one ``route()``.
        self.pressure: dict[str, dict[int, int]] = {}

    def load(self, link_id: str, horizontal: bool, box: Box) -> int:
        """How many segments of links before ``link_id`` run side by side somewhere
        along ``box`` (the most at any one point)."""
        lo, hi = (box[0], box[2]) if horizontal else (box[1], box[3])
        ends: list[tuple[float, int]] = []
        segs = self._zones.segs
        for key in self._zones.index(horizontal).meeting(box, ordered=False):
            seg = segs[key]
            if key[0] < link_id and runs_along(seg, horizontal, box):
                ends.append((max(seg.lo, lo), 1))
                ends.append((min(seg.hi, hi), -1))
        ends.sort()
        depth = most = 0
        for _at, step in ends:
            depth += step
            most = max(most, depth)
        return most

    def concerned(self, link_id: str, removed: list[Seg], added: list[Seg]) -> set[str]:
        """The later links whose paths may change now that ``link_id``'s did."""
        found: set[str] = set()
        for gone, segs in ((True, removed), (False, added)):
            for seg in segs:
                box = grow(seg_box(seg), 0.5)
                for later in self._regions.meeting(box, ordered=False):
                    if (
                        later > link_id
                        and later not in found
                        and self._concerns(later, seg, box, gone)
                    ):
                        found.add(later)
        return found

    def alongside(self, seg: Seg) -> set[str]:
        """Links (of any id) whose path or refused channels ``seg`` runs along, and
        searched links near it: those a segment appearing or going there may change."""
        box = grow(seg_box(seg), 0.5)
        found = set()
        for link_id in self._regions.meeting(box, ordered=False):
            raw = self._raws.get(link_id)
            if raw is None:
                continue
            if raw.searched:
                if any(overlaps(probe, box) for probe in raw.probes):
                    found.add(link_id)
            elif any(runs_along(seg, h, b) for h, b in raw.crowded) or any(
                runs_along(seg, h, b) for (h, b), _slack in raw.slack
            ):
                found.add(link_id)
        return found

    def _concerns(self, later: str, seg: Seg, box: Box, gone: bool) -> bool:
        raw = self._raws.get(later)
        if raw is None:
            return False
        if raw.searched:
            return any(overlaps(probe, box) for probe in raw.probes)
        if gone:
            return any(runs_along(seg, h, b) for h, b in raw.crowded)
        pressure = self.pressure.setdefault(later, {})
        for n, ((h, b), slack) in enumerate(raw.slack):
            if runs_along(seg, h, b):
                pressure[n] = pressure.get(n, 0) + 1
                if pressure[n] > slack:
                    return True
        return False
