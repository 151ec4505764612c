"""What a map window needs from the app around it: a narrow interface, not the controller.

The window is told its appearance (a value, again after every change) and asks its host
to open, create, import and close maps and to change the settings the whole app shares.
``AppController`` is the host of every window; a test may pass any object that has
these methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from laneway.canvas import Style
from laneway.i18n import N_

#: The themes the View menu offers: (setting, menu text).
THEMES: tuple[tuple[str, str], ...] = (
    ("system", N_("Follow the System")),
    ("light", N_("Light")),
    ("dark", N_("Dark")),
)
#: The text sizes the View menu offers: (scale, menu text).
TEXT_SIZES: tuple[tuple[float, str], ...] = (
    (1.0, N_("Normal")),
    (1.25, N_("Large (projector)")),
    (1.5, N_("Extra large")),
)


@dataclass(frozen=True)
class Appearance:
    """How every window looks now: the canvas style and the settings behind it."""

    style: Style
    theme: str
    font_scale: float
    show_findings: bool
    #: View → Emotion Curve, as last chosen.
    emotion_curve: bool = False
    #: View → Language: "system", "en", "de" or "fr".
    language: str = "system"


class WindowHost(Protocol):
    def open_path(self, path: Path, parent: QWidget | None = None) -> QWidget | None: ...

    def open_document(self, document) -> QWidget: ...

    def open_dialog(self, parent: QWidget | None) -> None: ...

    def new_map_dialog(self, parent: QWidget | None) -> None: ...

    def import_dialog(self, parent: QWidget | None) -> QWidget | None: ...

    def recent_paths(self) -> list[Path]: ...

    def set_theme(self, theme: str) -> None: ...

    def set_font_scale(self, scale: float) -> None: ...

    def set_findings_shown(self, shown: bool) -> None: ...

    def preference(self, name: str) -> object: ...

    def set_preference(self, name: str, value: object) -> None: ...

    def set_language(self, language: str) -> None: ...

    def window_closed(self, window: QWidget) -> None: ...

    def quit(self) -> None: ...
