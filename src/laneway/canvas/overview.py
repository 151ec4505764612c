"""LinkOverview: every arrow of a zoomed-out map drawn by one item, a few calls in all.

Zoomed out below ``READABLE_LOD`` an arrow is only a thin line (canvas.detail), but
on a 20,000-step map thousands of long arrows cross the window, and painting each as
its own item cost half a second a frame (a Python call and a path stroke each). With
the overview on, the arrow items are flagged as drawing nothing (Qt skips them when
painting; clicks and the scene's index still find them) and this item draws all the
arrows as straight lines in one ``drawLines`` per colour (plain, handoff, gap,
selected). The lines are gathered at the first paint after a change (about 80 ms at
20,000 steps) and reused by every pan and repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.link_item import LinkItem
from laneway.canvas.style import Style

#: Below this many arrows each paints itself (simplified, canvas.detail): gathering the
#: overview's lines after every edit would cost more than it saves.
OVERVIEW_MIN_LINKS = 5_000


class LinkOverview(QGraphicsItem):
    def __init__(self, links: Callable[[], Iterable[LinkItem]], style: Style) -> None:
        super().__init__()
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._links = links
        self._style = style
        self._bounds = QRectF()
        #: Every arrow's line by colour, gathered at the first paint after a change.
        self._lines: dict[str, list[QLineF]] | None = None
        self.setVisible(False)

    @property
    def active(self) -> bool:
        return self.isVisible()

    def set_active(self, active: bool, bounds: QRectF) -> None:
        """Show the overview and mark the arrow items as drawing nothing (Qt then skips
        them when painting; the scene's index and clicks still find them), or the other
        way round."""
        if active == self.active:
            return
        self.prepareGeometryChange()
        self._bounds = QRectF(bounds)
        self._lines = None
        for item in self._links():
            self.adopt(item, active)
        self.setVisible(active)

    def adopt(self, item: LinkItem, active: bool | None = None) -> None:
        """A new arrow item: drawn by the overview while it is on."""
        on = self.active if active is None else active
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, on)

    def invalidate(self, bounds: QRectF) -> None:
        """The map, its findings or the selection changed: gather the lines again at
        the next paint (pans and repaints in between reuse them)."""
        self._lines = None
        if not self.active:
            return
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        self.update()

    def set_style(self, style: Style) -> None:
        self._style = style
        self._lines = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _gather(self) -> dict[str, list[QLineF]]:
        s = self._style
        lines: dict[str, list[QLineF]] = {s.link: [], s.handoff: [], s.gap: [], s.selection: []}
        for item in self._links():
            start, end = _ends(item)
            origin = item.scenePos()
            if item.isSelected() and s.chrome:
                color = s.selection
            elif item.shows_gap:
                color = s.gap
            else:
                color = s.handoff if getattr(item, "_handoff", False) else s.link
            lines[color].append(QLineF(start + origin, end + origin))
        return lines

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        emphasised = {self._style.gap, self._style.selection}
        if self._lines is None:
            self._lines = self._gather()
        for color, lines in self._lines.items():
            if not lines:
                continue
            pen = QPen(QColor(color), 2 if color in emphasised else 1)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLines(lines)


def _ends(item: LinkItem) -> tuple[QPointF, QPointF]:
    """Where an arrow starts and ends, in its own coordinates."""
    points = getattr(item, "_points", None)  # the routed control points, when it has them
    if points:
        (sx, sy), (ex, ey) = points[0], points[-1]
        return QPointF(sx, sy), QPointF(ex, ey)
    path = item.path()
    first = path.elementAt(0)
    return QPointF(first.x, first.y), path.currentPosition()
