"""A map window needs only a narrow host, not the app's controller; its actions come
from a table and are returned as a value."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from laneway.canvas import LIGHT
from laneway.document import Document
from laneway.store import StoreWriteError
from laneway.ui.editing.session import MapSession
from laneway.ui.window.actions import ACTIONS, MENUS, RECENT
from laneway.ui.window.host import Appearance
from laneway.ui.window.main_window import MainWindow


class RecordingHost:
    """A host that records what the window asks of it."""

    def __init__(self, recent: list[Path]) -> None:
        self.calls: list[tuple] = []
        self.recent = recent

    def __getattr__(self, name: str):
        return lambda *args: self.calls.append((name, *args))

    def recent_paths(self) -> list[Path]:
        return self.recent


@pytest.fixture
def hosted(map_file, tmp_path, qtbot):
    host = RecordingHost([tmp_path / "elsewhere.laneway"])
    appearance = Appearance(LIGHT, "light", 1.0, show_findings=True)
    window = MainWindow(MapSession(Document.open(map_file)), host, appearance)
    qtbot.waitExposed(window)
    yield window, host
    if window.isVisible():
        window.close()
    QApplication.processEvents()


def test_a_window_runs_on_a_narrow_host(hosted):
    window, host = hosted
    actions = window.chrome.actions
    actions["new"].trigger()
    actions["open"].trigger()
    actions["findings"].setChecked(False)
    assert host.calls == [
        ("new_map_dialog", window),
        ("open_dialog", window),
        ("set_findings_shown", False),
    ]
    assert not window.scene.findings_visible
    theme_menu = next(
        a.menu() for a in window.chrome.menus["&View"].actions() if a.text() == "&Theme"
    )
    next(a for a in theme_menu.actions() if a.text() == "Dark").trigger()
    assert host.calls[-1] == ("set_theme", "dark")
    recent = window.chrome.menus[RECENT]
    recent.aboutToShow.emit()
    [entry] = recent.actions()
    assert entry.text().startswith("elsewhere") and not entry.isEnabled()  # not on disk
    window.close()
    assert host.calls[-1] == ("window_closed", window)


def test_the_actions_are_the_table_and_edits_stop_when_read_only(hosted, monkeypatch):
    window, _host = hosted
    actions = window.chrome.actions
    assert {spec.key for spec in ACTIONS} <= set(actions)
    in_menus = {entry for _title, entries in MENUS for entry in entries}
    assert {spec.key for spec in ACTIONS} <= in_menus
    for name in ("toolbar", "recent_menu", "edit_actions"):
        assert not hasattr(window, name)  # nothing is set on the window from outside
    assert all(action.isEnabled() for action in window.chrome.edit_actions)
    store = window.session.document.store

    def fail(changeset, **kwargs):
        raise StoreWriteError(store.path, "could not be written (the disk is gone)")

    monkeypatch.setattr(store, "write", fail)
    window.session.run_edit("Add", lambda j: j.add_step("Lost"))
    assert window.session.read_only
    assert not any(action.isEnabled() for action in window.chrome.edit_actions)
    assert actions["copy"].isEnabled() and actions["export"].isEnabled()
