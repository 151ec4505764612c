"""A workshop in fast forward: random edits, undo/redo and view switches on a real window.

After every action the canvas must show what a canvas built afresh from the map shows
(the live path moves only what changed), and at the end the file must hold the map.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QApplication

from laneway.canvas import JourneyScene
from laneway.io.templates import load_template
from laneway.store import create_map
from laneway.ui.editing import clipboard
from laneway.ui.editing import steps as step_edits
from tests.conftest import reopen

ACTIONS = (
    "add", "next", "below", "move", "link", "delete", "undo", "undo", "redo", "retitle",
    "agree", "paste", "tidy", "theme", "text size", "lane", "stage",
)  # fmt: skip


def _picture(scene: JourneyScene) -> tuple[dict, dict]:
    cards = {
        item.step_id: (round(item.scenePos().x(), 2), round(item.scenePos().y(), 2))
        for item in scene.step_items()
    }
    arrows = {}
    for link_id in scene.journey.links:
        item = scene.link_item(link_id)
        path = item.mapToScene(item.path())
        arrows[link_id] = [
            (round(path.elementAt(i).x, 2), round(path.elementAt(i).y, 2))
            for i in range(path.elementCount())
        ]
    return cards, arrows


def _act(window, controller, rng: random.Random, action: str, n: int) -> None:
    session, journey = window.session, window.session.journey
    steps = list(journey.steps)
    if action == "add":
        department = rng.choice([None, *journey.departments])
        stage = rng.choice([None, *journey.stages])
        step_edits.add_step(session, department, stage, None, f"Step {n}", window.metrics)
    elif action in ("next", "below") and steps:
        step = rng.choice(steps)
        below = action == "below"
        step_edits.add_next_step(session, step, lane_below=below, metrics=window.metrics)
    elif action == "move" and steps:
        step = rng.choice(steps)
        corner = window.scene.step_item(step).scenePos()
        target = (corner.x() + rng.randint(-300, 300), corner.y() + rng.randint(-200, 200))
        step_edits.move_steps(session, window.scene.grid, {step: target})
    elif action == "link" and len(steps) > 1:
        step_edits.link_steps(session, *rng.sample(steps, 2))
    elif action == "delete" and steps:
        step_edits.delete(session, [rng.choice(steps)])
    elif action == "undo":
        session.undo_stack.undo()
    elif action == "redo":
        session.undo_stack.redo()
    elif action == "retitle" and steps:
        step_edits.rename_step(session, rng.choice(steps), f"Renamed {n}")
    elif action == "agree" and journey.links:
        link = rng.choice(list(journey.links))
        text = rng.choice(["", "Agreed", "Signed checklist with a budget and a date"])
        session.run_edit("Agree", lambda j: j.update_link(link, agreement=text))
    elif action == "paste" and steps:
        text = clipboard.copy_text(session, rng.sample(steps, min(3, len(steps))))
        if text:
            clipboard.paste_text(session, text)
    elif action == "tidy":
        window.tidy(False)
    elif action == "theme":
        controller.set_theme(rng.choice(["light", "dark"]))
    elif action == "text size":
        controller.set_font_scale(rng.choice([1.0, 1.25, 1.5]))
    elif action == "lane" and journey.departments:
        order = list(journey.departments)
        rng.shuffle(order)
        session.run_edit("Reorder lanes", lambda j: j.reorder_departments(order))
    elif action == "stage":
        session.run_edit("Add stage", lambda j: j.add_stage(f"Stage {n}"))


@pytest.mark.parametrize("seed", [1, 2])
def test_random_workshop_keeps_canvas_and_file_true(controller, tmp_path, seed):
    path = tmp_path / "workshop.laneway"
    create_map(path, load_template("b2b"))
    window = controller.open_path(path)
    rng = random.Random(seed)
    try:
        for n in range(60):
            action = rng.choice(ACTIONS)
            _act(window, controller, rng, action, n)
            window.session.refresh_report()
            QApplication.processEvents()
            fresh = JourneyScene(window.session.journey, window.scene.style, metrics=window.metrics)
            # arrows keep clear of finding badges: the fresh scene shows the same findings
            fresh.set_findings_visible(window.scene.findings_visible)
            fresh.set_report(window.scene.report)
            window.scene.finish_routing()
            assert _picture(window.scene) == _picture(fresh), f"after {n}: {action}"
            fresh.clear()
        assert controller.errors == []
        assert reopen(path).same_content(window.session.journey)
    finally:
        controller.set_theme("light")
        controller.set_font_scale(1.0)
