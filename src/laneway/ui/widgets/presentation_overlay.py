"""What presentation mode keeps on screen around the map: a band at the top with the
map's title, its coverage and where the walk is; a band at the bottom with the legend
and the keys; during the findings walk, the finding's sentence, large, over the map.

Every size follows the screen's height (and the text size setting), so the bands read
from the back of the room on any projector. The widget covers the whole view and lets
the mouse through; ``band_heights`` tells the view how much room the bands take.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from laneway.canvas.badges import paint_badge
from laneway.canvas.style import LIGHT, Style, text_color_on
from laneway.i18n import N_, _
from laneway.ui.widgets.accessible import describe

#: Band heights and text sizes, as shares of the screen's height (text at the Normal size;
#: at most ``MAX_TEXT_SCALE`` times that, which the bands still hold).
TOP_BAND, BOTTOM_BAND = 0.076, 0.042
TITLE_TEXT, FIGURE_TEXT, SENTENCE_TEXT, LEGEND_TEXT = 0.03, 0.02, 0.034, 0.018
MAX_TEXT_SCALE = 1.25
#: A finding's sentence takes at most this many lines, shrinking to this share at most.
SENTENCE_LINES, SMALLEST_SENTENCE = 3, 0.02
#: What separates the keys of the hint (the ones that do not fit are left out, last first).
HINT_SEPARATOR = "   "
#: Legend rows: (kind, words).
LEGEND = (
    ("error", N_("error")),  # the badges' shapes, as on the canvas
    ("warning", N_("warning")),
    ("info", N_("note")),
    ("handoff", N_("handoff")),
    ("gap", N_("gap: nobody agreed")),
    ("unassigned", N_("nobody owns")),
)


@dataclass(frozen=True)
class Caption:
    """The sentence shown over the map: a finding's, with its severity and place."""

    severity: str
    sentence: str
    where: str


class PresentationOverlay(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentationOverlay")
        describe(self, _("Presentation bands"), _("The map's title, coverage and legend"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.style_ = LIGHT
        self.font_scale = 1.0
        self.title = ""
        #: (text, complete) pairs: an incomplete figure is drawn in the alarm colour.
        self.figures: list[tuple[str, bool]] = []
        self.position = ""
        self.hint = ""
        self.caption: Caption | None = None
        self.show_findings = True

    # ------------------------------------------------------------------ data
    def set_style(self, style: Style, font_scale: float) -> None:
        self.style_, self.font_scale = style, font_scale
        self.update()

    def set_header(self, title: str, figures: list[tuple[str, bool]], position: str) -> None:
        self.title, self.figures, self.position = title, figures, position
        self._describe()

    def set_caption(self, caption: Caption | None) -> None:
        self.caption = caption
        self._describe()

    def _describe(self) -> None:
        """A screen reader reads what the room sees: title, place, figures, sentence."""
        parts = [self.title, self.position, *(text for text, _complete in self.figures)]
        if self.caption is not None:
            parts += [self.caption.where, self.caption.sentence]
        self.setAccessibleDescription(". ".join(p for p in parts if p))
        self.update()

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self.update()

    def set_findings_shown(self, shown: bool) -> None:
        self.show_findings = shown
        self.update()

    def band_heights(self, height: int) -> tuple[int, int]:
        """(top, bottom) pixels the bands take on a view ``height`` pixels tall.

        The same at every text size: larger text fills the bands more, it does not
        take room from the map (the projector size must not make the map smaller)."""
        return round(height * TOP_BAND), round(height * BOTTOM_BAND)

    def caption_rect(self) -> QRectF:
        """Where the sentence panel is drawn (empty when there is none)."""
        if self.caption is None:
            return QRectF()
        _top, bottom = self.band_heights(self.height())
        width = self.width() * 0.86
        font, lines = self._sentence_font(width - 3 * self._pad())
        where = QFontMetricsF(self._font(FIGURE_TEXT, True, False)).lineSpacing() * 1.1
        height = QFontMetricsF(font).lineSpacing() * (lines + 0.3) + where + 2 * self._pad()
        left = (self.width() - width) / 2
        return QRectF(left, self.height() - bottom - height - self._pad(), width, height)

    def _sentence_font(self, width: float) -> tuple[QFont, int]:
        """The largest sentence size at which it takes at most ``SENTENCE_LINES`` lines
        (a long one, such as a handoff chain, gets smaller text, not half the screen)."""
        assert self.caption is not None
        share = SENTENCE_TEXT
        while True:
            font = self._font(share, bold=True, scaled=False)
            lines = _wrapped_count(self.caption.sentence, font, width)
            if lines <= SENTENCE_LINES or share <= SMALLEST_SENTENCE:
                return font, lines
            share = max(SMALLEST_SENTENCE, share * 0.9)

    # --------------------------------------------------------------- drawing
    def _unit(self) -> float:
        return self.height() * min(self.font_scale, MAX_TEXT_SCALE)

    def _pad(self) -> float:
        return self.height() * 0.012

    def _font(self, share: float, bold: bool = False, scaled: bool = True) -> QFont:
        """A font ``share`` of the screen's height; ``scaled``: times the text size.

        The sentence panel is not scaled: it is large at every size already, and a
        larger panel would leave less room for the finding it is about."""
        font = QFont(self.style_.font_family)
        unit = self._unit() if scaled else self.height()
        font.setPixelSize(max(8, round(unit * share)))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top, bottom = self.band_heights(self.height())
        s = self.style_
        painter.fillRect(QRectF(0, 0, self.width(), top), QColor(s.header_fill))
        painter.fillRect(
            QRectF(0, self.height() - bottom, self.width(), bottom), QColor(s.header_fill)
        )
        self._paint_header(painter, top)
        self._paint_footer(painter, bottom)
        if self.caption is not None:
            self._paint_caption(painter)
        painter.end()

    def _paint_header(self, painter: QPainter, top: int) -> None:
        """Row one: the title, and where the walk is on the right; row two: coverage."""
        s, pad = self.style_, self._pad() * 2
        title_font = self._font(TITLE_TEXT, bold=True)
        figure_font = self._font(FIGURE_TEXT, bold=True)
        row = top * 0.56
        right = self.width() - pad
        painter.setFont(figure_font)
        metrics = QFontMetricsF(figure_font)
        if self.position:
            painter.setPen(QColor(s.header_text))
            width = metrics.horizontalAdvance(self.position)
            painter.drawText(QRectF(right - width, 0, width, row), Qt.AlignmentFlag.AlignVCenter,
                             self.position)  # fmt: skip
            right -= width + pad * 2
        x = pad
        if self.show_findings:
            for text, complete in self.figures:
                width = metrics.horizontalAdvance(text)
                painter.setPen(QColor(s.header_text if complete else s.error))
                painter.drawText(QRectF(x, row * 0.92, width, top - row),
                                 Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
                x += width + pad * 1.5
        self._paint_hint(painter, QRectF(x, row * 0.92, self.width() - pad - x, top - row))
        painter.setFont(title_font)
        painter.setPen(QColor(s.header_text))
        room = max(0.0, right - pad * 2)
        title = QFontMetricsF(title_font).elidedText(self.title, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRectF(pad, 0, room, row * 1.05), Qt.AlignmentFlag.AlignBottom, title)

    def _paint_hint(self, painter: QPainter, room: QRectF) -> None:
        """The keys, right-aligned, as many of them (from the first) as there is room for."""
        font = self._font(FIGURE_TEXT)
        metrics = QFontMetricsF(font)
        keys = self.hint.split(HINT_SEPARATOR)
        while keys and metrics.horizontalAdvance(HINT_SEPARATOR.join(keys)) > room.width():
            keys.pop()
        if keys:
            painter.setFont(font)
            painter.setPen(QColor(self.style_.card_subtle_text))
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(room, align, HINT_SEPARATOR.join(keys))

    def _paint_footer(self, painter: QPainter, bottom: int) -> None:
        s, pad = self.style_, self._pad() * 2
        font = self._font(LEGEND_TEXT)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        y0 = self.height() - bottom
        x = pad
        mark = metrics.height() * 1.6
        for kind, english in LEGEND:
            words = _(english)
            if not self.show_findings and kind in ("error", "warning", "info", "gap"):
                continue
            box = QRectF(x, y0 + (bottom - mark) / 2, mark * 1.4, mark)
            self._paint_mark(painter, kind, box)
            x = box.right() + pad * 0.4
            width = metrics.horizontalAdvance(words)
            painter.setPen(QColor(s.header_text))
            painter.drawText(QRectF(x, y0, width, bottom), Qt.AlignmentFlag.AlignVCenter, words)
            x += width + pad * 1.2

    def _paint_mark(self, painter: QPainter, kind: str, box: QRectF) -> None:
        """The legend's picture of each thing, drawn as the canvas draws it."""
        s = self.style_
        painter.save()
        mid = box.center()
        if kind in ("error", "warning", "info"):
            paint_badge(painter, s, kind, mid, box.height() * 0.42, "")
        elif kind in ("handoff", "gap"):
            gap = kind == "gap"
            color = QColor(s.gap if gap else s.handoff)
            pen = QPen(color, box.height() * 0.12,
                       Qt.PenStyle.DashLine if gap else Qt.PenStyle.SolidLine)  # fmt: skip
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left(), mid.y()), QPointF(box.right() - 6, mid.y()))
            head = QPainterPath(QPointF(box.right(), mid.y()))
            head.lineTo(box.right() - box.height() * 0.35, mid.y() - box.height() * 0.25)
            head.lineTo(box.right() - box.height() * 0.35, mid.y() + box.height() * 0.25)
            head.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPath(head)
            if gap:
                radius = box.height() * 0.3
                painter.setPen(QPen(QColor(s.card_fill), 1.5))
                painter.drawEllipse(mid, radius, radius)
                painter.setPen(QColor(text_color_on(s.gap)))
                painter.setFont(self._font(LEGEND_TEXT * 0.75, bold=True))
                painter.drawText(QRectF(mid.x() - radius, mid.y() - radius, 2 * radius,
                                        2 * radius), Qt.AlignmentFlag.AlignCenter, "?")  # fmt: skip
        else:
            alarm = self.show_findings
            painter.setPen(QPen(QColor(s.error if alarm else s.grid_line), 1.5))
            painter.setBrush(QColor(s.unassigned_alarm_fill if alarm else s.unassigned_fill))
            painter.drawRoundedRect(box, 4, 4)
        painter.restore()

    def _paint_caption(self, painter: QPainter) -> None:
        assert self.caption is not None
        s, pad = self.style_, self._pad()
        box = self.caption_rect()
        color = QColor({"error": s.error, "warning": s.warning}.get(self.caption.severity, s.info))
        painter.setPen(QPen(color, max(3.0, self.height() * 0.004)))
        fill = QColor(s.card_fill)
        fill.setAlpha(242)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, pad, pad)
        small = self._font(FIGURE_TEXT, True, False)
        painter.setFont(small)
        painter.setPen(QColor(s.card_subtle_text))
        inner = box.adjusted(pad * 1.5, pad, -pad * 1.5, -pad)
        line = QFontMetricsF(small).lineSpacing()
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, self.caption.where)  # fmt: skip
        painter.setFont(self._sentence_font(box.width() - 3 * pad)[0])
        painter.setPen(QColor(s.card_text))
        painter.drawText(inner.adjusted(0, line * 1.1, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self.caption.sentence)  # fmt: skip


def _wrapped_count(text: str, font: QFont, width: float) -> int:
    """How many lines ``text`` takes word-wrapped at ``width`` (as ``drawText`` wraps)."""
    metrics = QFontMetricsF(font)
    rect = metrics.boundingRect(
        QRectF(0, 0, max(1.0, width), 10_000),
        int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        text,
    )
    return max(1, round(rect.height() / metrics.lineSpacing()))
