"""The window of one open map: canvas, docks, menus, status bar.

Signals flow one way: gestures and panels call ``session.run_edit``; the
session announces committed change sets; the scene and panels follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from laneway.canvas import JourneyScene
from laneway.layout import Metrics
from laneway.model import ChangeSet
from laneway.ui import editing
from laneway.ui.coverage_status import CoverageStatus
from laneway.ui.departments_panel import DepartmentsPanel, StagesPanel
from laneway.ui.findings_panel import FindingsPanel
from laneway.ui.gestures.title_editor import TitleEditor
from laneway.ui.inspector import Inspector
from laneway.ui.session import MapSession
from laneway.ui.settings import FONT_SCALES
from laneway.ui.themes import canvas_style
from laneway.ui.view import MapView

if TYPE_CHECKING:
    from laneway.ui.controller import AppController

CLIPBOARD_MIME = "application/x-laneway+json"
OUTSIDE_CHANGE_POLL_MS = 2000


class MainWindow(QMainWindow):
    def __init__(self, session: MapSession, controller: AppController) -> None:
        super().__init__()
        self.session = session
        self.controller = controller
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("mainWindow")
        settings = controller.settings
        self.metrics = Metrics().scaled(settings.font_scale)
        self.scene = JourneyScene(
            session.journey,
            canvas_style(controller.dark, settings.font_scale),
            metrics=self.metrics,
        )
        self.scene.set_findings_visible(settings.show_findings)
        self.view = MapView(self.scene)
        self.view.setObjectName("mapView")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._title_editor: TitleEditor | None = None
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.setVisible(False))

        self._build_docks()
        self.coverage = CoverageStatus(session)
        self.statusBar().addPermanentWidget(self.coverage)
        self.zoom_label = QLabel("100%")
        self.statusBar().addPermanentWidget(self.zoom_label)
        from laneway.ui.actions import build_actions

        self.actions_ = build_actions(self)
        self._connect()
        self._update_title()
        self._update_read_only(session.document.read_only_reason or "")
        self.resize(1500, 920)
        self._poll = QTimer(self)
        self._poll.setInterval(OUTSIDE_CHANGE_POLL_MS)
        self._poll.timeout.connect(self.session.check_for_outside_changes)
        self._poll.start()
        session.refresh_report()
        QTimer.singleShot(0, self.view.show_start)

    # ---------------------------------------------------------------- layout
    def _build_docks(self) -> None:
        self.inspector = Inspector(self.session)
        self.departments = DepartmentsPanel(self.session)
        self.stages = StagesPanel(self.session)
        self.findings = FindingsPanel(self.session)
        self.history = QUndoView(self.session.undo_stack)
        self.history.setEmptyLabel("Opened map")
        self.history.setObjectName("history")
        lanes = QTabWidget()
        lanes.addTab(self.departments, "Departments")
        lanes.addTab(self.stages, "Stages")
        self.docks = []
        for title, widget, area in (
            ("Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea),
            ("Findings", self.findings, Qt.DockWidgetArea.RightDockWidgetArea),
            ("Lanes and stages", lanes, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("History", self.history, Qt.DockWidgetArea.LeftDockWidgetArea),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock{title.replace(' ', '')}")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks.append(dock)
        self.tabifyDockWidget(self.docks[2], self.docks[3])
        self.docks[2].raise_()
        self._size_side_panels()
        self.resizeDocks([self.docks[0], self.docks[1]], [430, 430], Qt.Orientation.Vertical)

    def _size_side_panels(self) -> None:
        """Larger text needs wider panels to stay readable."""
        scale = self.metrics.scale
        self.resizeDocks(
            [self.docks[0], self.docks[2]],
            [round(340 * scale), round(230 * scale)],
            Qt.Orientation.Horizontal,
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
        self.scene.steps_moved.connect(self._steps_moved)
        self.view.create_requested.connect(self.begin_create)
        self.view.link_requested.connect(lambda a, b: editing.link_steps(self.session, a, b))
        self.view.rename_requested.connect(self.begin_rename)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z:.0%}"))

    # ------------------------------------------------------------- following
    def _on_changed(self, changeset: ChangeSet, origin: str) -> None:
        if origin == "reload":
            self.scene.set_journey(self.session.journey)
        else:
            self.scene.reconcile(changeset)
        self.scene.select_ids(self.session.selected_step_ids, self.session.selected_link_ids)
        self._update_title()

    def _scene_selection_changed(self) -> None:
        try:
            steps, links = self.scene.selected_step_ids(), self.scene.selected_link_ids()
        except RuntimeError:  # the scene is being torn down
            return
        self.session.set_selection(steps, links)

    def focus_items(self, step_ids, link_ids) -> None:
        self.scene.select_ids(step_ids, link_ids)
        self.view.reveal(self.scene.items_rect(step_ids, link_ids))

    def _steps_moved(self, moves: dict) -> None:
        if self.session.read_only or not editing.move_steps(self.session, self.scene.grid, moves):
            self.scene.rebuild()  # put the cards back where the map says they are

    # -------------------------------------------------------------- messages
    def show_error(self, sentence: str) -> None:
        self.show_notice(sentence, error=True)

    def show_notice(self, sentence: str, error: bool = False) -> None:
        color = "#b42318" if error else "#1f6fd1"
        background = "#fdecec" if error else "#e8f1fd"
        self.notice.setStyleSheet(
            f"QLabel {{ background: {background}; color: {color}; padding: 8px 12px; "
            "font-weight: bold; }"
        )
        self.notice.setText(sentence)
        self.notice.setVisible(True)
        self.statusBar().showMessage(sentence, 8000)
        self._notice_timer.start(8000)

    def _update_read_only(self, reason: str) -> None:
        read_only = self.session.read_only
        self.banner.setVisible(read_only)
        if read_only:
            self.banner.setText(
                f"Read-only: {self.session.document.read_only_reason}. "
                "Changes cannot be saved to this file — use File → Save a Copy… to keep working."
            )
            self.banner.setStyleSheet(
                "QLabel { background: #fff4e5; color: #8a4b00; padding: 10px 14px; "
                "font-weight: bold; border-bottom: 1px solid #f0c27a; }"
            )
        self.view.setInteractive(not read_only)
        for action in getattr(self, "edit_actions", []):
            action.setEnabled(not read_only)

    def _update_title(self) -> None:
        title = self.session.journey.info.title
        suffix = " [read-only]" if self.session.read_only else ""
        self.setWindowTitle(f"{title} — {self.session.document.path.name}{suffix} — Laneway")

    # --------------------------------------------------------------- creating
    def _card_rect_in_view(self, scene_x: float, scene_y: float) -> QRect:
        top_left = self.view.mapFromScene(scene_x, scene_y)
        bottom_right = self.view.mapFromScene(
            scene_x + self.metrics.card_width, scene_y + self.metrics.card_height * 0.45
        )
        return QRect(top_left, bottom_right).normalized()

    def begin_create(self, department_id, stage_id, scene_x: float, scene_y: float) -> None:
        """Double-click in a cell: type the new step's title right there."""
        if self.session.read_only:
            return
        cell = self.scene.grid.cell_rect(department_id, stage_id)
        scale = self.metrics.scale  # the map stores positions at 1×
        near = (
            (scene_x - cell.x - self.metrics.card_width / 2) / scale,
            (scene_y - cell.y - self.metrics.card_height / 2) / scale,
        )
        rect = self._card_rect_in_view(
            scene_x - self.metrics.card_width / 2, scene_y - self.metrics.card_height / 2
        )

        def commit(title: str) -> None:
            step_id = editing.add_step(
                self.session, department_id, stage_id, near, title, self.metrics
            )
            if step_id:
                self.focus_items([step_id], [])

        self._title_editor = TitleEditor(self.view.viewport(), rect, "", commit)

    def begin_rename(self, step_id: str) -> None:
        if self.session.read_only or step_id not in self.session.journey.steps:
            return
        item = self.scene.step_item(step_id)
        rect = self._card_rect_in_view(item.scenePos().x(), item.scenePos().y())
        self._title_editor = TitleEditor(
            self.view.viewport(),
            rect,
            self.session.journey.steps[step_id].title,
            lambda title: editing.rename_step(self.session, step_id, title),
        )

    def add_next(self, lane_below: bool = False) -> None:
        selected = sorted(self.session.selected_step_ids)
        if len(selected) != 1:
            self.show_notice("Select one step first; the new step follows it.")
            return
        new_id = editing.add_next_step(
            self.session, selected[0], lane_below=lane_below, metrics=self.metrics
        )
        if new_id:
            self.focus_items([new_id], [])
            self.begin_rename(new_id)

    # ------------------------------------------------------------- clipboard
    def copy_selection(self) -> bool:
        text = editing.copy_text(self.session, self.session.selected_step_ids)
        if text is None:
            return False
        from PySide6.QtCore import QMimeData

        data = QMimeData()
        data.setText(text)
        data.setData(CLIPBOARD_MIME, text.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            editing.delete(self.session, self.session.selected_step_ids)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        if mime.hasFormat(CLIPBOARD_MIME):
            text = bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8")
        else:
            text = mime.text()
        created = editing.paste_text(self.session, text)
        if created:
            self.focus_items(created, [])
        elif text.strip():
            self.show_notice("The clipboard holds no Laneway steps to paste.")

    def delete_selection(self) -> None:
        editing.delete(self.session, self.session.selected_step_ids, self.session.selected_link_ids)

    def tidy(self, selection_only: bool) -> None:
        steps = self.session.selected_step_ids if selection_only else None
        if selection_only and not steps:
            self.show_notice("Select the steps to tidy first.")
            return
        editing.tidy(self.session, steps)

    # ------------------------------------------------------------- appearance
    def apply_appearance(self) -> None:
        settings = self.controller.settings
        self.metrics = Metrics().scaled(settings.font_scale)
        self.scene.metrics = self.metrics
        self.scene.set_style(canvas_style(self.controller.dark, settings.font_scale))
        self._size_side_panels()

    def set_findings_visible(self, visible: bool) -> None:
        self.scene.set_findings_visible(visible)
        self.controller.settings.show_findings = visible
        self.controller.settings.save()

    def toggle_presentation(self) -> None:
        presenting = not self.isFullScreen()
        for dock in self.docks:
            dock.setVisible(not presenting)
        self.menuBar().setVisible(not presenting)
        self.toolbar.setVisible(not presenting)
        self.statusBar().setVisible(not presenting)
        self.view.keep_fitted = presenting
        self.view.setAlignment(
            Qt.AlignmentFlag.AlignCenter
            if presenting
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        if presenting:
            self.showFullScreen()
            self.view.fit_all()
        else:
            self.showNormal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.toggle_presentation()
            return
        super().keyPressEvent(event)

    def available_font_scales(self) -> tuple[float, ...]:
        return FONT_SCALES

    # ----------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self._poll.stop()
        if self._title_editor is not None and self._title_editor.active:
            self._title_editor.commit()
        self.controller.window_closed(self)
        self.scene.selectionChanged.disconnect(self._scene_selection_changed)
        self.session.close()
        super().closeEvent(event)
