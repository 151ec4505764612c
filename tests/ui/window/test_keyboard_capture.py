"""Issue 14's "done when": the 12-step "campaign that sales never heard of" journey,
captured in a blank map with the keyboard alone — departments, stages, stage changes
and a link included — and then read back from the file.

The issue measured 29 command keys + 106 typed characters + 5 mouse actions for the
steps alone in the old window (where the first step and 4 stage changes needed the
mouse); here not one mouse event is sent, and the counts are printed (``-s``).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from laneway.operations.creating import create_map_file, new_journey
from tests.conftest import reopen
from tests.ui.keyboard import ALT, CTRL, SHIFT, Keyboard, MouseWatch, focus_canvas

DEPARTMENTS = ("Marketing", "Sales", "Customer Success")
STAGES = ("Awareness", "Consideration", "Purchase", "Onboarding", "Retention")
Enter = Qt.Key.Key_Return
#: (the key that adds the step, title, expected owner, expected stage); None: the first.
JOURNEY = (
    ("first", "Launches the spring campaign", "Marketing", "Awareness"),
    ("next", "Sees the campaign ad", "Marketing", "Awareness"),
    ("next stage", "Downloads the discount code", "Marketing", "Consideration"),
    ("next", "Scored as a lead", "Marketing", "Consideration"),
    ("lane below", "Asks sales for the discount", "Sales", "Consideration"),
    ("next stage", "Sales never heard of it", "Sales", "Purchase"),
    ("next", "Signs at full price", "Sales", "Purchase"),
    ("next stage, lane down", "Kick-off call", "Customer Success", "Onboarding"),
    ("next", "Complains about the price", "Customer Success", "Onboarding"),
    ("next stage", "Refunds the discount", "Customer Success", "Retention"),
    ("next", "Renews the contract", "Customer Success", "Retention"),
    ("next", "Refers a colleague", "Customer Success", "Retention"),
)


def _add(keys: Keyboard, how: str, title: str) -> None:
    if how in ("first", "next"):
        keys.press(Enter, CTRL)
    elif how == "lane below":
        keys.press(Enter, CTRL | SHIFT)
    else:
        keys.press(Enter, CTRL | ALT)
    keys.type(title)
    keys.press(Enter)  # the title is kept; the keyboard is back on the canvas
    if how.endswith("lane down"):
        keys.press(Qt.Key.Key_Down, ALT)  # the card moves one lane down


def test_the_campaign_journey_by_keyboard_alone(controller, tmp_path, qtbot):
    path = tmp_path / "campaign.laneway"
    create_map_file(path, new_journey(None, "Spring campaign"))
    window = controller.open_path(path)
    qtbot.waitExposed(window)
    focus_canvas(window, qtbot)
    mouse = MouseWatch()
    QApplication.instance().installEventFilter(mouse)
    keys = Keyboard()
    try:
        for name in DEPARTMENTS:
            keys.name_in_dialog(name)
            keys.press(Qt.Key.Key_D, CTRL | SHIFT)
        for name in STAGES:
            keys.name_in_dialog(name)
            keys.press(Qt.Key.Key_T, CTRL | SHIFT)
        assert QApplication.focusWidget() is window.view
        lanes_and_stages = (keys.command_keys, keys.typed)
        for how, title, _owner, _stage in JOURNEY:
            _add(keys, how, title)
        steps = (keys.command_keys - lanes_and_stages[0], keys.typed - lanes_and_stages[1])
        # The handoff nobody agreed: the campaign never reached sales.
        keys.press(Qt.Key.Key_F, CTRL)
        keys.type("spring")
        keys.press(Enter)  # selects and centres the campaign step
        keys.press(Qt.Key.Key_Escape)  # closes the find bar; back on the canvas
        keys.answer_next_dialog(lambda k: (k.type("Sales never"), k.press(Enter)))
        keys.press(Qt.Key.Key_K, CTRL)
    finally:
        QApplication.instance().removeEventFilter(mouse)
    assert mouse.count == 0
    journey = reopen(path)
    departments = [d.name for d in journey.departments_in_order()]
    stages = [s.name for s in journey.stages_in_order()]
    assert (tuple(departments), tuple(stages)) == (DEPARTMENTS, STAGES)
    captured = {
        s.title: (journey.department_name(s.department_id), journey.stage_name(s.stage_id))
        for s in journey.steps.values()
    }
    assert captured == {title: (owner, stage) for _how, title, owner, stage in JOURNEY}
    by_title = {s.title: s.id for s in journey.steps.values()}
    chain = [title for _how, title, _o, _s in JOURNEY]
    for before, after in itertools.pairwise(chain):
        assert journey.link_between(by_title[before], by_title[after]) is not None
    assert journey.link_between(by_title[chain[0]], by_title["Sales never heard of it"])
    assert len(journey.links) == len(chain)
    # One undo step per new step (its title included), one per lane, stage, move, link.
    assert window.session.undo_stack.count() == len(DEPARTMENTS) + len(STAGES) + 12 + 1 + 1
    titles = sum(len(title) for _how, title, _o, _s in JOURNEY)
    print(
        f"\nkeyboard capture: {keys.command_keys} command keys + {keys.typed} typed "
        f"characters + {mouse.count} mouse actions in all; lanes and stages "
        f"{lanes_and_stages[0]} + {lanes_and_stages[1]}; the 12 steps {steps[0]} + "
        f"{steps[1]} (titles {titles} characters); the link "
        f"{keys.command_keys - lanes_and_stages[0] - steps[0]} + "
        f"{keys.typed - lanes_and_stages[1] - steps[1]}"
    )
    assert steps[0] == 12 * 2 + 1  # a key to add and Enter to keep each; one Alt+Down
