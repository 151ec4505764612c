"""Colour on exports: contrast of every text the export draws, a transparent PNG that
reads on light and dark slides, a legend that long department names cannot push off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import ExportPicture, render_to_qimage
from laneway.render.legend import contrast
from laneway.render.look import export_style
from laneway.render.picture import MARGIN, TITLE_HEIGHT
from laneway.render.writers import pixel_size

#: (text colour, what it stands on) for the texts of an export.
PAIRS = (
    ("header_text", "background"),
    ("header_text", "lane_fill"),
    ("header_text", "header_fill"),
    ("card_text", "card_fill"),
    ("card_subtle_text", "card_fill"),
    ("card_subtle_text", "header_fill"),
    ("card_subtle_text", "background"),
    ("unassigned_alarm_text", "lane_fill"),
    ("unassigned_alarm_text", "unassigned_alarm_fill"),
)


@pytest.mark.parametrize("dark", [False, True], ids=["print", "print-dark"])
@pytest.mark.parametrize("findings", [True, False], ids=["annotated", "clean"])
def test_every_export_text_has_at_least_4_5_to_1(dark, findings):
    style = export_style(ExportOptions(dark=dark, findings=findings))
    for text, ground in PAIRS:
        ratio = contrast(getattr(style, text), getattr(style, ground))
        assert ratio >= 4.5, (style.name, text, ground, round(ratio, 2))


def _on(image: QImage, ground: str) -> QImage:
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(QColor(ground))
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def _band_contrast(image: QImage, top: int, bottom: int, right: int) -> float:
    """The contrast between the darkest and the lightest pixel of a band: text on its
    ground (the title's ink against the plate, or against the slide without one)."""
    lum = [
        image.pixelColor(x, y).name()
        for y in range(top, bottom)
        for x in range(int(MARGIN), right, 2)
    ]
    return max(contrast(a, b) for a, b in ((min(lum, key=_l), max(lum, key=_l)),))


def _l(color: str) -> float:
    c = QColor(color)
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


@pytest.mark.parametrize("slide", ["#ffffff", "#000000", "#1f2933"])
def test_a_transparent_png_title_reads_on_light_and_dark_slides(qapp, slide):
    image = render_to_qimage(load_template("b2b"), ExportOptions(scale=1, background="transparent"))
    assert image.pixelColor(1, 1).alpha() == 0  # still see-through around the map
    laid = _on(image, slide)
    top, bottom = int(MARGIN), int(MARGIN + TITLE_HEIGHT - 12)
    assert _band_contrast(laid, top, bottom, 300) >= 4.5


def test_long_department_names_never_push_the_legend_off(qapp):
    journey = load_template("b2b")
    for department in list(journey.departments.values()):
        journey.update_department(
            department.id, name=department.name + " and the extended regional operations team"
        )
    picture = ExportPicture.build(journey, ExportOptions())
    try:
        legend = picture.legend()
        metrics = QFontMetricsF(legend.font)
        width = picture.map_rect.width()
        for row in legend.rows:
            _entry, x, label = row[-1]  # the rightmost entry of the row ends inside
            assert x + 4 * legend.font.pointSizeF() + metrics.horizontalAdvance(label) <= width
        assert len(legend.rows) >= 2
        image = render_to_qimage(journey, ExportOptions(scale=1))
        size = picture.size
        assert image.width() == pixel_size(size.width(), size.height(), ExportOptions(scale=1))[0]
    finally:
        picture.close()
