"""SVG of the export picture, with text a browser and a search find as typed.

Qt's SVG generator names the one font it drew with; the file names a list a browser
can fall back along (``look.FONT_FAMILIES``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtSvg import QSvgGenerator

from laneway.render.look import FONT_FAMILIES
from laneway.render.picture import ExportPicture

_FAMILY = re.compile(r'font-family="[^"]*"')


def font_family_list() -> str:
    return ", ".join(f"'{name}'" if " " in name else name for name in FONT_FAMILIES)


def write_picture_svg(picture: ExportPicture, path: Path) -> None:
    size = picture.size
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(size.width()), round(size.height())))
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(picture.journey.info.title)
    generator.setDescription("Customer journey map exported by Laneway")
    from PySide6.QtGui import QPainter

    painter = QPainter(generator)
    picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    del generator
    text = path.read_text(encoding="utf-8")
    text = _FAMILY.sub(f'font-family="{font_family_list()}"', text)
    path.write_text(text, encoding="utf-8")
