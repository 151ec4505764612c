"""One Laneway per user: a second launch hands its map to the running app (issue 11,
item 4), a stale server name from a crash is cleaned up, and without a running app a
launch becomes one."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from laneway.store import create_map
from laneway.ui.app.single_instance import (
    NAME_ENV,
    InstanceServer,
    OpenRequest,
    hand_off,
    server_name,
)
from tests.conftest import build_map

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")


@pytest.fixture
def unique_name() -> str:
    return f"laneway-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def serving(controller, unique_name):
    """The app of this test process, serving under a name no other test run uses."""
    server = InstanceServer(unique_name)
    assert server.listen()
    server.open_requested.connect(controller.handle_request)
    yield server
    server.close()


def _launch(path: Path, name: str, cwd: Path, **extra: str) -> subprocess.Popen:
    env = {**os.environ, NAME_ENV: name, **extra}
    return subprocess.Popen(
        [sys.executable, "-m", "laneway", path.name],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_process_hands_its_map_to_the_running_app(
    controller, serving, unique_name, tmp_path, qtbot
):
    path = create_map(tmp_path / "handed over.laneway", build_map(title="Handed over"))
    second = _launch(path, unique_name, cwd=tmp_path)  # a relative path: its own cwd
    qtbot.waitUntil(lambda: path.resolve() in controller.windows, timeout=30_000)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert (out, err) == ("", "")
    window = controller.windows[path.resolve()]
    assert window.isVisible()
    assert window.session.journey.info.title == "Handed over"


def test_a_map_already_open_is_raised_not_opened_twice(
    controller, serving, unique_name, map_file, qtbot
):
    first = controller.open_path(map_file)
    second = _launch(map_file, unique_name, cwd=map_file.parent)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    assert second.returncode == 0
    assert list(controller.windows.values()) == [first]


def test_a_launch_without_a_file_shows_the_start_screen_of_the_running_app(
    controller, serving, unique_name, tmp_path, qtbot
):
    env = {**os.environ, NAME_ENV: unique_name}
    launch = subprocess.Popen([sys.executable, "-m", "laneway"], cwd=tmp_path, env=env)
    qtbot.waitUntil(lambda: controller.start_screen is not None, timeout=30_000)
    assert launch.wait(timeout=30) == 0
    assert controller.start_screen.isVisible()


def test_a_stale_server_name_from_a_crash_is_cleaned_up(unique_name, qapp):
    stale = QLocalServer()
    assert stale.listen(unique_name)
    path = stale.fullServerName()
    stale.setSocketOptions(QLocalServer.SocketOption.NoOptions)
    # A crash leaves the socket file without a listener: make one that nobody serves.
    stale.close()
    with socket.socket(socket.AF_UNIX) as leftover:
        leftover.bind(path)
    assert Path(path).exists()
    server = InstanceServer(unique_name)
    try:
        assert server.listen(), "the stale name was taken over"
        assert server.server.isListening()
    finally:
        server.close()


def test_a_running_app_is_not_taken_over(serving, unique_name):
    other = InstanceServer(unique_name)
    assert other.listen() is False
    assert serving.server.isListening()


def test_without_a_running_app_a_launch_becomes_the_app_and_serves(unique_name, tmp_path):
    """No app runs: the launch opens its map in a new app, which then takes the next one."""
    first = create_map(tmp_path / "first.laneway", build_map(title="First"))
    second = create_map(tmp_path / "second.laneway", build_map(title="Second"))
    config = tmp_path / "config"
    app = _launch(
        first, unique_name, cwd=tmp_path, LANEWAY_CONFIG_DIR=str(config),
        LANEWAY_QUIT_AFTER_MS="2500", QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    try:
        handed = False
        for _attempt in range(100):  # until the new app serves (it takes a second or two)
            if hand_off(OpenRequest([str(second)]), unique_name):
                handed = True
                break
            if app.poll() is not None:
                break
            time.sleep(0.1)
        assert handed, app.stderr.read() if app.poll() is not None else "the app never served"
        assert app.wait(timeout=60) == 0
    finally:
        if app.poll() is None:
            app.kill()
    recent = json.loads((config / "settings.json").read_text(encoding="utf-8"))["recent"]
    assert recent == [str(second.resolve()), str(first.resolve())]


def test_the_server_name_is_the_users_and_follows_the_settings_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(NAME_ENV, raising=False)
    monkeypatch.setenv("LANEWAY_CONFIG_DIR", str(tmp_path / "a"))
    first = server_name()
    assert first == server_name() and first.startswith("laneway-")
    monkeypatch.setenv("LANEWAY_CONFIG_DIR", str(tmp_path / "b"))
    assert server_name() != first
    monkeypatch.setenv(NAME_ENV, "laneway-explicit")
    assert server_name() == "laneway-explicit"


def test_a_garbled_request_opens_nothing(controller, serving, unique_name, qtbot):
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(unique_name)
    assert client.waitForConnected(1000)
    client.write(b"not json\n")
    client.flush()
    replies = []
    client.readyRead.connect(lambda: replies.append(bytes(client.readAll().data())))
    qtbot.waitUntil(lambda: bool(replies), timeout=5000)
    assert replies == [b'{"ok": false}\n']
    assert controller.windows == {} and controller.start_screen is None
