"""Clean means clean; dark means dark; the findings table lists what needs attention."""

from __future__ import annotations

from pptx.enum.dml import MSO_FILL_TYPE

from laneway.analysis import analyze
from laneway.io.templates import load_template
from tests.io.pptx.deck import all_text, lead_to_renewal, map_slides, walk, write


def test_clean_export_has_no_findings_at_all(tmp_path):
    journey = load_template("b2b")
    report = analyze(journey)
    assert report.findings
    clean = write(journey, tmp_path, findings=False)
    text = all_text(clean)
    for finding in report.findings:
        assert finding.message not in text
    for word in ("nobody owns", "summary and findings", "handoff gap", "Ownership", "warning"):
        assert word not in text
    titles = [s.shapes.title.text_frame.text for s in clean.slides]
    appendix = titles[len(map_slides(clean)) :]  # the map slides come first
    assert appendix == [f"{journey.info.title}: how the customer feels"]
    for view in map_slides(clean):
        assert not view.named("Badge ") and not view.named("Gap ")
        unassigned = view.shapes["Lane header Unassigned"].fill.fore_color.rgb
        assert unassigned == view.shapes["Lane header Sales"].fill.fore_color.rgb
        for connector in view.named("Link ").values():
            dash = connector.line.dash_style
            assert dash is None


def test_annotated_export_marks_the_findings(tmp_path):
    journey = load_template("b2b")
    deck = write(journey, tmp_path)
    text = all_text(deck)
    assert "nobody owns" in text and "summary and findings" in text
    assert any(view.named("Badge ") for view in map_slides(deck))


def _luminance(rgb) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_dark_slides_are_dark_with_light_text(tmp_path):
    journey = lead_to_renewal()
    deck = write(journey, tmp_path, dark=True)
    for slide in deck.slides:
        background = slide.background.fill.fore_color.rgb
        assert _luminance(background) < 0.05
        for shape, _parent in walk(slide.shapes):
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if run.text.strip() and shape.name.startswith(("Step ", "Title", "Lane ")):
                        assert _luminance(run.font.color.rgb) > 0.4, (shape.name, run.text)
    light = write(journey, tmp_path)
    assert light.slides[0].background.fill.type != MSO_FILL_TYPE.SOLID  # the template's white


def _table_rows(deck) -> list[tuple[str, str, str]]:
    rows = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [tuple(c.text for c in row.cells) for row in list(shape.table.rows)[1:]]
    return rows


def test_findings_table_lists_errors_and_warnings_infos_on_request(tmp_path):
    journey = load_template("b2b")
    report = analyze(journey)
    severities = {f.severity for f in report.findings}
    assert {"error", "warning", "info"} <= severities
    rows = _table_rows(write(journey, tmp_path))
    assert {r[0] for r in rows} == {"error", "warning"}
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=("error", "warning").index)
    assert len(rows) == sum(1 for f in report.findings if f.severity != "info")
    with_info = _table_rows(write(journey, tmp_path, findings_info=True))
    assert len(with_info) == len(report.findings)


def test_an_excerpt_shows_the_whole_maps_findings_about_its_steps(tmp_path):
    journey = lead_to_renewal()
    whole = {f.message for f in analyze(journey).findings}
    chosen = frozenset(list(journey.steps)[:4])
    rows = _table_rows(write(journey, tmp_path, step_ids=chosen, findings_info=True))
    assert rows
    assert {r[2] for r in rows} <= whole  # no finding of the excerpt as if it were a map
    from laneway.model import excerpt

    false = {f.message for f in analyze(excerpt(journey, chosen)).findings} - whole
    assert false  # the excerpt alone has dead ends the map does not
    assert not false & {r[2] for r in rows}


def test_a_red_department_is_drawn_in_another_colour_and_the_file_keeps_it(tmp_path):
    journey = load_template("b2b")
    journey.require_transaction = False
    sales = next(d for d in journey.departments.values() if d.name == "Sales")
    journey.update_department(sales.id, color="#eb5757")  # alarm-like, as old maps had
    deck = write(journey, tmp_path)
    xml = b"".join(slide.part.blob for slide in deck.slides).upper()
    assert b"EB5757" not in xml  # neither the cards' borders nor the legend
    assert journey.departments[sales.id].color == "#eb5757"
