"""macOS's "open this document" (a map double-clicked in Finder, dropped on the Dock icon).

macOS does not pass the file on the command line: it sends the application a
``QFileOpenEvent``, also before the first window exists. An event filter on the
application object hands each one to the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class FileOpenFilter(QObject):
    """Turns the application's file-open events into calls of ``open_file(path)``."""

    def __init__(self, open_file: Callable[[Path], object], parent: QObject | None = None):
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._open_file(Path(path))
                return True
        return super().eventFilter(watched, event)


def install_file_open_handler(
    app: QApplication, open_file: Callable[[Path], object]
) -> FileOpenFilter:
    """Install the filter on ``app``; keep the returned object (or remove it) yourself."""
    handler = FileOpenFilter(open_file, app)
    app.installEventFilter(handler)
    return handler
