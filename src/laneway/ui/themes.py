"""Light and dark palettes for the widgets, and the matching canvas style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from laneway.canvas import DARK, LIGHT, Style


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme and scheme() == Qt.ColorScheme.Dark)


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
    app.setPalette(_dark_palette() if dark else _light_palette())
    font = app.font()
    base = getattr(app, "_laneway_base_point_size", None)
    if base is None:
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        app._laneway_base_point_size = base  # type: ignore[attr-defined]
    font.setPointSizeF(base * font_scale)
    app.setFont(font)


def _palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    return palette


def _light_palette() -> QPalette:
    R = QPalette.ColorRole
    palette = _palette(
        {
            R.Window: "#f3f4f6",
            R.WindowText: "#1f2933",
            R.Base: "#ffffff",
            R.AlternateBase: "#f6f7f9",
            R.Text: "#1f2933",
            R.Button: "#eceff3",
            R.ButtonText: "#1f2933",
            R.Highlight: "#2f80ed",
            R.HighlightedText: "#ffffff",
            R.ToolTipBase: "#ffffff",
            R.ToolTipText: "#1f2933",
            R.PlaceholderText: "#7b8794",
            R.Link: "#1f6fd1",
        }
    )
    palette.setColor(QPalette.ColorGroup.Disabled, R.Text, QColor("#9aa5b1"))
    palette.setColor(QPalette.ColorGroup.Disabled, R.ButtonText, QColor("#9aa5b1"))
    return palette


def _dark_palette() -> QPalette:
    R = QPalette.ColorRole
    palette = _palette(
        {
            R.Window: "#1e2227",
            R.WindowText: "#e6e9ed",
            R.Base: "#16191d",
            R.AlternateBase: "#22272d",
            R.Text: "#e6e9ed",
            R.Button: "#2a3038",
            R.ButtonText: "#e6e9ed",
            R.Highlight: "#3d7fe0",
            R.HighlightedText: "#ffffff",
            R.ToolTipBase: "#2a3038",
            R.ToolTipText: "#e6e9ed",
            R.PlaceholderText: "#8d99a6",
            R.Link: "#6cb2ff",
        }
    )
    palette.setColor(QPalette.ColorGroup.Disabled, R.Text, QColor("#6b7785"))
    palette.setColor(QPalette.ColorGroup.Disabled, R.ButtonText, QColor("#6b7785"))
    return palette
