"""Interchange JSON (SPEC §4): lossless round trip, kept ids, one-sentence errors."""

from __future__ import annotations

import json

import pytest

from laneway.io import jsonio
from laneway.io.errors import InputError
from laneway.model import map_to_dict
from tests.conftest import build_map

SPEC_EXAMPLE = {
    "laneway": 1,
    "title": "B2B lead to renewal",
    "departments": [{"name": "Marketing", "color": "#2f80ed"}, {"name": "Sales"}],
    "stages": ["Awareness", "Consideration", "Purchase", "Onboarding", "Retention"],
    "steps": [
        {
            "id": "s1",
            "title": "Reads blog post",
            "department": "Marketing",
            "stage": "Awareness",
            "channel": "web",
            "entry": True,
        },
        {
            "id": "s2",
            "title": "Qualify lead",
            "department": "Sales",
            "stage": "Consideration",
            "emotion": -1,
            "pain_points": "Waits three days for a call",
        },
        {"id": "s3", "title": "Nobody calls back", "department": None, "stage": "Purchase"},
    ],
    "links": [
        {"from": "s1", "to": "s2", "agreement": "MQL: score >= 50", "sla": "24 h"},
        {"from": "s2", "to": "s3"},
    ],
}


def test_spec_example_reads_as_described():
    journey = jsonio.loads(json.dumps(SPEC_EXAMPLE))
    assert journey.info.title == "B2B lead to renewal"
    assert [d.name for d in journey.departments_in_order()] == ["Marketing", "Sales"]
    assert journey.steps["s1"].entry and journey.steps["s1"].channel == "web"
    assert journey.steps["s2"].emotion == -1
    assert journey.steps["s3"].department_id is None
    link = journey.link_between("s1", "s2")
    assert (link.agreement, link.sla) == ("MQL: score >= 50", "24 h")


def test_round_trip_loses_nothing():
    journey = jsonio.loads(json.dumps(SPEC_EXAMPLE))
    journey.update_step(
        "s2", customer_action="Answers", kpi="Speed", responsible="Ana", terminal=True, x=12.5, y=3
    )
    journey.set_info(description="A description")
    again = jsonio.loads(jsonio.dumps(journey))
    assert again.same_content(journey)
    assert jsonio.dumps(again) == jsonio.dumps(journey)


def test_integer_ids_name_the_same_step_as_their_decimal_string():
    data = {
        "steps": [{"id": 7, "title": "A"}, {"id": "8", "title": "B"}],
        "links": [{"from": "7", "to": 8}],
    }
    journey = jsonio.loads(json.dumps(data))
    assert set(journey.steps) == {"7", "8"}
    assert journey.link_between("7", "8") is not None


def test_unlisted_department_and_stage_are_added_in_order_of_first_use():
    data = {
        "departments": [{"name": "Sales"}],
        "steps": [
            {"id": "a", "title": "A", "department": "Legal", "stage": "Later"},
            {"id": "b", "title": "B", "department": "sales", "stage": "Early"},
            {"id": "c", "title": "C", "department": "Finance", "stage": "Later"},
        ],
    }
    journey = jsonio.loads(json.dumps(data))
    assert [d.name for d in journey.departments_in_order()] == ["Sales", "Legal", "Finance"]
    assert [s.name for s in journey.stages_in_order()] == ["Later", "Early"]
    assert journey.department_name(journey.steps["b"].department_id) == "Sales"


def test_only_required_fields_are_needed():
    journey = jsonio.loads('{"steps": [{"id": "x", "title": "Only"}]}')
    assert journey.steps["x"].title == "Only"


def test_partial_export_keeps_only_links_between_chosen_steps():
    journey = build_map(
        steps=(("A", "Sales", None), ("B", None, None), ("C", None, None)),
        links=(("A", "B"), ("B", "C")),
    )
    data = map_to_dict(journey, {"s1", "s2"})
    assert [s["id"] for s in data["steps"]] == ["s1", "s2"]
    assert data["links"] == [{"from": "s1", "to": "s2"}]


BAD_DOCUMENTS = [
    ('{"steps": [', "line 1", "not valid JSON"),
    ("[1, 2]", None, "must be a JSON object"),
    ('{"steps": [{"title": "A"}]}', "steps[0]", "has no 'id'"),
    ('{"steps": [{"id": "a"}]}', "steps[0]", "has no 'title'"),
    ('{"steps": [{"id": "a", "title": "A"}], "links": [{"from": "a"}]}', "links[0]", "no 'to'"),
    (
        '{"steps": [{"id": "a", "title": "A"}], "links": [{"from": "a", "to": "zz"}]}',
        "links[0]",
        "'to' step 'zz', which does not exist",
    ),
    (
        '{"steps": [{"id": "a", "title": "A"}], "links": [{"from": "a", "to": "a"}]}',
        "links[0]",
        "to itself",
    ),
    (
        '{"steps": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}], '
        '"links": [{"from": "a", "to": "b"}, {"from": "a", "to": "b"}]}',
        "links[1]",
        "repeats the link from 'a' to 'b'",
    ),
    ('{"steps": [{"id": "a", "title": "A", "emotion": 3}]}', "steps[0]", "emotion 3"),
    ('{"steps": [{"id": "a", "title": "A", "emotion": "sad"}]}', "steps[0]", "emotion 'sad'"),
    (
        '{"steps": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}',
        "steps[1]",
        "repeats the step id 'a'",
    ),
    ('{"steps": [{"id": "a", "title": "A", "colour": "red"}]}', "steps[0]", "unknown field"),
    ('{"departments": [{"name": "Sales"}, {"name": "SALES"}]}', "departments[1]", "ignore case"),
    ('{"departments": [{"name": "Sales", "color": "blue"}]}', "departments[0]", "is not a color"),
    ('{"laneway": 2, "steps": []}', None, "newer than this Laneway reads"),
    ('{"steps": [{"id": "a", "title": "A", "entry": "yes"}]}', "steps[0]", "true or false"),
    ('{"steps": {"id": "a"}}', "'steps'", "must be a list"),
]


@pytest.mark.parametrize(("text", "where", "problem"), BAD_DOCUMENTS)
def test_bad_documents_get_one_sentence_naming_the_element(tmp_path, text, where, problem):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        jsonio.read(path)
    message = str(caught.value)
    assert message.startswith("bad.json")
    if where:
        assert where in message
    assert problem in message
    assert "\n" not in message and message.endswith(".")


def test_wrong_encoding_is_one_sentence(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('{"steps": [{"id": "a", "title": "Café"}]}'.encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.json, line 1: is not UTF-8 text"):
        jsonio.read(path)


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"steps": [{"id": "a", "title": "A"}]}')
    assert "a" in jsonio.read(path).steps


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    path.write_text('{"steps": []}' + " " * 2000)
    monkeypatch.setattr("laneway.io.errors.MAX_INPUT_BYTES", 1000)
    with pytest.raises(InputError, match="Laneway reads JSON files up to"):
        jsonio.read(path)


def test_deep_nesting_is_one_sentence():
    with pytest.raises(InputError, match=r"too deeply|must be a JSON object|not valid JSON"):
        jsonio.loads("[" * 100000 + "]" * 100000)
