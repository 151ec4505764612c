"""PNG, SVG and PDF files of the export picture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from laneway.i18n import _
from laneway.io.export_options import ExportOptions
from laneway.model import JourneyMap
from laneway.render.headless import ensure_application
from laneway.render.picture import ExportPicture

#: Landscape page sizes in millimetres (16:9 is a 13.333 × 7.5 in slide).
PAGES_MM = {"16:9": (338.667, 190.5), "a4": (297.0, 210.0), "letter": (279.4, 215.9)}
PAGE_MARGIN_MM = 8.0
POINT_DPI = 72  # pages are painted in points: one device unit = one point
MAX_PIXELS = 16384  # QImage and viewers struggle beyond this many pixels a side


class RenderError(ValueError):
    """An export that cannot be made as asked (one sentence)."""


def render_to_qimage(journey: JourneyMap, options: ExportOptions) -> QImage:
    ensure_application()
    picture = ExportPicture.build(journey, options)
    try:
        size = picture.size
        scale = options.width / size.width() if options.width else options.scale
        width, height = round(size.width() * scale), round(size.height() * scale)
        if max(width, height) > MAX_PIXELS:
            raise RenderError(
                _(
                    "the image would be {width} × {height} pixels; choose a smaller scale or width."
                ).format(width=width, height=height)
            )
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        picture.paint(painter, QRectF(0, 0, width, height))
        painter.end()
        return image
    finally:
        picture.close()


def png_bytes(journey: JourneyMap, options: ExportOptions) -> bytes:
    image = render_to_qimage(journey, options)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_png(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    path.write_bytes(png_bytes(journey, options))


def write_svg(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    ensure_application()
    picture = ExportPicture.build(journey, options)
    try:
        size = picture.size
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(round(size.width()), round(size.height())))
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(journey.info.title)
        generator.setDescription(_("Customer journey map exported by Laneway"))
        painter = QPainter(generator)
        picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
    finally:
        picture.close()


def write_pdf(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    ensure_application()
    picture = ExportPicture.build(journey, options)
    try:
        writer = QPdfWriter(str(path))
        writer.setTitle(journey.info.title)
        writer.setCreator("Laneway")
        writer.setPageLayout(export_page_layout(picture, options))
        paint_on_pages(picture, writer)
    finally:
        picture.close()


def export_page_layout(picture: ExportPicture, options: ExportOptions) -> QPageLayout:
    """The PDF export's page: sized to the map, or a 16:9, A4 or Letter landscape page."""
    if options.page == "map":
        # 1 scene pixel = 0.75 pt, like a 96 dpi screen printed at 72 dpi
        size = picture.size
        points = QSizeF(size.width() * 0.75, size.height() * 0.75)
        page = QPageSize(points, QPageSize.Unit.Point, "Map", QPageSize.SizeMatchPolicy.ExactMatch)
        margins = QMarginsF(0, 0, 0, 0)
    else:
        w, h = PAGES_MM[options.page]
        page = QPageSize(
            QSizeF(w, h),
            QPageSize.Unit.Millimeter,
            options.page,
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
        margins = QMarginsF(*(PAGE_MARGIN_MM,) * 4)
    return QPageLayout(page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def paint_on_pages(picture: ExportPicture, device: QPagedPaintDevice) -> None:
    """Paint the export picture on the pages of ``device`` as its page layout says.

    The PDF export (a QPdfWriter) and printing (a QPrinter, also in the print preview)
    both come here, so a printed page is the PDF's page: the picture fitted into the
    page's printable area, keeping its proportions. Both are set to one device unit per
    point first — the picture's fonts are sized in points, so on a 1,200 dpi printer they
    would otherwise come out 16 times too large for the drawing (the PDF and print
    engines draw vectors: the resolution costs no sharpness).
    """
    set_resolution = getattr(device, "setResolution", None)
    if set_resolution is not None:
        set_resolution(POINT_DPI)
    painter = QPainter(device)
    try:
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        picture.paint(painter, QRectF(0, 0, area.width(), area.height()))
    finally:
        painter.end()


WRITERS = {".png": write_png, ".svg": write_svg, ".pdf": write_pdf}


def export_image(journey: JourneyMap, path: Path, suffix: str, options: ExportOptions) -> None:
    """Write ``journey`` as an image file at ``path`` (the caller renames it into place)."""
    try:
        writer = WRITERS[suffix.lower()]
    except KeyError:
        raise RenderError(
            _("{suffix} is not an image format (use .png, .svg or .pdf).").format(suffix=suffix)
        ) from None
    writer(journey, Path(path), options)
