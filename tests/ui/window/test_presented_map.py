"""The plain-data side of presentation mode: the walk's order, the arranged copy, the
stage ranges (no Qt)."""

from __future__ import annotations

from laneway.analysis import analyze
from laneway.io.templates import load_template
from laneway.layout import Target, arrange
from laneway.ui.window.findings_walk import Walk, walk_order
from laneway.ui.window.presented_map import excerpt, fit_scale, presented, stage_ranges
from tests.conftest import build_map
from tests.support.maps import workshop_map

SCREEN = Target.screen(1920, 930)


def _titles(journey, step_ids):
    return {journey.steps[s].title for s in step_ids}


def _referral_map():
    """Two gaps: a referral back to Awareness from Advocacy (met last by the customer)
    and a handoff in Purchase; and an empty stage between them."""
    return build_map(
        departments=("Marketing", "Sales", "Success"),
        stages=("Awareness", "Purchase", "Onboarding", "Advocacy"),
        steps=(
            ("Reads blog", "Marketing", "Awareness"),
            ("Buys", "Sales", "Purchase"),
            ("Refers a peer", "Success", "Advocacy"),
        ),
        links=(("Reads blog", "Buys"), ("Buys", "Refers a peer"), ("Refers a peer", "Reads blog")),
    )


def test_a_link_finding_sits_where_the_customer_meets_the_link():
    journey = _referral_map()
    stops = walk_order(journey, analyze(journey))
    gaps = [stop for stop in stops if stop.finding.rule == "handoff-gap"]
    sources = [journey.steps[journey.links[stop.link_ids[0]].source].title for stop in gaps]
    assert sources == ["Reads blog", "Buys", "Refers a peer"]
    # every stop shows its links with both their ends
    for stop in stops:
        for link_id in stop.link_ids:
            assert set(journey.links[link_id].pair) <= set(stop.step_ids)


def test_severity_comes_first_then_the_journey():
    journey = _referral_map()
    stops = walk_order(journey, analyze(journey))
    ranks = {"error": 0, "warning": 1, "info": 2}
    severities = [ranks[stop.severity] for stop in stops]
    assert severities == sorted(severities)
    infos = [stop for stop in stops if stop.severity == "info"]
    empty = next(i for i, stop in enumerate(infos) if stop.finding.rule == "empty-stage")
    assert infos[empty].stage_id == journey.stage_by_name("Onboarding").id
    # the notes about steps of Awareness and Purchase come before the empty Onboarding
    before = [_titles(journey, stop.step_ids) for stop in infos[:empty]]
    assert all(titles & {"Reads blog", "Buys"} for titles in before)


def test_the_walk_stays_on_its_finding_when_the_analysis_reruns():
    journey = _referral_map()
    walk = Walk(walk_order(journey, analyze(journey)))
    walk.go(2)
    current = walk.current.finding
    journey.add_step("Nobody's", stage_id=journey.stage_by_name("Awareness").id)  # an error
    walk.follow(walk_order(journey, analyze(journey)))
    assert walk.current.finding.message == current.message
    assert walk.index >= 3  # the new error (and what follows from it) came before it
    index = walk.index
    assert walk.previous() is not None and walk.index == index - 1
    assert walk.go(99) is walk.stops[-1]


def test_a_stored_ribbon_is_arranged_for_the_screen_and_the_map_is_not_touched():
    journey = load_template("b2b")
    before = {s.id: (s.x, s.y) for s in journey.steps.values()}
    shown = presented(journey, SCREEN)
    assert shown.arranged and shown.journey is not journey
    assert fit_scale(shown.journey, SCREEN) > fit_scale(journey, SCREEN) * 1.05
    assert {s.id: (s.x, s.y) for s in journey.steps.values()} == before
    assert set(shown.journey.steps) == set(journey.steps)
    assert shown.journey.links == journey.links


def test_a_layout_that_already_fills_the_screen_is_kept():
    journey = load_template("b2b")
    for step_id, (x, y) in arrange(journey, SCREEN).positions.items():
        journey.update_step(step_id, x=x, y=y)
    shown = presented(journey, SCREEN)
    assert not shown.arranged
    assert {s.id: (s.x, s.y) for s in shown.journey.steps.values()} == {
        s.id: (s.x, s.y) for s in journey.steps.values()
    }


def test_an_excerpt_holds_its_stages_steps_and_only_their_lanes():
    journey = workshop_map(40)
    stages = [s.id for s in journey.stages_in_order()][1:3]
    shown = excerpt(journey, stages, SCREEN).journey
    expected = {s.id for s in journey.steps.values() if s.stage_id in stages}
    assert set(shown.steps) == expected
    assert {s.stage_id for s in shown.steps.values()} <= set(stages)
    assert set(shown.departments) == {
        s.department_id for s in shown.steps.values() if s.department_id
    }
    inside = {k for k, link in journey.links.items() if set(link.pair) <= expected}
    assert set(shown.links) == inside
    assert fit_scale(shown, SCREEN) > fit_scale(journey, SCREEN)


def test_stage_ranges_cover_every_stage_once_in_order():
    journey = build_map(
        departments=("Marketing", "Sales"),
        stages=("Empty first", "A", "Empty middle", "B", "C", "Empty last"),
        steps=(("a", "Marketing", "A"), ("b", "Sales", "B"), ("c", "Sales", "C")),
        links=(("a", "b"), ("b", "c")),
    )
    order = [s.id for s in journey.stages_in_order()]
    busy = {s.stage_id for s in journey.steps.values()}
    for min_scale in (0.0, 0.5, 1.0, 50.0):
        runs = stage_ranges(journey, SCREEN, min_scale)
        assert [s for run in runs for s in run] == order
        assert all(set(run) & busy for run in runs)  # no run of empty stages only
    assert len(stage_ranges(journey, SCREEN, 0.0)) == 1
    assert len(stage_ranges(journey, SCREEN, 50.0)) == 3  # one per busy stage
    for run in stage_ranges(journey, SCREEN, 1.0):
        if len([s for s in run if s in busy]) > 1:
            assert fit_scale(excerpt(journey, run, SCREEN).journey, SCREEN) >= 1.0


def test_steps_without_a_stage_get_a_range_of_their_own():
    journey = build_map(
        stages=("A",),
        steps=(("a", "Marketing", "A"), ("loose", "Sales", None)),
    )
    runs = stage_ranges(journey, SCREEN, 0.1)
    assert runs[-1] == (None,)
    shown = excerpt(journey, runs[-1], SCREEN).journey
    assert _titles(shown, shown.steps) == {"loose"}
