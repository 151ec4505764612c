"""JourneyScene: the map drawn as swimlanes, cards and arrows.

Built from a JourneyMap and kept in step with it by ``reconcile(changeset)``
after each committed change; it never edits the model and handles no input. During a
gesture the ui's gesture objects ask it for previews (dragged cards, a link being
drawn, the drop target); otherwise its items change only by reconciling. The same
scene, non-interactive and in a print style, renders exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene

from laneway.analysis import Report
from laneway.canvas.background import GridItem
from laneway.canvas.cell_layer import CELL_Z, DRAGGED_CELL_Z, CellLayer
from laneway.canvas.content_layers import ContentLayers
from laneway.canvas.link_item import LinkItem
from laneway.canvas.step_item import StepItem
from laneway.canvas.style import LIGHT, Style
from laneway.layout import Cell, Grid, Metrics, compute_grid
from laneway.model import ChangeSet, JourneyMap

MARGIN = 40.0
#: Vertical distance between the stacked captions of arrows into one card.
CAPTION_STEP = 22.0


class JourneyScene(QGraphicsScene):
    def __init__(
        self,
        journey: JourneyMap,
        style: Style = LIGHT,
        *,
        interactive: bool = True,
        metrics: Metrics | None = None,
    ) -> None:
        super().__init__()
        self.journey = journey
        self.style = style
        self.interactive = interactive
        self.metrics = metrics or Metrics()
        self.report: Report | None = None
        self.findings_visible = True
        self._steps: dict[str, StepItem] = {}
        #: Each card's cell and offset as last placed, to move only what changed.
        self._placed: dict[str, tuple[Cell, float, float]] = {}
        #: One layer per lane × stage cell holding its cards (see _place_all).
        self._cells: dict[Cell, CellLayer] = {}
        #: Arrows from one cell to another (children of the scene, not of a layer).
        self._between_cells: set[str] = set()
        self._links: dict[str, LinkItem] = {}
        self._grid: Grid = compute_grid(journey, self.metrics)
        self._background = GridItem(self._grid, style)
        self.addItem(self._background)
        #: The cards a gesture is dragging: where each sits in its cell layer, unmoved.
        self._dragged: dict[str, QPointF] = {}
        self._drop_marker = QGraphicsRectItem()
        self._drop_marker.setZValue(1)
        self._drop_marker.setVisible(False)
        self.addItem(self._drop_marker)
        self._preview = QGraphicsPathItem()
        self._preview.setZValue(20)
        self._preview.setVisible(False)
        self.addItem(self._preview)
        self._preview_source: str | None = None
        #: Personas, the emotion band, note markers, cited terms (SPEC §7).
        self.content = ContentLayers(self)
        self.rebuild()

    # ---------------------------------------------------------------- access
    @property
    def grid(self) -> Grid:
        return self._grid

    def step_item(self, step_id: str) -> StepItem | None:
        return self._steps.get(step_id)

    def link_item(self, link_id: str) -> LinkItem | None:
        return self._links.get(link_id)

    def step_items(self) -> list[StepItem]:
        return list(self._steps.values())

    def cell_at(self, scene_pos: QPointF) -> Cell | None:
        return self._grid.cell_at(scene_pos.x(), scene_pos.y())

    def step_at(self, scene_pos: QPointF) -> StepItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, StepItem):
                return item
        return None

    def link_at(self, scene_pos: QPointF) -> LinkItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, LinkItem):
                return item
        return None

    def selected_step_ids(self) -> list[str]:
        return [i.step_id for i in self.selectedItems() if isinstance(i, StepItem)]

    def selected_link_ids(self) -> list[str]:
        return [i.link_id for i in self.selectedItems() if isinstance(i, LinkItem)]

    def select_ids(self, step_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        steps, links = set(step_ids), set(link_ids)
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for step_id in steps:
                if step_id in self._steps:
                    self._steps[step_id].setSelected(True)
            for link_id in links:
                if link_id in self._links:
                    self._links[link_id].setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    def items_rect(self, step_ids: Iterable[str], link_ids: Iterable[str] = ()) -> QRectF:
        rect = QRectF()
        for step_id in step_ids:
            if step_id in self._steps:
                rect = rect.united(self._steps[step_id].sceneBoundingRect())
        for link_id in link_ids:
            if link_id in self._links:
                rect = rect.united(self._links[link_id].sceneBoundingRect())
        return rect

    # -------------------------------------------------------------- building
    def set_journey(self, journey: JourneyMap) -> None:
        """Show another map object (after a reload from disk)."""
        self.journey = journey
        self.rebuild()

    def rebuild(self) -> None:
        for item in [*self._steps.values(), *self._links.values(), *self._cells.values()]:
            self.removeItem(item)
        self._steps.clear()
        self._links.clear()
        self._cells.clear()
        self._between_cells.clear()
        self._placed.clear()
        self._relayout()
        for step in self.journey.steps.values():
            self._add_step(step.id)
        for link in self.journey.links.values():
            self._add_link(link.id)
        self._place_all()
        self._apply_findings()
        self.content.refresh()

    def _lane_color(self, department_id: str | None) -> str | None:
        department = self.journey.departments.get(department_id) if department_id else None
        return department.color if department else None

    def _add_step(self, step_id: str) -> None:
        step = self.journey.steps[step_id]
        item = StepItem(
            step, self._lane_color(step.department_id), self.style, self.metrics, self.interactive
        )
        self._steps[step_id] = item
        self.addItem(item)

    def _add_link(self, link_id: str) -> None:
        link = self.journey.links[link_id]
        item = LinkItem(link, self.style, self.interactive, self.journey.is_handoff(link))
        self._links[link_id] = item
        self.addItem(item)

    def _relayout(self) -> bool:
        """Recompute the grid; True when its lanes and columns stayed where they were."""
        previous = self._grid
        self._grid = compute_grid(self.journey, self.metrics)
        self._background.set_grid(self._grid, self.style)
        self.relayout_frame()
        return self._grid.same_frame(previous)

    def relayout_frame(self) -> None:
        """The scene's rectangle: the grid, the emotion band above it when shown, a margin."""
        b = self._grid.bounds
        room = self.content.top_room() if hasattr(self, "content") else 0.0
        self.setSceneRect(
            QRectF(b.x, b.y, b.width, b.height).adjusted(-MARGIN, -MARGIN - room, MARGIN, MARGIN)
        )

    def _cell_layer(self, cell: Cell) -> CellLayer:
        if cell not in self._cells:
            layer = CellLayer()
            department_id, stage_id = cell
            layer.setPos(self._grid.column_lefts[stage_id], self._grid.lane_tops[department_id])
            self._cells[cell] = layer
            self.addItem(layer)
        return self._cells[cell]

    def _place_all(self, only: set[str] | None = None) -> set[str]:
        """Put every card (or ``only`` these) where the grid says; return those that moved.

        Cards sit in their cell's layer at their offset, so when a lane or column
        grows only the layers beyond it move (a few dozen items, not every card), and
        the arrows inside them move along. An arrow between two cells is translated
        when both cells moved alike, and re-aimed otherwise.
        """
        grid = self._grid
        shifted: dict[Cell, tuple[float, float]] = {}
        for cell, layer in self._cells.items():
            department_id, stage_id = cell
            if department_id not in grid.lane_tops or stage_id not in grid.column_lefts:
                continue  # its lane or column is gone; its cards move out below
            x, y = grid.column_lefts[stage_id], grid.lane_tops[department_id]
            old = layer.pos()
            if old.x() != x or old.y() != y:
                layer.setPos(x, y)
                shifted[cell] = (x - old.x(), y - old.y())
        moved: set[str] = set()
        placed, cells, offsets = self._placed, grid.step_cells, grid.step_offsets
        steps = self._steps
        items = steps.items() if only is None else ((k, steps[k]) for k in only if k in steps)
        for step_id, item in items:
            cell, (x, y) = cells[step_id], offsets[step_id]
            if placed.get(step_id) != (cell, x, y):
                layer = self._cell_layer(cell)
                if item.parentItem() is not layer:
                    item.setParentItem(layer)
                item.setPos(x, y)
                placed[step_id] = (cell, x, y)
                moved.add(step_id)
        routed = self._links_of(moved)
        for link_id in routed:
            self._attach(link_id)
            self._route(link_id)
        if shifted:
            self._follow_shifted_cells(shifted, routed)
        return moved

    def _follow_shifted_cells(
        self, shifted: dict[Cell, tuple[float, float]], routed: set[str]
    ) -> None:
        """Arrows between two cells: translate them with their cells, or re-aim them."""
        placed, links = self._placed, self.journey.links
        for link_id in self._between_cells - routed:  # inner arrows moved with their cell
            item, link = self._links[link_id], links[link_id]
            source = shifted.get(placed[link.source][0])
            target = shifted.get(placed[link.target][0])
            if source is None and target is None:
                continue
            if source == target and not item.needs_route:
                item.moveBy(*source)
            else:
                self._route(link_id)

    def _attach(self, link_id: str) -> None:
        """An arrow inside one cell belongs to that cell's layer; others to the scene."""
        link, item = self.journey.links[link_id], self._links[link_id]
        source, target = self._placed[link.source][0], self._placed[link.target][0]
        layer = self._cells[source] if source == target else None
        if layer is None:
            self._between_cells.add(link_id)
        else:
            self._between_cells.discard(link_id)
        if item.parentItem() is not layer:
            item.setParentItem(layer)
            item.setPos(0, 0)

    def _links_of(self, step_ids: set[str]) -> set[str]:
        if len(step_ids) > len(self._links) / 4:
            return set(self._links)
        found: set[str] = set()
        for step_id in step_ids:
            found.update(link.id for link in self.journey.links_of(step_id))
        return found

    def _route(self, link_id: str) -> None:
        item = self._links[link_id]
        link = self.journey.links[link_id]
        item.set_caption_shift(self._caption_shift(link_id, link.target))
        item.route(self._card_box(link.source), self._card_box(link.target))

    def _card_box(self, step_id: str) -> tuple[float, float, float, float]:
        """A card's (left, top, right, bottom) in the scene, where it is right now."""
        corner = self._steps[step_id].scenePos()
        x, y = corner.x(), corner.y()
        return (x, y, x + self.metrics.card_width, y + self.metrics.card_height)

    def _caption_shift(self, link_id: str, target: str) -> float:
        """Captions of arrows that meet at one card are stacked, not drawn on each other."""
        if not self._links[link_id].has_caption:
            return 0.0
        captioned = [
            link.id
            for link in self.journey.incoming(target)
            if link.id in self._links and self._links[link.id].has_caption
        ]
        if len(captioned) < 2:
            return 0.0
        rank = captioned.index(link_id) - (len(captioned) - 1) / 2
        return rank * CAPTION_STEP * self.style.font_scale

    # ------------------------------------------------------------- reconcile
    def reconcile(self, changeset: ChangeSet) -> None:
        """Bring items in line with the map after a committed change set."""
        journey = self.journey
        lanes_changed = bool(changeset.keys("department"))
        steps_touched = changeset.keys("step")
        links_touched = changeset.keys("link")
        for link_id in links_touched:
            if link_id not in journey.links and link_id in self._links:
                self.removeItem(self._links.pop(link_id))
                self._between_cells.discard(link_id)
        for step_id in steps_touched:
            if step_id not in journey.steps and step_id in self._steps:
                self.removeItem(self._steps.pop(step_id))
                self._placed.pop(step_id, None)
        for step_id in steps_touched:
            if step_id in journey.steps and step_id not in self._steps:
                self._add_step(step_id)
                self._placed.pop(step_id, None)
        for link_id in links_touched:
            if link_id in journey.links and link_id not in self._links:
                self._add_link(link_id)
        restyle = set(journey.steps) if lanes_changed else steps_touched & set(journey.steps)
        for step_id in restyle:
            step = journey.steps[step_id]
            self._steps[step_id].set_data(step, self._lane_color(step.department_id), self.style)
        relink = set(links_touched) | self._links_of(restyle)
        for link_id in links_touched:  # its caption may restack the others into its card
            if link_id in journey.links:
                relink.update(link.id for link in journey.incoming(journey.links[link_id].target))
        for link_id in relink:
            if link_id in journey.links:
                link = journey.links[link_id]
                self._links[link_id].set_data(link, self.style, handoff=journey.is_handoff(link))
        same_frame = self._relayout()
        # Lanes and columns where they were: only the touched cards can have moved.
        moved = self._place_all(steps_touched if same_frame else None)
        for link_id in relink - self._links_of(moved):
            if link_id in self._links:
                self._attach(link_id)
                self._route(link_id)
        # The report is the one from before this change until the analysis re-runs:
        # only new and touched items need their badges set now.
        self._apply_findings(
            steps_touched & set(journey.steps), {k for k in relink if k in journey.links}
        )
        self.content.refresh(changeset)

    # --------------------------------------------------------------- findings
    def set_report(self, report: Report | None) -> None:
        previous, self.report = self.report, report
        if previous is None or report is None:
            self._apply_findings()
            return
        # Only the items whose findings changed need a new badge.
        self._apply_findings(
            _changed_keys(previous.findings_by_step, report.findings_by_step, self._steps),
            _changed_keys(previous.findings_by_link, report.findings_by_link, self._links),
        )

    def set_findings_visible(self, visible: bool) -> None:
        self.findings_visible = visible
        self._apply_findings()

    def _apply_findings(
        self, step_ids: set[str] | None = None, link_ids: set[str] | None = None
    ) -> None:
        report = self.report
        steps = self._steps if step_ids is None else {s: self._steps[s] for s in step_ids}
        links = self._links if link_ids is None else {k: self._links[k] for k in link_ids}
        for step_id, item in steps.items():
            item.set_findings(
                report.findings_for_step(step_id) if report else [], self.findings_visible
            )
        for link_id, item in links.items():
            findings = report.findings_for_link(link_id) if report else []
            # A report from before the latest edit may still call this link a gap.
            gap = self.journey.is_gap(self.journey.links[link_id]) and any(
                f.rule == "handoff-gap" for f in findings
            )
            item.set_findings([f.message for f in findings], gap, self.findings_visible)

    def set_style(self, style: Style) -> None:
        self.style = style
        self.rebuild()

    # -------------------------------------------------------- drag previews
    def begin_card_preview(self, step_ids: Iterable[str]) -> None:
        """Cards a gesture starts dragging: remember where they are, lift them over the
        cards of other cells."""
        self._dragged = {s: self._steps[s].pos() for s in step_ids if s in self._steps}
        for step_id in self._dragged:
            self._steps[step_id].parentItem().setZValue(DRAGGED_CELL_Z)

    def move_card_preview(self, delta: QPointF, pointer: QPointF) -> None:
        """Show the dragged cards ``delta`` from where they are, their arrows following,
        and the cell under the pointer as the drop target."""
        for step_id, start in self._dragged.items():
            if step_id in self._steps:
                self._steps[step_id].setPos(start + delta)
        self._route_links_of(set(self._dragged))
        self.show_drop_target(pointer)

    def card_preview_corners(self) -> dict[str, tuple[float, float]]:
        """Where the dragged cards' top-left corners are shown now, in scene units."""
        corners = {}
        for step_id in self._dragged:
            if step_id in self._steps:
                corner = self._steps[step_id].scenePos()
                corners[step_id] = (corner.x(), corner.y())
        return corners

    def end_card_preview(self) -> None:
        """Put the dragged cards back where the map has them: a drop's committed edit
        moves them on through ``reconcile``; a cancelled or refused one leaves them."""
        dragged, self._dragged = self._dragged, {}
        for step_id, start in dragged.items():
            if step_id in self._steps:
                self._steps[step_id].setPos(start)
        self._route_links_of(set(dragged))
        for layer in self._cells.values():
            layer.setZValue(CELL_Z)
        self.show_drop_target(None)

    def _route_links_of(self, step_ids: set[str]) -> None:
        for link_id in self._links_of(step_ids & set(self._steps)):
            if link_id in self._links and link_id in self.journey.links:
                self._route(link_id)

    def show_drop_target(self, scene_pos: QPointF | None) -> None:
        cell = self._grid.cell_at(scene_pos.x(), scene_pos.y()) if scene_pos else None
        if cell is None:
            self._drop_marker.setVisible(False)
            return
        r = self._grid.cell_rect(*cell)
        self._drop_marker.setRect(QRectF(r.x, r.y, r.width, r.height).adjusted(3, 3, -3, -3))
        color = QColor(self.style.drop_target)
        self._drop_marker.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
        color.setAlpha(28)
        self._drop_marker.setBrush(color)
        self._drop_marker.setVisible(True)

    # ------------------------------------------------------------ link preview
    def begin_link_preview(self, step_id: str) -> None:
        self._preview_source = step_id
        pen = QPen(QColor(self.style.selection), 2, Qt.PenStyle.DashLine)
        self._preview.setPen(pen)
        self._preview.setVisible(True)

    @property
    def showing_link_preview(self) -> bool:
        return self._preview.isVisible()

    def update_link_preview(self, scene_pos: QPointF) -> None:
        if self._preview_source is None:
            return
        start = self._steps[self._preview_source].handle_center()
        path = QPainterPath(start)
        bend = max(30.0, abs(scene_pos.x() - start.x()) / 2)
        path.cubicTo(
            QPointF(start.x() + bend, start.y()),
            QPointF(scene_pos.x() - bend, scene_pos.y()),
            scene_pos,
        )
        self._preview.setPath(path)
        target = self.step_at(scene_pos)
        self.show_drop_target(None)
        if target is not None and target.step_id != self._preview_source:
            r = target.sceneBoundingRect()
            self._drop_marker.setRect(r)
            self._drop_marker.setPen(QPen(QColor(self.style.selection), 2))
            self._drop_marker.setBrush(Qt.BrushStyle.NoBrush)
            self._drop_marker.setVisible(True)

    def end_link_preview(self) -> None:
        self._preview_source = None
        self._preview.setVisible(False)
        self.show_drop_target(None)


def _changed_keys(before: Mapping, after: Mapping, shown: Mapping) -> set[str]:
    """Keys (of shown items) whose value differs between two mappings."""
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    return changed & shown.keys()
