"""AppController: the open maps, the start screen, the files, the shared settings.

One window per map file: opening a map that is already open raises its window.
Every file problem reaches the user as the store's or reader's one sentence. The
controller is every window's ``WindowHost``; the windows never see more of it. It also
takes the maps a second launch hands over (``single_instance``), remembers the window
layout (``window_state``) and follows the system's light/dark switch.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from laneway.document import Document
from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.model import JourneyMap, ModelError
from laneway.operations.creating import create_map_file, new_journey, read_import
from laneway.operations.placing import place_unplaced_in
from laneway.store import StoreError
from laneway.ui.app import memory, window_state
from laneway.ui.app.icon import install_app_icon
from laneway.ui.app.language import install_language
from laneway.ui.app.settings import Settings
from laneway.ui.app.single_instance import OpenRequest
from laneway.ui.app.themes import SystemSchemeWatcher, apply_theme, canvas_style, resolve_dark
from laneway.ui.dialogs.import_summary import ImportSummaryDialog, import_summary_sentence
from laneway.ui.dialogs.template_gallery import TemplateGallery
from laneway.ui.editing.session import MapSession
from laneway.ui.window.host import Appearance
from laneway.ui.window.main_window import MainWindow
from laneway.ui.window.map_commands import MAP_FILTER

IMPORT_FILTER = N_("Journeys (*.json *.csv *.bpmn *.xml *.mmd *.mermaid *.md);;All files (*)")


class AppController:
    def __init__(self, app: QApplication, settings: Settings | None = None) -> None:
        self.app = app
        self.settings = settings or Settings.load()
        install_language(app, self.settings.language)
        self.dark = resolve_dark(self.settings.theme)
        apply_theme(app, self.dark, self.settings.font_scale)
        install_app_icon(app)
        self.windows: dict[Path, MainWindow] = {}
        self.start_screen: QWidget | None = None
        #: Live-session joins under way from the start screen (kept alive until done).
        self._joins: list = []
        #: Browse for sessions with mDNS (tests turn it off: they never start mDNS).
        self.live_discovery = os.environ.get("LANEWAY_NO_DISCOVERY") != "1"
        self._temporary: list[tempfile.TemporaryDirectory] = []
        self.scheme_watcher = SystemSchemeWatcher(self.system_scheme_changed)

    # ---------------------------------------------------------------- windows
    def open_path(self, path: Path, parent: QWidget | None = None) -> MainWindow | None:
        try:
            key = Path(path).resolve()
        except (OSError, RuntimeError):  # a symlink loop: Document.open says so
            key = Path(path).absolute()
        if key in self.windows:
            window = self.windows[key]
            window.show()
            window.raise_()
            window.activateWindow()
            return window
        try:
            document = Document.open(key)
        except (StoreError, OSError) as problem:
            self.show_error(parent, str(problem))
            return None
        place_unplaced_in(document)
        return self.open_document(document)

    def open_document(self, document: Document) -> MainWindow:
        """A window on a document already open (a live session's new copy)."""
        key = document.path.resolve()
        window = MainWindow(MapSession(document), self, self.appearance())
        memory.tie_to_window(window, window.session, window.scene)
        window_state.restore(window, self.settings)
        self.windows[key] = window
        self.settings.add_recent(key)
        window.show()
        for notice in document.store.notices:  # a journal set aside, a recovery…
            window.show_notice(notice)
        self._close_start_screen()
        memory.settle()
        return window

    def handle_request(self, request: OpenRequest, raise_window: bool = True) -> None:
        """Open what a launch asks for: its maps, the demo, or else the start screen."""
        opened = [self.open_demo()] if request.demo else []
        opened += [self.open_path(Path(path)) for path in request.paths]
        shown = [window for window in opened if window is not None]
        if not shown:
            shown = [self.start_screen or self.show_start_screen()]
        if raise_window:
            front = shown[-1]
            front.setWindowState(front.windowState() & ~Qt.WindowState.WindowMinimized)
            front.show()
            front.raise_()
            front.activateWindow()

    def window_closed(self, window: QWidget) -> None:
        if isinstance(window, MainWindow):
            window_state.remember(window, self.settings)
        for key, open_window in list(self.windows.items()):
            if open_window is window:
                del self.windows[key]
        QTimer.singleShot(0, memory.settle)  # once the window is gone

    def show_start_screen(self) -> QWidget:
        from laneway.ui.app.start_screen import StartScreen

        screen = StartScreen(self.recent_paths())
        screen.open_requested.connect(lambda p: self.open_path(p, screen))
        screen.new_requested.connect(lambda name: self.new_map(name, screen))
        screen.open_dialog_requested.connect(lambda: self.open_dialog(screen))
        screen.import_requested.connect(lambda: self.import_dialog(screen))
        screen.join_requested.connect(lambda: self.join_dialog(screen))
        screen.forget_recent.connect(self.settings.forget_recent)
        screen.show()
        self.start_screen = screen
        return screen

    def _close_start_screen(self) -> None:
        if self.start_screen is not None:
            self.start_screen.close()
            self.start_screen = None

    def quit(self) -> None:
        for window in list(self.windows.values()):
            window.close()
        self._close_start_screen()
        self.shutdown()
        self.app.quit()

    def shutdown(self) -> None:
        """Stop following the system's theme (an app, or a test, that makes another)."""
        self.scheme_watcher.stop()

    # ----------------------------------------------------------------- files
    def recent_paths(self) -> list[Path]:
        return [Path(text) for text in self.settings.recent]

    def open_dialog(self, parent: QWidget | None) -> None:
        path, _filter = QFileDialog.getOpenFileName(parent, _("Open map"), "", _(MAP_FILTER))
        if path:
            self.open_path(Path(path), parent)

    def new_map_dialog(self, parent: QWidget | None) -> None:
        gallery = TemplateGallery(parent)
        if gallery.exec():
            title, description = gallery.properties()
            self.new_map(gallery.chosen(), parent, title, description)

    def new_map(
        self,
        template: str | None,
        parent: QWidget | None,
        title: str | None = None,
        description: str = "",
    ) -> MainWindow | None:
        journey = new_journey(template, title)
        if description:
            journey.set_info(description=description)
        suggestion = f"{journey.info.title}.laneway"
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Create map"), suggestion, _(MAP_FILTER)
        )
        if not path:
            return None
        return self._create_and_open(Path(path).with_suffix(".laneway"), journey, parent)

    def _create_and_open(
        self, path: Path, journey: JourneyMap, parent: QWidget | None
    ) -> MainWindow | None:
        return self.open_path(path, parent) if self._create(path, journey, parent) else None

    def _create(self, path: Path, journey: JourneyMap, parent: QWidget | None) -> bool:
        """Write a new map file; False (after telling the user why) when it cannot be."""
        if path.resolve() in self.windows:
            self.show_error(
                parent, _("{name}: is open; close it before replacing it.").format(name=path.name)
            )
            return False
        try:
            create_map_file(path, journey, overwrite=True)
        except (StoreError, ModelError, OSError) as problem:
            self.show_error(parent, str(problem))
            return False
        return True

    def open_demo(self) -> MainWindow | None:
        folder = tempfile.TemporaryDirectory(prefix="laneway-demo-")
        self._temporary.append(folder)
        journey = new_journey("b2b")
        return self._create_and_open(Path(folder.name) / "B2B demo.laneway", journey, None)

    def join_dialog(self, parent: QWidget | None) -> None:
        """Join a live session from no map at all (the start screen)."""
        from laneway.sync import extra
        from laneway.ui.window import live_commands

        if not extra.available():
            self.show_error(parent, _(live_commands.MISSING))
            return
        folder = Path.home() / "Documents"
        dialog = live_commands.join_dialog_for(
            parent, discovery=self.live_discovery, folder=folder if folder.is_dir() else Path.home()
        )
        accepted = dialog.exec()
        if dialog.browser is not None:
            dialog.browser.close()
        if accepted and dialog.request is not None:
            self._joins.append(live_commands.begin_join(
                dialog.request, self, lambda sentence: self.show_error(parent, sentence)
            ))  # fmt: skip

    def import_dialog(self, parent: QWidget | None) -> MainWindow | None:
        source, _filter = QFileDialog.getOpenFileName(
            parent, _("Import a journey"), "", _(IMPORT_FILTER)
        )
        if not source:
            return None
        return self.import_path(Path(source), parent)

    def import_path(self, source: Path, parent: QWidget | None) -> MainWindow | None:
        try:
            result = read_import(source)
        except (InputError, OSError) as problem:
            self.show_error(parent, str(problem))
            return None
        suggestion = str(source.with_suffix(".laneway"))
        target, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the imported map"), suggestion, _(MAP_FILTER)
        )
        if not target:
            return None
        target_path = Path(target).with_suffix(".laneway")
        if not self._create(target_path, result.journey, parent):
            return None
        if result.skipped:
            # What was left out deserves a read before the map opens.
            ImportSummaryDialog(parent, source, result, target_path).exec()
        window = self.open_path(target_path, parent)
        if window is not None:
            window.show_notice(import_summary_sentence(source, result))
        return window

    # ------------------------------------------------------------ appearance
    def appearance(self) -> Appearance:
        s = self.settings
        return Appearance(
            canvas_style(self.dark, s.font_scale),
            s.theme,
            s.font_scale,
            s.show_findings,
            s.emotion_curve,
            s.language,
        )

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.settings.save()
        self._apply_appearance()

    def set_font_scale(self, scale: float) -> None:
        self.settings.font_scale = scale
        self.settings.save()
        self._apply_appearance()

    def set_language(self, language: str) -> None:
        """Remember View → Language; the windows speak it from the next start."""
        self.settings.language = language
        self.settings.save()
        for window in self.windows.values():
            window.show_notice(_("Laneway speaks the language chosen from its next start."))

    def set_findings_shown(self, shown: bool) -> None:
        self.settings.show_findings = shown
        self.settings.save()

    def preference(self, name: str) -> object:
        """A remembered choice of the user (``Settings`` field), e.g. ``note_author``."""
        return getattr(self.settings, name)

    def set_preference(self, name: str, value: object) -> None:
        if getattr(self.settings, name) != value:
            setattr(self.settings, name, value)
            self.settings.save()

    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system switched between light and dark: follow it when the theme is System."""
        if self.settings.theme != "system" or scheme == Qt.ColorScheme.Unknown:
            return
        dark = scheme == Qt.ColorScheme.Dark
        if dark != self.dark:
            self._apply_appearance(dark)

    def _apply_appearance(self, dark: bool | None = None) -> None:
        self.dark = resolve_dark(self.settings.theme) if dark is None else dark
        apply_theme(self.app, self.dark, self.settings.font_scale)
        appearance = self.appearance()
        for window in self.windows.values():
            window.apply_appearance(appearance)

    # -------------------------------------------------------------- messages
    def show_error(self, parent: QWidget | None, sentence: str) -> None:
        QMessageBox.warning(parent, "Laneway", sentence)
