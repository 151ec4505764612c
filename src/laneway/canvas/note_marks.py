"""Small note markers on the cards and arrows that have open notes (SPEC §7).

One item above the cards draws them all: a folded-corner note at a card's top-right
corner or at an arrow's middle, holding the number of open notes there (on the canvas)
or their numbers in the exported notes list ("1, 3"). Like the marks layer it changes
nothing in the scene and is re-placed after every change of the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from laneway.canvas.style import Style
from laneway.canvas.text import make_font

NOTE_MARKS_Z = 28.0
NOTE_FILL = "#ffd84d"
NOTE_INK = "#4a3b00"


@dataclass(frozen=True)
class NoteMarker:
    #: ("step", id) or ("link", id): what the notes are on.
    target: tuple[str, str]
    #: Where the marker's centre is, in scene units.
    at: tuple[float, float]
    #: The count of open notes (canvas) or their numbers (export): "2", "1, 3".
    text: str


class NoteMarks(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(NOTE_MARKS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._markers: list[NoteMarker] = []
        self._boxes: list[QRectF] = []
        self._rect = QRectF()
        self._style: Style | None = None

    @property
    def markers(self) -> list[NoteMarker]:
        return list(self._markers)

    def set_markers(self, markers: list[NoteMarker], style: Style) -> None:
        self.prepareGeometryChange()
        self._markers, self._style = list(markers), style
        font = make_font(style.font_family, style.pt(7.5), bold=True)
        metrics = QFontMetricsF(font)
        height = 16 * style.font_scale
        self._boxes = []
        for marker in self._markers:
            width = max(height, metrics.horizontalAdvance(marker.text) + 10 * style.font_scale)
            x, y = marker.at
            self._boxes.append(QRectF(x - width / 2, y - height / 2, width, height))
        rect = QRectF()
        for box in self._boxes:
            rect = rect.united(box)
        self._rect = rect
        self.update()

    def marker_rect(self, target: tuple[str, str]) -> QRectF | None:
        for marker, box in zip(self._markers, self._boxes, strict=True):
            if marker.target == target:
                return box
        return None

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        style = self._style
        if style is None:
            return
        font = make_font(style.font_family, style.pt(7.5), bold=True)
        painter.setFont(font)
        fold = 5 * style.font_scale
        for marker, box in zip(self._markers, self._boxes, strict=True):
            path = QPainterPath(box.topLeft())
            path.lineTo(box.right() - fold, box.top())
            path.lineTo(box.right(), box.top() + fold)
            path.lineTo(box.bottomRight())
            path.lineTo(box.bottomLeft())
            path.closeSubpath()
            painter.setPen(QPen(QColor(NOTE_INK), 1))
            painter.setBrush(QColor(NOTE_FILL))
            painter.drawPath(path)
            painter.setPen(QColor(NOTE_INK))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, marker.text)
