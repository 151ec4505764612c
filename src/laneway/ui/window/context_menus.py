"""Context menus on the canvas: a card, an arrow, a lane header, a stage header, an
empty cell. The right mouse button or the Menu key (Shift+F10) opens the one for what is
under the pointer, or for the selection when asked by keyboard.

The entries reuse the window's actions where there is one (same text, same key), so
a menu never says something the menu bar does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from laneway.i18n import _, pgettext
from laneway.layout import UNASSIGNED_NAME
from laneway.model.wording import kind_word
from laneway.ui.editing import records, steps
from laneway.ui.widgets import prompts


@dataclass(frozen=True)
class RecordEntries:
    """The words of a lane's or a stage's menu entries: (text, tip) each."""

    rename: str
    rename_tip: str
    back: tuple[str, str]
    on: tuple[str, str]
    delete: tuple[str, str]


class ContextMenus:
    def __init__(self, window: QMainWindow) -> None:
        """``window`` is the map's MainWindow (not imported: it imports this module)."""
        self.window = window
        #: The menu shown last (kept alive while it is open; tests read it).
        self.last_menu: QMenu | None = None
        self.last_kind = ""

    # ---------------------------------------------------------------- showing
    def show(self, at: QPoint, scene_at: QPointF, by_keyboard: bool) -> QMenu | None:
        window = self.window
        if by_keyboard:
            menu, at = self._for_selection(at)
        else:
            menu = self._for_point(at, scene_at)
        if menu is None:
            return None
        self.last_menu = menu
        menu.popup(window.view.viewport().mapToGlobal(at))
        return menu

    def _for_selection(self, at: QPoint) -> tuple[QMenu | None, QPoint]:
        session, view, scene = self.window.session, self.window.view, self.window.scene
        if session.selected_step_ids:
            step_id = sorted(session.selected_step_ids)[0]
            item = scene.step_item(step_id)
            if item is not None:
                at = view.mapFromScene(item.sceneBoundingRect().center())
            return self.card_menu(step_id), at
        if session.selected_link_ids:
            return self.link_menu(sorted(session.selected_link_ids)[0]), at
        center = view.viewport().rect().center()
        return self.cell_menu(view.mapToScene(center)), center

    def _for_point(self, at: QPoint, scene_at: QPointF) -> QMenu | None:
        window = self.window
        scene, view = window.scene, window.view
        metrics = scene.grid.metrics
        card = scene.step_at(scene_at)
        if card is not None:
            if card.step_id not in window.session.selected_step_ids:
                window.focus_items([card.step_id], [])
            return self.card_menu(card.step_id)
        link = scene.link_at(scene_at)
        if link is not None:
            window.focus_items([], [link.link_id])
            return self.link_menu(link.link_id)
        zoom = view.zoom
        # The headers stay pinned to the view's edges: a click on them counts there too.
        if scene_at.x() < metrics.lane_header_width or at.x() < metrics.lane_header_width * zoom:
            lane = scene.grid.lane_at(scene_at.y())
            return self.lane_menu(lane.department_id) if lane is not None else None
        if (
            scene_at.y() < metrics.stage_header_height
            or at.y() < metrics.stage_header_height * zoom
        ):
            column = scene.grid.column_at(scene_at.x())
            return self.stage_menu(column.stage_id) if column is not None else None
        return self.cell_menu(scene_at)

    def _menu(self, kind: str, title: str) -> QMenu:
        self.last_kind = kind
        menu = QMenu(self.window.view)
        menu.setObjectName(f"{kind}ContextMenu")
        menu.setTitle(title)
        menu.setAccessibleName(title)
        return menu

    def _entry(self, menu: QMenu, text: str, tip: str, slot, enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setEnabled(enabled and not self.window.session.read_only)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _actions(self, menu: QMenu, *keys: str) -> None:
        for key in keys:
            if key == "-":
                menu.addSeparator()
            else:
                menu.addAction(self.window.chrome.actions[key])

    # ------------------------------------------------------------------ menus
    def card_menu(self, step_id: str) -> QMenu:
        journey = self.window.session.journey
        menu = self._menu("card", _("Step {title}").format(title=journey.steps[step_id].title))
        self._actions(menu, "rename", "add_next", "add_next_stage", "add_below", "link_to")
        self._note_entry(menu, step_id=step_id)
        menu.addSeparator()
        self._choices(menu, _("&Owner"), step_id, "department_id")
        self._choices(menu, _("Sta&ge"), step_id, "stage_id")
        self._actions(menu, "-", "cut", "copy", "delete")
        return menu

    def _choices(self, menu: QMenu, title: str, step_id: str, field: str) -> None:
        journey = self.window.session.journey
        submenu = menu.addMenu(title)
        submenu.menuAction().setStatusTip(
            _("Give the selected steps another owner")
            if field == "department_id"
            else _("Move the selected steps to another stage")
        )
        records_in_order = (
            [(None, _(UNASSIGNED_NAME)), *((d.id, d.name) for d in journey.departments_in_order())]
            if field == "department_id"
            else [(s.id, s.name) for s in journey.stages_in_order()]
        )
        current = getattr(journey.steps[step_id], field)
        chosen = self.window.session.selected_step_ids or {step_id}
        for record_id, name in records_in_order:
            action = self._entry(
                submenu,
                name,
                _("Move the selected steps to {name}").format(name=name),
                lambda r=record_id: steps.set_steps_field(self.window.session, chosen, field, r),
            )
            action.setCheckable(True)
            action.setChecked(record_id == current)

    def link_menu(self, link_id: str) -> QMenu:
        menu = self._menu("link", _("Link"))
        self._entry(
            menu,
            _("Write the &Agreement"),
            _("Type what is handed over and when it is ready, in the inspector"),
            self.window.inspector.focus_agreement,
        )
        self._note_entry(menu, link_id=link_id)
        self._actions(menu, "-", "delete")
        return menu

    def lane_menu(self, department_id: str | None) -> QMenu:
        journey = self.window.session.journey
        name = journey.department_name(department_id) or _(UNASSIGNED_NAME)
        first_stage = next((s.id for s in journey.stages_in_order()), None)
        entries = RecordEntries(
            _("&Rename Department…"), _("Give {name} another name").format(name=name),
            (_("Move Lane &Up"), _("Move {name} one lane up").format(name=name)),
            (_("Move Lane Do&wn"), _("Move {name} one lane down").format(name=name)),
            (_("D&elete Department…"),
             _("Delete {name}; its steps become unowned").format(name=name)),
        )  # fmt: skip
        return self._record_menu(
            "department", department_id, _("Lane {name}").format(name=name),
            (department_id, first_stage),
            _("Add a step to the {name} lane, in the first stage").format(name=name), entries,
        )  # fmt: skip

    def stage_menu(self, stage_id: str | None) -> QMenu:
        journey = self.window.session.journey
        name = journey.stage_name(stage_id) or _("No stage")
        first_lane = next((d.id for d in journey.departments_in_order()), None)
        entries = RecordEntries(
            _("&Rename Stage…"), _("Give the stage {name} another name").format(name=name),
            (_("Move Stage &Left"), _("Move {name} one column to the left").format(name=name)),
            (_("Move Stage Ri&ght"), _("Move {name} one column to the right").format(name=name)),
            (_("D&elete Stage…"), _("Delete the stage {name}; its steps stay").format(name=name)),
        )  # fmt: skip
        return self._record_menu(
            "stage", stage_id, _("Stage {name}").format(name=name), (first_lane, stage_id),
            _("Add a step to the {name} stage, in the first lane").format(name=name), entries,
        )  # fmt: skip

    def _record_menu(
        self,
        kind: records.Kind,
        record_id: str | None,
        title: str,
        cell: tuple[str | None, str | None],
        add_tip: str,
        entries: RecordEntries,
    ) -> QMenu:
        """A lane's or a stage's menu: add a step in it, rename, (recolor), move, delete."""
        window = self.window
        menu = self._menu("lane" if kind == "department" else "stage", title)
        self._entry(
            menu, _("Add Step &Here"), add_tip, lambda: window.canvas_commands.add_at(*cell)
        )
        if record_id is not None:
            panel = window.departments if kind == "department" else window.stages

            def row(action):
                return lambda: self._on_row(panel, record_id, action)

            self._entry(
                menu, entries.rename, entries.rename_tip, lambda: self._rename(kind, record_id)
            )
            if kind == "department":
                self._entry(
                    menu, _("Lane &Color…"), _("Change the color of the lane"), row(panel.recolor)
                )
            menu.addSeparator()
            for (text, tip), delta in ((entries.back, -1), (entries.on, 1)):
                self._entry(menu, text, tip, row(lambda d=delta: panel.move(d)))
            menu.addSeparator()
            self._entry(menu, *entries.delete, row(panel.delete))
        self._actions(menu, "-", "add_department" if kind == "department" else "add_stage")
        return menu  # fmt: skip

    def cell_menu(self, scene_at: QPointF) -> QMenu:
        window = self.window
        scene = window.scene
        menu = self._menu("canvas", _("Map"))
        cell = scene.cell_at(scene_at)
        if cell is not None:
            rect = scene.grid.cell_rect(*cell)
            metrics = scene.metrics
            near = (
                (scene_at.x() - rect.x - metrics.card_width / 2) / metrics.scale,
                (scene_at.y() - rect.y - metrics.card_height / 2) / metrics.scale,
            )
            self._entry(
                menu,
                _("Add Step &Here"),
                _("Add a step in this lane and stage"),
                lambda: window.canvas_commands.add_at(cell[0], cell[1], near),
            )
        self._actions(menu, "paste", "-", "add_department", "add_stage", "-", "select_all", "fit")
        self._note_entry(menu)
        return menu

    def _note_entry(self, menu: QMenu, step_id: str | None = None, link_id: str | None = None):
        """Add Note… on this card, this arrow, or (neither) the map."""
        journey = self.window.session.journey
        if step_id is not None:
            subject = _("the step {title}").format(title=journey.steps[step_id].title)
        elif link_id is not None:
            subject = _("this link")
        else:
            subject = pgettext("note subject", "the map")
        self._entry(
            menu,
            _("Add Not&e…"),
            _("Add a note on {subject} (Ctrl+Alt+N)").format(subject=subject),
            lambda: self.window.content_ui.add_note(step_id, link_id, subject),
        )

    # ----------------------------------------------------------------- helpers
    def _on_row(self, panel, record_id: str, action) -> None:
        """Run a panel's command on one of its rows (as if it had been picked there)."""
        panel.select(record_id)
        action()

    def _rename(self, kind: records.Kind, record_id: str) -> None:
        journey = self.window.session.journey
        current = (journey.departments if kind == "department" else journey.stages)[record_id].name
        name = prompts.ask_name(
            self.window, _("Rename {kind}").format(kind=kind_word(kind)), _("New name:"), current
        )
        if name is not None and name != current:
            records.rename_record(self.window.session, kind, record_id, name)
