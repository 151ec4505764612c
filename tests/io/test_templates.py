"""Built-in templates ship in the package and are realistic workshop starters."""

from __future__ import annotations

from importlib import resources

import pytest

from laneway.io.errors import InputError
from laneway.io.templates import list_templates, load_template, template_names
from laneway.model import cited_terms, term_key


def test_templates_are_read_from_the_installed_package():
    folder = resources.files("laneway.resources").joinpath("templates")
    assert folder.joinpath("b2b.json").is_file()
    assert {"b2b", "ecommerce", "support"} <= set(template_names())


@pytest.mark.parametrize("name", ["b2b", "ecommerce", "support"])
def test_each_template_is_a_realistic_map(name):
    journey = load_template(name)
    assert len(journey.departments) >= 4
    assert len(journey.stages) >= 5
    assert len(journey.steps) >= 10
    handoffs = [link for link in journey.links.values() if journey.is_handoff(link)]
    assert any(link.agreed for link in handoffs), "some handoffs have agreements"
    assert any(not link.agreed for link in handoffs), "some gaps to discuss"
    assert any(step.entry for step in journey.steps.values())


def test_b2b_template_has_the_departments_and_stages_of_the_issue():
    journey = load_template("b2b")
    assert {d.name for d in journey.departments.values()} == {
        "Marketing",
        "Sales",
        "Customer Success",
        "Finance",
        "Legal",
    }
    stages = [s.name for s in journey.stages_in_order()]
    assert stages[0] == "Awareness" and stages[-1] == "Advocacy"


def test_listing_describes_each_template():
    for info in list_templates():
        assert info.title and info.description and info.steps >= 10


def test_unknown_template_is_one_sentence():
    with pytest.raises(InputError, match="no template called 'nope'; choose one of: b2b"):
        load_template("nope")


@pytest.mark.parametrize("name", ["b2b", "ecommerce", "support"])
def test_each_template_starts_the_workshop_with_personas_a_glossary_and_open_questions(name):
    journey = load_template(name)
    assert 2 <= len(journey.personas) <= 3
    named = {p for step in journey.steps.values() for p in step.personas}
    assert named == set(journey.personas), "every persona is named by some step"
    assert any(not step.personas for step in journey.steps.values()), "some steps concern all"
    assert len(journey.definitions) >= 2
    assert all(d.meaning.strip() for d in journey.definitions.values())
    cited = {c.key for link in journey.links.values() for c in cited_terms(link.agreement)}
    assert cited & set(journey.defined_terms()), "agreements cite the glossary"
    open_notes = journey.open_notes()
    assert len(open_notes) >= 3
    assert {note.target[0] for note in open_notes} >= {"step", "link", "map"}
    assert all(note.author for note in open_notes)


def test_b2b_agreements_rest_on_mql_sql_and_closed_won():
    journey = load_template("b2b")
    assert {d.term for d in journey.definitions.values()} == {"MQL", "SQL", "Closed won"}
    cited = {c.key for link in journey.links.values() for c in cited_terms(link.agreement)}
    assert {"mql", "sql", "closed won"} <= cited
    for term in ("MQL", "SQL", "Closed won"):
        citing = [
            link
            for link in journey.links.values()
            if term_key(term) in {c.key for c in cited_terms(link.agreement)}
        ]
        assert citing and all(journey.is_handoff(link) for link in citing), term
