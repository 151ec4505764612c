"""CSV import and export: the documented columns, delimiters, BOM, errors, round trip."""

from __future__ import annotations

import json

import pytest

from laneway.io import csvio, jsonio
from laneway.io.errors import InputError
from laneway.io.templates import load_template

HEADER = "id,title,department,stage,emotion,entry,next\n"


def test_steps_with_next_and_link_rows_with_agreements():
    text = (
        "ID;Title;Department;Stage;Emotion;Pain Points;next;kind;from;to;agreement;SLA\n"
        "1;Reads blog;Marketing;Awareness;+1;;2;step;;;;\n"
        "2;Requests demo;Marketing;Awareness;;Form is long;3;;;;;\n"
        "3;Qualify lead;Sales;Consideration;-1;;;;;;;\n"
        ";;;;;;;link;2;3;MQL: score >= 50;24 h\n"
    )
    journey = csvio.loads(text)
    assert [s.title for s in journey.steps.values()] == [
        "Reads blog",
        "Requests demo",
        "Qualify lead",
    ]
    assert journey.steps["1"].emotion == 1 and journey.steps["3"].emotion == -1
    assert journey.steps["2"].pain_points == "Form is long"
    link = journey.link_between("2", "3")
    assert (link.agreement, link.sla) == ("MQL: score >= 50", "24 h")
    assert journey.link_between("1", "2") is not None
    assert [d.name for d in journey.departments_in_order()] == ["Marketing", "Sales"]


def test_bom_and_crlf_are_fine():
    text = "\ufeff" + HEADER.replace("\n", "\r\n") + "a,Sees ad,Marketing,,,yes,\r\n"
    journey = csvio.loads(text.removeprefix("\ufeff"))
    assert journey.steps["a"].entry is True


@pytest.mark.parametrize(
    ("text", "problem", "where"),
    [
        ("id,title,owner\n1,A,Sales\n", "unknown column 'owner'", "line 1"),
        (HEADER + "1,A,,,,,9\n", "names step '9', which does not exist", "line 2"),
        (HEADER + "1,A,,,7,,\n", "emotion", None),
        (HEADER + "1,A,,,,maybe,\n", "'entry' must be yes or no", "line 2"),
        (HEADER + '1,"A,,,,,\n', "CSV", None),
        (HEADER + "1,A,,,,,\n1,B,,,,,\n", "already used on line 2", "line 3"),
        ("", "is empty", None),
        ("id,department\n1,Sales\n", "no 'title' column", "line 1"),
    ],
)
def test_bad_csv_gives_one_sentence(text, problem, where):
    with pytest.raises(InputError) as caught:
        csvio.loads(text)
    message = str(caught.value)
    assert problem in message and "\n" not in message and message.endswith(".")
    if where:
        assert caught.value.where == where


def test_json_to_csv_to_json_keeps_steps_links_owners_stages_and_agreements():
    original = load_template("b2b")
    again = csvio.loads(csvio.write_bytes(original).decode("utf-8-sig"))
    first, second = json.loads(jsonio.dumps(original)), json.loads(jsonio.dumps(again))
    assert first["steps"] == second["steps"]
    assert first["links"] == second["links"]
    used = {s["stage"] for s in first["steps"]}
    assert [s for s in first["stages"] if s in used] == second["stages"]
    assert [d["name"] for d in first["departments"]] == [d["name"] for d in second["departments"]]


def test_the_shipped_template_csv_imports(tmp_path):
    from importlib import resources

    text = resources.files("laneway.resources").joinpath("templates/journey-template.csv")
    journey = csvio.loads(text.read_text(encoding="utf-8-sig"))
    assert len(journey.steps) >= 8
    assert any(link.agreement for link in journey.links.values())
    assert any(step.department_id is None for step in journey.steps.values())
