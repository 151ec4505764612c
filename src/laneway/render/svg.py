"""SVG of the export picture, with text a browser and a search find as typed.

Qt's SVG generator names the one font it drew with; the file names a list a browser
can fall back along (``look.FONT_FAMILIES``). Qt also writes a line of mixed scripts
("Pay by card Карта 日本") as one ``<text>`` per script run; the runs of one line are
joined into one ``<text>`` holding a ``<tspan>`` per run, each where Qt placed it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtSvg import QSvgGenerator

from laneway.i18n import _
from laneway.render.look import FONT_FAMILIES
from laneway.render.picture import ExportPicture

_FAMILY = re.compile(r'font-family="[^"]*"')
#: One text element as Qt writes it: attributes, x, y, more attributes, the text.
_TEXT = re.compile(r'<text ([^>]*?)x="([^"]*)" y="([^"]*)"([^>]*)>(.*?)</text>\s*', re.DOTALL)


def font_family_list() -> str:
    return ", ".join(f"'{name}'" if " " in name else name for name in FONT_FAMILIES)


def write_picture_svg(picture: ExportPicture, path: Path) -> None:
    size = picture.size
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(size.width()), round(size.height())))
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(picture.journey.info.title)
    generator.setDescription(_("Customer journey map exported by Laneway"))
    from PySide6.QtGui import QPainter

    painter = QPainter(generator)
    picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    del generator
    text = path.read_text(encoding="utf-8")
    text = _FAMILY.sub(f'font-family="{font_family_list()}"', text)
    path.write_text(join_runs(text), encoding="utf-8")


def join_runs(svg: str) -> str:
    """Adjacent ``<text>`` elements on one baseline with one style become one."""
    out: list[str] = []
    position = 0
    group: list[re.Match[str]] = []

    def flush() -> None:
        if not group:
            return
        first = group[0]
        before, y, after = first.group(1), first.group(3), first.group(4)
        if len(group) == 1:
            out.append(first.group(0))
        else:
            runs = "".join(f'<tspan x="{m.group(2)}">{m.group(5)}</tspan>' for m in group)
            out.append(f'<text {before}y="{y}"{after.rstrip()}>{runs}</text>\n')
        group.clear()

    for match in _TEXT.finditer(svg):
        if match.start() != position or (
            group
            and (match.group(3), match.group(1), match.group(4))
            != (group[0].group(3), group[0].group(1), group[0].group(4))
        ):
            flush()
        if match.start() != position:
            out.append(svg[position : match.start()])
        group.append(match)
        position = match.end()
    flush()
    out.append(svg[position:])
    return "".join(out)
