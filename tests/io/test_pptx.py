"""PowerPoint export: native shapes, one per step, connectors glued to them."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from laneway.io.export_options import ExportOptions
from laneway.io.pptxio import write_pptx
from laneway.io.templates import load_template
from tests.io.pptx.deck import walk
from tests.support.maps import workshop_map


def _write(journey, tmp_path, **options):
    path = tmp_path / "map.pptx"
    write_pptx(journey, path, ExportOptions(**options))
    return Presentation(str(path))


def _shapes(slide):
    """Every shape of the slide, those inside groups (cards, routes) included."""
    return [shape for shape, _group in walk(slide.shapes)]


def _map_slides(presentation):
    return [s for s in presentation.slides if any(sh.name.startswith("Step ") for sh in _shapes(s))]


def _step_shapes(slide):
    return {
        sh.name.removeprefix("Step "): sh for sh in _shapes(slide) if sh.name.startswith("Step ")
    }


def test_one_shape_per_step_holding_its_title(tmp_path):
    journey = load_template("b2b")
    presentation = _write(journey, tmp_path)
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    found = {}
    for slide in _map_slides(presentation):
        found.update(_step_shapes(slide))
    assert set(found) == set(journey.steps)
    for step_id, shape in found.items():
        assert shape.text_frame.paragraphs[0].text == journey.steps[step_id].title


def test_connectors_are_glued_to_the_right_step_shapes(tmp_path):
    journey = load_template("support")
    presentation = _write(journey, tmp_path)
    glued = 0
    for slide in _map_slides(presentation):
        shape_ids = {sh.shape_id: name for name, sh in _step_shapes(slide).items()}
        for shape in _shapes(slide):
            if not shape.name.startswith("Link "):
                continue
            props = shape._element.nvCxnSpPr.cNvCxnSpPr
            start = shape_ids[int(props.find(qn("a:stCxn")).get("id"))]
            end = shape_ids[int(props.find(qn("a:endCxn")).get("id"))]
            assert journey.link_between(start, end) is not None
            assert shape.name == f"Link {start} -> {end}"
            line = shape._element.spPr.find(qn("a:ln"))
            assert line.find(qn("a:tailEnd")).get("type") == "triangle"
            glued += 1
    assert glued > 0
    same_slide = sum(
        1
        for link in journey.links.values()
        for slide in _map_slides(presentation)
        if {link.source, link.target} <= set(_step_shapes(slide))
    )
    assert glued == same_slide


def test_lanes_stage_headers_legend_and_title(tmp_path):
    journey = load_template("b2b")
    presentation = _write(journey, tmp_path)
    slide = _map_slides(presentation)[0]
    names = [sh.name for sh in _shapes(slide)]
    assert "Lane header Unassigned" in names
    assert any(n == "Lane header Marketing" for n in names)
    assert any(n.startswith("Stage ") for n in names)
    assert any(n.startswith("Legend Marketing") for n in names)
    assert any(sh.name == "Title" and "B2B" in sh.text_frame.text for sh in _shapes(slide))


def test_wide_maps_are_split_by_stage_with_lanes_repeated(tmp_path):
    journey = workshop_map(60)
    presentation = _write(journey, tmp_path)
    slides = _map_slides(presentation)
    assert len(slides) > 1
    for slide in slides:
        names = [sh.name for sh in _shapes(slide)]
        assert "Lane header Marketing" in names and "Lane header Unassigned" in names
    placed = [step for slide in slides for step in _step_shapes(slide)]
    assert sorted(placed) == sorted(journey.steps)  # every step exactly once


def test_summary_slide_and_clean_version(tmp_path):
    journey = load_template("b2b")
    annotated = _write(journey, tmp_path, findings=True, summary_slide=True)
    texts = [
        cell.text
        for slide in annotated.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert any(t.startswith("Nobody agreed") for t in texts)
    summary = [sh for s in annotated.slides for sh in s.shapes if sh.name == "Summary"]
    assert "Ownership: 95% (18 of 19 steps owned)" in summary[0].text_frame.text
    assert any(sh.name.startswith("Badge ") for s in annotated.slides for sh in _shapes(s))
    clean = _write(
        journey, tmp_path, findings=False, summary_slide=False, title=False, legend=False
    )
    assert len(clean.slides) == len(_map_slides(clean))
    names = [sh.name for s in clean.slides for sh in _shapes(s)]
    assert not [n for n in names if n.startswith(("Badge ", "Legend ", "Title"))]


@pytest.mark.parametrize("count", [3])
def test_selection_only(tmp_path, count):
    journey = load_template("b2b")
    chosen = frozenset(list(journey.steps)[:count])
    presentation = _write(journey, tmp_path, step_ids=chosen)
    placed = {s for slide in _map_slides(presentation) for s in _step_shapes(slide)}
    assert placed == set(chosen)
