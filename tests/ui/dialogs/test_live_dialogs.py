"""The live-session dialogs: sessions found (by a fake browser) fill the address; bad
input is one sentence and the dialog stays; five wrong codes show a new code on the
host's screen; without the optional packages the menu says how to get them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

pytest.importorskip("zeroconf", reason="the live-session extra (laneway[collab]) is not installed")

from laneway.sync.discovery import parse_service_info, properties_for, service_info
from laneway.ui.dialogs.live_join import LiveJoinDialog
from laneway.ui.window import live_commands
from laneway.ui.window.live_session import JoinAttempt


class FakeBrowser(QObject):
    found = Signal(object)
    lost = Signal(str)


def _record(title: str, port: int, version: str = "1"):
    properties = properties_for(session_id=title * 4, map_id="m1", title=title, host_name="Fa")
    properties["version"] = version
    record = parse_service_info(service_info("192.168.1.9", port, properties))
    assert record is not None
    return record


def test_sessions_found_on_the_network_fill_the_address(qtbot, tmp_path: Path):
    browser = FakeBrowser()
    dialog = LiveJoinDialog(None, browser=browser, name="Ana", folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    browser.found.emit(_record("Spring campaign", 47474))
    browser.found.emit(_record("Old one", 47475, version="99"))
    assert dialog.sessions.count() == 2
    assert "another Laneway version" in dialog.sessions.item(1).text()
    dialog.sessions.setCurrentRow(0)
    assert dialog.address.text() == "192.168.1.9:47474"
    assert dialog.copy_path.text() == str(tmp_path / "Spring campaign (copy).laneway")
    browser.lost.emit(_record("Old one", 47475).key)
    assert dialog.sessions.count() == 1


@pytest.mark.parametrize(
    ("address", "code", "copy", "said"),
    [
        ("", "123456", "c.laneway", "names no host"),
        ("192.168.1.9:99999", "123456", "c.laneway", "not a port"),
        ("192.168.1.9", "1234", "c.laneway", "six digits"),
        ("192.168.1.9", "123456", "c.json", "ends in .laneway"),
        ("192.168.1.9", "123456", "exists.laneway", "already exists"),
    ],
)
def test_bad_input_is_one_sentence_and_the_dialog_stays(qtbot, tmp_path, address, code, copy, said):
    (tmp_path / "exists.laneway").write_bytes(b"")
    dialog = LiveJoinDialog(None, name="Ana", folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.address, address)
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClicks(dialog.copy_path, str(tmp_path / copy))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    assert dialog.isVisible() and dialog.request is None
    assert said in dialog.problem.text() and dialog.problem.isVisible()


def test_five_wrong_codes_show_a_new_code_on_the_hosts_screen(main_window, qtbot, tmp_path):
    main_window.live.discovery = False
    main_window.live.listen_host = "127.0.0.1"
    main_window.chrome.actions["live_host"].trigger()
    dialog = main_window.live.host_dialog
    first = dialog.code.text().replace(" ", "")
    port = int(dialog.address.text().rsplit(":", 1)[1])
    failures: list[str] = []
    for attempt in range(5):
        wrong = f"{(int(first) + attempt + 1) % 1_000_000:06d}"
        joining = JoinAttempt(("127.0.0.1", port), tmp_path / f"m{attempt}.laneway",
                              code=wrong, name="M", colour="#000000")  # fmt: skip
        joining.failed.connect(failures.append)
        joining.start()
        qtbot.waitUntil(lambda n=attempt: len(failures) == n + 1, timeout=10_000)
    assert all("refused the code" in sentence for sentence in failures)
    qtbot.waitUntil(lambda: dialog.code.text().replace(" ", "") != first)
    assert not any(tmp_path.glob("m*.laneway"))
    main_window.live.close()


def test_without_the_optional_packages_the_menu_says_how_to_get_them(
    main_window, monkeypatch, qtbot
):
    monkeypatch.setattr(live_commands.extra, "available", lambda: False)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    actions = main_window.chrome.actions
    main_window.live.label_actions(actions)
    assert 'pip install "laneway[collab]"' in actions["live_host"].statusTip()
    assert "laneway[collab]" in actions["live_join"].text()
    actions["live_host"].trigger()
    actions["live_join"].trigger()
    assert len(told) == 2 and all('pip install "laneway[collab]"' in t for t in told)
    assert main_window.live.link is None


def test_records_found_on_zeroconfs_thread_reach_the_dialog_on_the_gui_thread(
    qtbot, tmp_path, monkeypatch
):
    import threading

    from laneway.ui.window import live_discovery

    record = _record("Found on a thread", 47474)

    class ThreadedBrowser:  # stands in for zeroconf's: calls back from its own thread
        def __init__(self, on_found, on_lost):
            self.thread = threading.Thread(target=lambda: on_found(record))
            self.thread.start()

        def close(self):
            self.thread.join()

    monkeypatch.setattr(live_discovery, "Browser", ThreadedBrowser)
    seen_on: list[bool] = []
    browser = live_discovery.QtBrowser()
    dialog = LiveJoinDialog(None, browser=browser, name="Ana", folder=tmp_path)
    qtbot.addWidget(dialog)
    browser.found.connect(
        lambda _r: seen_on.append(threading.current_thread() is threading.main_thread())
    )
    assert browser.start()
    qtbot.waitUntil(lambda: dialog.sessions.count() == 1 and bool(seen_on))
    assert seen_on == [True] and "Found on a thread" in dialog.sessions.item(0).text()
    browser.close()
