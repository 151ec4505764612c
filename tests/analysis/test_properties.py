"""Invariants of the report on random maps (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.analysis import analyze
from laneway.model import JourneyMap, MapInfo

DEPARTMENTS = ("Marketing", "Sales", "Support")
STAGES = ("Awareness", "Purchase", "Retention")


@st.composite
def random_maps(draw) -> JourneyMap:
    journey = JourneyMap(MapInfo(title="Random"))
    departments = [journey.add_department(n).id for n in DEPARTMENTS[: draw(st.integers(0, 3))]]
    stages = [journey.add_stage(n).id for n in STAGES[: draw(st.integers(0, 3))]]
    count = draw(st.integers(0, 12))
    for i in range(count):
        journey.add_step(
            f"Step {i}",
            step_id=f"s{i}",
            department_id=draw(st.sampled_from([None, *departments])),
            stage_id=draw(st.sampled_from([None, *stages])),
            entry=draw(st.booleans()) if draw(st.integers(0, 4)) == 0 else False,
            terminal=draw(st.booleans()),
        )
    if count >= 2:
        pairs = draw(
            st.lists(
                st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)),
                max_size=3 * count,
            )
        )
        for a, b in pairs:
            if a != b and journey.link_between(f"s{a}", f"s{b}") is None:
                journey.add_link(
                    f"s{a}", f"s{b}", agreement=draw(st.sampled_from(["", " ", "agreed"]))
                )
    return journey


@settings(max_examples=150, deadline=None)
@given(random_maps())
def test_report_invariants(journey):
    report = analyze(journey)
    s = report.summary
    assert s.steps == len(journey.steps)
    assert s.owned_steps == sum(1 for x in journey.steps.values() if x.department_id)
    expected = s.owned_steps / s.steps if s.steps else 1.0
    assert abs(s.ownership_coverage - expected) < 1e-9
    assert 0 <= s.agreed_handoffs <= s.handoffs <= s.links
    assert sum(sum(row.values()) for row in s.handoff_matrix.values()) == s.handoffs
    for finding in report.findings_for_rule("handoff-gap"):
        [link_id] = finding.link_ids
        link = journey.links[link_id]
        assert journey.is_handoff(link) and not link.agreement.strip()
    assert len(report.findings_for_rule("unowned-step")) == s.steps - s.owned_steps
    if report.findings_for_rule("no-entry"):
        assert not report.findings_for_rule("unreachable-step")
    for finding in report.findings:
        assert finding.message.endswith(".") and "\n" not in finding.message


@settings(max_examples=100, deadline=None)
@given(random_maps())
def test_no_unreachable_step_when_every_step_is_an_entry(journey):
    with journey.record("all entries"):
        for step_id in list(journey.steps):
            journey.update_step(step_id, entry=True)
    assert analyze(journey).findings_for_rule("unreachable-step") == []


@settings(max_examples=100, deadline=None)
@given(random_maps(), st.data())
def test_adding_an_agreement_never_adds_a_finding(journey, data):
    """An agreement with its SLA closes what it closes and opens nothing; without an
    SLA it opens at most ``agreement-without-sla`` on that one link (SPEC §7)."""
    if not journey.links:
        return
    before = analyze(journey)
    link_id = data.draw(st.sampled_from(sorted(journey.links)))
    agreed_before = journey.links[link_id].agreed
    with_sla = data.draw(st.booleans())
    sla = "Call back within 24 h" if with_sla else ""
    journey.update_link(link_id, agreement="Agreed in the workshop", sla=sla)
    after = analyze(journey)
    key = lambda f: (f.rule, f.step_ids, f.link_ids, f.stage_id, f.department_id)  # noqa: E731
    added = {key(f) for f in after.findings} - {key(f) for f in before.findings}
    if with_sla:
        assert not added
    else:
        assert {(rule, links) for rule, _, links, *_ in added} <= {
            ("agreement-without-sla", (link_id,))
        }
        if journey.is_handoff(journey.links[link_id]) and not agreed_before:
            assert ("agreement-without-sla", (link_id,)) in {(k[0], k[2]) for k in added}
    assert after.summary.agreed_handoffs >= before.summary.agreed_handoffs


@settings(max_examples=100, deadline=None)
@given(random_maps())
def test_analysis_is_deterministic(journey):
    assert analyze(journey) == analyze(journey.copy())
