"""SPEC §7's rules, each from its words, on hand-built maps:

- ``undefined-term`` (warning, per link): an agreement cites [[TERM]] that is not defined;
- ``one-way-handoff`` (info, per department pair): one department hands customers to
  another but nothing ever comes back;
- ``agreement-without-sla`` (info, per link): an agreed handoff with no SLA;
- ``open-note`` (info, per note): an unresolved note.
A cited term matches a definition's term ignoring case and surrounding spaces.
"""

from __future__ import annotations

from laneway.analysis import analyze, report_to_dict
from tests.analysis.helpers import findings, journey

M, S, F = "Marketing", "Sales", "Finance"
AW, CO, PU = "Awareness", "Consideration", "Purchase"


def _as_json(built, rule: str) -> list[dict]:
    return [f for f in report_to_dict(built, analyze(built))["findings"] if f["rule"] == rule]


# ------------------------------------------------------------- undefined-term
def test_an_agreement_citing_a_term_nobody_defined_is_a_warning_on_its_link():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (S, PU)},
        [("a", "b", "[[MQL]] reached and [[SAL]] accepted"), ("b", "c", "[[MQL]]")],
    )
    built.add_definition("MQL", "Score >= 50")
    [finding] = findings(analyze(built), "undefined-term")
    assert finding.severity == "warning"
    assert finding.link_ids == (built.link_between("a", "b").id,)
    assert finding.step_ids == ("a", "b")
    assert finding.terms == ("SAL",)
    assert finding.message == (
        "The agreement at 'Step a' → 'Step b' cites [[SAL]], which is not defined."
    )
    [entry] = _as_json(built, "undefined-term")
    assert entry["terms"] == ["SAL"] and entry["links"] == [{"from": "a", "to": "b"}]


def test_a_citation_matches_its_term_ignoring_case_and_surrounding_spaces():
    built = journey({"a": (M, AW), "b": (S, CO)}, [("a", "b", "An [[ mql ]] and a [[Sql]]")])
    built.add_definition("MQL")
    built.add_definition(" SQL ")
    assert findings(analyze(built), "undefined-term") == []


def test_one_finding_per_link_naming_each_undefined_term_once():
    built = journey({"a": (M, AW), "b": (M, CO)}, [("a", "b", "[[X]], [[x]], [[Y]] and [[ ]]")])
    [finding] = findings(analyze(built), "undefined-term")  # not a handoff: still cited
    assert finding.terms == ("X", "Y")
    assert "cites [[X]] and [[Y]], which are not defined" in finding.message


def test_defining_the_term_makes_the_finding_go_and_deleting_it_brings_it_back():
    built = journey({"a": (M, AW), "b": (S, CO)}, [("a", "b", "[[MQL]] reached")])
    assert len(findings(analyze(built), "undefined-term")) == 1
    mql = built.add_definition("MQL", "Score >= 50").id
    assert findings(analyze(built), "undefined-term") == []
    built.update_definition(mql, term="Marketing qualified lead")  # the citation follows
    assert findings(analyze(built), "undefined-term") == []
    built.remove_definition(mql)
    assert len(findings(analyze(built), "undefined-term")) == 1


# ------------------------------------------------------------ one-way-handoff
def test_handoffs_one_way_with_nothing_back_are_one_finding_per_department_pair():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (M, AW), "d": (S, PU), "e": (F, PU)},
        [("a", "b"), ("c", "d"), ("b", "d"), ("d", "e")],
    )
    found = findings(analyze(built), "one-way-handoff")
    assert [f.department_ids for f in found] == [
        (built.department_by_name(M).id, built.department_by_name(S).id),
        (built.department_by_name(S).id, built.department_by_name(F).id),
    ]
    marketing_to_sales = found[0]
    assert marketing_to_sales.severity == "info"
    assert set(marketing_to_sales.link_ids) == {
        built.link_between("a", "b").id,
        built.link_between("c", "d").id,
    }
    assert set(marketing_to_sales.step_ids) == {"a", "b", "c", "d"}
    assert marketing_to_sales.message == (
        "Marketing hands customers to Sales (2 handoffs), but nothing comes back from Sales "
        "to Marketing."
    )
    entries = _as_json(built, "one-way-handoff")
    assert [e["departments"] for e in entries] == [["Marketing", "Sales"], ["Sales", "Finance"]]


def test_a_feedback_link_back_to_the_giver_means_no_finding():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (M, PU)},
        [("a", "b"), ("b", "c", "Lead quality report every Friday")],  # sales reports back
    )
    assert findings(analyze(built), "one-way-handoff") == []


def test_links_inside_a_department_or_with_nobody_are_no_handoffs_to_judge():
    built = journey({"a": (M, AW), "b": (M, CO), "c": (None, PU)}, [("a", "b"), ("b", "c")])
    assert findings(analyze(built), "one-way-handoff") == []


# ------------------------------------------------------- agreement-without-sla
def test_an_agreed_handoff_with_no_sla_is_a_note_on_its_link():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (F, PU), "d": (F, PU), "e": (S, PU)},
        [("a", "b", "Score >= 50"), ("b", "c", "Signed"), ("c", "d", "Paid"), ("d", "e")],
    )
    built.update_link(built.link_between("b", "c").id, sla="same day")
    built.update_link(built.link_between("a", "b").id, sla="   ")  # blank is no SLA
    [finding] = findings(analyze(built), "agreement-without-sla")
    assert finding.severity == "info"
    assert finding.link_ids == (built.link_between("a", "b").id,)
    assert finding.step_ids == ("a", "b")
    assert finding.message == (
        "Marketing and Sales agreed the handoff at 'Step a' → 'Step b' but not how soon it "
        "happens (no SLA)."
    )
    # c → d is agreed but no handoff (one department); d → e is a gap, not an agreement
    assert [f.link_ids for f in findings(analyze(built), "handoff-gap")] == [
        (built.link_between("d", "e").id,)
    ]


# ------------------------------------------------------------------ open-note
def test_each_unresolved_note_is_a_finding_saying_its_text_and_what_it_is_on():
    built = journey({"a": (M, AW), "b": (S, CO)}, [("a", "b")])
    link = built.link_between("a", "b").id
    built.add_note("Who calls back\non Fridays?", author="Ana", step_id="b")
    built.add_note("Agree the SQL wording", link_id=link)
    built.add_note("Retention is out of scope today")
    done = built.add_note("Settled", step_id="a")
    built.resolve_note(done.id)
    found = findings(analyze(built), "open-note")
    assert [f.severity for f in found] == ["info"] * 3
    # the map's first, then along the map: a link comes after the notes of its source
    assert [f.message for f in found] == [
        "The map has an open note: “Retention is out of scope today”.",
        "'Step a' → 'Step b' has an open note: “Agree the SQL wording”.",
        "'Step b' has an open note by Ana: “Who calls back on Fridays?”.",
    ]
    assert [(f.step_ids, f.link_ids) for f in found] == [
        ((), ()),
        (("a", "b"), (link,)),
        (("b",), ()),
    ]
    entries = _as_json(built, "open-note")
    assert [e["note"]["on"] for e in entries] == ["map", {"link": ["a", "b"]}, {"step": "b"}]
    assert entries[2]["note"] == {
        "text": "Who calls back\non Fridays?",
        "on": {"step": "b"},
        "author": "Ana",
    }
    built.reopen_note(done.id)
    assert len(findings(analyze(built), "open-note")) == 4


def test_a_long_note_is_quoted_on_one_line_and_cut():
    built = journey({"a": (M, AW)})
    built.add_note("word " * 100, step_id="a")
    [finding] = findings(analyze(built), "open-note")
    assert "\n" not in finding.message and finding.message.endswith("…”.")
    assert len(finding.message) < 200


def test_the_new_rules_come_after_the_others_in_the_spec_order():
    built = journey({"a": (M, AW), "b": (S, CO)}, [("a", "b", "[[MQL]]")])
    built.add_note("Open question")
    rules = [f.rule for f in analyze(built).findings]
    assert rules[-4:] == ["undefined-term", "one-way-handoff", "agreement-without-sla", "open-note"]
