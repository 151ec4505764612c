"""SPEC §6 on the 16:9 PDF, measured from the file: step titles and the smallest text.

Up to 20 steps titles are at least 12 pt and every text at least 9 pt; up to 40 steps
10 pt and 8 pt. The sizes are read from the PDF's text layer (font size times the
text and current matrices), so they are what a deck reader gets.
"""

from __future__ import annotations

import pytest

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import export_image
from tests.support.maps import workshop_map
from tests.support.pdf_text import text_runs, title_sizes

FLOORS = {20: (12.0, 9.0), 40: (10.0, 8.0)}


def _floors(steps: int) -> tuple[float, float]:
    return next(FLOORS[limit] for limit in sorted(FLOORS) if steps <= limit)


MAPS = {
    "b2b": lambda: load_template("b2b"),
    "ecommerce": lambda: load_template("ecommerce"),
    "support": lambda: load_template("support"),
    "13 steps": lambda: workshop_map(13),
    "20 steps": lambda: workshop_map(20),
    "40 steps": lambda: workshop_map(40),
}


@pytest.mark.parametrize("findings", [True, False], ids=["annotated", "clean"])
@pytest.mark.parametrize("name", list(MAPS))
def test_16_9_pdf_meets_the_sizes_of_spec_6(qapp, tmp_path, name, findings):
    journey = MAPS[name]()
    path = tmp_path / "slides.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page="16:9", findings=findings))
    runs = text_runs(path)
    titles = {step.id: step.title for step in journey.steps.values()}
    sizes = title_sizes(runs, titles)
    assert set(sizes) == set(titles), "every step title is in the text layer"
    title_floor, small_floor = _floors(len(journey.steps))
    smallest = min(sizes.values())
    assert smallest >= title_floor - 0.01, (name, min(sizes, key=sizes.get), smallest)
    tiniest = min(runs, key=lambda r: r.size)
    assert tiniest.size >= small_floor - 0.01, (name, tiniest)


def test_the_measurement_sees_small_titles(qapp, tmp_path):
    """The old export (the whole 40-step map forced onto one slide) is caught."""
    journey = workshop_map(40)
    path = tmp_path / "one.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page="16:9", slides=1))
    sizes = title_sizes(text_runs(path), {s.id: s.title for s in journey.steps.values()})
    assert min(sizes.values()) < 10.0
