"""A lane × stage cell as one invisible item: its cards and inner arrows are children.

When a lane grows taller or a column wider, every cell beyond it shifts by the same
amount; moving the cells' layers instead of each card keeps that to a few dozen
moves on a 2,000-step map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

#: Above the arrows between cells (5), so cards cover the arrows that pass them.
CELL_Z = 10.0
#: The layer of cards being dragged goes above the others.
DRAGGED_CELL_Z = 11.0


class CellLayer(QGraphicsRectItem):
    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(CELL_Z)
