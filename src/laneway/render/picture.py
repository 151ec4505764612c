"""The exported picture: title block, the map drawn by the canvas, and a legend.

PNG, SVG, PDF, the export dialog's preview and the clipboard all paint this one
picture, and the map inside it is the app's own scene in a print style — so an
export never drifts from what the facilitator saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from laneway.analysis import analyze
from laneway.canvas import PRINT, PRINT_DARK, JourneyScene, Style
from laneway.canvas.text import elide, make_font
from laneway.i18n import _
from laneway.i18n.formatting import format_day, format_percent
from laneway.io.export_options import ExportOptions
from laneway.model import JourneyMap, excerpt
from laneway.model.wording import plural
from laneway.render import journey_content as content

MARGIN = 36.0
TITLE_HEIGHT = 74.0
LEGEND_HEIGHT = 58.0


@dataclass
class ExportPicture:
    journey: JourneyMap
    options: ExportOptions
    scene: JourneyScene
    style: Style
    #: The whole map (``journey`` may be an excerpt of it).
    original: JourneyMap | None = None

    @classmethod
    def build(cls, journey: JourneyMap, options: ExportOptions) -> ExportPicture:
        part = excerpt(journey, options.step_ids)
        style = PRINT_DARK if options.dark else PRINT
        scene = JourneyScene(part, style, interactive=False)
        scene.set_findings_visible(options.findings)
        if options.findings:
            scene.set_report(analyze(part))
        content.prepare_scene(scene, journey, part, options)
        return cls(part, options, scene, style, journey)

    @property
    def map_rect(self) -> QRectF:
        b = self.scene.grid.bounds
        room = self.scene.content.top_room()  # the emotion band above the lanes
        return QRectF(b.x, b.y - room, b.width, b.height + room)

    @property
    def size(self) -> QSizeF:
        m = self.map_rect
        height = m.height() + 2 * MARGIN
        height += TITLE_HEIGHT if self.options.title else 0
        height += LEGEND_HEIGHT if self.options.legend else 0
        height += content.notes_block_height(self.journey, self.options)
        return QSizeF(m.width() + 2 * MARGIN, height)

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Paint the whole picture into ``target`` (device coordinates), keeping its
        proportions and centring it."""
        size = self.size
        scale = min(target.width() / size.width(), target.height() / size.height())
        dx = target.x() + (target.width() - size.width() * scale) / 2
        dy = target.y() + (target.height() - size.height() * scale) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(dx, dy)
        painter.scale(scale, scale)
        if self.options.background != "transparent":
            painter.fillRect(QRectF(QPointF(0, 0), size), QColor(self.style.background))
        y = MARGIN
        if self.options.title:
            self._paint_title(painter, QRectF(MARGIN, y, size.width() - 2 * MARGIN, TITLE_HEIGHT))
            y += TITLE_HEIGHT
        m = self.map_rect
        self.scene.render(painter, QRectF(MARGIN, y, m.width(), m.height()), m)
        y += m.height()
        if self.options.legend:
            self._paint_legend(painter, QRectF(MARGIN, y + 14, size.width() - 2 * MARGIN, 36))
            y += LEGEND_HEIGHT
        notes = QRectF(MARGIN, y, size.width() - 2 * MARGIN, size.height() - MARGIN - y)
        content.paint_notes_block(painter, notes, self.journey, self.options, self.style)
        painter.restore()

    def _paint_title(self, painter: QPainter, rect: QRectF) -> None:
        s = self.style
        title_font = make_font(s.font_family, 22, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor(s.header_text))
        painter.drawText(
            QRectF(rect.x(), rect.y(), rect.width(), 36),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            elide(self.journey.info.title, title_font, rect.width()),
        )
        line = f"{plural(len(self.journey.steps), 'step')} · {format_day(date.today())}"
        line += content.personas_line(self.original or self.journey, self.journey, self.options)
        if self.options.findings:
            summary = analyze(self.journey).summary
            line += _(" · ownership {ownership} · handoffs agreed {handoffs}").format(
                ownership=format_percent(summary.ownership_coverage),
                handoffs=format_percent(summary.handoff_coverage),
            )
        painter.setFont(make_font(s.font_family, 11))
        painter.setPen(QColor(s.card_subtle_text))
        painter.drawText(
            QRectF(rect.x(), rect.y() + 38, rect.width(), 22),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            line,
        )

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> None:
        s = self.style
        font = make_font(s.font_family, 10)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        x = rect.x()
        cy = rect.center().y()
        entries: list[tuple[str, str]] = [
            (d.color, d.name) for d in self.journey.departments_in_order()
        ]
        if any(step.department_id is None for step in self.journey.steps.values()):
            entries.append((s.error, _("Unassigned (nobody owns it)")))
        for color, name in entries:
            painter.fillRect(QRectF(x, cy - 7, 14, 14), QColor(color))
            painter.setPen(QColor(s.header_text))
            painter.drawText(QPointF(x + 20, cy + metrics.ascent() / 2 - 1), name)
            x += 20 + metrics.horizontalAdvance(name) + 22
        x += 12
        links = [(s.link, Qt.PenStyle.SolidLine, 1.5, _("same department")),
                 (s.handoff, Qt.PenStyle.SolidLine, 2.4, "handoff")]  # fmt: skip
        if self.options.findings:
            links.append((s.gap, Qt.PenStyle.DashLine, 2.6, _("handoff gap (no agreement)")))
        for color, dash, width, label in links:
            painter.setPen(QPen(QColor(color), width, dash))
            painter.drawLine(QPointF(x, cy), QPointF(x + 34, cy))
            painter.setPen(QColor(s.header_text))
            painter.drawText(QPointF(x + 42, cy + metrics.ascent() / 2 - 1), label)
            x += 42 + metrics.horizontalAdvance(label) + 22

    def close(self) -> None:
        self.scene.clear()
        self.scene.deleteLater()
