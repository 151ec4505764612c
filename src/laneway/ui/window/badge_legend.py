"""The status bar's badge legend: what the diamond, triangle and circle on cards mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from laneway.canvas.badges import describe_badges, paint_badge
from laneway.canvas.style import Style

ICON = 18


class BadgeLegend(QWidget):
    def __init__(self, style: Style, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badgeLegend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        self._icons: list[QLabel] = []
        for kind in describe_badges():
            icon = QLabel()
            icon.setObjectName(f"badge-{kind.severity}")
            self._icons.append(icon)
            text = QLabel(kind.word)
            for label in (icon, text):
                label.setToolTip(kind.legend)
            layout.addWidget(icon)
            layout.addWidget(text)
            layout.addSpacing(6)
        self.setToolTip("\n".join(kind.legend for kind in describe_badges()))
        self.set_style(style)

    def set_style(self, style: Style) -> None:
        """Draw the icons in the canvas's colours (light or dark)."""
        ratio = self.devicePixelRatioF() or 1.0
        for icon, kind in zip(self._icons, describe_badges(), strict=True):
            pixmap = QPixmap(int(ICON * ratio), int(ICON * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_badge(painter, style, kind.severity, QPointF(ICON / 2, ICON / 2), 7.5, "")
            painter.end()
            icon.setPixmap(pixmap)

    def legend_lines(self) -> list[str]:
        return [kind.legend for kind in describe_badges()]
