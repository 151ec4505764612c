"""The exports speak the language too: slides' summary and findings, the PDF's title line
with its date and shares written the language's way (the map's own words stay as typed)."""

from __future__ import annotations

from datetime import date

import pytest
from pptx import Presentation
from pypdf import PdfReader

from laneway.i18n import set_language
from laneway.i18n.formatting import format_day
from laneway.io.export_options import ExportOptions
from laneway.operations.exporting import export_map
from tests.conftest import build_map


@pytest.fixture
def journey():
    return build_map(
        steps=(("Sees the ad", "Marketing", "Awareness"), ("Asks for a quote", None, "Purchase"),
               ("Calls back", "Sales", "Purchase")),
        links=(("Sees the ad", "Calls back"),),
        title="Frühjahrskampagne",
    )  # fmt: skip


def _slide_texts(path) -> list[str]:
    texts = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def test_german_slides_summarise_in_german(journey, tmp_path):
    set_language("de")
    path = tmp_path / "map.pptx"
    export_map(journey, path, ExportOptions())
    texts = _slide_texts(path)
    assert "Frühjahrskampagne: Zusammenfassung und Befunde" in texts
    assert {"Schweregrad", "Regel", "Befund", "Fehler"} <= set(texts)
    assert "Niemand ist für 'Asks for a quote' in Purchase zuständig." in texts
    assert any("Zuständigkeit: 67\u00a0% (zuständig für 2 von 3 Schritte)" in t for t in texts)
    assert any("1 Schritt ohne Zuständigkeit" in text for text in texts)  # the lane header
    assert not any("Summary" in text or "nobody owns" in text for text in texts)


def test_the_english_slides_are_as_before(journey, tmp_path):
    path = tmp_path / "map.pptx"
    export_map(journey, path, ExportOptions())
    texts = _slide_texts(path)
    assert "Frühjahrskampagne: summary and findings" in texts
    assert {"Severity", "Rule", "Finding", "error"} <= set(texts)


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", ("3 Schritte", "Zuständigkeit 67 %")), ("fr", ("3 étapes", "responsabilité 67 %"))],
)
def test_the_pdf_title_line_writes_the_day_and_shares_the_language_s_way(
    journey, tmp_path, language, words
):
    set_language(language)
    path = tmp_path / "map.pdf"
    export_map(journey, path, ExportOptions())
    text = " ".join(PdfReader(path).pages[0].extract_text().replace("\u00a0", " ").split())
    assert " ".join(format_day(date.today()).split()) in text
    for word in words:
        assert word in text
