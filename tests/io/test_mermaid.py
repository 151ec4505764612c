"""Mermaid journeys of the shared corpus, and the Mermaid flowchart export."""

from __future__ import annotations

import pytest

from laneway.io import mermaid_flowchart, mermaid_journey
from laneway.io.errors import InputError
from laneway.io.templates import load_template
from tests.conftest import CORPORA

MERMAID = CORPORA / "mermaid"
corpus = pytest.mark.skipif(
    not MERMAID.is_dir(),
    reason=f"the shared corpora are not at {CORPORA} (clone outside the setup)",
)

# file, title, steps, stages, departments, unowned, skipped notes
EXPECTED = [
    ("accessibility.md__journey.mmd", "My working day", 5, ["Go to work", "Go home"], ["Me"], 0, 0),
    ("journey.html__demo.mmd", "My working day", 5, ["Go to work", "Go home"], ["Me"], 0, 0),
    ("journey.spec.js__e-commerce.mmd", "E-Commerce", 2,
     ["Order from website", "Checkout from website"], ["Me"], 0, 0),
    ("journey.spec.js__empty-actors.mmd", "User Journey Example", 5,
     ["Onboarding", "Engagement"], [], 5, 0),
    ("journey.spec.js__parser-accdescr-block.mmd",
     "Adding journey diagram functionality to mermaid", 0, ["Order from website"], [], 0, 0),
    ("journey.spec.js__parser-multiline-section.mmd",
     "Adding gantt diagram functionality to mermaid", 0,
     ["Line1 Line2 Line3 Line4 Line5"], [], 0, 0),
    ("journey.spec.js__parser-task-definition.mmd",
     "Adding journey diagram functionality to mermaid", 8, ["Documentation", "Another section"],
     ["Alice", "Bob", "Charlie"], 5, 0),
    ("journey.spec.js__title-styling.mmd", "User Journey Example", 7,
     ["Onboarding", "Engagement", "Retention"], ["John"], 1, 1),
    ("journey.spec.js__webhook-lifecycle.mmd", "Web hook life cycle", 8,
     ["Darkoob", "External Service"], None, 0, 0),
    ("user-journey.html__go-shopping.mmd", "Go shopping", 11,
     ["Get to the shops", "Do shopping", "Go home"], ["Dad", "Mum"], 0, 0),
    ("userJourney.md__example1.mmd", "My working day", 5, ["Go to work", "Go home"], ["Me"], 0, 0),
]  # fmt: skip


@corpus
@pytest.mark.parametrize(
    ("name", "title", "steps", "stages", "departments", "unowned", "notes"), EXPECTED
)
def test_corpus_journey(name, title, steps, stages, departments, unowned, notes):
    result = mermaid_journey.read_with_report(MERMAID / name)
    journey = result.journey
    assert journey.info.title == title
    assert len(journey.steps) == steps
    assert len(journey.links) == max(0, steps - 1)  # each task follows the one before
    assert [s.name for s in journey.stages_in_order()] == stages
    if departments is not None:
        assert [d.name for d in journey.departments_in_order()] == departments
    assert sum(1 for s in journey.steps.values() if s.department_id is None) == unowned
    assert len(result.skipped) == notes


@corpus
def test_every_corpus_file_is_covered():
    assert {row[0] for row in EXPECTED} == {p.name for p in MERMAID.glob("*.mmd")}


def test_scores_become_emotions_and_first_actor_owns():
    journey = mermaid_journey.loads(
        "journey\n  title T\n  section A\n    Make tea:5: Me, Cat\n    Sad:1\n"
    ).journey
    tea, sad = journey.steps["t1"], journey.steps["t2"]
    assert (tea.emotion, journey.department_name(tea.department_id)) == (2, "Me")
    assert (sad.emotion, sad.department_id) == (-2, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("flowchart LR\n A --> B\n", "is not a Mermaid journey"),
        ("", "is empty"),
        ("---\ntitle: x\n", "front matter"),
        ("journey\nsection A\n  just words\n", "neither a section"),
        ("journey\naccDescr {\n never closed\n", "never closed"),
    ],
)
def test_bad_journeys_give_one_sentence(text, problem):
    with pytest.raises(InputError) as caught:
        mermaid_journey.loads(text)
    assert problem in str(caught.value)


def test_flowchart_export_has_a_subgraph_per_department_and_styled_gaps():
    journey = load_template("b2b")
    text = mermaid_flowchart.write_text(journey)
    assert text.splitlines()[3] == "flowchart LR"
    for department in journey.departments.values():
        assert f'["{department.name}"]' in text
    gaps = sum(
        1
        for link in journey.links.values()
        if journey.is_handoff(link) and not link.agreement.strip()
    )
    style = next(line for line in text.splitlines() if line.strip().startswith("linkStyle"))
    assert len(style.split()[1].split(",")) == gaps
    assert "Unassigned" in text
