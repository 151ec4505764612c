"""Every BPMN file of the shared corpus, imported by the rules of issue 6.

The expected figures were counted from the XML independently of the importer
(a separate minidom script following the rules: flow nodes directly in a process;
innermost listing lane, else the pool's name when the process has no lanes; a
boundary event takes its activity's lane; sequence and message flows between
steps, one link per pair) and are written here as literals.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from laneway.io import bpmn
from laneway.io.errors import InputError
from tests.conftest import CORPORA

BPMN = CORPORA / "bpmn"
pytestmark = pytest.mark.skipif(
    not BPMN.is_dir(), reason=f"the shared corpora are not at {CORPORA} (clone outside the setup)"
)

# file, steps, links, departments, unowned steps, handoffs
EXPECTED = [
    ("bpmn-js-examples/kitchen-sink.bpmn", 38, 22, 1, 34, 0),
    ("bpmn-js-examples/pizza-collaboration.bpmn", 18, 24, 4, 0, 8),
    ("bpmn-js-tests/ResizeBehavior.lanes.bpmn", 2, 0, 0, 2, 0),
    ("bpmn-js-tests/UpdateFlowNodeRefs.basic.bpmn", 7, 1, 5, 0, 0),
    ("bpmn-js-tests/boundary-event-without-refnode.bpmn", 3, 1, 1, 0, 0),
    ("bpmn-js-tests/collaboration-sequence-flows.bpmn", 3, 2, 3, 0, 2),
    ("bpmn-js-tests/complex.bpmn", 87, 91, 8, 0, 8),  # two pools share a name
    ("bpmn-js-tests/dangling-process-message-flow.bpmn", 4, 2, 2, 0, 2),
    ("bpmn-js-tests/invalid-flow-element.bpmn", 1, 0, 1, 0, 0),
    ("bpmn-js-tests/lane-missing-flowNodeRef.bpmn", 1, 0, 0, 1, 0),
    ("bpmn-js-tests/lanes-flow-nodes.bpmn", 4, 2, 1, 0, 0),
    ("bpmn-js-tests/lanes.bpmn", 3, 2, 1, 0, 0),
    ("bpmn-js-tests/lanes.vertical.bpmn", 3, 2, 1, 0, 0),
    ("miwg-reference/A.4.0.bpmn", 11, 11, 3, 0, 3),
    ("miwg-reference/A.4.1.bpmn", 11, 11, 3, 0, 3),
    ("miwg-reference/B.1.0.bpmn", 26, 26, 3, 6, 3),
    ("miwg-reference/B.2.0.bpmn", 82, 78, 3, 11, 6),
    ("miwg-reference/C.1.0.bpmn", 21, 25, 4, 0, 9),
    ("miwg-reference/C.2.0.bpmn", 22, 20, 5, 0, 3),
    ("miwg-reference/C.4.0.bpmn", 40, 41, 5, 0, 3),
    ("miwg-reference/C.5.0.bpmn", 37, 40, 3, 6, 4),
    ("miwg-reference/C.7.0.bpmn", 11, 12, 2, 0, 4),
    ("ADONIS 17.0/C.1.0-export.bpmn", 21, 23, 4, 0, 7),
    ("ARIS 10.2025.07/C.1.0-export.bpmn", 21, 25, 4, 0, 9),
    ("Aeneis 5.7.89.2400/C.1.0-export.bpmn", 21, 25, 3, 0, 4),
    ("Bonita BPM 7.2.3/C.1.0-export.bpmn", 21, 21, 4, 0, 5),
    ("Camunda Eclipse Plugin 3.0.0/C.1.0-export.bpmn", 21, 25, 4, 0, 9),
    ("MID Innovator 15.1.1.11026/C.5.0-export.bpmn", 37, 40, 3, 6, 4),
    ("ModelFoundry 1.1.1/B.2.0-roundtrip.bpmn", 77, 69, 3, 11, 6),
    ("OMNITRACKER BPMN 12.3/C.1.0-export.bpmn", 21, 25, 1, 10, 0),
    ("OMNITRACKER BPMN 12.3/C.7.0-export.bpmn", 11, 12, 0, 11, 0),
    ("SAP Signavio Process Manager 19.9.0/C.1.0-export.bpmn", 21, 25, 4, 0, 9),
    ("Trisotech BPMN Visio Add in 5.0.1/B.2.0-export.bpmn", 76, 68, 3, 29, 2),
    ("W4 BPMN+ Composer V.10.4/B.2.0-export.bpmn", 79, 74, 3, 13, 5),
    ("bpmn.io (Camunda Modeler) 18.6.1/C.1.0-export.bpmn", 21, 25, 4, 0, 9),
]


def _path(name: str) -> Path:
    folder, file = name.split("/")
    for candidate in BPMN.rglob(file):
        if candidate.parent.name == folder:
            return candidate
    raise FileNotFoundError(name)


def _figures(journey) -> tuple[int, int, int, int, int]:
    return (
        len(journey.steps),
        len(journey.links),
        len(journey.departments),
        sum(1 for s in journey.steps.values() if s.department_id is None),
        sum(1 for link in journey.links.values() if journey.is_handoff(link)),
    )


@pytest.mark.parametrize(("name", "steps", "links", "departments", "unowned", "handoffs"), EXPECTED)
def test_corpus_file_imports_with_the_expected_figures(
    name, steps, links, departments, unowned, handoffs
):
    journey = bpmn.read(_path(name))
    assert _figures(journey) == (steps, links, departments, unowned, handoffs)
    for step in journey.steps.values():
        assert step.title and "\n" not in step.title and "<" not in step.title


def test_every_corpus_file_is_covered():
    covered = {row[0] for row in EXPECTED} | {"GenMyModel 0.47/C.1.0-export.bpmn"}
    present = {f"{p.parent.name}/{p.name}" for p in BPMN.rglob("*.bpmn")}
    assert present == covered


def test_the_malformed_export_fails_with_one_sentence(tmp_path, capsys):
    from laneway.cli import main

    broken = _path("GenMyModel 0.47/C.1.0-export.bpmn")
    with pytest.raises(InputError) as caught:
        bpmn.read(broken)
    assert str(caught.value).startswith("C.1.0-export.bpmn, line 97, column")
    output = tmp_path / "out.laneway"
    assert main(["import", str(broken), "-o", str(output)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not well-formed XML" in err[0]
    assert not output.exists()


def _handoffs(journey) -> Counter:
    name = journey.department_name
    return Counter(
        (
            name(journey.steps[link.source].department_id),
            name(journey.steps[link.target].department_id),
        )
        for link in journey.links.values()
        if journey.is_handoff(link)
    )


def _departments(journey) -> set[str]:
    return {d.name.casefold() for d in journey.departments.values()}


@pytest.mark.parametrize(
    "vendor",
    [
        "ARIS 10.2025.07",
        "Camunda Eclipse Plugin 3.0.0",
        "SAP Signavio Process Manager 19.9.0",
        "bpmn.io (Camunda Modeler) 18.6.1",
    ],
)
def test_vendor_exports_of_c10_give_the_reference_departments_and_handoffs(vendor):
    reference = bpmn.read(BPMN / "miwg-reference" / "C.1.0.bpmn")
    exported = bpmn.read(BPMN / "miwg-vendor" / vendor / "C.1.0-export.bpmn")
    assert _departments(exported) == _departments(reference)
    assert _handoffs(exported) == _handoffs(reference)


def test_vendor_exports_that_dropped_elements_differ_only_by_what_they_dropped():
    reference = bpmn.read(BPMN / "miwg-reference" / "C.1.0.bpmn")
    ref_handoffs = _handoffs(reference)
    ref_messages = (
        ref_handoffs[("Team-Assistant", "Team Assistant")]
        + ref_handoffs[("Team Assistant", "Team-Assistant")]
    )
    assert ref_messages == 5  # the five message flows between the two pools

    def read(vendor):
        return bpmn.read(BPMN / "miwg-vendor" / vendor / "C.1.0-export.bpmn")

    # ADONIS kept 3 of the 5 message flows; Bonita kept 1 (and lower-cased 'assistant').
    for vendor, kept in (("ADONIS 17.0", 3), ("Bonita BPM 7.2.3", 1)):
        exported = read(vendor)
        assert _departments(exported) == _departments(reference)
        handoffs = Counter(
            {(a.casefold(), b.casefold()): n for (a, b), n in _handoffs(exported).items()}
        )
        lanes_only = Counter(
            {
                (a.casefold(), b.casefold()): n
                for (a, b), n in ref_handoffs.items()
                if "-" not in a + b
            }
        )
        messages = sum(n for (a, b), n in handoffs.items() if "-" in a + b)
        assert messages == kept
        assert (
            handoffs - Counter({k: v for k, v in handoffs.items() if "-" in k[0] + k[1]})
            == lanes_only
        )
    # Aeneis renamed the pool "Team-Assistant" to "Team Assistant": it merges with the lane
    # of that name, so the message flows are no longer handoffs; the lane handoffs stay.
    aeneis = read("Aeneis 5.7.89.2400")
    assert _departments(aeneis) == _departments(reference) - {"team-assistant"}
    assert _handoffs(aeneis) == Counter(
        {k: v for k, v in ref_handoffs.items() if "-" not in k[0] + k[1]}
    )
    # OMNITRACKER exported its lanes without any flowNodeRef: by the rules every node of
    # the lane pool is unowned, and no lane handoff is left.
    omnitracker = read("OMNITRACKER BPMN 12.3")
    assert _departments(omnitracker) == {"team-assistant"}
    assert sum(1 for s in omnitracker.steps.values() if s.department_id is None) == 10
    assert not _handoffs(omnitracker)
