"""SPEC §6 "text stays text": PDF and SVG text found as typed."""

from __future__ import annotations

import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import export_image

SVG = "{http://www.w3.org/2000/svg}"
LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}


@pytest.fixture
def journey():
    journey = load_template("b2b")
    steps = list(journey.steps)
    journey.update_step(steps[0], title="Kick-off call")
    journey.update_step(steps[1], title="Sign off the handoff")
    journey.update_step(steps[2], title="Pay by card Карта 日本")
    return journey


def _pdf_text(path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("page", ["map", "16:9"])
def test_pdf_text_has_no_ligatures_and_is_found_as_typed(qapp, journey, tmp_path, page):
    path = tmp_path / "map.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page=page))
    text = _pdf_text(path)
    assert not LIGATURES & set(text)
    words = " ".join(text.split())
    assert "Kick-off call" in words
    assert "handoff" in words and "handoffs agreed" in words


def test_svg_names_a_font_list_and_keeps_each_title_line_in_one_element(qapp, journey, tmp_path):
    path = tmp_path / "map.svg"
    export_image(journey, path, ".svg", ExportOptions())
    root = ElementTree.parse(path).getroot()
    texts = list(root.iter(f"{SVG}text"))
    families = {t.get("font-family") for t in texts}
    assert len(families) == 1
    family = families.pop()
    assert family is not None and family.endswith("sans-serif") and "DejaVu Sans" in family
    contents = ["".join(t.itertext()) for t in texts]
    assert not LIGATURES & set("".join(contents))
    assert "Kick-off call" in contents  # a one-line title: one element
    mixed = [c for c in contents if "Карта" in c or "日本" in c]
    assert len(mixed) == 1 and "Карта 日本" in mixed[0], mixed
