"""PNG, SVG and PDF exports: their content, not just their existence."""

from __future__ import annotations

import unicodedata
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import ExportPicture, export_image, render_to_qimage
from laneway.render.look import FONT_SCALE
from tests.support.maps import workshop_map

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def b2b():
    return load_template("b2b")


def _plain(text: str) -> str:
    """PDF text with ligatures unfolded (ﬀ → ff) and any run of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _distinct_colors(image: QImage, grid: int = 40) -> int:
    """How many colors a grid of samples across the image finds (1 for a blank one)."""
    return len(
        {
            image.pixel(
                int(image.width() * (i + 0.5) / grid), int(image.height() * (j + 0.5) / grid)
            )
            for i in range(grid)
            for j in range(grid)
        }
    )


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_png_size_follows_the_scale_and_is_not_blank(qapp, b2b, tmp_path, scale):
    options = ExportOptions(scale=scale)
    size = ExportPicture.build(b2b, options).size
    path = tmp_path / "map.png"
    export_image(b2b, path, ".png", options)
    image = QImage(str(path))
    # ``scale`` pixels per canvas unit: the export's text is FONT_SCALE larger in scene units
    assert (image.width(), image.height()) == (
        round(size.width() * scale / FONT_SCALE),
        round(size.height() * scale / FONT_SCALE),
    )
    assert _distinct_colors(image) > 10


def test_png_width_option_and_transparent_background(qapp, b2b, tmp_path):
    path = tmp_path / "map.png"
    export_image(b2b, path, ".png", ExportOptions(width=1200, background="transparent"))
    image = QImage(str(path))
    assert image.width() == 1200
    assert image.hasAlphaChannel()
    assert image.pixelColor(2, 2).alpha() == 0  # the margin is see-through
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255


def test_findings_overlay_changes_the_picture(qapp, b2b):
    # Without the legend, whose clean version has fewer entries (no gap, no badges).
    annotated = render_to_qimage(b2b, ExportOptions(scale=1, findings=True, legend=False))
    clean = render_to_qimage(b2b, ExportOptions(scale=1, findings=False, legend=False))
    assert annotated.size() == clean.size()
    assert annotated != clean


def test_svg_holds_every_step_title_as_text(qapp, b2b, tmp_path):
    path = tmp_path / "map.svg"
    export_image(b2b, path, ".svg", ExportOptions())
    root = ElementTree.parse(path).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for step in b2b.steps.values():
        first_word = step.title.split()[0]
        assert first_word in text, step.title
    assert "B2B lead to renewal" in text  # the title block
    assert "Marketing" in text  # lane header and legend


@pytest.mark.parametrize(
    ("page", "ratio"), [("map", None), ("16:9", 16 / 9), ("a4", 297 / 210), ("letter", 11 / 8.5)]
)
def test_pdf_pages_have_the_chosen_size_and_a_text_layer(qapp, b2b, tmp_path, page, ratio):
    path = tmp_path / "map.pdf"
    export_image(b2b, path, ".pdf", ExportOptions(page=page))
    reader = PdfReader(path)
    assert len(reader.pages) == 1 if page == "map" else len(reader.pages) >= 1
    for sheet in reader.pages:
        box = sheet.mediabox
        if ratio is not None:
            assert float(box.width) / float(box.height) == pytest.approx(ratio, rel=0.01)
    text = _plain(" ".join(sheet.extract_text() for sheet in reader.pages))
    for step in b2b.steps.values():
        assert step.title in text, step.title


def test_selection_only_export(qapp, b2b, tmp_path):
    chosen = frozenset(list(b2b.steps)[:3])
    path = tmp_path / "part.svg"
    export_image(b2b, path, ".svg", ExportOptions(step_ids=chosen, title=False, legend=False))
    root = ElementTree.parse(path).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    left_out = [s for sid, s in b2b.steps.items() if sid not in chosen]
    assert all(b2b.steps[sid].title.split()[0] in text for sid in chosen)
    assert "Renewal invoice" not in text and left_out


def test_a_60_step_map_is_split_by_stage_and_can_be_forced_onto_fewer_slides(qapp, tmp_path):
    journey = workshop_map(60)
    path = tmp_path / "big.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page="16:9"))
    pages = PdfReader(path).pages
    assert 1 < len(pages) <= len(journey.stages)
    text = _plain(" ".join(page.extract_text() for page in pages))
    assert all(step.title in text for step in journey.steps.values())
    export_image(journey, path, ".pdf", ExportOptions(page="16:9", slides=2))
    assert len(PdfReader(path).pages) == 2


def test_cli_export_leaves_nothing_on_failure(tmp_path, capsys):
    from laneway.cli import main

    source = tmp_path / "m.json"
    source.write_text('{"steps": [{"id": 1, "title": "A"}], "links": []}', encoding="utf-8")
    output = tmp_path / "x.png"
    assert main(["export", str(source), "-o", str(output), "--width", "99999"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]
