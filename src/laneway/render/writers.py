"""PNG, SVG and PDF files of the export picture and of map pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from laneway.canvas.text import make_font
from laneway.i18n import _
from laneway.io.export_options import POSTER_PAGES, ExportOptions
from laneway.model import JourneyMap, excerpt
from laneway.render import journey_content as content
from laneway.render.headless import ensure_application
from laneway.render.look import FONT_SCALE, export_style, min_scale
from laneway.render.pages import PAGE_MARGIN, PageFrame, paint_page
from laneway.render.paging import MapPage, plan_map_pages
from laneway.render.picture import ExportPicture, findings_report
from laneway.render.tiles import paint_tiled

#: Page sizes in points, landscape (16:9 is a 13.333 × 7.5 in slide).
PAGES_PT = {
    "16:9": (960.0, 540.0),
    "a4": (841.89, 595.28),
    "letter": (792.0, 612.0),
    "a1": (2383.94, 1683.78),
    "a0": (3370.39, 2383.94),
}
POINT_DPI = 72  # pages are painted in points: one device unit = one point
MAX_PIXELS = 16384  # QImage and viewers struggle beyond this many pixels a side
#: And beyond this many pixels in all (Qt refuses to read images over 256 MB).
MAX_AREA = 60_000_000
#: Qt's PNG "quality" (0 = smallest file, 100 = fastest): see the export benchmarks.
PNG_QUALITY = 70


class RenderError(ValueError):
    """An export that cannot be made as asked (one sentence)."""


def render_image(journey: JourneyMap, options: ExportOptions) -> tuple[QImage, str | None]:
    """The picture as an image, and a one-line notice when it had to be made smaller
    than asked to stay within MAX_PIXELS a side."""
    ensure_application()
    picture = ExportPicture.build(journey, options)
    try:
        size = picture.size
        width, height = pixel_size(size.width(), size.height(), options)
        notice = None
        if max(width, height) > MAX_PIXELS or width * height > MAX_AREA:
            fit = min(
                MAX_PIXELS / max(size.width(), size.height()),
                (MAX_AREA / (size.width() * size.height())) ** 0.5,
            )
            asked = f"{width} × {height}"
            width, height = int(size.width() * fit), int(size.height() * fit)
            notice = _(
                "The image is {width} × {height} pixels, the most it can be ({asked} asked)."
            ).format(width=width, height=height, asked=asked)
        if options.background == "transparent":
            image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor(0, 0, 0, 0))
        else:  # no alpha channel: the PNG encodes about 30% faster and comes out smaller
            image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
            image.fill(QColor(picture.style.background))
        painter = QPainter(image)
        picture.paint(painter, QRectF(0, 0, width, height))
        painter.end()
        return image, notice
    finally:
        picture.close()


def pixel_size(width: float, height: float, options: ExportOptions) -> tuple[int, int]:
    """The PNG's size for a picture of ``width`` × ``height`` scene units: ``--width``, or
    ``--scale`` pixels per canvas unit (at 1× a step title is as many pixels as on the
    canvas at 100 %; the export's text is FONT_SCALE larger in scene units)."""
    if options.width:
        scale = options.width / width
    else:
        scale = options.scale / FONT_SCALE
    return round(width * scale), round(height * scale)


def render_to_qimage(journey: JourneyMap, options: ExportOptions) -> QImage:
    return render_image(journey, options)[0]


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", PNG_QUALITY)
    buffer.close()
    return bytes(data)


def png_bytes(journey: JourneyMap, options: ExportOptions) -> bytes:
    return _png(render_to_qimage(journey, options))


def write_png(journey: JourneyMap, path: Path, options: ExportOptions) -> str | None:
    image, notice = render_image(journey, options)
    path.write_bytes(_png(image))
    return notice


def write_svg(journey: JourneyMap, path: Path, options: ExportOptions) -> str | None:
    from laneway.render.svg import write_picture_svg

    ensure_application()
    picture = ExportPicture.build(journey, options)
    try:
        write_picture_svg(picture, path)
    finally:
        picture.close()
    return None


def write_pdf(journey: JourneyMap, path: Path, options: ExportOptions) -> str | None:
    ensure_application()
    writer = QPdfWriter(str(path))
    writer.setTitle(journey.info.title)
    writer.setCreator("Laneway")
    if options.page == "map":
        picture = ExportPicture.build(journey, options)
        try:
            writer.setPageLayout(export_page_layout(picture, options))
            paint_on_pages(picture, writer)
        finally:
            picture.close()
    else:
        writer.setPageLayout(pages_layout(options))
        paint_map_pages(journey, options, writer)
    return None


def pages_layout(options: ExportOptions) -> QPageLayout:
    """The sheet of a paged export (A4 for a tiled poster), without margins: the pages
    keep their own."""
    width, height = PAGES_PT["a4" if options.page == "a4-tiled" else options.page]
    return _points_layout(width, height, options.page)


def map_pages(
    journey: JourneyMap, options: ExportOptions, size: tuple[float, float] | None = None
) -> tuple[PageFrame, list[MapPage]]:
    """The frame and the planned map pages of a paged export (``size``: the page in
    points; by default the page ``options.page`` names, A1 for a tiled poster)."""
    if size is None:
        size = PAGES_PT["a1" if options.page == "a4-tiled" else options.page]
    report = findings_report(journey, options)
    frame = PageFrame(*size, journey, options, export_style(options), report)
    area = frame.map_area()
    part = excerpt(journey, options.step_ids)
    count = 1 if options.page in POSTER_PAGES else options.slides
    least = min_scale(len(part.steps))
    return frame, plan_map_pages(part, (area.width(), area.height()), least, count)


def paint_map_pages(journey: JourneyMap, options: ExportOptions, device: QPagedPaintDevice) -> None:
    """The map on pages of the device's size, split by stage range where it must be,
    or on one poster (A1 / A0, or an A1 poster tiled on the device's sheets)."""
    _points(device)
    sheet = device.pageLayout().fullRect(QPageLayout.Unit.Point)
    if options.page == "a4-tiled":
        size = PAGES_PT["a1"]
    else:
        size = (sheet.width(), sheet.height())
    frame, pages = map_pages(journey, options, size)
    if options.page == "a4-tiled":
        paint_tiled(device, frame, pages[0], (sheet.width(), sheet.height()))
        return
    painter = QPainter(device)
    try:
        for index, page in enumerate(pages):
            if index:
                device.newPage()
            paint_page(painter, frame, page)
        paint_notes_pages(device, painter, frame, pages)
        if options.findings_info and not options.findings:
            from laneway.render.findings_page import paint_findings_pages

            paint_findings_pages(device, painter, frame)
    finally:
        painter.end()


def paint_notes_pages(
    device: QPagedPaintDevice, painter: QPainter, frame: PageFrame, pages: list[MapPage]
) -> None:
    """The open notes after the map pages, page by page: each map page numbers the
    markers of its own notes, so its list is headed with the page it belongs to."""
    blocks = [
        (page, content.notes_block_height(page.journey, frame.options))
        for page in pages
        if content.listed_notes(page.journey, frame.options)
    ]
    if not blocks:
        return
    width = frame.width - 2 * PAGE_MARGIN
    y = frame.height  # start a new page before the first block
    for page, height in blocks:
        if y + height + 24 > frame.height - PAGE_MARGIN:
            device.newPage()
            if frame.options.background != "transparent":
                background = QColor(frame.style.background)
                painter.fillRect(QRectF(0, 0, frame.width, frame.height), background)
            y = PAGE_MARGIN
        painter.setPen(QColor(frame.style.card_subtle_text))
        painter.setFont(make_font(frame.style.font_family, 10))
        painter.drawText(
            QPointF(PAGE_MARGIN, y + 14), _("Page {number}").format(number=page.number)
        )
        block = QRectF(PAGE_MARGIN, y + 14, width, height)
        content.paint_notes_block(painter, block, page.journey, frame.options, frame.style)
        y += 14 + height + 12


def _points(device: QPagedPaintDevice) -> None:
    """One device unit per point: the pictures' fonts are sized in points, so on a
    1,200 dpi printer they would otherwise come out 16 times too large for the drawing
    (the PDF and print engines draw vectors: the resolution costs no sharpness)."""
    set_resolution = getattr(device, "setResolution", None)
    if set_resolution is not None:
        set_resolution(POINT_DPI)


def _points_layout(width: float, height: float, name: str) -> QPageLayout:
    page = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, name, QPageSize.SizeMatchPolicy.ExactMatch
    )
    return QPageLayout(
        page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point
    )


def export_page_layout(picture: ExportPicture, options: ExportOptions) -> QPageLayout:
    """The page of the PDF export (and printing): sized to the map, or the sheet of
    a paged export."""
    if options.page == "map":
        # 1 scene pixel = 0.75 pt, like a 96 dpi screen printed at 72 dpi
        size = picture.size
        return _points_layout(size.width() * 0.75, size.height() * 0.75, "Map")
    return pages_layout(options)


def paint_on_pages(picture: ExportPicture, device: QPagedPaintDevice) -> None:
    """Paint the export on the pages of ``device`` as its page layout says.

    The PDF export (a QPdfWriter) and printing (a QPrinter, also in the print preview)
    both come here, so a printed page is the PDF's page. A map-sized page holds the
    picture fitted into the page; other pages are the map's pages (``paint_map_pages``)
    for the device's page size.
    """
    if picture.options.page != "map":
        paint_map_pages(picture.source or picture.journey, picture.options, device)
        return
    _points(device)
    painter = QPainter(device)
    try:
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        picture.paint(painter, QRectF(0, 0, area.width(), area.height()))
    finally:
        painter.end()


WRITERS = {".png": write_png, ".svg": write_svg, ".pdf": write_pdf}


def export_image(
    journey: JourneyMap, path: Path, suffix: str, options: ExportOptions
) -> str | None:
    """Write ``journey`` as an image file at ``path`` (the caller renames it into place);
    a one-line notice when the file is not quite what was asked (a smaller PNG)."""
    try:
        writer = WRITERS[suffix.lower()]
    except KeyError:
        raise RenderError(
            _("{suffix} is not an image format (use .png, .svg or .pdf).").format(suffix=suffix)
        ) from None
    return writer(journey, Path(path), options)
