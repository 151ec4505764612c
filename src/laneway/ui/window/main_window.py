"""The window of one open map: canvas, docks, menus, status bar.

Signals flow one way: gestures, panels and commands make edits through the editing
room; the session announces committed change sets; the scene and panels follow. The
window knows its host only through ``WindowHost`` (open, create, import, settings).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from laneway import __version__
from laneway.canvas import JourneyScene
from laneway.i18n import N_, _
from laneway.layout import Metrics
from laneway.model import ChangeSet
from laneway.ui.editing import clipboard, steps
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.departments import DepartmentsPanel
from laneway.ui.panels.findings import FindingsPanel
from laneway.ui.panels.inspector import Inspector
from laneway.ui.panels.stages import StagesPanel
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.locale_text import percent_text
from laneway.ui.window.actions import RECENT, Choices, WindowActions, build_actions
from laneway.ui.window.badge_legend import BadgeLegend
from laneway.ui.window.canvas_commands import CanvasCommands
from laneway.ui.window.context_menus import ContextMenus
from laneway.ui.window.coverage_status import CoverageStatus
from laneway.ui.window.host import Appearance, WindowHost
from laneway.ui.window.journey_content import JourneyContentUi
from laneway.ui.window.live_commands import LiveCommands
from laneway.ui.window.map_commands import MapCommands
from laneway.ui.window.presentation import Presentation
from laneway.ui.window.session_tools import SessionTools
from laneway.ui.window.view import MapView

OUTSIDE_CHANGE_POLL_MS = 2000
NOTICE_MS = 8000
NOTICE_STYLE = "QLabel {{ background: {}; color: {}; padding: 8px 12px; font-weight: bold; }}"
READ_ONLY_STYLE = (
    "QLabel { background: #fff4e5; color: #8a4b00; padding: 10px 14px; "
    "font-weight: bold; border-bottom: 1px solid #f0c27a; }"
)


class MainWindow(QMainWindow):
    def __init__(self, session: MapSession, host: WindowHost, appearance: Appearance) -> None:
        super().__init__()
        self.session = session
        self.host = host
        self.appearance = appearance
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("mainWindow")
        self.metrics = Metrics().scaled(appearance.font_scale)
        self.scene = JourneyScene(
            session.journey, appearance.style, metrics=self.metrics, route_when_shown=True
        )
        self.scene.set_findings_visible(appearance.show_findings)
        self.view = MapView(self.scene, session)
        self.view.setObjectName("mapView")
        describe(
            self.view,
            _("Map canvas"),
            _(
                "The journey: lanes are departments, columns are stages, cards are steps; "
                "arrow keys walk the cards, Ctrl+Enter adds the next step"
            ),
        )
        self.map_commands = MapCommands(self, session, self.show_notice)
        self.canvas_commands = CanvasCommands(
            self.view, session, self.show_notice, lambda: self.metrics
        )
        self.tools = SessionTools(self)
        self._build_central()
        self._build_docks()
        self.content_ui = JourneyContentUi(self)  # personas, definitions, notes, the curve
        self.tools.dock()
        self.coverage = CoverageStatus(session)
        self.statusBar().addPermanentWidget(self.coverage)
        self.badge_legend = BadgeLegend(appearance.style)
        self.statusBar().addPermanentWidget(self.badge_legend)
        self.zoom_label = QLabel("100%")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.live = LiveCommands(self)
        self.chrome: WindowActions = build_actions(
            self,
            self._commands(),
            session.undo_stack,
            self._choices(),
            self._dock_toggles(),
            canvas=self.view,
        )
        self.chrome.menus[RECENT].aboutToShow.connect(self._fill_recent_menu)
        self.content_ui.install(self.chrome)
        self.live.label_actions(self.chrome.actions)
        self.context_menus = ContextMenus(self)
        self.presentation = Presentation(self)
        self._set_tab_order()
        QTimer.singleShot(0, self._describe_dock_tabs)  # Qt makes them as it lays out
        self._connect()
        self._update_title()
        self._update_read_only(session.document.read_only_reason or "")
        self.resize(1500, 920)
        self._poll = QTimer(self)
        self._poll.setInterval(OUTSIDE_CHANGE_POLL_MS)
        self._poll.timeout.connect(self.session.check_for_outside_changes)
        self._poll.start()
        session.request_report()  # a big map's findings land a moment after it shows
        QTimer.singleShot(0, self.view.show_start)

    # ---------------------------------------------------------------- layout
    def _build_central(self) -> None:
        self.banner = _message_label("banner")
        self.notice = _message_label("notice")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        if self.tools.offer is not None:
            layout.addWidget(self.tools.offer)
        layout.addWidget(self.tools.search)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.setVisible(False))

    def _build_docks(self) -> None:
        self.inspector = Inspector(self.session)
        self.departments = DepartmentsPanel(self.session)
        self.stages = StagesPanel(self.session)
        self.findings = FindingsPanel(self.session)
        self.history = QUndoView(self.session.undo_stack)
        self.history.setEmptyLabel(_("Opened map"))
        self.history.setObjectName("history")
        describe(
            self.history, _("History"), _("Every change, oldest first; choose one to go back to it")
        )
        lanes = self.lanes_tabs = QTabWidget()
        lanes.setObjectName("lanesTabs")
        describe(lanes, _("Lanes and stages"), _("The departments and the stages of the map"))
        lanes.addTab(self.departments, _("Departments"))
        lanes.addTab(self.stages, _("Stages"))
        self.docks: list[QDockWidget] = []
        for title, widget, area in (
            (N_("Inspector"), self.inspector, Qt.DockWidgetArea.RightDockWidgetArea),
            (N_("Findings"), self.findings, Qt.DockWidgetArea.RightDockWidgetArea),
            (N_("Lanes and stages"), lanes, Qt.DockWidgetArea.LeftDockWidgetArea),
            (N_("History"), self.history, Qt.DockWidgetArea.LeftDockWidgetArea),
        ):
            self.add_dock(title, widget, area)
        self.tabifyDockWidget(self.docks[2], self.docks[3])
        self.docks[2].raise_()
        self._size_side_panels()
        self.resizeDocks([self.docks[0], self.docks[1]], [430, 430], Qt.Orientation.Vertical)

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock titled ``title`` (English, translated here; its object name stays English,
        so the saved window layout fits every language)."""
        dock = QDockWidget(_(title), self)
        dock.setObjectName(f"dock{title.replace(' ', '')}")
        dock.setWidget(widget)
        toggle = dock.toggleViewAction()
        toggle.setStatusTip(_("Show or hide the panel {panel}").format(panel=_(title)))
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    def _dock_toggles(self):
        return [dock.toggleViewAction() for dock in self.docks]

    def _size_side_panels(self) -> None:
        """Larger text needs wider panels to stay readable."""
        scale = self.metrics.scale
        self.resizeDocks(
            [self.docks[0], self.docks[2]],
            [round(340 * scale), round(230 * scale)],
            Qt.Orientation.Horizontal,
        )

    def _commands(self) -> dict[str, object]:
        """What each action of the window's table does."""
        host, view, commands = self.host, self.view, self.map_commands
        canvas = self.canvas_commands
        return {
            **self._keyboard_commands(canvas),
            **self.tools.commands(),
            **self.live.commands(),
            "new": lambda: host.new_map_dialog(self),
            "open": lambda: host.open_dialog(self),
            "import": lambda: host.import_dialog(self),
            "save_copy": commands.save_copy,
            "export": lambda: commands.export(**self.content_ui.export_choices()),
            "add_note": lambda: self.content_ui.add_note(),
            "close": self.close,
            "quit": host.quit,
            "cut": self.cut_selection,
            "copy": self.copy_selection,
            "paste": self.paste,
            "delete": self.delete_selection,
            "select_all": lambda: self.focus_items(self.session.journey.steps, []),
            "copy_image": lambda: commands.copy_image(**self.content_ui.export_choices()),
            "add_next": canvas.add_next,
            "add_below": lambda: canvas.add_next(lane_below=True),
            "add_next_stage": lambda: canvas.add_next(next_stage=True),
            "rename": self.rename_selected,
            "zoom_in": lambda: view.zoom_by(1.2),
            "zoom_out": lambda: view.zoom_by(1 / 1.2),
            "zoom_reset": lambda: view.set_zoom(1.0),
            "fit": view.fit_all,
            "present": self.toggle_presentation,
            "tidy": lambda: self.tidy(False),
            "tidy_selection": lambda: self.tidy(True),
            "about": self.about,
        }

    def _keyboard_commands(self, canvas: CanvasCommands) -> dict[str, object]:
        """The commands added for keyboard-first capture (issue 14)."""
        return {
            "link_to": canvas.link_to,
            "select_left": lambda: canvas.select("left"),
            "select_right": lambda: canvas.select("right"),
            "select_up": lambda: canvas.select("up"),
            "select_down": lambda: canvas.select("down"),
            "move_left": lambda: canvas.nudge(0, -1),
            "move_right": lambda: canvas.nudge(0, 1),
            "move_up": lambda: canvas.nudge(-1, 0),
            "move_down": lambda: canvas.nudge(1, 0),
            "add_department": lambda: self._add_record(self.departments),
            "add_stage": lambda: self._add_record(self.stages),
        }

    def _add_record(self, panel) -> None:
        """Map → Add Department / Add Stage: the lanes dock shows the new row."""
        self.docks[2].show()
        self.docks[2].raise_()
        self.lanes_tabs.setCurrentWidget(panel)
        panel.add()

    def _describe_dock_tabs(self) -> None:
        """The tab bars Qt makes for docks sharing a place say what they switch."""
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self:
                describe(bar, _("Docked panels"), _("Switch between the panels docked here"))

    def _set_tab_order(self) -> None:
        """Tab goes canvas → inspector fields → findings, and on round the panels."""
        chain = [self.view, *self.inspector.focus_chain(), *self.findings.focus_chain()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _choices(self) -> Choices:
        a, host = self.appearance, self.host
        return Choices(
            a.theme,
            a.font_scale,
            a.show_findings,
            host.set_theme,
            host.set_font_scale,
            self.set_findings_visible,
            a.language,
            getattr(host, "set_language", None),
        )

    def _connect(self) -> None:
        s = self.session
        s.changed.connect(self._on_changed)
        s.report_changed.connect(self.scene.set_report)
        s.focus_requested.connect(self.focus_items)
        s.error.connect(self.show_error)
        s.message.connect(self.show_notice)
        s.read_only_changed.connect(self._update_read_only)
        s.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        self.scene.selectionChanged.connect(self._scene_selection_changed)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(percent_text(z)))
        self.view.escaped.connect(self.tools.escape)
        self.view.context_menu_requested.connect(
            lambda at, scene_at, by_keyboard: self.context_menus.show(at, scene_at, by_keyboard)
        )

    # ------------------------------------------------------------- following
    def _on_changed(self, changeset: ChangeSet, origin: str) -> None:
        gesture = self.view.active_gesture
        if gesture is not None and gesture.follows_pointer:
            self.view.cancel_gesture()  # its previews belong to the map as it was
        if origin == "reload":
            self.scene.set_journey(self.session.journey)
        else:
            self.scene.reconcile(changeset)
        self.scene.select_ids(self.session.selected_step_ids, self.session.selected_link_ids)
        self.tools.follow_map()
        self.live.follow_map()
        self._update_title()

    def _scene_selection_changed(self) -> None:
        try:
            step_ids, link_ids = self.scene.selected_step_ids(), self.scene.selected_link_ids()
        except RuntimeError:  # the scene is being torn down
            return
        self.session.set_selection(step_ids, link_ids)

    def focus_items(self, step_ids, link_ids) -> None:
        self.scene.select_ids(step_ids, link_ids)
        self.view.reveal(self.scene.items_rect(step_ids, link_ids))

    # -------------------------------------------------------------- messages
    def show_error(self, sentence: str) -> None:
        self.show_notice(sentence, error=True)

    def show_notice(self, sentence: str, error: bool = False) -> None:
        colors = ("#fdecec", "#b42318") if error else ("#e8f1fd", "#1f6fd1")
        self.notice.setStyleSheet(NOTICE_STYLE.format(*colors))
        self.notice.setText(sentence)
        self.notice.setVisible(True)
        self.statusBar().showMessage(sentence, NOTICE_MS)
        self._notice_timer.start(NOTICE_MS)

    def _update_read_only(self, reason: str) -> None:
        read_only = self.session.read_only
        self.banner.setVisible(read_only)
        if read_only:
            self.banner.setText(
                _(
                    "Read-only: {read_only_reason}. Changes cannot be saved to "
                    "this file — use File → Save a Copy… to keep working."
                ).format(read_only_reason=self.session.document.read_only_reason)
            )
            self.banner.setStyleSheet(READ_ONLY_STYLE)
        self.view.setInteractive(not read_only)
        for action in self.chrome.edit_actions:
            action.setEnabled(not read_only)

    def _update_title(self) -> None:
        title = self.session.journey.info.title
        suffix = " [read-only]" if self.session.read_only else ""
        self.setWindowTitle(f"{title} — {self.session.document.path.name}{suffix} — Laneway")

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.chrome.menus[RECENT]
        menu.clear()
        recent = self.host.recent_paths()
        for path in recent:
            action = menu.addAction(f"{path.stem}  —  {path.parent}")
            action.setStatusTip(
                _("Open {path}").format(path=path)
                if path.exists()
                else _("{path} is not there now").format(path=path)
            )
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.host.open_path(Path(p)))
        if not recent:
            empty = menu.addAction(_("No recent maps"))
            empty.setStatusTip(_("Maps you open are listed here"))
            empty.setEnabled(False)

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Laneway"),
            _(
                "Laneway {version}\n\nMap the customer's journey across "
                "departments and see, live, the steps nobody owns and the "
                "handoffs nobody agreed on."
            ).format(version=__version__),
        )

    # --------------------------------------------------------------- editing
    def rename_selected(self) -> None:
        for step_id in sorted(self.session.selected_step_ids)[:1]:
            self.view.start_rename(step_id)

    def copy_selection(self) -> bool:
        return clipboard.copy_to_clipboard(self.session, self.session.selected_step_ids)

    def cut_selection(self) -> None:
        if self.copy_selection():
            steps.delete(self.session, self.session.selected_step_ids)

    def paste(self) -> None:
        text = clipboard.clipboard_text()
        created = clipboard.paste_text(self.session, text)
        if created:
            self.focus_items(created, [])
        elif text.strip():
            self.show_notice(_("The clipboard holds no Laneway steps to paste."))

    def delete_selection(self) -> None:
        s = self.session
        steps.delete(s, s.selected_step_ids, s.selected_link_ids)

    def tidy(self, selection_only: bool) -> None:
        chosen = self.session.selected_step_ids if selection_only else None
        if selection_only and not chosen:
            self.show_notice(_("Select the steps to tidy first."))
            return
        steps.tidy(self.session, chosen)

    # ------------------------------------------------------------- appearance
    def apply_appearance(self, appearance: Appearance) -> None:
        self.appearance = appearance
        self.metrics = Metrics().scaled(appearance.font_scale)
        self.scene.metrics = self.metrics
        self.scene.set_style(appearance.style)
        self.badge_legend.set_style(appearance.style)
        self._size_side_panels()
        self.presentation.follow_appearance()

    def set_findings_visible(self, visible: bool) -> None:
        self.scene.set_findings_visible(visible)
        self.host.set_findings_shown(visible)

    def toggle_presentation(self) -> None:
        """F11: presentation mode for the room (``presentation.py``), in or out."""
        self.presentation.toggle()

    # ----------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self._poll.stop()
        self.view.settle_gesture()
        self.host.window_closed(self)
        self.scene.selectionChanged.disconnect(self._scene_selection_changed)
        self.live.close()
        self.session.close()
        super().closeEvent(event)


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label
