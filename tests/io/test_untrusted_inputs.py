"""Every reader treats its input as untrusted: one sentence, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.cli import main
from laneway.io import bpmn, csvio, graphml, jsonio, mermaid_journey
from laneway.io.errors import MAX_INPUT_BYTES, InputError
from laneway.io.templates import load_template
from laneway.model import JourneyMap

BPMN_OK = (
    '<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
    '<process id="p"><task id="a" name="A"/><task id="b" name="B"/>'
    '<sequenceFlow id="f" sourceRef="a" targetRef="b"/></process></definitions>'
)
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
    '<process id="p"><task id="a" name="&lol3;"/></process></definitions>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
    '<process id="p"><task id="a" name="&secret;"/></process></definitions>'
)
MERMAID_OK = "journey\n  title T\n  section S\n    Do it: 5: Me\n"
CSV_OK = "id,title,department\n1,A,Sales\n"

BAD_INPUTS = {
    "bpmn-truncated": ("map.bpmn", BPMN_OK[:120].encode(), "not well-formed XML"),
    "bpmn-billion-laughs": ("map.bpmn", BILLION_LAUGHS.encode(), "refuses to expand"),
    "bpmn-external-entity": ("map.bpmn", EXTERNAL_ENTITY.encode(), "refuses to expand"),
    "bpmn-not-bpmn": ("map.xml", b"<html><body/></html>", "not BPMN 2.0"),
    "bpmn-flow-to-missing": (
        "map.bpmn",
        BPMN_OK.replace('targetRef="b"', 'targetRef="zz"')
        .replace('<task id="b" name="B"/>', "")
        .encode(),
        None,  # imports: the flow is skipped with a note, not an error
    ),
    "csv-wrong-encoding": ("map.csv", "id,title\n1,Café\n".encode("latin-1"), "not UTF-8"),
    "csv-truncated": ("map.csv", b'id,title\n1,"Unclosed', "not valid CSV"),
    "csv-unknown-column": ("map.csv", b"id,title,owner\n1,A,B\n", "unknown column"),
    "csv-missing-step": ("map.csv", b"id,title,next\n1,A,7\n", "which does not exist"),
    "mermaid-wrong-encoding": ("map.mmd", "journey\n section Caf\xe9\n".encode("latin-1"), "UTF-8"),
    "mermaid-truncated": ("map.mmd", b"---\ntitle: x\n", "never closed"),
    "json-truncated": ("map.json", b'{"steps": [{"id": 1, "title": "A"', "not valid JSON"),
    "json-missing-step": (
        "map.json",
        b'{"steps": [{"id": 1, "title": "A"}], "links": [{"from": 1, "to": 2}]}',
        "links[0]",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(case, tmp_path, capsys):
    name, content, problem = BAD_INPUTS[case]
    source = tmp_path / name
    source.write_bytes(content)
    output = tmp_path / "out.laneway"
    code = main(["import", str(source), "-o", str(output)])
    err = capsys.readouterr().err.strip().splitlines()
    if problem is None:
        assert code == 0
        return
    assert code == 2, err
    assert len(err) == 1 and err[0].startswith(f"laneway: {name}") and problem in err[0]
    assert source.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize("suffix", [".csv", ".bpmn", ".mmd", ".json"])
def test_files_over_the_size_limit_are_refused_before_reading(suffix, tmp_path, capsys):
    huge = tmp_path / f"huge{suffix}"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: no 50 MB written
    assert main(["analyze", str(huge)]) == 2
    assert "up to 50 MB" in capsys.readouterr().err


READERS = {
    "csv": lambda text: csvio.loads(text),
    "mermaid": lambda text: mermaid_journey.loads(text).journey,
    "json": lambda text: jsonio.loads(text),
    "bpmn": lambda text: bpmn.build(bpmn.parse_xml(text.encode("utf-8"), None), None)[0],
}
FRAGMENTS = st.sampled_from(
    ["journey", "section ", "title ", ":", ";", ",", "\n", '"', "<task", "<definitions>", "{",
     "}", "[", "]", "id,title", "kind,from,to", "link", "5", "-3", "%%", "---", "&lol;", "<!"]
)  # fmt: skip


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=30))
def test_random_text_gives_a_map_or_one_sentence(reader, pieces):
    text = "".join(pieces)
    try:
        result = READERS[reader](text)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(result, JourneyMap)


def test_graphml_round_trip_through_networkx(tmp_path):
    journey = load_template("b2b")
    path = tmp_path / "map.graphml"
    path.write_bytes(graphml.write_bytes(journey))
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == set(journey.steps)
    for step in journey.steps.values():
        node = graph.nodes[step.id]
        assert node["title"] == step.title
        assert node["department"] == (journey.department_name(step.department_id) or "")
        assert node["stage"] == (journey.stage_name(step.stage_id) or "")
    for link in journey.links.values():
        edge = graph.edges[link.source, link.target]
        assert edge["agreement"] == link.agreement
        assert edge["gap"] == (journey.is_handoff(link) and not link.agreement.strip())


@pytest.mark.parametrize("suffix", [".csv", ".graphml", ".mmd", ".json"])
def test_cli_exports_every_data_format(suffix, tmp_path, capsys):
    target = tmp_path / "m.laneway"
    assert main(["new", str(target), "--template", "support"]) == 0
    output = tmp_path / f"m{suffix}"
    assert main(["export", str(target), "-o", str(output)]) == 0
    assert output.stat().st_size > 200


def test_import_of_a_corpus_like_bpmn_places_every_step(tmp_path):
    source = tmp_path / "small.bpmn"
    source.write_text(BPMN_OK, encoding="utf-8")
    output = tmp_path / "small.laneway"
    assert main(["import", str(source), "-o", str(output)]) == 0
    from tests.conftest import reopen

    journey = reopen(output)
    assert all(s.x is not None for s in journey.steps.values())
    assert Path(output).exists()
