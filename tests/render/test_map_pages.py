"""Map pages split by stage range: continuation markers for every link that leaves a
page, no page of empty stages, a forced page count, posters."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from laneway.io.export_options import ExportOptions
from laneway.io.templates import load_template
from laneway.render import export_image
from laneway.render.look import min_scale
from laneway.render.paging import plan_map_pages
from laneway.render.tiles import tile_grid
from tests.support.maps import workshop_map
from tests.support.pdf_text import plain, text_runs, title_sizes

AREA = (936.0, 450.0)


def _page_of_steps(path, journey) -> dict[str, int]:
    """The page of each step that can be told from the file alone: a title no other title
    contains, written as one run (a one-line title)."""
    runs = [r for r in text_runs(path) if r.bold]
    titles = {step.id: plain(step.title) for step in journey.steps.values()}
    pages: dict[str, int] = {}
    for step_id, title in titles.items():
        if any(title in other for other_id, other in titles.items() if other_id != step_id):
            continue
        found = [r.page for r in runs if plain(r.text) == title]
        if len(found) == 1:
            pages[step_id] = found[0]
    return pages


def test_every_link_leaving_a_page_is_marked_on_both_pages(qapp, tmp_path):
    journey = workshop_map(60)
    for index, step_id in enumerate(list(journey.steps)):  # titles the file tells apart
        journey.update_step(step_id, title=f"Step {index:02d}")
    path = tmp_path / "deck.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page="16:9"))
    page_of = _page_of_steps(path, journey)
    runs = text_runs(path)
    markers: dict[int, list[str]] = {}
    for run in runs:
        if "page" in run.text and ("→" in run.text or "←" in run.text):
            markers.setdefault(run.page, []).append(plain(run.text))
    crossing = 0
    for link in journey.links.values():
        if link.source not in page_of or link.target not in page_of:
            continue
        a, b = page_of[link.source], page_of[link.target]
        if a == b:
            continue
        crossing += 1
        target, source = (plain(journey.steps[e].title) for e in (link.target, link.source))
        out = [m for m in markers[a] if m.startswith(("→", "? →")) and m.endswith(f"page {b}")]
        back = [m for m in markers[b] if m.startswith(("←", "? ←")) and m.endswith(f"page {a}")]
        assert any(target in m or "..." in m or " link" in m for m in out), (
            link.id,
            a,
            b,
            markers[a],
        )
        assert any(source in m or "..." in m or " link" in m for m in back), (
            link.id,
            a,
            b,
            markers[b],
        )
    assert crossing == sum(
        1 for link in journey.links.values() if page_of[link.source] != page_of[link.target]
    )
    assert crossing >= 5


def test_the_plan_marks_each_crossing_link_on_both_of_its_pages():
    journey = workshop_map(60)
    pages = plan_map_pages(journey, AREA, min_scale(60))
    page_of = {step_id: p.number for p in pages for step_id in p.journey.steps}
    assert set(page_of) == set(journey.steps)
    for link in journey.links.values():
        a, b = page_of[link.source], page_of[link.target]
        if a != b:
            out = [c for c in pages[a - 1].continuations if c.link_id == link.id]
            back = [c for c in pages[b - 1].continuations if c.link_id == link.id]
            assert [(c.outgoing, c.other_page) for c in out] == [(True, b)]
            assert [(c.outgoing, c.other_page) for c in back] == [(False, a)]


def test_no_page_holds_only_empty_stages():
    journey = load_template("b2b")
    first = journey.stages_in_order()[0].id
    for name in ("Nothing yet", "Nothing either"):
        journey.add_stage(name)
    order = [s.id for s in journey.stages_in_order()]
    journey.reorder_stages([first, *order[-2:], *order[1:-2]])
    pages = plan_map_pages(journey, AREA, min_scale(len(journey.steps)))
    assert len(pages) > 1
    assert all(page.journey.steps for page in pages)
    shown = {s.name for page in pages for s in page.journey.stages.values()}
    assert {"Nothing yet", "Nothing either"} <= shown  # they travel with a neighbour


@pytest.mark.parametrize("slides", [1, 2, 3])
def test_slides_forces_the_number_of_map_pages(qapp, tmp_path, slides):
    path = tmp_path / "deck.pdf"
    export_image(workshop_map(40), path, ".pdf", ExportOptions(page="16:9", slides=slides))
    assert len(PdfReader(path).pages) == slides


def test_slides_is_checked():
    with pytest.raises(ValueError, match="slides"):
        ExportOptions(slides=0)


@pytest.mark.parametrize("page", ["a1", "a0"])
def test_a_poster_holds_200_steps_readable_on_one_sheet(qapp, tmp_path, page):
    journey = workshop_map(200)
    path = tmp_path / "poster.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page=page))
    assert len(PdfReader(path).pages) == 1
    sizes = title_sizes(text_runs(path), {s.id: s.title for s in journey.steps.values()})
    assert len(sizes) == len(journey.steps)
    assert min(sizes.values()) >= (8.0 if page == "a1" else 10.0)


def test_a_tiled_poster_covers_the_a1_sheet_with_overlaps(qapp, tmp_path):
    journey = workshop_map(200)
    path = tmp_path / "tiles.pdf"
    export_image(journey, path, ".pdf", ExportOptions(page="a4-tiled"))
    reader = PdfReader(path)
    rows, columns, _sx, _sy = tile_grid((2383.94, 1683.78), (841.89, 595.28))
    assert len(reader.pages) == rows * columns >= 8
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    labels = [page.extract_text() for page in reader.pages]
    assert all(f"of {rows} × {columns}" in plain(label) for label in labels)
