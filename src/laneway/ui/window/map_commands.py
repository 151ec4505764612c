"""The File menu's commands on the open map: save a copy, take a snapshot, export, and
copy the map as an image. Each says what it did in the window's notice, or why not in
one sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from laneway.i18n import N_, _
from laneway.model import ModelError
from laneway.store import StoreError
from laneway.ui.dialogs.export_dialog import ExportDialog, copy_image_to_clipboard
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets import prompts

MAP_FILTER = N_("Laneway maps (*.laneway)")


class MapCommands:
    def __init__(self, parent: QWidget, session: MapSession, notify: Callable[[str], None]) -> None:
        self.parent = parent
        self.session = session
        self.notify = notify

    def save_copy(self) -> None:
        document = self.session.document
        suggestion = str(document.path.with_name(f"{document.path.stem} copy.laneway"))
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Save a copy"), suggestion, _(MAP_FILTER)
        )
        if not path:
            return
        try:
            saved = document.save_copy(Path(path).with_suffix(".laneway"))
        except (StoreError, OSError) as problem:
            prompts.show_error(self.parent, str(problem))
            return
        self.notify(_("Saved a copy as {name}.").format(name=saved.name))

    def take_snapshot(self) -> None:
        name, ok = QInputDialog.getText(self.parent, _("Take snapshot"), _("Name of the snapshot:"))
        if not ok or not name.strip():
            return
        try:
            info = self.session.document.take_snapshot(name.strip())
        except (StoreError, ModelError) as problem:
            prompts.show_error(self.parent, str(problem))
            return
        self.notify(
            _("Snapshot '{name}' taken; compare it in Map → Snapshots.").format(name=info.name)
        )

    def export(self, **shown: object) -> None:
        """``shown``: what the canvas shows that the export follows (persona, curve)."""
        selected = set(self.session.selected_step_ids)
        ExportDialog(self.parent, self.session.document, selected, **shown).exec()

    def copy_image(self, **shown: object) -> None:
        """``shown``: what the canvas shows that the picture follows (persona, curve)."""
        selected = set(self.session.selected_step_ids)
        copy_image_to_clipboard(self.session.document, selected, **shown)
        self.notify(_("Copied the map as an image."))
