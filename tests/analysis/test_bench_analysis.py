"""Benchmarks (skipped in the normal run): `pytest tests/analysis --benchmark-only`.

The maps exercise every rule (tests/support/maps.py): entries, converging routes, loop
backs, loops between departments, dead ends, unreachable steps, agreements citing the
glossary (and a term it lacks), agreements without an SLA, one-way handoffs, open notes.
"""

from __future__ import annotations

import pytest

from laneway.analysis import analyze
from laneway.analysis.graph import JourneyGraph
from laneway.analysis.rules.feedback import one_way_handoffs
from laneway.analysis.rules.notes import open_notes
from laneway.analysis.rules.vocabulary import agreements_without_sla, undefined_terms
from laneway.analysis.structure import keeps_structure
from laneway.model import map_from_dict
from tests.support.maps import complete_journey, generated_journey, journey_dict


@pytest.mark.benchmark(group="analysis")
@pytest.mark.parametrize("steps", [100, 1_000, 2_000, 10_000, 20_000, 50_000])
def test_bench_analyze_generated_map(benchmark, steps):
    journey = generated_journey(steps)
    report = benchmark(analyze, journey)
    assert report.summary.steps == steps
    rules = {finding.rule for finding in report.findings}
    assert {"bottleneck", "handoff-loop", "dead-end", "unreachable-step"} <= rules
    assert {"undefined-term", "one-way-handoff", "agreement-without-sla", "open-note"} <= rules


@pytest.mark.benchmark(group="analysis")
def test_bench_analyze_complete_graph_150(benchmark):
    journey = complete_journey(150)
    assert len(journey.links) == 22_350
    report = benchmark(analyze, journey)
    assert report.summary.links == 22_350
    assert report.findings_for_rule("handoff-loop")  # the entry reaches one big loop per stage


@pytest.mark.benchmark(group="analysis: an edit that keeps the graph")
def test_bench_reanalyze_after_a_retitle_2000(benchmark):
    journey = generated_journey(2_000)
    structure = analyze(journey).structure
    step_id = next(iter(journey.steps))
    with journey.record("Retitle") as recording:
        journey.update_step(step_id, title="Renamed")
    assert keeps_structure(recording.changeset, journey)
    report = benchmark(analyze, journey, reuse=structure)
    assert report.structure is structure


@pytest.mark.benchmark(group="reading a map")
@pytest.mark.parametrize("steps", [2_000, 20_000])
def test_bench_map_from_dict(benchmark, steps):
    data = journey_dict(steps)
    journey = benchmark(map_from_dict, data)
    assert len(journey.steps) == steps


def _content_rules(jg):
    return [*undefined_terms(jg), *one_way_handoffs(jg), *agreements_without_sla(jg),
            *open_notes(jg)]  # fmt: skip


@pytest.mark.benchmark(group="analysis: SPEC §7's rules alone")
@pytest.mark.parametrize("steps", [2_000, 50_000])
def test_bench_journey_content_rules(benchmark, steps):
    """The four rules of the journey content: their share of ``analyze``, on maps whose
    agreements cite the glossary and whose steps and links carry notes. The order along
    the map and the handoff links are made first, as the full analysis has them already."""
    jg = JourneyGraph.of(generated_journey(steps))
    jg.links_in_order([])
    assert jg.handoff_links
    found = benchmark(_content_rules, jg)
    assert {f.rule for f in found} == {
        "undefined-term", "one-way-handoff", "agreement-without-sla", "open-note"
    }  # fmt: skip
