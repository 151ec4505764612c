"""A bucket grid over boxes: which boxes meet a query box, without a full scan.

Cards, badges, link regions, segments and labels each get one. Boxes are spread over
square buckets; a query looks only at the buckets it touches. Results come sorted
where order could leak into the output, so routing stays deterministic.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from laneway.layout.routing.types import Box

BUCKET = 256.0


class BucketIndex:
    def __init__(self, size: float = BUCKET) -> None:
        self.size = size
        self.boxes: dict[Hashable, Box] = {}
        self._buckets: dict[tuple[int, int], set[Hashable]] = {}

    def __len__(self) -> int:
        return len(self.boxes)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.boxes

    def _cells(self, box: Box) -> Iterator[tuple[int, int]]:
        size = self.size
        x0, x1 = int(box[0] // size), int(box[2] // size)
        y0, y1 = int(box[1] // size), int(box[3] // size)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                yield (i, j)

    def put(self, key: Hashable, box: Box) -> None:
        if key in self.boxes:
            self.remove(key)
        self.boxes[key] = box
        buckets = self._buckets
        for cell in self._cells(box):
            bucket = buckets.get(cell)
            if bucket is None:
                buckets[cell] = {key}
            else:
                bucket.add(key)

    def remove(self, key: Hashable) -> None:
        box = self.boxes.pop(key, None)
        if box is None:
            return
        for cell in self._cells(box):
            bucket = self._buckets.get(cell)
            if bucket is not None:
                bucket.discard(key)
                if not bucket:
                    del self._buckets[cell]

    def candidates(self, box: Box) -> set[Hashable]:
        """Keys in the buckets the box touches (a superset of those it meets)."""
        found: set[Hashable] = set()
        buckets = self._buckets
        size = self.size
        x0, x1 = int(box[0] // size), int(box[2] // size)
        y0, y1 = int(box[1] // size), int(box[3] // size)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                bucket = buckets.get((i, j))
                if bucket:
                    found |= bucket
        return found

    def meeting(self, box: Box, ordered: bool = True) -> list[Hashable]:
        """Keys whose boxes share interior with ``box`` (sorted by key's text unless
        ``ordered`` is False)."""
        boxes = self.boxes
        left, top, right, bottom = box
        hits = []
        for key in self.candidates(box):
            b = boxes[key]
            if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                hits.append(key)
        if ordered:
            hits.sort(key=repr)
        return hits

    def touching(self, box: Box) -> list[Hashable]:
        """Keys whose boxes meet ``box``, touching included (sorted by key's text)."""
        boxes = self.boxes
        left, top, right, bottom = box
        hits = []
        for key in self.candidates(box):
            b = boxes[key]
            if left <= b[2] and b[0] <= right and top <= b[3] and b[1] <= bottom:
                hits.append(key)
        hits.sort(key=repr)
        return hits
