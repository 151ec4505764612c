"""Cited terms: ``[[MQL]]`` found, renamed and completed as the app will type them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from laneway.model.terms import (
    cited_keys,
    cited_terms,
    complete_citation,
    open_citation_at,
    rename_citations,
    term_key,
    term_problem,
)


def test_citations_are_found_with_their_spans_ignoring_blank_ones():
    text = "An [[MQL]] is not an [[ sql ]]; [[ ]] and [MQL] and [[a\nb]] cite nothing"
    citations = cited_terms(text)
    assert [(c.term, c.key) for c in citations] == [("MQL", "mql"), (" sql ", "sql")]
    first = citations[0]
    assert text[first.start : first.end] == "[[MQL]]"
    assert text[first.term_start : first.term_end] == "MQL"
    assert cited_keys("[[MQL]] [[mql]] [[SQL]]") == ["mql", "sql"]
    assert cited_terms("no citation here") == []


def test_renaming_rewrites_only_that_term_wherever_its_case_and_spaces():
    text = "[[MQL]] reached, an [[ mql ]] is not an [[SQL]] nor an [[MQLs]]"
    renamed = rename_citations(text, "MQL", "Marketing qualified lead")
    assert renamed == (
        "[[Marketing qualified lead]] reached, an [[Marketing qualified lead]] is not an "
        "[[SQL]] nor an [[MQLs]]"
    )
    assert rename_citations("nothing cited", "MQL", "X") == "nothing cited"


def test_an_open_citation_before_the_cursor_is_found_and_completed():
    assert open_citation_at("Score [[MQ", 10) == (8, "MQ")
    assert open_citation_at("Score [[MQL]] ok", 16) is None  # closed
    assert open_citation_at("Score [[MQ", 3) is None  # before it
    assert open_citation_at("[[", 2) == (2, "")
    assert complete_citation("Score [[MQ", 10, "MQL") == ("Score [[MQL]]", 13)
    # the cursor in a citation that is already closed: the term is replaced, not doubled
    assert complete_citation("a [[mq]] b", 5, "MQL") == ("a [[MQL]] b", 9)
    assert complete_citation("no citation", 4, "MQL") == ("no citation", 4)


def test_terms_that_could_not_be_cited_are_refused():
    assert term_problem("MQL") is None
    assert term_problem("  ") == "A definition needs a term."
    assert "square brackets" in term_problem("[[MQL]]")
    assert "square brackets" in term_problem("Closed\nwon")


@given(st.text(alphabet=st.characters(blacklist_characters="[]\r\n"), min_size=1))
def test_any_citable_term_reads_back_from_its_citation(term):
    if term_problem(term) is not None:
        return
    [citation] = cited_terms(f"before [[{term}]] after")
    assert citation.key == term_key(term)
