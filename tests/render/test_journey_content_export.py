"""SPEC §7 in the exported pictures: the emotion band, the persona filter and title, the
note markers and the numbered notes list (left out of the clean version)."""

from __future__ import annotations

import unicodedata
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from laneway.canvas.content_layers import numbered_notes
from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template, template_names
from laneway.render import ExportPicture, export_image

SVG = "{http://www.w3.org/2000/svg}"


def _svg_text(path) -> str:
    root = ElementTree.parse(path).getroot()
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("name", template_names())
def test_the_band_sits_above_the_lanes_with_each_low_point_named(qapp, name, tmp_path):
    journey = load_template(name)
    path = tmp_path / "map.svg"
    export_image(journey, path, ".svg", ExportOptions(emotion_curve=True))
    picture = ExportPicture.build(journey, ExportOptions(emotion_curve=True))
    plain = ExportPicture.build(journey, ExportOptions())
    try:
        band = picture.scene.content.band
        lows = band.low_point_labels()
        assert lows, "every template has a dip to talk about"
        assert picture.map_rect.top() < plain.map_rect.top() - 100
        assert band.sceneBoundingRect().bottom() <= 0  # above the stage headers
        assert {line.name for line in band.curve.lines} == {
            p.name for p in journey.personas.values()
        }
    finally:
        picture.close()
        plain.close()
    text = _svg_text(path)
    assert "Emotion" in text
    for title in lows:
        assert title.split()[0] in text


def test_notes_are_numbered_on_the_markers_and_listed_but_not_in_the_clean_version(qapp, tmp_path):
    journey = load_template("b2b")
    notes = numbered_notes(journey)
    assert len(notes) >= 3
    workshop = ExportPicture.build(journey, ExportOptions())
    clean = ExportPicture.build(journey, ExportOptions(findings=False, notes=False))
    try:
        markers = {m.target: m.text for m in workshop.scene.content.marks.markers}
        for number, note in enumerate(notes, start=1):
            if note.target[0] != "map":
                assert str(number) in markers[note.target].split(", ")
        assert clean.scene.content.marks.markers == []
        assert workshop.size.height() > clean.size.height() + 60
    finally:
        workshop.close()
        clean.close()
    with_notes, without = tmp_path / "workshop.svg", tmp_path / "clean.svg"
    export_image(journey, with_notes, ".svg", ExportOptions())
    export_image(journey, without, ".svg", ExportOptions(findings=False, notes=False))
    first = notes[0].text.split()[0:3]
    assert f"Open notes ({len(notes)})" in _svg_text(with_notes)
    assert " ".join(first) in _svg_text(with_notes)
    assert "Open notes" not in _svg_text(without)


def test_a_16_9_pdf_carries_the_curve_the_persona_and_the_notes(qapp, tmp_path):
    journey = load_template("b2b")
    persona = journey.personas_in_order()[0]
    path = tmp_path / "map.pdf"
    options = ExportOptions(page="16:9", emotion_curve=True, persona=persona.name)
    export_image(journey, path, ".pdf", options)
    pages = PdfReader(path).pages  # the map split by stage range, then the open notes
    for page in pages:
        ratio = float(page.mediabox.width) / float(page.mediabox.height)
        assert ratio == pytest.approx(16 / 9, 0.01)
    text = _plain(" ".join(page.extract_text() for page in pages))
    assert f"persona {persona.name} (other steps dimmed)" in text
    assert "Emotion" in text and "Open notes" in text
    picture = ExportPicture.build(journey, options)
    try:
        dimmed = picture.scene.content.dimmed_step_ids()
        titles = {picture.journey.steps[s].title for s in dimmed}
        expected = {s.title for s in journey.steps.values() if not s.concerns(persona.id)}
        assert titles == expected and titles
        assert [line.name for line in picture.scene.content.band.curve.lines] == [persona.name]
    finally:
        picture.close()


def test_the_title_block_names_the_personas(qapp, tmp_path):
    journey = load_template("support")
    path = tmp_path / "map.svg"
    export_image(journey, path, ".svg", ExportOptions())
    names = ", ".join(p.name for p in journey.personas_in_order())
    assert f"for {names}" in _svg_text(path)


def test_a_selection_export_keeps_the_persona_filter(qapp):
    journey = load_template("ecommerce")
    persona = journey.personas_in_order()[-1]
    chosen = frozenset(list(journey.steps)[:6])
    picture = ExportPicture.build(
        journey, ExportOptions(step_ids=chosen, persona=persona.id, emotion_curve=True)
    )
    try:
        part = picture.journey
        assert picture.scene.content.persona_id == part.persona_by_name(persona.name).id
    finally:
        picture.close()
