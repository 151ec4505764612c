"""Rasterise the icon master resources/icons/laneway.svg into what each platform wants.

    pip install ".[packaging]"          # PySide6 (a dependency) renders, Pillow packs
    python packaging/make_icons.py      # rewrites resources/icons/*.png, .ico, .icns

Every size is rendered from the SVG by Qt (QSvgRenderer), none is scaled from another,
so 16 px stays as sharp as the master's 4-unit grid makes it. Pillow then packs those
renderings into the Windows .ico and the macOS .icns. Run it after editing the SVG and
commit the results; tests/packaging/test_icons.py fails while they are out of date.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
MASTER = ICONS / "laneway.svg"

#: The PNG files shipped in resources/icons (the Linux hicolor theme sizes, and the window icon).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows .ico frames (256 is the largest an .ico holds).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: macOS .icns frames Pillow writes (ic07…ic14): 32…512 and their @2x, up to 1024.
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int):
    """The SVG rendered by Qt at size x size, as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG.")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(svg: Path = MASTER, out: Path = ICONS) -> list[Path]:
    """Write laneway-N.png for each PNG size, laneway.ico and laneway.icns; return them."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # QSvgRenderer needs one
    renderings = {size: render(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written = []
    for size in PNG_SIZES:
        path = out / f"laneway-{size}.png"
        renderings[size].save(path, "PNG", optimize=True)
        written.append(path)
    largest_ico = max(ICO_SIZES)
    ico = out / "laneway.ico"
    renderings[largest_ico].save(
        ico,
        "ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[renderings[size] for size in ICO_SIZES if size != largest_ico],
    )
    icns = out / "laneway.icns"
    renderings[max(ICNS_SIZES)].save(
        icns, "ICNS", append_images=[renderings[size] for size in ICNS_SIZES]
    )
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=MASTER, help="the master (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ICONS, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown
    for path in make_icons(args.svg, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
