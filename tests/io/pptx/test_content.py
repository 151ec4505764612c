"""The journey content's slides: the emotion curve as a native chart, the notes list."""

from __future__ import annotations

from laneway.io.templates import load_template
from tests.io.pptx.deck import all_text, write
from tests.support.maps import generated_journey


def _slide(deck, ending: str):
    return [s for s in deck.slides if s.shapes.title.text_frame.text.endswith(ending)]


def test_the_emotion_curve_is_a_line_chart_with_a_line_per_persona(tmp_path):
    journey = load_template("b2b")
    deck = write(journey, tmp_path)
    (slide,) = _slide(deck, "how the customer feels")
    (frame,) = [s for s in slide.shapes if s.has_chart]
    chart = frame.chart
    names = [series.name for series in chart.plots[0].series]
    assert names == [p.name for p in journey.personas_in_order()]
    felt = {s.title: s.emotion for s in journey.steps.values() if s.emotion is not None}
    categories = list(chart.plots[0].categories)
    assert set(categories) == set(felt)
    for series in chart.plots[0].series:
        for title, value in zip(categories, series.values, strict=True):
            assert value is None or value == felt[title]
    clean = write(journey, tmp_path, findings=False)
    assert _slide(clean, "how the customer feels")  # content, kept in the clean deck
    assert not _slide(write(journey, tmp_path, summary_slide=False), "how the customer feels")


def test_notes_are_listed_numbered_and_left_out_of_the_clean_deck(tmp_path):
    journey = generated_journey(40)
    assert journey.notes
    deck = write(journey, tmp_path)
    slides = [s for s in deck.slides if ": notes" in s.shapes.title.text_frame.text]
    assert slides
    text = "\n".join(sh.text_frame.text for s in slides for sh in s.shapes if sh.name == "Notes")
    for note in journey.notes.values():
        assert note.text in text
    assert text.startswith("1. ")
    clean = write(journey, tmp_path, findings=False)
    assert not [s for s in clean.slides if ": notes" in s.shapes.title.text_frame.text]
    for note in journey.notes.values():
        assert note.text not in all_text(clean)


def test_a_big_maps_curve_is_each_stages_average(tmp_path):
    from tests.support.maps import workshop_map

    journey = workshop_map(400)
    felt = [s for s in journey.steps.values() if s.emotion is not None]
    assert len(felt) > 250
    deck = write(journey, tmp_path, findings=False)
    (slide,) = _slide(deck, "stage by stage (average)")
    chart = next(s for s in slide.shapes if s.has_chart).chart
    assert list(chart.plots[0].categories) == [s.name for s in journey.stages_in_order()]
    (series,) = chart.plots[0].series
    for stage, value in zip(journey.stages_in_order(), series.values, strict=True):
        values = [s.emotion for s in felt if s.stage_id == stage.id]
        assert value == round(sum(values) / len(values), 2)
