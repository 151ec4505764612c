"""Personas, definitions and notes through every format the map goes to (SPEC §7, §8)."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.io import csvio, graphml, jsonio, mermaid_journey
from laneway.io.csvcontent import join_names, split_names
from laneway.io.errors import InputError
from laneway.io.templates import load_template
from laneway.model import map_from_dict, map_to_dict

SPEC_EXAMPLE = {
    "personas": [{"name": "Procurement lead", "description": "Signs off vendors",
                  "color": "#8e44ad"}],
    "definitions": [{"term": "MQL", "meaning": "Score >= 50 and a confirmed budget"}],
    "steps": [{"id": "s4", "title": "Request demo", "personas": ["Procurement lead"]},
              {"id": "s5", "title": "Qualify lead"}],
    "links": [{"from": "s4", "to": "s5", "agreement": "[[MQL]] reached", "sla": "24 h"}],
    "notes": [
        {"text": "Who calls back on Fridays?", "author": "Ana", "created": "2026-12-01T10:02:00Z",
         "on": {"step": "s5"}, "resolved": False},
        {"text": "Agree the SQL wording", "on": {"link": ["s4", "s5"]}},
        {"text": "Retention is out of scope today", "on": "map"},
    ],
}  # fmt: skip


def test_the_spec_example_reads_as_written():
    journey = map_from_dict(SPEC_EXAMPLE)
    [persona] = journey.personas.values()
    assert (persona.name, persona.description, persona.color) == (
        "Procurement lead",
        "Signs off vendors",
        "#8e44ad",
    )
    assert journey.steps["s4"].personas == (persona.id,) and journey.steps["s5"].personas == ()
    assert journey.definition_by_term("mql").meaning == "Score >= 50 and a confirmed budget"
    on_step, on_link, on_map = journey.notes.values()
    assert (on_step.author, on_step.created, on_step.step_id) == (
        "Ana",
        "2026-12-01T10:02:00Z",
        "s5",
    )
    assert on_link.link_id == journey.link_between("s4", "s5").id and not on_link.resolved
    assert on_map.target == ("map", None) and on_map.created == ""  # no time given: none


def test_the_written_form_is_the_spec_shape_with_note_ids():
    data = map_to_dict(map_from_dict(SPEC_EXAMPLE))
    assert data["personas"] == SPEC_EXAMPLE["personas"]
    assert data["definitions"] == SPEC_EXAMPLE["definitions"]
    assert data["steps"][0]["personas"] == ["Procurement lead"]
    assert "personas" not in data["steps"][1]
    assert [n["on"] for n in data["notes"]] == [{"step": "s5"}, {"link": ["s4", "s5"]}, "map"]
    assert [n["id"] for n in data["notes"]] == ["n1", "n2", "n3"]
    assert [n["resolved"] for n in data["notes"]] == [False] * 3
    assert list(data) == ["laneway", "title", "departments", "stages", "personas", "definitions",
                          "steps", "links", "notes"]  # fmt: skip
    empty = map_to_dict(map_from_dict({"steps": [{"id": 1, "title": "A"}]}))
    assert not {"personas", "definitions", "notes"} & set(empty)  # only what a map has


def test_a_step_naming_an_unlisted_persona_adds_it_in_order_of_first_use():
    steps = [{"id": "a", "title": "A", "personas": ["Buyer", "user"]},
             {"id": "b", "title": "B", "personas": ["USER"]}]  # fmt: skip
    journey = map_from_dict({"steps": steps})
    assert [p.name for p in journey.personas_in_order()] == ["Buyer", "user"]
    assert journey.steps["b"].personas == (journey.persona_by_name("user").id,)


# ------------------------------------------------------------- round trips
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
).map(str.strip)
_NAME = _TEXT.filter(bool)
_TERM = _NAME.map(lambda t: t.replace("[", "(").replace("]", ")")).filter(bool)


@st.composite
def content_documents(draw) -> dict:
    """An interchange document with random personas, a glossary, citing agreements,
    steps naming personas and notes on anything."""
    names = draw(st.lists(_NAME, max_size=4, unique_by=str.casefold))
    terms = draw(st.lists(_TERM, max_size=4, unique_by=str.casefold))
    count = draw(st.integers(1, 6))
    steps = [{"id": f"s{i}", "title": draw(_NAME)} for i in range(count)]
    for step in steps:
        chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
        if chosen:
            step["personas"] = chosen
    links = [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(count - 1)]
    for link in links:
        cited = draw(st.lists(st.sampled_from([*terms, "Undefined"]), max_size=2))
        if cited:
            link["agreement"] = " and ".join(f"[[{t}]]" for t in cited)
    targets = ["map", *({"step": s["id"]} for s in steps),
               *({"link": [k["from"], k["to"]]} for k in links)]  # fmt: skip
    notes = [
        {"text": draw(_NAME), "author": draw(_TEXT), "on": draw(st.sampled_from(targets)),
         "created": draw(st.sampled_from(["", "2026-12-01T10:02:00Z"])),
         "resolved": draw(st.booleans())}
        for _ in range(draw(st.integers(0, 4)))
    ]  # fmt: skip
    return {
        "title": "Round trip",
        "personas": [{"name": n, "description": draw(_TEXT)} for n in names],
        "definitions": [{"term": t, "meaning": draw(_TEXT)} for t in terms],
        "steps": steps,
        "links": links,
        "notes": notes,
    }


def _content(data: dict) -> dict:
    return {key: data.get(key) for key in ("personas", "definitions", "steps", "links", "notes")}


@settings(max_examples=80, deadline=None)
@given(content_documents())
def test_json_to_map_to_json_keeps_personas_definitions_and_notes(document):
    first = map_to_dict(map_from_dict(document))
    again = json.loads(jsonio.dumps(jsonio.loads(jsonio.dumps(map_from_dict(document)))))
    assert _content(again) == _content(first)
    assert len(first.get("notes", [])) == len(document["notes"])
    assert [p["name"] for p in first.get("personas", [])] == [
        p["name"] for p in document["personas"]
    ]


@settings(max_examples=80, deadline=None)
@given(content_documents())
def test_json_to_csv_to_json_keeps_personas_definitions_and_notes(document):
    journey = map_from_dict(document)
    again = csvio.loads(csvio.write_bytes(journey).decode("utf-8-sig"))
    assert _content(map_to_dict(again)) == _content(map_to_dict(journey))


def test_csv_round_trip_of_every_template_keeps_the_journey_content():
    for name in ("b2b", "ecommerce", "support"):
        journey = load_template(name)
        again = csvio.loads(csvio.write_bytes(journey).decode("utf-8-sig"))
        assert _content(map_to_dict(again)) == _content(map_to_dict(journey)), name


@pytest.mark.parametrize(
    "names", [["Buyer"], ["Buyer; enterprise", "Back\\slash"], ["a;b;c", "\\;"], []]
)
def test_a_personas_cell_reads_back_its_names(names):
    assert split_names(join_names(names)) == names


def test_the_csv_rows_for_the_content_are_readable_in_a_spreadsheet():
    text = csvio.write_bytes(map_from_dict(SPEC_EXAMPLE)).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].endswith(",personas,name,color,term,meaning,text,author,created,resolved,step")
    kinds = [line.split(",", 1)[0] for line in lines[1:]]
    assert kinds == ["step", "step", "link", "persona", "definition", "note", "note", "note"]
    assert "Procurement lead" in lines[1]
    assert lines[-3].endswith("Who calls back on Fridays?,Ana,2026-12-01T10:02:00Z,no,s5")


@pytest.mark.parametrize(
    ("csv_text", "problem", "where"),
    [
        ("kind,text,resolved\nnote,Open?,maybe\n", "'resolved' must be yes or no", "line 2"),
        ("kind,text,step,from,to\nnote,Both?,s1,s1,s2\n", "not both", "line 2"),
        ("kind,text,from\nnote,Half a link?,s1\n", "needs both 'from' and 'to'", "line 2"),
        ("kind,id,title,text,step\nstep,s1,A,,\nnote,,,On nothing?,s9\n",
         "is on step 's9', which does not exist", "line 3"),
        ("kind,id,title,term\nstep,s1,A,\ndefinition,,,MQL\ndefinition,,,mql\n",
         "repeats the term 'MQL'", "line 4"),
        ("kind,id,title,name\nstep,s1,A,\npersona,,,Buyer\npersona,,,buyer\n",
         "repeats the persona 'Buyer'", "line 4"),
        ("kind,id,title,text,created\nstep,s1,A,,\nnote,,,When?,tomorrow\n",
         "not a time like 2026-12-01T10:02:00Z", "line 3"),
    ],
)  # fmt: skip
def test_bad_content_rows_are_one_sentence_naming_the_line(csv_text, problem, where):
    with pytest.raises(InputError) as caught:
        csvio.loads(csv_text)
    message = str(caught.value)
    assert problem in message and "\n" not in message
    assert caught.value.where == where


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["notes"].append({"text": "?", "on": {"step": "s9"}}),
         "notes[3]: is on step 's9', which does not exist."),
        (lambda d: d["notes"].append({"text": "?", "on": {"link": ["s5", "s4"]}}),
         "notes[3]: is on the link from 's5' to 's4', which does not exist."),
        (lambda d: d["notes"].append({"text": "?", "on": "the map"}), "notes[3]: has an 'on'"),
        (lambda d: d["notes"].append({"text": " "}), "notes[3]: has no text."),
        (lambda d: d["notes"].append({"text": "?", "created": "soon"}),
         "notes[3]: has 'created' 'soon', which is not a time"),
        (lambda d: d["notes"].append({"text": "?", "resolved": "no"}),
         "notes[3]: has 'resolved' 'no'; it must be true or false."),
        (lambda d: d["notes"].append({"text": "?", "id": "n1"}), "repeats the note id 'n1'"),
        (lambda d: d["notes"].append({"text": "?", "colour": "red"}),
         "notes[3]: has an unknown field 'colour'"),
        (lambda d: d["personas"].append({"name": "procurement LEAD"}),
         "personas[1]: repeats the persona 'Procurement lead' (names ignore case)."),
        (lambda d: d["personas"].append({"name": "X", "color": "purple"}),
         "personas[1]: 'purple' is not a color"),
        (lambda d: d["definitions"].append({"term": " mql"}), "definitions[1]: repeats the term"),
        (lambda d: d["definitions"].append({"term": "[[SQL]]"}),
         "definitions[1]: the term '[[SQL]]' cannot hold square brackets"),
        (lambda d: d["steps"][0].update(personas="Procurement lead"),
         "steps[0]: has 'personas' that is not a list of persona names."),
    ],
)  # fmt: skip
def test_bad_content_in_json_is_one_sentence_naming_the_element(change, problem):
    data = json.loads(json.dumps(SPEC_EXAMPLE))
    data["notes"][0]["id"] = "n1"
    change(data)
    with pytest.raises(InputError) as caught:
        jsonio.loads(json.dumps(data))
    message = str(caught.value)
    assert problem in message and "\n" not in message and message.endswith(".")


# ------------------------------------------------------ GraphML and Mermaid
def test_graphml_carries_personas_terms_and_notes_as_attributes():
    journey = map_from_dict(SPEC_EXAMPLE)
    graph = nx.read_graphml(io.BytesIO(graphml.write_bytes(journey)))
    assert graph.graph["personas"] == "Procurement lead"
    assert graph.graph["definitions"] == "MQL: Score >= 50 and a confirmed budget"
    assert graph.graph["notes"] == "Retention is out of scope today"
    assert graph.nodes["s4"]["personas"] == "Procurement lead"
    assert graph.nodes["s5"]["notes"] == "Who calls back on Fridays?"
    assert graph.nodes["s5"]["open_notes"] == 1
    edge = graph.edges["s4", "s5"]
    assert edge["terms"] == "MQL" and edge["notes"] == "Agree the SQL wording"


def test_mermaid_actors_after_the_first_become_personas_of_the_task():
    result = mermaid_journey.loads(
        "journey\n  title Buying\n  section Look\n    Reads reviews: 4: Marketing, Buyer, User\n"
        "    Books a demo: 2: Sales, buyer\n    Signs: 5: Sales\n"
    )
    journey = result.journey
    assert [p.name for p in journey.personas_in_order()] == ["Buyer", "User"]
    reads, books, signs = journey.steps.values()
    assert journey.department_name(reads.department_id) == "Marketing"
    assert [journey.personas[p].name for p in reads.personas] == ["Buyer", "User"]
    assert [journey.personas[p].name for p in books.personas] == ["Buyer"]
    assert signs.personas == ()  # one actor: the department, about every persona
