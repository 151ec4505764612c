"""Tidy Layout (Ctrl+L) makes a map more compact, never wider or larger, cards apart."""

from __future__ import annotations

import itertools

import pytest

from laneway.document import Document
from laneway.io.templates import load_template, template_names
from laneway.layout import Metrics, compute_grid
from laneway.model import JourneyMap
from laneway.operations.creating import create_map_file
from tests.support.maps import workshop_map


def _ribbon(journey: JourneyMap) -> JourneyMap:
    """The old layout: every step of a cell side by side in one row (a wide ribbon)."""
    journey.require_transaction = False
    metrics = Metrics()
    counts: dict = {}
    for step in journey.steps.values():
        cell = (step.department_id, step.stage_id)
        n = counts[cell] = counts.get(cell, -1) + 1
        journey.update_step(step.id, x=metrics.cell_padding + n * metrics.step_x, y=20)
    return journey


def _maps():
    found = [(name, load_template(name)) for name in template_names()]
    found.append(("generated-40", workshop_map(40)))
    found.append(("ribbon-40", _ribbon(workshop_map(40))))
    return found


def _bounds(journey: JourneyMap):
    grid = compute_grid(journey, Metrics())
    return grid.bounds, list(grid.step_rects.values())


@pytest.mark.parametrize(
    ("name", "journey"), _maps(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_tidy_layout_keeps_the_map_compact(name, journey, controller, qtbot, tmp_path):
    path = tmp_path / f"{name}.laneway"
    create_map_file(path, journey)
    before, _cards = _bounds(journey)
    window = controller.open_path(path)
    qtbot.waitExposed(window)
    tidy = window.chrome.actions["tidy"]
    assert tidy.shortcut().toString() == "Ctrl+L"
    tidy.trigger()  # Arrange > Tidy Layout
    window.close()

    document = Document.open(path, read_only=True)
    try:
        tidied = document.journey
        assert all(s.x is not None and s.y is not None for s in tidied.steps.values())
        after, cards = _bounds(tidied)
    finally:
        document.close()
    assert after.width <= before.width
    assert after.width * after.height <= before.width * before.height
    assert after.width / after.height <= max(before.width / before.height, 16 / 10)
    for a, b in itertools.combinations(cards, 2):
        assert not a.intersects(b), f"{name}: two cards overlap after tidying"
    if name.startswith("ribbon"):  # the ribbon really gets narrower, towards the screen
        assert after.width < 0.7 * before.width
        assert abs(after.width / after.height - 1.6) < abs(before.width / before.height - 1.6)
