"""AppController: the open maps, the start screen, and the file commands.

One window per map file: opening a map that is already open raises its window.
Every file problem reaches the user as the store's or reader's one sentence.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from laneway import __version__
from laneway.document import Document
from laneway.io.errors import InputError
from laneway.io.templates import load_template
from laneway.layout import tidy_positions
from laneway.model import JourneyMap, MapInfo, ModelError
from laneway.store import StoreError
from laneway.ui import memory
from laneway.ui.session import MapSession
from laneway.ui.settings import Settings
from laneway.ui.themes import apply_theme, resolve_dark

MAP_FILTER = "Laneway maps (*.laneway)"
IMPORT_FILTER = "Journeys (*.json *.csv *.bpmn *.xml *.mmd *.mermaid *.md);;All files (*)"


class AppController:
    def __init__(self, app: QApplication, settings: Settings | None = None) -> None:
        self.app = app
        self.settings = settings or Settings.load()
        self.dark = resolve_dark(self.settings.theme)
        apply_theme(app, self.dark, self.settings.font_scale)
        self.windows: dict[Path, QWidget] = {}
        self.start_screen: QWidget | None = None
        self._temporary: list[tempfile.TemporaryDirectory] = []

    # ---------------------------------------------------------------- windows
    def open_path(self, path: Path, parent: QWidget | None = None) -> QWidget | None:
        from laneway.ui.main_window import MainWindow

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
        _place_unplaced(document)
        window = MainWindow(MapSession(document), self)
        self.windows[key] = window
        self.settings.add_recent(key)
        window.show()
        for notice in document.store.notices:  # a journal set aside, a recovery…
            window.show_notice(notice)
        self._close_start_screen()
        memory.settle()
        return window

    def window_closed(self, window: QWidget) -> None:
        for key, open_window in list(self.windows.items()):
            if open_window is window:
                del self.windows[key]
        QTimer.singleShot(0, memory.settle)  # once the window is gone

    def show_start_screen(self) -> QWidget:
        from laneway.ui.start_screen import StartScreen

        screen = StartScreen([Path(p) for p in self.settings.recent])
        screen.open_requested.connect(lambda p: self.open_path(p, screen))
        screen.new_requested.connect(lambda name: self.new_map(name, screen))
        screen.open_dialog_requested.connect(lambda: self.open_dialog(screen))
        screen.import_requested.connect(lambda: self.import_dialog(screen))
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
        self.app.quit()

    # ----------------------------------------------------------------- files
    def open_dialog(self, parent: QWidget | None) -> None:
        path, _ = QFileDialog.getOpenFileName(parent, "Open map", "", MAP_FILTER)
        if path:
            self.open_path(Path(path), parent)

    def new_map_dialog(self, parent: QWidget | None) -> None:
        from laneway.ui.start_screen import TemplateGallery

        gallery = TemplateGallery(parent)
        if gallery.exec():
            self.new_map(gallery.chosen(), parent)

    def new_map(self, template: str | None, parent: QWidget | None) -> QWidget | None:
        journey = load_template(template) if template else JourneyMap(MapInfo("Untitled journey"))
        suggestion = f"{journey.info.title}.laneway"
        path, _ = QFileDialog.getSaveFileName(parent, "Create map", suggestion, MAP_FILTER)
        if not path:
            return None
        return self._create_and_open(Path(path).with_suffix(".laneway"), journey, parent)

    def _create_and_open(
        self, path: Path, journey: JourneyMap, parent: QWidget | None
    ) -> QWidget | None:
        return self.open_path(path, parent) if self._create(path, journey, parent) else None

    def _create(self, path: Path, journey: JourneyMap, parent: QWidget | None) -> bool:
        """Write a new map file; False (after telling the user why) when it cannot be."""
        if path.resolve() in self.windows:
            self.show_error(parent, f"{path.name}: is open; close it before replacing it.")
            return False
        try:
            Document.create(path, journey, overwrite=True).close()
        except (StoreError, ModelError, OSError) as problem:
            self.show_error(parent, str(problem))
            return False
        return True

    def open_demo(self) -> QWidget | None:
        folder = tempfile.TemporaryDirectory(prefix="laneway-demo-")
        self._temporary.append(folder)
        journey = load_template("b2b")
        return self._create_and_open(Path(folder.name) / "B2B demo.laneway", journey, None)

    def import_dialog(self, parent: QWidget | None) -> QWidget | None:
        source, _ = QFileDialog.getOpenFileName(parent, "Import a journey", "", IMPORT_FILTER)
        if not source:
            return None
        return self.import_path(Path(source), parent)

    def import_path(self, source: Path, parent: QWidget | None) -> QWidget | None:
        from laneway.io.formats import import_file

        try:
            result = import_file(source)
        except (InputError, OSError) as problem:
            self.show_error(parent, str(problem))
            return None
        suggestion = str(source.with_suffix(".laneway"))
        target, _ = QFileDialog.getSaveFileName(
            parent, "Save the imported map", suggestion, MAP_FILTER
        )
        if not target:
            return None
        from laneway.ui.import_dialog import ImportSummaryDialog, import_summary_sentence

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

    def save_copy_dialog(self, window) -> None:
        document = window.session.document
        suggestion = str(document.path.with_name(f"{document.path.stem} copy.laneway"))
        path, _ = QFileDialog.getSaveFileName(window, "Save a copy", suggestion, MAP_FILTER)
        if not path:
            return
        try:
            saved = document.save_copy(Path(path).with_suffix(".laneway"))
        except (StoreError, OSError) as problem:
            self.show_error(window, str(problem))
            return
        window.show_notice(f"Saved a copy as {saved.name}.")

    def snapshot_dialog(self, window) -> None:
        name, ok = QInputDialog.getText(window, "Take snapshot", "Name of the snapshot:")
        if not ok or not name.strip():
            return
        try:
            info = window.session.document.take_snapshot(name.strip())
        except (StoreError, ModelError) as problem:
            self.show_error(window, str(problem))
            return
        window.show_notice(f"Snapshot '{info.name}' taken; compare later with laneway diff.")

    def export_dialog(self, window) -> None:
        from laneway.ui.export_dialog import ExportDialog

        ExportDialog(window, window.session.document, set(window.session.selected_step_ids)).exec()

    def copy_image(self, window) -> None:
        from laneway.ui.export_dialog import copy_image_to_clipboard

        copy_image_to_clipboard(window.session.document, set(window.session.selected_step_ids))
        window.show_notice("Copied the map as an image.")

    def fill_recent_menu(self, menu) -> None:
        menu.clear()
        for text in self.settings.recent:
            path = Path(text)
            action = menu.addAction(f"{path.stem}  —  {path.parent}")
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not self.settings.recent:
            menu.addAction("No recent maps").setEnabled(False)

    # ------------------------------------------------------------ appearance
    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.settings.save()
        self._apply_appearance()

    def set_font_scale(self, scale: float) -> None:
        self.settings.font_scale = scale
        self.settings.save()
        self._apply_appearance()

    def _apply_appearance(self) -> None:
        self.dark = resolve_dark(self.settings.theme)
        apply_theme(self.app, self.dark, self.settings.font_scale)
        for window in self.windows.values():
            window.apply_appearance()

    # -------------------------------------------------------------- messages
    def show_error(self, parent: QWidget | None, sentence: str) -> None:
        QMessageBox.warning(parent, "Laneway", sentence)

    def about(self, parent: QWidget | None) -> None:
        QMessageBox.about(
            parent,
            "About Laneway",
            f"Laneway {__version__}\n\nMap the customer's journey across departments and "
            "see, live, the steps nobody owns and the handoffs nobody agreed on.",
        )


def _place_unplaced(document: Document) -> None:
    """Give steps without a position (made elsewhere) their tidy place, once, in the file.

    Done before the undo history starts: it is how the map is first shown, not an edit
    the facilitator made.
    """
    if document.read_only:
        return
    unplaced = {s.id for s in document.journey.steps.values() if s.x is None or s.y is None}
    if not unplaced:
        return
    try:
        with document.edit("Place steps"):
            positions = tidy_positions(document.journey, unplaced)
            for step_id in [s for s in document.journey.steps if s in unplaced]:
                x, y = positions[step_id]
                document.journey.update_step(step_id, x=x, y=y)
    except StoreError:
        pass  # the document is now read-only and says why; the canvas places them itself
