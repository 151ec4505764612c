"""Two windows in one process in one live session over the Qt transport (QTcpServer and
QTcpSocket on 127.0.0.1): host from File → Host Live Session, join from File → Join Live
Session by typing the address and the code, see each other's edits and selections,
undo only one's own, and end the session with both files equal and editable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from tests.conftest import reopen
from tests.ui.conftest import step_id

pytest.importorskip("pycrdt", reason="the live-session extra (laneway[collab]) is not installed")


def _host(window, qtbot):
    window.live.discovery = False  # tests never start mDNS
    window.live.listen_host = "127.0.0.1"
    window.chrome.actions["live_host"].trigger()
    dialog = window.live.host_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    code = dialog.code.text().replace(" ", "")
    address = dialog.address.text().removeprefix("Address: ")
    assert len(code) == 6 and address.startswith("127.0.0.1:")
    return dialog, code, address


def _fill_join_dialog(qtbot, address: str, code: str, copy: Path, name: str) -> None:
    """As a person would: type into the modal Join dialog, then press Join."""
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "liveJoinDialog"
    qtbot.keyClicks(dialog.address, address)
    qtbot.keyClicks(dialog.code, code)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.copy_path, str(copy))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)


def _join(window, qtbot, address: str, code: str, copy: Path, name: str = "Ana") -> None:
    window.live.discovery = False
    QTimer.singleShot(0, lambda: _fill_join_dialog(qtbot, address, code, copy, name))
    window.chrome.actions["live_join"].trigger()


def test_two_windows_in_one_live_session(main_window, controller, qtbot, tmp_path: Path):
    host = main_window
    dialog, code, address = _host(host, qtbot)
    copy = tmp_path / "ana.laneway"
    _join(host, qtbot, address, code, copy)
    qtbot.waitUntil(lambda: len(controller.windows) == 2, timeout=10_000)
    ana = controller.windows[copy.resolve()]
    qtbot.waitUntil(lambda: ana.live.indicator.text() == "● Live: connected", timeout=10_000)
    assert ana.session.journey.same_content(host.session.journey)
    qtbot.waitUntil(lambda: dialog.people.item(0).text() == "Ana")
    assert host.live.indicator.text() == "● Live: hosting, 1 person joined"

    # the host adds a step (Edit → Add Next Step on the selected card): Ana's canvas shows it
    host.scene.select_ids([step_id(host, "Qualify lead")])
    host.chrome.actions["add_next"].trigger()
    [new] = set(host.session.journey.steps) - set(ana.session.journey.steps)
    qtbot.waitUntil(lambda: ana.scene.step_item(new) is not None, timeout=5_000)

    # Ana selects it: the host sees her outline on it, with her name
    ana.scene.select_ids([new])
    qtbot.waitUntil(lambda: host.live.link.overlay.outlined_ids().get("Ana") == [new])
    # she clicks into the inspector's title: the host's chip says she is editing it
    title_field = ana.inspector.findChild(QLineEdit)
    ana.activateWindow()
    title_field.setFocus()
    qtbot.waitUntil(lambda: [p.editing for p in host.live.link.presence.others().values()]
                    == [new])  # fmt: skip
    ana.view.setFocus()

    # Ana retitles a step; the host then changes its channel; Ana's undo keeps the host's
    ana.session.run_edit("Retitle", lambda j: j.update_step(new, title="Ana's title"))
    qtbot.waitUntil(lambda: host.session.journey.steps[new].title == "Ana's title")
    host.session.run_edit("Channel", lambda j: j.update_step(new, channel="Phone"))
    qtbot.waitUntil(lambda: ana.session.journey.steps[new].channel == "Phone")
    ana.session.undo_stack.undo()
    qtbot.waitUntil(lambda: host.session.journey.steps[new].title != "Ana's title")
    assert host.session.journey.steps[new].channel == "Phone"

    # the host ends the session: Ana's copy stays, editable, equal to the host's map
    qtbot.mouseClick(dialog.end_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: ana.live.link is None, timeout=5_000)
    assert not ana.live.indicator.isVisible() and not host.live.indicator.isVisible()
    assert reopen(copy).same_content(reopen(host.session.document.path))
    ana.session.run_edit("After", lambda j: j.add_stage("After the session"))
    assert "After the session" in {s.name for s in reopen(copy).stages.values()}


def test_a_wrong_code_is_refused_in_one_sentence_and_makes_no_copy(
    main_window, controller, qtbot, tmp_path: Path
):
    host = main_window
    dialog, code, address = _host(host, qtbot)
    wrong = "000000" if code != "000000" else "111111"
    copy = tmp_path / "nope.laneway"
    errors: list[str] = []
    host.session.error.connect(errors.append)
    original_show_error = host.show_error
    host.show_error = lambda sentence: (errors.append(sentence), original_show_error(sentence))
    _join(host, qtbot, address, wrong, copy)
    qtbot.waitUntil(lambda: any("refused the code" in e for e in errors), timeout=10_000)
    assert not copy.exists() and len(controller.windows) == 1
    assert dialog.people.item(0).text() == "Nobody yet"
    host.live.close()


def _fill_rejoin_dialog(qtbot, address: str, code: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.rejoin.isVisible() and dialog.rejoin.isChecked()
    assert not dialog.copy_path.isEnabled()
    qtbot.keyClicks(dialog.address, address)
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)


def test_the_host_leaves_a_joiner_hosts_again_and_the_old_host_rejoins_with_its_map(
    main_window, controller, qtbot, tmp_path: Path
):
    host = main_window
    dialog, code, address = _host(host, qtbot)
    copy = tmp_path / "ana.laneway"
    _join(host, qtbot, address, code, copy)
    qtbot.waitUntil(lambda: len(controller.windows) == 2, timeout=10_000)
    ana = controller.windows[copy.resolve()]
    qtbot.waitUntil(lambda: ana.live.indicator.text() == "● Live: connected", timeout=10_000)
    qtbot.mouseClick(dialog.end_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: ana.live.link is None, timeout=5_000)

    # both go on alone, then Ana hosts from her copy and the facilitator joins her
    host.session.run_edit("Stage", lambda j: j.add_stage("Facilitator alone"))
    ana.session.run_edit("Lane", lambda j: j.add_department("Ana alone"))
    ana_dialog, ana_code, ana_address = _host(ana, qtbot)
    host.live.discovery = False
    QTimer.singleShot(0, lambda: _fill_rejoin_dialog(qtbot, ana_address, ana_code))
    host.chrome.actions["live_join"].trigger()
    qtbot.waitUntil(lambda: host.live.indicator.text() == "● Live: connected", timeout=10_000)
    qtbot.waitUntil(lambda: ana.session.journey.same_content(host.session.journey), timeout=5_000)
    assert "Facilitator alone" in {s.name for s in ana.session.journey.stages.values()}
    assert "Ana alone" in {d.name for d in host.session.journey.departments.values()}
    assert len(controller.windows) == 2  # the facilitator joined with the map already open
    qtbot.mouseClick(ana_dialog.end_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: host.live.link is None, timeout=5_000)
    assert reopen(copy).same_content(reopen(host.session.document.path))


def test_joining_from_the_start_screen_opens_the_copy(main_window, controller, qtbot, tmp_path):
    host = main_window
    _dialog, code, address = _host(host, qtbot)
    controller.live_discovery = False
    screen = controller.show_start_screen()
    copy = tmp_path / "from-start.laneway"
    QTimer.singleShot(0, lambda: _fill_join_dialog(qtbot, address, code, copy, "Bo"))
    qtbot.mouseClick(screen.join_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: copy.resolve() in controller.windows, timeout=10_000)
    bo = controller.windows[copy.resolve()]
    qtbot.waitUntil(lambda: bo.live.indicator.text() == "● Live: connected", timeout=10_000)
    assert bo.session.journey.same_content(host.session.journey)
    assert controller.start_screen is None  # the copy's window took its place


def test_a_dropped_connection_counts_the_edits_waiting_and_merges_them_on_reconnect(
    main_window, controller, qtbot, tmp_path: Path
):
    host = main_window
    dialog, code, address = _host(host, qtbot)
    copy = tmp_path / "ana.laneway"
    _join(host, qtbot, address, code, copy)
    qtbot.waitUntil(lambda: len(controller.windows) == 2, timeout=10_000)
    ana = controller.windows[copy.resolve()]
    qtbot.waitUntil(lambda: ana.live.indicator.text() == "● Live: connected", timeout=10_000)

    ana.live.link.join.socket.abort()  # the Wi-Fi drops
    qtbot.waitUntil(lambda: not ana.live.link.joined.connected)
    ana.session.run_edit("Lane", lambda j: j.add_department("Legal"))
    ana.session.run_edit("Stage", lambda j: j.add_stage("Offline stage"))
    host.session.run_edit("Title", lambda j: j.set_info(title="Meanwhile at the host"))
    assert ana.live.indicator.text() == "● Live: offline, 2 edits waiting"
    assert "Legal" in {d.name for d in reopen(copy).departments.values()}  # saved already

    qtbot.waitUntil(lambda: ana.live.indicator.text() == "● Live: connected", timeout=10_000)
    qtbot.waitUntil(lambda: ana.session.journey.same_content(host.session.journey), timeout=5_000)
    assert "Offline stage" in {s.name for s in host.session.journey.stages.values()}
    assert ana.session.journey.info.title == "Meanwhile at the host"
    qtbot.waitUntil(lambda: dialog.people.item(0).text() == "Ana")
    host.live.close()
    qtbot.waitUntil(lambda: ana.live.link is None, timeout=5_000)
    assert reopen(copy).same_content(reopen(host.session.document.path))


def test_a_stranger_sending_garbage_to_the_app_is_dropped_and_nobody_else(
    main_window, controller, qtbot, tmp_path: Path
):
    from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

    host = main_window
    _dialog, code, address = _host(host, qtbot)
    copy = tmp_path / "ana.laneway"
    _join(host, qtbot, address, code, copy)
    qtbot.waitUntil(lambda: len(controller.windows) == 2, timeout=10_000)
    ana = controller.windows[copy.resolve()]
    qtbot.waitUntil(lambda: ana.live.indicator.text() == "● Live: connected", timeout=10_000)
    received = bytearray()
    for garbage in (b"\xff" * 64, (50_000).to_bytes(4, "big") + b"{}", b"\x00\x00\x00\x02{]"):
        stranger = QTcpSocket()
        stranger.readyRead.connect(lambda s=stranger: received.extend(s.readAll().data()))
        stranger.connectToHost("127.0.0.1", int(address.rsplit(":", 1)[1]))
        qtbot.waitUntil(lambda s=stranger: s.state() == QAbstractSocket.ConnectedState)
        stranger.write(garbage)
        qtbot.waitUntil(lambda s=stranger: s.state() == QAbstractSocket.UnconnectedState)
        stranger.deleteLater()
    assert b"Qualify lead" not in bytes(received)
    assert ana.live.link.joined.connected and len(host.live.link.participants()) == 1
    host.session.run_edit("Stage", lambda j: j.add_stage("After the strangers"))
    qtbot.waitUntil(
        lambda: "After the strangers" in {s.name for s in ana.session.journey.stages.values()}
    )
    host.live.close()
