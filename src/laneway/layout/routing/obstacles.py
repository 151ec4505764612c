"""What paths and labels keep away from: cards, their badges, and keep-out boxes."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from laneway.layout.routing.index import BucketIndex
from laneway.layout.routing.types import Box

ObstacleKey = tuple  # ("c", step id) a card, ("b", step id, n) a badge, ("k", n) keep-out


def card_key(step_id: str) -> ObstacleKey:
    return ("c", step_id)


class Obstacles:
    def __init__(self) -> None:
        self.index = BucketIndex()

    def put(self, key: ObstacleKey, box: Box) -> None:
        self.index.put(key, box)

    def remove(self, key: ObstacleKey) -> None:
        self.index.remove(key)

    def box(self, key: ObstacleKey) -> Box | None:
        return self.index.boxes.get(key)

    def blocks(self, box: Box, exclude: Iterable[Hashable] = ()) -> bool:
        """True when an obstacle (other than ``exclude``) shares interior with ``box``."""
        left, top, right, bottom = box
        boxes = self.index.boxes
        for key in self.index.candidates(box):
            b = boxes[key]
            if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom and key not in exclude:
                return True
        return False

    def segment_free(
        self, a: tuple[float, float], b: tuple[float, float], clearance: float, exclude=()
    ) -> bool:
        """True when the segment a–b keeps ``clearance`` from every obstacle but ``exclude``."""
        box = (
            min(a[0], b[0]) - clearance,
            min(a[1], b[1]) - clearance,
            max(a[0], b[0]) + clearance,
            max(a[1], b[1]) + clearance,
        )
        return not self.blocks(box, exclude)

    def meeting(self, box: Box) -> list[tuple[ObstacleKey, Box]]:
        """(key, box) of the obstacles sharing interior with ``box``, in no set order."""
        boxes = self.index.boxes
        return [(key, boxes[key]) for key in self.index.meeting(box, ordered=False)]
