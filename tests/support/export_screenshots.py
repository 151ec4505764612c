"""Make the export pictures in docs/ (``python -m tests.support.export_screenshots``).

A 16:9 PDF page of the b2b template and of the 60-step workshop map, the 200-step map
on an A1 poster (each rendered by poppler's pdftoppm, as a deck reader sees the PDF),
and a transparent PNG laid on a dark slide.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPainter

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import export_image, render_to_qimage
from tests.support.maps import workshop_map

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _page(journey, options: ExportOptions, page: int, dpi: int, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "map.pdf"
        export_image(journey, pdf, ".pdf", options)
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l",
             str(page), str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        (DOCS / name).write_bytes(stem.with_suffix(".png").read_bytes())


def main() -> None:
    _page(load_template("b2b"), ExportOptions(page="16:9"), 2, 110, "export-slide-16x9.png")
    _page(workshop_map(60), ExportOptions(page="16:9"), 3, 110, "export-slide-60-steps.png")
    _page(workshop_map(200), ExportOptions(page="a1"), 1, 40, "export-poster-a1.png")
    image = render_to_qimage(load_template("b2b"), ExportOptions(scale=1, background="transparent"))
    slide = QImage(image.size(), QImage.Format.Format_RGB32)
    slide.fill(QColor("#1f2933"))
    painter = QPainter(slide)
    painter.drawImage(0, 0, image)
    painter.end()
    slide.save(str(DOCS / "export-transparent-on-dark-slide.png"))


if __name__ == "__main__":
    from laneway.render.headless import ensure_application

    ensure_application()
    main()
