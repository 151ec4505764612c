"""LinkOverview: every arrow of a zoomed-out map drawn by one item, a few calls in all.

Zoomed out below ``READABLE_LOD`` an arrow is only a thin line (canvas.detail), but
on a 20,000-step map thousands of long arrows cross the window, and painting each as
its own item cost half a second a frame (a Python call and a path stroke each). With
the overview on, the scene's arrow items are hidden and this item draws all of them
as straight lines in one ``drawLines`` per colour (plain, handoff, gap, selected):
a pan or a repaint at 15 % then takes milliseconds. The lines are gathered again
only after the map or its findings changed (``invalidate``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.link_item import LinkItem
from laneway.canvas.style import Style


class LinkOverview(QGraphicsItem):
    def __init__(self, links: Callable[[], Iterable[LinkItem]], style: Style) -> None:
        super().__init__()
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._links = links
        self._style = style
        self._bounds = QRectF()
        self._lines: dict[str, list[QLineF]] | None = None
        self.setVisible(False)

    @property
    def active(self) -> bool:
        return self.isVisible()

    def set_active(self, active: bool, bounds: QRectF) -> None:
        """Show the overview and hide the arrow items (or the other way round)."""
        if active == self.active:
            return
        self.prepareGeometryChange()
        self._bounds = QRectF(bounds)
        self._lines = None
        for item in self._links():
            item.setVisible(not active)
        self.setVisible(active)

    def invalidate(self, bounds: QRectF) -> None:
        """The map, its findings or the selection changed: gather the lines again."""
        if not self.active:
            return
        for item in self._links():  # arrows added meanwhile are items too
            if item.isVisible():
                item.setVisible(False)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        self._lines = None
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
            path = item.path()  # the routed arrow, whatever shape the router gave it
            if path.isEmpty():
                continue
            first, origin = path.elementAt(0), item.scenePos()
            start = QPointF(first.x, first.y) + origin
            if item.isSelected() and s.chrome:
                color = s.selection
            elif item.shows_gap:
                color = s.gap
            else:
                color = s.handoff if getattr(item, "_handoff", False) else s.link
            lines[color].append(QLineF(start, path.currentPosition() + origin))
        return lines

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._lines is None:
            self._lines = self._gather()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        emphasised = {self._style.gap, self._style.selection}
        for color, lines in self._lines.items():
            if not lines:
                continue
            pen = QPen(QColor(color), 2 if color in emphasised else 1)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLines(lines)
