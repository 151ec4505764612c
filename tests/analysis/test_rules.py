"""One or more tests per SPEC §2 rule, on hand-built maps whose answer follows from the words."""

from __future__ import annotations

import pytest

from laneway.analysis import RULES, analyze
from tests.analysis.helpers import findings, journey, run, step_sets

M, S, F = "Marketing", "Sales", "Finance"
AW, CO, PU = "Awareness", "Consideration", "Purchase"


def test_rules_table_matches_the_spec_order_and_severities():
    assert [(r.id, r.severity) for r in RULES] == [
        ("unowned-step", "error"),
        ("handoff-gap", "warning"),
        ("no-entry", "warning"),
        ("unreachable-step", "warning"),
        ("dead-end", "warning"),
        ("empty-stage", "info"),
        ("handoff-loop", "info"),
        ("bottleneck", "info"),
        ("long-handoff-chain", "warning"),
        ("idle-department", "info"),
        ("undefined-term", "warning"),
        ("one-way-handoff", "info"),
        ("agreement-without-sla", "info"),
        ("open-note", "info"),
    ]
    assert all(r.description.endswith(".") for r in RULES)


# ----------------------------------------------------------------- unowned-step
def test_unowned_step_is_an_error_naming_the_step():
    report = run(journey({"a": (M, AW), "b": (None, CO)}, [("a", "b")]))
    [finding] = findings(report, "unowned-step")
    assert finding.step_ids == ("b",)
    assert finding.severity == "error"
    assert finding.message == "Nobody owns 'Step b' in Consideration."
    assert report.has_errors


def test_unowned_step_inside_a_handoff_path_breaks_the_handoff():
    # Marketing → (nobody) → Sales: neither link joins two departments, so no handoff.
    report = run(journey({"a": (M, AW), "b": (None, CO), "c": (S, PU)}, [("a", "b"), ("b", "c")]))
    assert step_sets(report, "unowned-step") == [("b",)]
    assert findings(report, "handoff-gap") == []
    assert report.summary.handoffs == 0
    assert report.summary.handoff_coverage == 1.0


# ------------------------------------------------------------------ handoff-gap
def test_handoff_gap_names_both_departments_and_steps():
    report = run(journey({"a": (M, AW), "b": (S, CO)}, [("a", "b")]))
    [gap] = findings(report, "handoff-gap")
    assert gap.message == "Nobody agreed what Marketing hands to Sales at 'Step a' → 'Step b'."
    assert gap.step_ids == ("a", "b")
    assert len(gap.link_ids) == 1


@pytest.mark.parametrize("agreement", ["", "   ", "\t\n"])
def test_whitespace_only_agreement_is_a_gap(agreement):
    report = run(journey({"a": (M, AW), "b": (S, CO)}, [("a", "b", agreement)]))
    assert len(findings(report, "handoff-gap")) == 1
    assert report.summary.agreed_handoffs == 0


def test_agreed_handoff_and_same_department_link_are_not_gaps():
    report = run(
        journey(
            {"a": (M, AW), "b": (M, AW), "c": (S, CO)},
            [("a", "b"), ("b", "c", "MQL: score >= 50")],
        )
    )
    assert findings(report, "handoff-gap") == []
    assert report.summary.handoffs == 1
    assert report.summary.agreed_handoffs == 1
    assert report.summary.handoff_matrix == {"Marketing": {"Sales": 1}}


def test_unicode_names_reach_the_message():
    built = journey({"a": (None, None), "b": (None, None)}, departments=(), stages=())
    with built.record("names"):
        mk = built.add_department("Maßnahmen & Vertrieb 営業")
        cs = built.add_department("Kundenerfolg 🚀")
        built.update_step("a", department_id=mk.id, title="Lädt Preisliste herunter")
        built.update_step("b", department_id=cs.id, title="Onboarding-Gespräch")
        built.add_link("a", "b")
    [gap] = findings(analyze(built), "handoff-gap")
    assert gap.message == (
        "Nobody agreed what Maßnahmen & Vertrieb 営業 hands to Kundenerfolg 🚀 at "
        "'Lädt Preisliste herunter' → 'Onboarding-Gespräch'."
    )


def test_department_names_differing_only_in_case_are_one_department():
    from laneway.model import ModelError

    built = journey({"a": (M, AW)})
    with pytest.raises(ModelError):
        built.add_department("marketing")
    # A step owned by "MARKETING" is owned by Marketing: a link between them is no handoff.
    built.add_step("b", step_id="b", department_id=built.department_by_name("MARKETING").id)
    built.add_link("a", "b")
    assert analyze(built).summary.handoffs == 0


# -------------------------------------------------------------------- no-entry
def test_all_steps_in_one_cycle_without_stages_has_no_entry():
    built = journey(
        {"a": (M, None), "b": (S, None), "c": (M, None)},
        [("a", "b", "x"), ("b", "c", "y"), ("c", "a")],
        stages=(),
    )
    report = run(built)
    assert len(findings(report, "no-entry")) == 1
    assert findings(report, "unreachable-step") == []  # not reported without entries
    assert report.summary.longest_handoff_chain == 0


def test_an_empty_map_has_no_no_entry():
    report = run(journey({}))
    assert findings(report, "no-entry") == []
    assert report.summary.ownership_coverage == 1.0


def test_flagged_entry_wins_over_the_first_stage():
    built = journey({"a": (M, AW), "b": (M, CO)}, [("a", "b")], entry=("b",))
    report = run(built)
    assert step_sets(report, "unreachable-step") == [("a",)]


# ---------------------------------------------------------------- entry steps
def test_loop_back_from_a_later_stage_does_not_stop_an_entry():
    # A referral from Purchase back to Awareness: 'a' is still where the journey starts.
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (S, PU)},
        [("a", "b", "ok"), ("b", "c"), ("c", "a", "referral")],
    )
    report = run(built)
    assert findings(report, "no-entry") == []
    assert findings(report, "unreachable-step") == []


def test_a_step_fed_from_its_own_stage_is_not_an_entry():
    built = journey({"a": (M, AW), "b": (M, AW), "c": (M, CO)}, [("a", "b")])
    report = run(built)
    # entries: a only (b has an incoming link from its own stage); c is unreachable
    assert step_sets(report, "unreachable-step") == [("c",)]


def test_map_without_stages_uses_steps_without_incoming_links():
    built = journey({"a": (M, None), "b": (M, None), "c": (M, None)}, [("a", "b")], stages=())
    report = run(built)
    assert findings(report, "unreachable-step") == []  # c has no incoming link: an entry
    assert findings(report, "dead-end") == []  # the map has no stages


# ------------------------------------------------------------- unreachable-step
def test_unreachable_step_after_the_first_stage():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (S, PU), "d": (S, PU)},
        [("a", "b", "ok"), ("b", "c"), ("d", "c")],
    )
    report = run(built)
    assert step_sets(report, "unreachable-step") == [("d",)]
    assert "No path from an entry step reaches 'Step d' (Sales, Purchase)." in [
        f.message for f in findings(report, "unreachable-step")
    ]


# --------------------------------------------------------------------- dead-end
def test_dead_end_outside_the_final_stage_unless_terminal():
    built = journey(
        {"a": (M, AW), "b": (M, CO), "c": (M, CO), "d": (M, PU), "e": (M, None)},
        [("a", "b"), ("a", "c"), ("a", "d"), ("a", "e")],
        terminal=("c",),
    )
    report = run(built)
    # b: sink in Consideration → dead end; c: terminal; d: final stage;
    # e: no stage counts as not in the final stage → dead end
    assert sorted(step_sets(report, "dead-end")) == [("b",), ("e",)]


def test_final_stage_is_the_last_stage_even_when_empty():
    built = journey({"a": (M, AW), "b": (M, CO)}, [("a", "b")])  # Purchase holds nothing
    report = run(built)
    assert step_sets(report, "dead-end") == [("b",)]
    assert [f.stage_id for f in findings(report, "empty-stage")] == [built.stage_by_name(PU).id]


# ------------------------------------------------------------------ empty-stage
def test_empty_stage_carries_the_stage_not_steps():
    built = journey({"a": (M, AW)}, stages=(AW, CO))
    [finding] = findings(run(built), "empty-stage")
    assert finding.step_ids == () and finding.link_ids == ()
    assert finding.message == "No step is in the stage Consideration."


# ----------------------------------------------------------------- handoff-loop
def test_handoff_loop_lists_every_step_of_the_component():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (M, CO), "d": (S, PU)},
        [("a", "b", "x"), ("b", "c", "y"), ("c", "b", "z"), ("b", "d")],
    )
    [loop] = findings(run(built), "handoff-loop")
    assert set(loop.step_ids) == {"b", "c"}
    assert loop.message.startswith("Customers are bounced between Marketing and Sales")


def test_cycle_inside_one_department_is_no_handoff_loop():
    built = journey({"a": (M, AW), "b": (M, CO)}, [("a", "b"), ("b", "a")])
    assert findings(run(built), "handoff-loop") == []


def test_unowned_steps_do_not_count_as_a_department_in_a_loop():
    built = journey({"a": (M, AW), "b": (None, CO)}, [("a", "b"), ("b", "a")])
    assert findings(run(built), "handoff-loop") == []


def test_a_referral_back_to_the_first_stage_is_no_handoff_loop():
    # The b2b pattern: Marketing → Sales → Customer Success, and a referral from Advocacy
    # back to Awareness. Left out first as a loop-back link, it makes no loop.
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (F, PU)},
        [("a", "b", "MQL"), ("b", "c", "signed"), ("c", "a", "referral")],
    )
    assert findings(run(built), "handoff-loop") == []


def test_a_back_and_forth_between_two_departments_is_still_a_loop():
    # Sales and Finance pass the customer back and forth in Purchase, beside a referral.
    built = journey(
        {"a": (M, AW), "b": (S, PU), "c": (F, PU)},
        [("a", "b"), ("b", "c"), ("c", "b"), ("c", "a", "referral")],
    )
    [loop] = findings(run(built), "handoff-loop")
    assert loop.step_ids == ("b", "c")
    assert sorted(loop.link_ids) == sorted(
        [built.link_between("b", "c").id, built.link_between("c", "b").id]
    )
    assert loop.message == (
        "Customers are bounced between Sales and Finance in a loop of 2 steps: 'Step b', 'Step c'."
    )


# ------------------------------------------------------------------- bottleneck
def test_converging_routes_make_the_common_dominator_a_bottleneck():
    #  a → b → d → e → f
    #    ↘ c ↗      ↘ g
    # Both routes meet at d; every journey to the ends f and g passes d (and e), but
    # only d has two incoming links: routes converge there.
    built = journey(
        {
            "a": (M, AW),
            "b": (M, CO),
            "c": (S, CO),
            "d": (S, PU),
            "e": (S, PU),
            "f": (S, PU),
            "g": (S, PU),
        },
        [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "f"), ("e", "g")],
    )
    [finding] = findings(run(built), "bottleneck")
    assert finding.step_ids == ("d",)
    assert finding.message == (
        "Routes converge on 'Step d' (Sales, Purchase): every journey from the start "
        "to an end passes through it."
    )


def test_a_linear_journey_has_no_bottleneck():
    # Every step of a chain dominates what follows it, but no routes converge anywhere.
    built = journey(
        {"a": (M, AW), "b": (M, CO), "c": (S, CO), "d": (S, PU), "e": (S, PU)},
        [("a", "b"), ("b", "c"), ("c", "d"), ("c", "e")],
    )
    assert findings(run(built), "bottleneck") == []


def test_incoming_links_from_unreachable_steps_do_not_make_routes_converge():
    # x reaches b but nothing reaches x (it is in a later stage, so not an entry).
    built = journey(
        {"a": (M, AW), "b": (M, CO), "x": (S, CO), "d": (S, PU)},
        [("a", "b"), ("x", "b"), ("b", "d")],
    )
    assert step_sets(run(built), "unreachable-step") == [("x",)]
    assert findings(run(built), "bottleneck") == []


def test_two_entries_share_a_bottleneck_through_the_virtual_source():
    built = journey(
        {"a": (M, AW), "x": (M, AW), "b": (S, CO), "d": (S, PU)},
        [("a", "b", "ok"), ("x", "b", "ok"), ("b", "d")],
    )
    assert step_sets(run(built), "bottleneck") == [("b",)]


def test_parallel_paths_have_no_bottleneck():
    built = journey(
        {"a": (M, AW), "b": (M, CO), "c": (M, CO), "d": (M, PU)},
        [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")],
    )
    assert findings(run(built), "bottleneck") == []


def test_no_bottleneck_when_no_sink_is_reachable():
    built = journey({"a": (M, AW), "b": (M, CO)}, [("a", "b"), ("b", "a")])
    assert findings(run(built), "bottleneck") == []


# ----------------------------------------------------------- long-handoff-chain
def _chain_map(handoffs: int):
    departments = (M, S, F)
    steps = {f"s{i}": (departments[i % 3], AW) for i in range(handoffs + 1)}
    links = [(f"s{i}", f"s{i + 1}") for i in range(handoffs)]
    return journey(steps, links, entry=("s0",))


def test_chain_at_the_threshold_is_fine_and_above_it_is_reported():
    assert findings(run(_chain_map(3)), "long-handoff-chain") == []
    report = run(_chain_map(4))
    [finding] = findings(report, "long-handoff-chain")
    assert report.summary.longest_handoff_chain == 4
    assert finding.step_ids == ("s0", "s1", "s2", "s3", "s4")
    assert run(_chain_map(4), handoff_threshold=4).findings_for_rule("long-handoff-chain") == []


def test_loop_back_links_do_not_lengthen_the_chain():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (F, PU)},
        [("a", "b"), ("b", "c"), ("c", "a")],  # c → a goes back to Awareness
    )
    report = run(built)
    assert report.summary.longest_handoff_chain == 2


def test_links_inside_one_component_do_not_count():
    # b ⇄ c is one component: its two handoffs count for nothing.
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (F, CO), "d": (F, PU)},
        [("a", "b"), ("b", "c"), ("c", "b"), ("c", "d")],
    )
    # a → {b, c}: the heaviest link between the components is a handoff (1);
    # {b, c} → d: c → d is Finance → Finance (0).
    assert run(built).summary.longest_handoff_chain == 1


# -------------------------------------------------------------- idle-department
def test_idle_department_carries_the_department():
    built = journey({"a": (M, AW)})
    names = [f.message for f in findings(run(built), "idle-department")]
    assert names == ["Sales owns no step.", "Finance owns no step."]
    assert all(f.department_id for f in findings(run(built), "idle-department"))


# ------------------------------------------------------------------ the summary
def test_summary_figures():
    built = journey(
        {"a": (M, AW), "b": (S, CO), "c": (None, PU), "d": (F, PU)},
        [("a", "b", "MQL"), ("b", "d"), ("b", "c")],
    )
    s = run(built).summary
    assert (s.steps, s.links, s.departments, s.owned_steps) == (4, 3, 3, 3)
    assert s.ownership_coverage == pytest.approx(0.75)
    assert (s.handoffs, s.agreed_handoffs) == (2, 1)
    assert s.handoff_coverage == pytest.approx(0.5)
    assert s.handoff_matrix == {"Marketing": {"Sales": 1}, "Sales": {"Finance": 1}}
    assert s.longest_handoff_chain == 2


def test_findings_come_in_rule_order_and_index_by_step_and_link():
    built = journey({"a": (M, AW), "b": (None, CO), "c": (S, CO)}, [("a", "c")])
    report = run(built)
    order = [r.id for r in RULES]
    ranks = [order.index(f.rule) for f in report.findings]
    assert ranks == sorted(ranks)
    link_id = built.link_between("a", "c").id
    # Marketing hands to Sales and nothing comes back: a gap and a one-way handoff.
    assert [f.rule for f in report.findings_for_link(link_id)] == [
        "handoff-gap",
        "one-way-handoff",
    ]
    assert "unowned-step" in [f.rule for f in report.findings_for_step("b")]
