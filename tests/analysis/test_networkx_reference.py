"""The plain-networkx reference finds what Laneway finds, so timing one against the other
compares the same work (tests/analysis/test_bench_whole_process.py)."""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laneway.cli import main
from laneway.model import JourneyMap, map_to_dict
from tests.analysis import networkx_reference
from tests.analysis.test_properties import random_maps
from tests.support.maps import complete_journey_dict, journey_dict


def _laneway(path: Path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["analyze", str(path), "--json"]) in (0, 1)
    return json.loads(out.getvalue())


def _reference(path: Path) -> dict:
    info, graph = networkx_reference.read_map(str(path))
    return networkx_reference.analyze(info, graph)


def _what(report: dict) -> Counter:
    """Each finding by rule and what it concerns; one long chain is as good as another."""
    found = Counter()
    for f in report["findings"]:
        steps = frozenset(s["id"] for s in f["steps"])
        links = frozenset((link["from"], link["to"]) for link in f["links"])
        if f["rule"] == "long-handoff-chain":
            steps = links = frozenset()
        departments = tuple(f.get("departments", ()))
        note = f.get("note")
        note = (note["text"], json.dumps(note["on"], sort_keys=True)) if note else None
        key = (f["rule"], f["severity"], steps, links, f.get("stage"), f.get("department"))
        found[(*key, departments, note)] += 1
    return found


def _agree(path: Path) -> dict:
    ours, theirs = _laneway(path), _reference(path)
    assert ours["summary"] == theirs["summary"]
    assert _what(ours) == _what(theirs)
    return ours


@pytest.mark.parametrize(("steps", "seed"), [(40, 1), (300, 2), (1_500, 7), (3_000, 11)])
def test_the_reference_agrees_on_generated_journeys(tmp_path, steps, seed):
    path = tmp_path / "journey.json"
    path.write_text(json.dumps(journey_dict(steps, seed)), encoding="utf-8")
    report = _agree(path)
    rules = {f["rule"] for f in report["findings"]}
    assert steps < 300 or rules >= {"unowned-step", "handoff-gap", "unreachable-step", "dead-end",
                     "empty-stage", "handoff-loop", "bottleneck", "idle-department",
                     "undefined-term", "one-way-handoff", "agreement-without-sla",
                     "open-note"}  # fmt: skip


def test_the_reference_agrees_on_a_complete_graph(tmp_path):
    path = tmp_path / "complete.json"
    path.write_text(json.dumps(complete_journey_dict(30)), encoding="utf-8")
    _agree(path)


@st.composite
def random_content_maps(draw) -> JourneyMap:
    """Random maps with a glossary, citing agreements, SLAs and notes (SPEC §7)."""
    journey = draw(random_maps())
    for term in draw(st.lists(st.sampled_from(["MQL", "SQL", "Closed won"]), unique=True)):
        journey.add_definition(term, "Agreed")
    agreements = ["", " ", "agreed", "[[MQL]] reached", "[[ mql ]] and [[SQL]]", "[[SAL]]"]
    for link_id in sorted(journey.links):
        journey.update_link(
            link_id,
            agreement=draw(st.sampled_from(agreements)),
            sla=draw(st.sampled_from(["", " ", "24 h"])),
        )
    targets = [
        {},
        *({"step_id": s} for s in journey.steps),
        *({"link_id": k} for k in journey.links),
    ]
    for target in draw(st.lists(st.sampled_from(targets), max_size=4)):
        journey.add_note("Who calls back?", resolved=draw(st.booleans()), **target)
    return journey


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(random_content_maps())
def test_the_reference_agrees_on_random_maps(tmp_path, journey: JourneyMap):
    path = tmp_path / "random.json"
    path.write_text(json.dumps(map_to_dict(journey)), encoding="utf-8")
    _agree(path)
