"""The window's tools around the map: find, print, snapshots and comparison, the map's
properties, the Steps list and the key map — built here and docked by the window, so
the window itself stays about the canvas and its panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from laneway.i18n import N_
from laneway.ui.dialogs.map_properties import MapPropertiesDialog
from laneway.ui.dialogs.print_preview import PrintPreview, print_options
from laneway.ui.dialogs.shortcuts import ShortcutsDialog
from laneway.ui.editing.map_info import set_map_properties
from laneway.ui.panels.comparison import ComparisonPanel
from laneway.ui.panels.steps_list import StepsList
from laneway.ui.window.actions import key_map
from laneway.ui.window.search_bar import SearchBar
from laneway.ui.window.snapshot_commands import SnapshotCommands


class SessionTools:
    def __init__(self, window: QMainWindow) -> None:
        """``window`` is the map's MainWindow (not imported: it imports this module)."""
        self.window = window
        session = window.session
        self.search = SearchBar(session, window.scene, window.view.reveal)
        self.search.closed.connect(lambda: window.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.comparison = ComparisonPanel(session, window.scene)
        self.steps = StepsList(session)
        self.snapshots = SnapshotCommands(
            window, session, window.host, self.comparison, self._show_comparison,
            window.show_notice,
        )  # fmt: skip
        self.comparison_dock: QDockWidget | None = None
        self.offer = self.snapshots.offer_bar() if self.snapshots.offer_needed() else None
        #: The last dialog opened (tests read it; modal dialogs are gone once closed).
        self.last_dialog = None

    def dock(self) -> None:
        """Dock the Steps list with the lanes, and the (hidden) comparison on the right."""
        window = self.window
        steps_dock = window.add_dock(N_("Steps"), self.steps, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.tabifyDockWidget(window.docks[2], steps_dock)
        window.docks[2].raise_()
        dock = window.add_dock(
            N_("Comparison"), self.comparison, Qt.DockWidgetArea.RightDockWidgetArea
        )
        dock.hide()
        self.comparison_dock = dock
        self.comparison.dismissed.connect(dock.hide)

    def _show_comparison(self) -> None:
        if self.comparison_dock is not None:
            self.comparison_dock.show()
            self.comparison_dock.raise_()

    def commands(self) -> dict[str, object]:
        return {
            "find": self.search.open,
            "find_next": self.search.next,
            "find_previous": self.search.previous,
            "print": self.print_preview,
            "snapshot": self.window.map_commands.take_snapshot,
            "snapshots": self.snapshots.open_list,
            "properties": self.edit_properties,
            "shortcuts": self.show_shortcuts,
        }

    def follow_map(self) -> None:
        """After the canvas followed a change: the marks follow it too."""
        self.search.follow_map()
        self.comparison.layer.refresh()

    def escape(self) -> None:
        if self.search.isVisible():
            self.search.close_bar()

    # ----------------------------------------------------------------- dialogs
    def print_preview(self) -> PrintPreview:
        window = self.window
        options = print_options(findings=window.scene.findings_visible)
        dialog = self.last_dialog = PrintPreview(window, window.session.journey, options)
        dialog.exec()
        return dialog

    def edit_properties(self) -> MapPropertiesDialog:
        info = self.window.session.journey.info
        dialog = self.last_dialog = MapPropertiesDialog(self.window, info.title, info.description)
        if dialog.exec():
            set_map_properties(self.window.session, *dialog.values())
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = self.last_dialog = ShortcutsDialog(
            self.window, key_map(self.window.chrome.actions)
        )
        dialog.exec()
        return dialog
