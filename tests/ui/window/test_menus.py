"""Menus: no two entries of a menu share a mnemonic, the context menus of the canvas,
and the key map (Help → Keyboard Shortcuts and the README) made from the actions."""

from __future__ import annotations

import re
import sys
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from laneway.ui.window.actions import ACTIONS, key_map
from tests.conftest import REPO_ROOT, reopen
from tests.ui.conftest import step_id
from tests.ui.keyboard import Keyboard, focus_canvas

MNEMONIC = re.compile(r"&([^&])")


def _mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def all_menus(menu: QMenu) -> list[QMenu]:
    """A menu and every submenu in it, however deep."""
    menu.aboutToShow.emit()  # menus filled on showing (recent maps) fill now
    found = [menu]
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(all_menus(action.menu()))
    return found


def mnemonic_clashes(menu: QMenu) -> dict[str, list[str]]:
    letters: dict[str, list[str]] = {}
    for action in menu.actions():
        letter = _mnemonic(action.text()) if not action.isSeparator() else None
        if letter:
            letters.setdefault(letter, []).append(action.text())
    return {letter: texts for letter, texts in letters.items() if len(texts) > 1}


def window_menus(window) -> list[QMenu]:
    bar_menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    return [sub for menu in bar_menus for sub in all_menus(menu)]


def context_menus(window) -> list[QMenu]:
    journey = window.session.journey
    menus = window.context_menus
    made = [
        menus.card_menu(next(iter(journey.steps))),
        menus.link_menu(next(iter(journey.links))),
        menus.lane_menu(next(iter(journey.departments))),
        menus.lane_menu(None),
        menus.stage_menu(next(iter(journey.stages))),
        menus.cell_menu(QPointF(300, 120)),
    ]
    return [sub for menu in made for sub in all_menus(menu)]


def test_no_menu_has_two_entries_with_one_mnemonic(main_window):
    window = main_window
    bar = [a.text() for a in window.menuBar().actions()]
    assert len({_mnemonic(t) for t in bar}) == len(bar)
    for menu in window_menus(window):
        assert mnemonic_clashes(menu) == {}, menu.title()


def test_no_context_menu_has_two_entries_with_one_mnemonic(main_window):
    for menu in context_menus(main_window):
        assert mnemonic_clashes(menu) == {}, menu.title() or menu.objectName()


def test_the_clash_finder_finds_a_clash(main_window):
    menu = QMenu()
    menu.addAction("&Redo")
    menu.addAction("&Rename Step")
    menu.addAction("&Copy")
    assert mnemonic_clashes(menu) == {"r": ["&Redo", "&Rename Step"]}


def _context_menu_at(window, at: QPoint, keyboard: bool = False) -> QMenu:
    reason = QContextMenuEvent.Reason.Keyboard if keyboard else QContextMenuEvent.Reason.Mouse
    event = QContextMenuEvent(reason, at, window.view.viewport().mapToGlobal(at))
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.context_menus.last_menu
    assert menu is not None
    return menu


def _entry(menu: QMenu, text: str):
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None:
            found = _entry(action.menu(), text)
            if found is not None:
                return found
    return None


def _view_point(window, scene_point: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_point)


def test_context_menus_of_card_link_lane_stage_and_empty_canvas(main_window, map_file):
    window = main_window
    scene = window.scene
    qualify = step_id(window, "Qualify lead")
    card = _context_menu_at(
        window, _view_point(window, scene.step_item(qualify).sceneBoundingRect().center())
    )
    assert window.context_menus.last_kind == "card"
    assert window.session.selected_step_ids == {qualify}
    _entry(card, "Marketing").trigger()  # Owner ▸ Marketing
    card.close()
    saved = reopen(map_file)
    assert saved.department_name(saved.steps[qualify].department_id) == "Marketing"
    link = next(iter(window.session.journey.links.values()))
    middle = scene.link_item(link.id).mapToScene(
        scene.link_item(link.id).path().pointAtPercent(0.5)
    )
    menu = _context_menu_at(window, _view_point(window, middle))
    assert window.context_menus.last_kind == "link" and _entry(menu, "Delete") is not None
    menu.close()
    metrics = scene.grid.metrics
    sales_lane = scene.grid.lane(window.session.journey.department_by_name("Sales").id).rect
    lane_middle = _view_point(window, QPointF(0, sales_lane.y + sales_lane.height / 2))
    menu = _context_menu_at(window, QPoint(10, lane_middle.y()))  # on its sticky header
    assert window.context_menus.last_kind == "lane"
    _entry(menu, "Move Lane Up").trigger()
    menu.close()
    assert [d.name for d in reopen(map_file).departments_in_order()] == ["Sales", "Marketing"]
    column = scene.grid.column(window.session.journey.stage_by_name("Purchase").id).rect
    header = _view_point(
        window, QPointF(column.x + column.width / 2, metrics.stage_header_height / 2)
    )
    menu = _context_menu_at(window, header)
    assert window.context_menus.last_kind == "stage"
    assert _entry(menu, "Rename Stage…") is not None
    menu.close()
    cell = scene.grid.cell_rect(
        window.session.journey.department_by_name("Sales").id,
        column_id := window.session.journey.stage_by_name("Purchase").id,
    )
    empty_spot = QPointF(cell.x + cell.width - 30, cell.y + cell.height - 20)
    menu = _context_menu_at(window, _view_point(window, empty_spot))
    assert window.context_menus.last_kind == "canvas"
    before = set(window.session.journey.steps)
    _entry(menu, "Add Step Here").trigger()
    menu.close()
    [new] = set(window.session.journey.steps) - before
    saved = reopen(map_file)
    assert (saved.department_name(saved.steps[new].department_id), saved.steps[new].stage_id) == (
        "Sales",
        column_id,
    )
    assert QApplication.focusWidget().objectName() == "titleEditor"  # named in place


def test_the_menu_key_opens_the_menu_of_the_selection(main_window):
    window = main_window
    window.focus_items([step_id(window, "Reads blog")], [])
    _context_menu_at(window, QPoint(5, 5), keyboard=True).close()
    assert window.context_menus.last_kind == "card"
    window.focus_items([], [])
    _context_menu_at(window, QPoint(5, 5), keyboard=True).close()
    assert window.context_menus.last_kind == "canvas"


def test_help_lists_every_key_from_the_actions(main_window, qtbot):
    window = main_window
    focus_canvas(window, qtbot)
    keys = Keyboard()
    shown = []
    keys.answer_next_dialog(
        lambda k: (shown.extend(window.tools.last_dialog.rows()), k.press(Qt.Key.Key_Escape))
    )
    keys.press(Qt.Key.Key_F1)
    with_keys = [s for s in ACTIONS if window.chrome.actions[s.key].shortcuts()]
    described = {what for _where, _keys, what in shown}
    for spec in with_keys:
        assert spec.text.replace("&", "").rstrip("…") in described, spec.key
    assert ("Map", "Alt+Right", "Move to Next Stage") in shown
    assert ("Edit", "Ctrl+Return", "Add Next Step") in shown
    assert any(where == "Lanes and stages" for where, _k, _w in shown)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="standard keys differ by platform")
def test_the_readme_key_map_is_the_apps(main_window):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Key map", 1)[1].split("\n## ", 1)[0]
    rows = [
        tuple(cell.strip().replace("\\|", "|") for cell in line.strip("|").split(" | "))
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| where") and "---" not in line
    ]
    expected = [
        (r.where, r.keys, r.what) for r in key_map(main_window.chrome.actions, native=False)
    ]
    assert rows == expected


def test_no_two_actions_share_a_key(main_window):
    keys = Counter(
        key.toString()
        for action in main_window.chrome.actions.values()
        for key in action.shortcuts()
    )
    assert [key for key, uses in keys.items() if uses > 1] == []
