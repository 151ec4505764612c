"""The emotion curve's geometry: stage by stage in journey order, a line per persona,
the dips marked (SPEC §7)."""

from __future__ import annotations

import pytest

from laneway.io.templates import load_template
from laneway.layout import compute_grid
from laneway.layout.emotion_curve import (
    EMOTION_BAND_HEIGHT,
    CurvePoint,
    emotion_curve,
    low_points,
)
from laneway.model import JourneyMap, MapInfo


def _journey() -> JourneyMap:
    """Awareness: a(+1) → b(−1); Purchase: c(−2) → d(none) → e(+2); b and c in Sales."""
    journey = JourneyMap(MapInfo(title="Curve"))
    marketing = journey.add_department("Marketing").id
    sales = journey.add_department("Sales").id
    awareness = journey.add_stage("Awareness").id
    purchase = journey.add_stage("Purchase").id
    for step_id, lane, stage, emotion in (
        ("e", marketing, purchase, 2),  # added first: order comes from the links
        ("a", marketing, awareness, 1),
        ("b", sales, awareness, -1),
        ("c", sales, purchase, -2),
        ("d", marketing, purchase, None),
    ):
        journey.add_step(
            f"Step {step_id}", step_id=step_id, department_id=lane, stage_id=stage, emotion=emotion
        )
    for source, target in (("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")):
        journey.add_link(source, target)
    return journey


def test_points_follow_the_journey_stage_by_stage_within_the_stage_columns():
    journey = _journey()
    grid = compute_grid(journey)
    curve = emotion_curve(journey, grid)
    [line] = curve.lines
    assert line.persona_id is None  # no personas: one line for everyone
    assert [p.step_id for p in line.points] == ["a", "b", "c", "e"]  # d has no emotion
    awareness, purchase = (
        grid.column(journey.stage_by_name("Awareness").id).rect,
        grid.column(journey.stage_by_name("Purchase").id).rect,
    )
    a, b, c, e = line.points
    assert awareness.x < a.x < b.x < awareness.right <= purchase.x < c.x < e.x < purchase.right
    # two steps in a column: at a quarter and three quarters of its width
    assert a.x == pytest.approx(awareness.x + awareness.width / 4)
    assert b.x == pytest.approx(awareness.x + awareness.width * 3 / 4)
    assert curve.boundaries == (purchase.x,)
    assert [s.name for s in curve.stages] == ["Awareness", "Purchase"]


def test_emotion_maps_to_height_inside_the_band_above_the_grid():
    journey = _journey()
    curve = emotion_curve(journey, compute_grid(journey))
    band = curve.band
    assert band.height == EMOTION_BAND_HEIGHT and band.bottom == 0.0  # just above the grid
    a, b, c, e = curve.lines[0].points
    assert band.y < e.y < a.y < curve.neutral_y < b.y < c.y < band.bottom
    assert e.y == pytest.approx(band.y + curve.padding)  # +2 at the top
    assert c.y == pytest.approx(band.bottom - curve.padding)  # −2 at the bottom
    assert curve.neutral_y == pytest.approx(band.y + band.height / 2)
    placed = emotion_curve(journey, compute_grid(journey), band_top=48.0, band_height=200.0)
    assert placed.band.y == 48.0 and placed.band.height == 200.0
    assert placed.lines[0].points[0].x == a.x  # only the height changed


def test_a_line_per_persona_through_the_steps_that_concern_it():
    journey = _journey()
    buyer = journey.add_persona("Buyer").id
    user = journey.add_persona("User", "#0f8b8d").id
    journey.update_step("a", personas=[buyer])
    journey.update_step("b", personas=[user])
    journey.update_step("c", personas=[buyer, user])  # e names none: it concerns both
    curve = emotion_curve(journey, compute_grid(journey))
    lines = {line.name: line for line in curve.lines}
    assert [line.name for line in curve.lines] == ["Buyer", "User"]
    assert [p.step_id for p in lines["Buyer"].points] == ["a", "c", "e"]
    assert [p.step_id for p in lines["User"].points] == ["b", "c", "e"]
    assert lines["User"].color == "#0f8b8d"
    # a step has one x on every line
    assert lines["Buyer"].points[1].x == lines["User"].points[1].x
    only_users = emotion_curve(journey, compute_grid(journey), persona_ids=[user])
    assert [line.name for line in only_users.lines] == ["User"]


def test_low_points_are_the_dips_below_neutral_marked_once():
    def line(*emotions: int) -> tuple[CurvePoint, ...]:
        return tuple(
            CurvePoint(f"s{i}", f"S{i}", e, None, float(i), 0.0) for i, e in enumerate(emotions)
        )

    def lows(*emotions: int) -> list[str]:
        return [p.step_id for p in low_points(line(*emotions))]

    assert lows(0, -1, -2, -1, 0) == ["s2"]  # the bottom of one dip
    assert lows(1, -1, 1, -2, 2) == ["s1", "s3"]  # two dips
    assert lows(-1, -1, 0) == ["s0"]  # a flat low: its first point
    assert lows(1, 2, 0, 1) == []  # never below neutral
    assert lows(-2) == ["s0"]


def test_the_b2b_template_has_a_curve_per_persona_with_its_billing_low_point():
    journey = load_template("b2b")
    curve = emotion_curve(journey, compute_grid(journey))
    assert [line.name for line in curve.lines] == [p.name for p in journey.personas_in_order()]
    buyer = next(line for line in curve.lines if line.name == "Economic buyer")
    assert "Asks about a billing error" in [p.title for p in buyer.low_points]
    assert not curve.is_empty
    assert emotion_curve(JourneyMap(), compute_grid(JourneyMap())).is_empty
