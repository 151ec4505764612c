"""The app icon: an SVG master and the PNG, .ico and .icns renderings made from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.packaging.conftest import REPO_ROOT

ICONS = REPO_ROOT / "resources" / "icons"
MASTER = ICONS / "laneway.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _argb(image: QImage) -> bytes:
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)  # keep it alive while copying
    return bytes(converted.constBits())


def _share_differing(a: QImage, b: QImage) -> float:
    """The share of channel values that differ by more than an antialiasing step (8 of 255).

    Strict enough to catch a recoloured detail, loose enough for another Qt's rasteriser.
    """
    assert a.size() == b.size()
    first, second = _argb(a), _argb(b)
    return sum(abs(x - y) > 8 for x, y in zip(first, second, strict=True)) / len(first)


def _render_master(size: int) -> QImage:
    renderer = QSvgRenderer(str(MASTER))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def test_the_master_is_a_square_svg_qt_can_draw(qapp):
    renderer = QSvgRenderer(str(MASTER))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height() > 0


def test_each_png_size_is_there_and_no_other():
    found = sorted(int(path.stem.removeprefix("laneway-")) for path in ICONS.glob("laneway-*.png"))
    assert found == list(PNG_SIZES)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_is_the_master_rendered_at_its_size(qapp, size):
    """Fails when the SVG changed and packaging/make_icons.py was not run again."""
    png = QImage(str(ICONS / f"laneway-{size}.png"))
    assert png.size() == QSize(size, size)
    assert png.hasAlphaChannel()
    assert png.pixelColor(0, 0).alpha() < 16, "the corners are transparent (a rounded tile)"
    assert png.pixelColor(size // 2, size // 2).alpha() == 255
    assert _share_differing(png, _render_master(size)) < 0.002


def test_the_ico_holds_every_windows_size_drawn_from_the_master(qapp):
    reader = QImageReader(str(ICONS / "laneway.ico"))
    frames = {}
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        frames[image.width()] = image
    assert sorted(frames) == list(ICO_SIZES)
    for size, frame in frames.items():
        assert _share_differing(frame, QImage(str(ICONS / f"laneway-{size}.png"))) < 0.002


def test_the_icns_holds_the_macos_sizes_up_to_1024(qapp):
    reader = QImageReader(str(ICONS / "laneway.icns"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert {32, 64, 128, 256, 512, 1024} <= sizes


def test_icons_ship_with_the_package():
    from laneway.resources import app_icon_file

    path = app_icon_file()
    assert path.is_file() and path.suffix == ".ico"
    assert Path(path).read_bytes()[:4] == b"\x00\x00\x01\x00"  # the ICO signature
