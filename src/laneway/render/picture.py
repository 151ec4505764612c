"""The exported picture: title block, the map drawn by the canvas, and a legend.

PNG, SVG, the map-sized PDF, the export dialog's preview and the clipboard all paint
this one picture. The map inside it is the app's own scene in a print style, drawn
from a copy of the map arranged for a 16:9 slide (``paging.arranged_copy``): the file
keeps its positions, the picture fills the slide it is put on.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter

from laneway.analysis import Report, analyze
from laneway.canvas import JourneyScene, Style
from laneway.canvas.text import make_font
from laneway.io.export_options import ExportOptions
from laneway.layout import Target
from laneway.model import JourneyMap, excerpt
from laneway.render import journey_content as content
from laneway.render.chrome import paint_plate, paint_title, subtitle
from laneway.render.legend import Legend, lay_out, legend_entries, paint_legend
from laneway.render.look import EXPORT_METRICS, export_style
from laneway.render.paging import arranged_copy

MARGIN = 24.0
TITLE_SIZES = (26.0, 13.0)
TITLE_HEIGHT = TITLE_SIZES[0] * 1.6 + TITLE_SIZES[1] * 1.7 + 12.0
LEGEND_PT = 13.0
LEGEND_GAP = 12.0
#: The shape a single picture is arranged for: a slide's, less its title and legend.
SLIDE_AREA = Target("16:9 picture", 16.0, 8.0)


def findings_report(journey: JourneyMap, options: ExportOptions) -> Report | None:
    """The whole map's findings (an excerpt shows them for its steps), or None when clean."""
    return analyze(journey) if options.findings else None


def build_scene(
    part: JourneyMap,
    style: Style,
    report: Report | None,
    original: JourneyMap,
    options: ExportOptions,
) -> JourneyScene:
    """The export's scene of ``part`` (an arranged copy or excerpt of ``original``): the
    whole map's findings, and the persona filter, emotion band and notes as asked."""
    scene = JourneyScene(part, style, interactive=False, metrics=EXPORT_METRICS)
    scene.set_findings_visible(report is not None)
    if report is not None:
        scene.set_report(report)
    content.prepare_scene(scene, original, part, options)
    return scene


@dataclass
class ExportPicture:
    journey: JourneyMap
    options: ExportOptions
    scene: JourneyScene
    style: Style
    report: Report | None = None
    #: The whole map the picture was made from (``journey`` is the excerpt shown).
    source: JourneyMap | None = None

    @classmethod
    def build(cls, journey: JourneyMap, options: ExportOptions) -> ExportPicture:
        part = arranged_copy(excerpt(journey, options.step_ids), SLIDE_AREA, EXPORT_METRICS)
        style = export_style(options)
        report = findings_report(journey, options)
        scene = build_scene(part, style, report, journey, options)
        return cls(part, options, scene, style, report, journey)

    @property
    def original(self) -> JourneyMap:
        """The whole map (``journey`` may be an excerpt of it)."""
        return self.source or self.journey

    @property
    def map_rect(self) -> QRectF:
        b = self.scene.grid.bounds
        room = self.scene.content.top_room()  # the emotion band above the lanes
        return QRectF(b.x, b.y - room, b.width, b.height + room)

    def legend(self) -> Legend:
        entries = legend_entries(self.journey, self.style, self.report is not None)
        font = make_font(self.style.font_family, LEGEND_PT)
        return lay_out(entries, font, self.map_rect.width())

    @property
    def size(self) -> QSizeF:
        m = self.map_rect
        height = m.height() + 2 * MARGIN
        height += TITLE_HEIGHT if self.options.title else 0
        height += LEGEND_GAP + self.legend().height if self.options.legend else 0
        height += content.notes_block_height(self.journey, self.options)
        return QSizeF(m.width() + 2 * MARGIN, height)

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Paint the whole picture into ``target`` (device coordinates), keeping its
        proportions and centring it."""
        size = self.size
        scale = min(target.width() / size.width(), target.height() / size.height())
        dx = target.x() + (target.width() - size.width() * scale) / 2
        dy = target.y() + (target.height() - size.height() * scale) / 2
        transparent = self.options.background == "transparent"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(dx, dy)
        painter.scale(scale, scale)
        if not transparent:
            painter.fillRect(QRectF(QPointF(0, 0), size), QColor(self.style.background))
        y = MARGIN
        inner = size.width() - 2 * MARGIN
        if self.options.title:
            line = subtitle(self.original, len(self.journey.steps), self._summary())
            line += content.personas_line(self.original, self.journey, self.options)
            rect = QRectF(MARGIN, y, inner, TITLE_HEIGHT - 12)
            paint_title(
                painter, rect, self.journey.info.title, line, self.style, TITLE_SIZES, transparent
            )
            y += TITLE_HEIGHT
        m = self.map_rect
        self.scene.render(painter, QRectF(MARGIN, y, m.width(), m.height()), m)
        y += m.height() + LEGEND_GAP
        if self.options.legend:
            legend = self.legend()
            if transparent:
                paint_plate(painter, QRectF(MARGIN, y, inner, legend.height), self.style)
            paint_legend(painter, legend, QPointF(MARGIN, y), self.style)
            y += legend.height
        notes = QRectF(MARGIN, y, inner, size.height() - MARGIN - y)
        content.paint_notes_block(painter, notes, self.journey, self.options, self.style)
        painter.restore()

    def _summary(self):
        return self.report.summary if self.report is not None else None

    def close(self) -> None:
        self.scene.clear()
        self.scene.deleteLater()
