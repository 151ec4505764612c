"""Readers trust no file: only regular files, strict JSON, limits, safe CSV cells."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from laneway.cli import main
from laneway.io import bpmn, csvio, jsonio, mermaid_journey
from laneway.io.errors import InputError
from laneway.io.textclean import clean_name, strip_tags
from laneway.model import JourneyMap, MapInfo
from tests.support.crashes import subprocess_env

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@needs_fifo
@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("x.laneway", ["analyze"]),
        ("x.laneway", ["snapshot", "{}", "name"]),
        ("x.json", ["analyze"]),
        ("x.bpmn", ["import", "{}", "-o", "out.laneway"]),
    ],
)
def test_a_fifo_is_refused_at_once(tmp_path, name, command):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    arguments = [a.replace("{}", str(fifo)) for a in command]
    if "{}" not in " ".join(command):
        arguments.append(str(fifo))
    finished = subprocess.run(
        [sys.executable, "-m", "laneway", *arguments],
        capture_output=True,
        text=True,
        timeout=30,  # a FIFO opened for reading would block here forever
        env=subprocess_env(),
        cwd=tmp_path,
    )
    assert finished.returncode == 2
    assert finished.stderr.strip() == f"laneway: {name}: is a named pipe (FIFO), not a " + (
        "Laneway map."
        if name.endswith(".laneway")
        else f"{'BPMN' if 'bpmn' in name else 'JSON'} file."
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it(tmp_path, capsys):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    assert main(["analyze", str(link)]) == 2
    assert capsys.readouterr().err.strip() == "laneway: zero.json: is a device, not a JSON file."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"steps": [{"id": 1, "title": "A", "x": NaN, "y": 1}]}', "holds NaN"),
        ('{"steps": [{"id": 1, "title": "A", "x": Infinity, "y": 1}]}', "holds Infinity"),
        ('{"steps": [{"id": 1, "title": "A", "x": -Infinity, "y": 1}]}', "holds -Infinity"),
        ('{"steps": [{"id": 1, "title": "A", "x": 1e999, "y": 1}]}', "too large"),
        ('{"steps": [{"id": 1, "title": "A", "x": 1e300, "y": 1}]}', "position beyond"),
        ('{"steps": [{"id": ' + "7" * 4000 + ', "title": "A"}]}', "integer of 4,000 digits"),
        ('{"steps": [{"id": 1, "title": "\\ud800"}]}', "lone surrogate"),
        ('{"steps": [{"id": 1, "title": "a\\u0000b"}]}', "NUL character"),
        ('{"steps": [{"id": "' + "i" * 300 + '", "title": "A"}]}', "at most 200 there"),
        ('{"steps": [{"id": 1, "title": "' + "t" * 1001 + '"}]}', "at most 1,000"),
        ('{"steps": [{"id": 1, "title": "A", "emotion": 9}]}', "emotion 9"),
        ('{"title": ' + "[" * 70 + "]" * 70 + "}", "too deeply"),
    ],
)
def test_json_outside_what_a_map_holds_is_one_sentence(text, words):
    with pytest.raises(InputError) as refused:
        jsonio.loads(text, "map.json")
    sentence = str(refused.value)
    assert sentence.startswith("map.json") and words in sentence and "\n" not in sentence


def test_json_with_too_many_steps_is_refused_before_building(monkeypatch):
    monkeypatch.setitem(jsonio.COUNT_LIMITS, "step", 3)
    text = json.dumps({"steps": [{"id": i, "title": f"S{i}"} for i in range(4)]})
    with pytest.raises(InputError, match="has 4 steps; Laneway reads maps of up to 3"):
        jsonio.loads(text, "big.json")


def _tricky_map() -> JourneyMap:
    journey = JourneyMap(MapInfo(title="tricky"))
    sales = journey.add_department("=Sales").id
    stage = journey.add_stage("@Stage").id
    titles = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTabbed",
              "\rReturn", "'quoted from the start", "''two quotes", "'=both", "-1", "plain",
              "'", "'90s campaign"]  # fmt: skip
    previous = None
    for index, title in enumerate(titles):
        step = journey.add_step(
            title,
            step_id=f"s{index}",
            department_id=sales if index % 2 else None,
            stage_id=stage,
            description=f"=cmd|' /C calc'!A{index}",
            emotion=-1 if index % 3 == 0 else None,
            x=12.75 * index - 7,
            y=1234567.25 if index == 3 else 40.5,
        )
        if previous:
            journey.add_link(previous, step.id, agreement="-agreed", sla="+24 h", label="@once")
        previous = step.id
    return journey


def test_csv_export_neutralises_formulas_and_import_restores_them():
    journey = _tricky_map()
    exported = csvio.write_bytes(journey).decode("utf-8-sig")
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    for cell in cells:  # only plain numbers (an emotion, a position) may start with "-"
        assert not cell.startswith(csvio.FORMULA_STARTS) or csvio._PLAIN_NUMBER.fullmatch(cell)
    assert '\'=HYPERLINK("http://x","click")' in cells
    assert "''quoted from the start" not in cells and "'quoted from the start" in cells
    again = csvio.loads(exported)
    first, second = json.loads(jsonio.dumps(journey)), json.loads(jsonio.dumps(again))
    assert first["steps"] == second["steps"], "JSON → CSV → JSON keeps every step exactly"
    assert first["links"] == second["links"]
    assert [d["name"] for d in first["departments"]] == [d["name"] for d in second["departments"]]


@pytest.mark.parametrize(
    "text", ["=x", "'=x", "''", "'", "'90s", "-1", "-1e5", "+", "@", "\t", "a'b", "", "'\r"]
)
def test_guarding_a_cell_is_undone_exactly(text):
    assert csvio.unguard_cell(csvio.guard_cell(text)) == text
    guarded = csvio.guard_cell(text)
    assert not guarded.startswith(csvio.FORMULA_STARTS) or csvio._PLAIN_NUMBER.fullmatch(text)


def test_strip_tags_matches_the_regex_it_replaced():
    import re

    tag = re.compile(r"<[^>]*>")
    for text in ["a<b>c", "a<b<c>d", "<<>>", "x < y", "a<b", "<br/>Line<br/>", "><", ""]:
        assert strip_tags(text) == tag.sub(" ", text), text
    assert clean_name("Check<br/>invoice&#10;now") == "Check invoice now"


def test_bpmn_lanes_nested_3000_deep_are_one_sentence():
    lanes = "".join(f'<lane id="l{i}"><childLaneSet>' for i in range(3000))
    lanes += "".join("</childLaneSet></lane>" for _ in range(3000))
    text = (
        '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">'
        f'<laneSet>{lanes}</laneSet><task id="a"/></process></definitions>'
    )
    with pytest.raises(InputError, match="nests XML elements more than 64 deep"):
        bpmn.parse_xml(text.encode(), None)


def test_mermaid_task_names_over_the_limit_name_their_line():
    text = "journey\n  section S\n    " + "n" * 1500 + ": 5: Me\n"
    with pytest.raises(InputError) as refused:
        mermaid_journey.loads(text)
    assert refused.value.where == "line 3" and "1,500 characters" in str(refused.value)


def test_mermaid_sections_with_the_same_name_share_one_stage_fast():
    text = "journey\n" + "".join(
        f"  section S{i % 50}\n    T{i}: 3: A{i % 7}\n" for i in range(5000)
    )
    result = mermaid_journey.loads(text)
    assert len(result.journey.stages) == 50 and len(result.journey.departments) == 7
    assert len(result.journey.steps) == 5000 and len(result.journey.links) == 4999
