"""Light and dark palettes for the widgets, and the matching canvas style."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from laneway.canvas import DARK, LIGHT, Style


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme and scheme() == Qt.ColorScheme.Dark)


class SystemSchemeWatcher(QObject):
    """Calls ``on_change(scheme)`` when the system switches between light and dark.

    ``QStyleHints.colorSchemeChanged`` (Qt 6.5); a QObject, so the connection ends with
    its owner instead of outliving it.
    """

    def __init__(self, on_change: Callable[[Qt.ColorScheme], None]) -> None:
        super().__init__()
        self._on_change = on_change
        self._hints = QGuiApplication.styleHints()
        self._following = hasattr(self._hints, "colorSchemeChanged")
        if self._following:
            self._hints.colorSchemeChanged.connect(self.changed)

    @Slot(Qt.ColorScheme)
    def changed(self, scheme: Qt.ColorScheme) -> None:
        self._on_change(scheme)

    def stop(self) -> None:
        if self._following:
            self._hints.colorSchemeChanged.disconnect(self.changed)
            self._following = False


def resolve_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return system_prefers_dark()


def canvas_style(dark: bool, font_scale: float) -> Style:
    return (DARK if dark else LIGHT).scaled(font_scale)


def apply_theme(app: QApplication, dark: bool, font_scale: float) -> None:
    app.setStyle("Fusion")
    app.setPalette(_widget_palette(dark))
    font = app.font()
    base = getattr(app, "_laneway_base_point_size", None)
    if base is None:
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        app._laneway_base_point_size = base  # type: ignore[attr-defined]
    font.setPointSizeF(base * font_scale)
    app.setFont(font)


R = QPalette.ColorRole
#: The widgets' colors, (light, dark) per role.
WIDGET_COLORS: dict[QPalette.ColorRole, tuple[str, str]] = {
    R.Window: ("#f3f4f6", "#1e2227"),
    R.WindowText: ("#1f2933", "#e6e9ed"),
    R.Base: ("#ffffff", "#16191d"),
    R.AlternateBase: ("#f6f7f9", "#22272d"),
    R.Text: ("#1f2933", "#e6e9ed"),
    R.Button: ("#eceff3", "#2a3038"),
    R.ButtonText: ("#1f2933", "#e6e9ed"),
    R.Highlight: ("#2f80ed", "#3d7fe0"),
    R.HighlightedText: ("#ffffff", "#ffffff"),
    R.ToolTipBase: ("#ffffff", "#2a3038"),
    R.ToolTipText: ("#1f2933", "#e6e9ed"),
    R.PlaceholderText: ("#7b8794", "#8d99a6"),
    R.Link: ("#1f6fd1", "#6cb2ff"),
}
#: Disabled text and button text, (light, dark).
DISABLED_TEXT = ("#9aa5b1", "#6b7785")


def _widget_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colors in WIDGET_COLORS.items():
        palette.setColor(role, QColor(colors[dark]))
    for role in (R.Text, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[dark]))
    return palette
