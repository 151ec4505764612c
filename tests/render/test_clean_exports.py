"""SPEC §6 "clean means clean", and excerpts that keep the whole map's findings."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from laneway.analysis import analyze
from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.model import palette
from laneway.render import ExportPicture, export_image
from tests.support.pdf_text import plain, text_runs

FINDINGS_WORDS = ("nobody owns", "⚠", "ownership", "handoffs agreed", "gap", "finding")


@pytest.fixture
def b2b():
    return load_template("b2b")


def _calm(journey):
    """``journey`` with departments in one green and no emotions: every alarm, warning or
    info colour left in a picture of it comes from findings."""
    for department in list(journey.departments.values()):
        journey.update_department(department.id, color="#27ae60")
    for step in list(journey.steps.values()):
        journey.update_step(step.id, emotion=None)
    return journey


def _pixels_near(image: QImage, colors: list[str], tolerance: int = 4) -> int:
    wanted = [QColor(c) for c in colors]
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            p = image.pixelColor(x, y)
            for c in wanted:
                if (
                    abs(p.red() - c.red()) <= tolerance
                    and abs(p.green() - c.green()) <= tolerance
                    and abs(p.blue() - c.blue()) <= tolerance
                ):
                    count += 1
                    break
    return count


def test_a_clean_png_has_no_findings_colour_at_all(qapp, b2b, tmp_path):
    journey = _calm(b2b)
    alarms = [palette.ALARM, palette.ALARM_FILL, palette.WARNING, palette.INFO]
    for findings, expect_some in ((True, True), (False, False)):
        path = tmp_path / f"map-{findings}.png"
        export_image(journey, path, ".png", ExportOptions(scale=1, findings=findings))
        found = _pixels_near(QImage(str(path)), alarms)
        assert (found > 50) == expect_some, (findings, found)


@pytest.mark.parametrize("page", ["map", "16:9"])
def test_a_clean_pdf_says_nothing_of_findings(qapp, b2b, tmp_path, page):
    path = tmp_path / "clean.pdf"
    export_image(b2b, path, ".pdf", ExportOptions(page=page, findings=False))
    text = plain(" ".join(run.text for run in text_runs(path))).lower()
    assert "unassigned" in text
    assert [word for word in FINDINGS_WORDS if word in text] == []
    annotated = tmp_path / "annotated.pdf"
    export_image(b2b, annotated, ".pdf", ExportOptions(page=page))
    text = plain(" ".join(run.text for run in text_runs(annotated))).lower()
    assert "nobody owns" in text and "handoffs agreed" in text


def test_an_excerpt_shows_the_whole_maps_findings_for_its_steps(qapp, b2b):
    whole = analyze(b2b)
    # The first steps of the journey: each leads on to steps left out of the excerpt,
    # which an excerpt analysed as a map would call dead ends.
    ordered = list(b2b.steps)
    shown = frozenset(ordered[:4])
    leaves = [s for s in shown if any(link.target not in shown for link in b2b.outgoing(s))]
    assert leaves
    picture = ExportPicture.build(b2b, ExportOptions(step_ids=shown))
    try:
        for step_id in shown:
            item = picture.scene.step_item(step_id)
            expected = [f"• {f.message}" for f in whole.findings_for_step(step_id)]
            lines = item.toolTip().split("\n")
            assert [line for line in lines if line.startswith("• ")] == expected
            assert "dead-end" not in {f.rule for f in whole.findings_for_step(step_id)}
        assert picture.report is not None
        assert picture.report.summary == whole.summary  # the title's figures are the map's
    finally:
        picture.close()


def test_the_excerpt_check_would_catch_findings_of_the_excerpt(qapp, b2b):
    """Analysed as a map of its own, the same excerpt has false dead ends."""
    from laneway.model import excerpt

    shown = frozenset(list(b2b.steps)[:4])
    part = analyze(excerpt(b2b, shown))
    assert any(f.rule == "dead-end" for f in part.findings)


def test_findings_info_lists_the_findings_after_a_clean_deck(qapp, b2b, tmp_path):
    clean, informed = tmp_path / "clean.pdf", tmp_path / "informed.pdf"
    export_image(b2b, clean, ".pdf", ExportOptions(page="16:9", findings=False))
    options = ExportOptions(page="16:9", findings=False, findings_info=True)
    export_image(b2b, informed, ".pdf", options)
    map_pages = {r.page for r in text_runs(clean)}
    runs = text_runs(informed)
    extra = [r for r in runs if r.page not in map_pages]
    assert extra, "the findings come on pages of their own"
    listed = plain(" ".join(r.text for r in extra))
    for finding in analyze(b2b).findings:
        assert plain(finding.message)[:40] in listed
    on_the_map = plain(" ".join(r.text for r in runs if r.page in map_pages)).lower()
    assert [word for word in FINDINGS_WORDS if word in on_the_map] == []
