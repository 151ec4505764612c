"""Every link is on the slides: a glued connector where both ends are, continuation
markers where they are not; captions and "?" markers grouped with their connector."""

from __future__ import annotations

import itertools

import pytest

from laneway.io.templates import load_template
from laneway.layout.routing import Side
from tests.io.pptx.deck import caption_text, glue, lead_to_renewal, map_slides, write
from tests.support.maps import generated_journey, workshop_map

MAPS = {
    "b2b": lambda: load_template("b2b"),
    "support": lambda: load_template("support"),
    "ecommerce": lambda: load_template("ecommerce"),
    "lead-to-renewal": lead_to_renewal,
    "generated-40": lambda: generated_journey(40),
    "workshop-60": lambda: workshop_map(60),
    "workshop-200": lambda: workshop_map(200),
}
SITES = {side.glue_site for side in Side}


def _marker_links(view) -> set[str]:
    """Link ids named by the slide's continuation markers."""
    ids: set[str] = set()
    for name in view.named("Continuation "):
        ids.update(name.removeprefix("Continuation ").split())
    return ids


@pytest.mark.parametrize("name", sorted(MAPS))
def test_every_link_has_a_connector_or_a_marker_on_each_slide(tmp_path, name):
    journey = MAPS[name]()
    slides = map_slides(write(journey, tmp_path))
    home = {step: i for i, view in enumerate(slides) for step in view.steps}
    assert set(home) == set(journey.steps)
    for link in journey.links.values():
        a, b = home[link.source], home[link.target]
        if a == b:
            view = slides[a]
            connector = view.shapes[f"Link {link.source} -> {link.target}"]
            (start, start_site), (end, end_site) = glue(connector)
            assert start == view.steps[link.source].shape_id
            assert end == view.steps[link.target].shape_id
            assert {start_site, end_site} <= SITES
        else:
            assert link.id in _marker_links(slides[a]), (link, a)
            assert link.id in _marker_links(slides[b]), (link, b)
            marker_text = " ".join(
                s.text_frame.text for n, s in slides[a].named("Continuation ").items()
                if link.id in n.split()
            )  # fmt: skip
            assert f"slide {b + 1}" in marker_text


def test_connector_sides_follow_the_geometry(tmp_path):
    """Not always right → left: a link to a card below leaves through a bottom or
    side the router chose, and the glue sites differ between links."""
    journey = lead_to_renewal()
    sites = set()
    for view in map_slides(write(journey, tmp_path)):
        for connector in view.named("Link ").values():
            (_s, start_site), (_e, end_site) = glue(connector)
            sites.add((start_site, end_site))
    assert len(sites) > 1


@pytest.mark.parametrize("name", ["lead-to-renewal", "b2b", "workshop-60"])
def test_agreement_captions_are_on_the_slide_grouped_with_their_connector(tmp_path, name):
    journey = MAPS[name]()
    slides = map_slides(write(journey, tmp_path))
    found = 0
    for link in journey.links.values():
        text = caption_text(link)
        for view in slides:
            if not {link.source, link.target} <= set(view.steps):
                continue
            connector_name = f"Link {link.source} -> {link.target}"
            group = view.parents[connector_name]
            caption = view.shapes.get(f"Caption {link.id}")
            note = view.shapes.get(f"Note {link.id}")
            if not text:
                assert caption is None and note is None
                continue
            found += 1
            if caption is not None:
                assert " ".join(caption.text_frame.text.split()) == text
                assert view.parents[f"Caption {link.id}"] is group is not None
            else:  # no room by the link: a numbered note, listed on the slide
                assert note is not None and view.parents[f"Note {link.id}"] is group
                number = note.text_frame.text
                listed = " ".join(s.text_frame.text for n, s in view.named("Notes ").items())
                if view.slide.has_notes_slide:  # the notes beyond the title bar's room
                    listed += " " + view.slide.notes_slide.notes_text_frame.text
                assert f"{number} {text}" in " ".join(listed.split())
    home = {step: i for i, view in enumerate(slides) for step in view.steps}
    same_slide = [link for link in journey.links.values() if home[link.source] == home[link.target]]
    assert found == sum(1 for link in same_slide if caption_text(link)) > 0


def test_gap_markers_are_grouped_with_the_gap_link(tmp_path):
    journey = lead_to_renewal()
    slides = map_slides(write(journey, tmp_path))
    gaps = [link for link in journey.links.values() if journey.is_gap(link)]
    assert len(gaps) == 4
    for link in gaps:
        for view in slides:
            if {link.source, link.target} <= set(view.steps):
                marker = view.shapes[f"Gap {link.id}"]
                assert marker.text_frame.text == "?"
                assert (
                    view.parents[f"Gap {link.id}"]
                    is view.parents[f"Link {link.source} -> {link.target}"]
                )


def test_badges_are_grouped_with_their_card(tmp_path):
    journey = load_template("b2b")
    badges = 0
    for view in map_slides(write(journey, tmp_path)):
        for name in view.named("Badge "):
            step_id = name.removeprefix("Badge ")
            group = view.parents[name]
            assert group is not None and group.name == f"Card {step_id}"
            assert view.parents[f"Step {step_id}"] is group
            badges += 1
    assert badges > 0


def test_forced_slide_count(tmp_path):
    journey = workshop_map(60)
    for count in (1, 2, 4):
        assert len(map_slides(write(journey, tmp_path, slides=count))) == count


def _drawn(connector) -> list[tuple[float, float]]:
    """The polyline the connector's stored geometry draws, in points."""
    from pptx.oxml.ns import qn

    from laneway.io.pptx.connectors import drawn_points
    from laneway.io.pptx.shapes import ConnectorGeometry

    xfrm = connector._element.spPr.find(qn("a:xfrm"))
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    geom = connector._element.spPr.find(qn("a:prstGeom"))
    adjust = tuple(int(gd.get("fmla").split()[1]) for gd in geom.iter(qn("a:gd")))
    box = tuple(int(v) / 12700 for v in (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")))
    geometry = ConnectorGeometry(
        geom.get("prst"),
        box,
        int(xfrm.get("rot", "0")) // 60000,
        xfrm.get("flipH") == "1",
        xfrm.get("flipV") == "1",
        adjust,
    )
    return drawn_points(geometry)


def _on_side(point, shape, site: int) -> bool:
    left, top = shape.left / 12700, shape.top / 12700
    right, bottom = left + shape.width / 12700, top + shape.height / 12700
    x, y = point
    near = 1.0  # points
    if site in (0, 2):  # top, bottom
        edge = top if site == 0 else bottom
        return abs(y - edge) <= near and left - near <= x <= right + near
    edge = left if site == 1 else right
    return abs(x - edge) <= near and top - near <= y <= bottom + near


@pytest.mark.parametrize("name", ["lead-to-renewal", "workshop-60"])
def test_connectors_are_drawn_from_the_glued_side_to_the_glued_side(tmp_path, name):
    """What the file stores (box, rotation, flips, adjust values) draws a line that starts
    on the source card's glued side and ends on the target's, as the app shows it."""
    journey = MAPS[name]()
    checked = 0
    for view in map_slides(write(journey, tmp_path)):
        by_id = {shape.shape_id: shape for shape in view.steps.values()}
        for connector in view.named("Link ").values():
            (start, start_site), (end, end_site) = glue(connector)
            points = _drawn(connector)
            assert _on_side(points[0], by_id[start], start_site)
            assert _on_side(points[-1], by_id[end], end_site)
            for (ax, ay), (bx, by) in itertools.pairwise(points):
                # orthogonal (a bent route with both ends level gets a half-point box)
                assert abs(ax - bx) < 0.01 or abs(ay - by) < 0.51
            checked += 1
    assert checked > 5
