"""The journey content's cost on the typing path (skipped in the normal run):
`pytest tests/canvas --benchmark-only`. One emotion edit on a 2,000-step map, reconciled
into the scene, with the emotion curve hidden and shown, with and without personas."""

from __future__ import annotations

import itertools

import pytest

from laneway.canvas import JourneyScene
from tests.support.maps import workshop_map


def _scene(curve: bool, personas: int) -> tuple[JourneyScene, str]:
    journey = workshop_map(2_000)
    for index in range(personas):
        persona = journey.add_persona(f"Persona {index + 1}")
        for step_id in list(journey.steps)[index::4]:
            journey.update_step(step_id, personas=(persona.id,))
    scene = JourneyScene(journey)
    scene.content.set_curve_visible(curve)
    return scene, next(iter(journey.steps))


@pytest.mark.benchmark(group="canvas-content")
@pytest.mark.parametrize(("curve", "personas"), [(False, 0), (True, 0), (True, 3)])
def test_bench_emotion_edit_2000_steps(benchmark, qapp, curve, personas):
    scene, step_id = _scene(curve, personas)
    journey = scene.journey
    emotions = itertools.cycle([-2, 1])

    def edit() -> None:
        with journey.record("Emotion") as recording:
            journey.update_step(step_id, emotion=next(emotions))
        scene.reconcile(recording.changeset)

    benchmark.pedantic(edit, rounds=20, iterations=1, warmup_rounds=2)
    if curve:
        assert scene.content.band.curve is not None
    scene.clear()


@pytest.mark.benchmark(group="canvas-content")
@pytest.mark.parametrize("personas", [0, 3])
def test_bench_curve_redraw_2000_steps(benchmark, qapp, personas):
    """The redraw the app does once a burst of edits pauses (and an export at once)."""
    scene, _step_id = _scene(True, personas)
    benchmark.pedantic(scene.content.refresh, rounds=10, iterations=1, warmup_rounds=1)
    assert len(scene.content.band.curve.lines) == max(1, personas)
    scene.clear()
