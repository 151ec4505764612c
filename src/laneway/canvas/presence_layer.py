"""Who else is looking at what, in a live session: a coloured outline around each step
or link another person selects (thicker while they edit it) and a chip with their name.

One overlay per scene, above the cards (z 30) and never selectable or hit by the mouse;
it is rebuilt from the people's states when they change and re-placed after the map
changes (``refresh``), so the scene's own items are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from laneway.i18n import _

PRESENCE_Z = 30.0
OUTLINE_GAP = 4.0
OUTLINE_WIDTH, EDITING_WIDTH = 2.5, 4.0
#: Several people on one card: each next outline a little further out.
NEXT_RING = 4.0


@dataclass(frozen=True)
class Seen:
    """One person's presence, as the overlay needs it (no sync types in the canvas)."""

    name: str
    colour: str
    selection: tuple[str, ...]
    editing: str | None = None


class PresenceLayer:
    def __init__(self, scene: QGraphicsScene) -> None:
        """``scene``: a JourneyScene (``items_rect`` gives each id's place)."""
        self.scene = scene
        self.people: list[Seen] = []
        self._items: list[QGraphicsItem] = []

    def show(self, people: Iterable[Seen]) -> None:
        self.people = list(people)
        self.refresh()

    def refresh(self) -> None:
        """Place the outlines again (after the map changed or someone moved on)."""
        self.clear()
        rings: dict[str, int] = {}
        for person in self.people:
            for record_id in person.selection:
                rect = self.scene.items_rect([record_id], [record_id])
                if rect.isEmpty():
                    continue
                ring = rings.get(record_id, 0)
                rings[record_id] = ring + 1
                self._outline(rect, person, record_id, ring)

    def clear(self) -> None:
        for item in self._items:
            try:
                if item.scene() is self.scene:
                    self.scene.removeItem(item)
            except RuntimeError:  # deleted with the scene
                pass
        self._items.clear()

    def outlined_ids(self) -> dict[str, list[str]]:
        """Who is outlined on what (name → ids), for tests and accessibility."""
        found: dict[str, list[str]] = {}
        for item in self._items:
            if isinstance(item, QGraphicsRectItem) and item.data(0):
                found.setdefault(item.data(1), []).append(item.data(0))
        return found

    def _outline(self, rect: QRectF, person: Seen, record_id: str, ring: int) -> None:
        editing = record_id == person.editing
        colour = QColor(person.colour)
        gap = OUTLINE_GAP + ring * NEXT_RING
        outline = QGraphicsRectItem(rect.adjusted(-gap, -gap, gap, gap))
        pen = QPen(colour, EDITING_WIDTH if editing else OUTLINE_WIDTH)
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setBrush(Qt.BrushStyle.NoBrush)
        outline.setData(0, record_id)
        outline.setData(1, person.name)
        self._add(outline)
        if ring == 0 or editing:
            self._chip(outline.rect(), person, colour, editing)

    def _chip(self, around: QRectF, person: Seen, colour: QColor, editing: bool) -> None:
        text = QGraphicsSimpleTextItem(
            _("{name} (editing)").format(name=person.name) if editing else person.name
        )
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(True)
        text.setFont(font)
        text.setBrush(QBrush(QColor("#ffffff")))
        size = text.boundingRect()
        chip = QGraphicsRectItem(0, 0, size.width() + 8, size.height() + 2)
        chip.setBrush(QBrush(colour))
        chip.setPen(QPen(Qt.PenStyle.NoPen))
        chip.setPos(around.left(), around.top() - size.height() - 2)
        text.setParentItem(chip)
        text.setPos(4, 1)
        self._add(chip)

    def _add(self, item: QGraphicsItem) -> None:
        item.setZValue(PRESENCE_Z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setAcceptHoverEvents(False)
        self.scene.addItem(item)
        self._items.append(item)
