"""The app from the installed wheel starts without a display, opens a map and closes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from laneway.store import create_map
from tests.conftest import build_map


def _installed_env(installed: Path, config: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(installed),
        "QT_QPA_PLATFORM": "offscreen",
        "LANEWAY_CONFIG_DIR": str(config),
        **extra,
    }


def test_the_installed_app_opens_a_map_and_closes_when_asked(installed, tmp_path):
    """What .ci/run's smoke test does with the wheel: LANEWAY_QUIT_AFTER_MS closes it."""
    path = create_map(tmp_path / "workshop.laneway", build_map())
    env = _installed_env(installed, tmp_path / "config", LANEWAY_QUIT_AFTER_MS="800")
    result = subprocess.run(
        [sys.executable, "-m", "laneway", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    settings = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["recent"] == [str(path.resolve())], "the map's window opened"


def test_the_installed_app_has_its_icon_and_the_desktop_entry_name(installed, tmp_path):
    """Wayland finds the window's icon through the desktop file name."""
    code = (
        "from laneway.ui.app.main import make_application\n"
        "app = make_application()\n"
        "print(sorted(size.width() for size in app.windowIcon().availableSizes()))\n"
        "print(app.desktopFileName())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_installed_env(installed, tmp_path / "config"),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sizes, desktop_file = result.stdout.splitlines()[:2]
    assert sizes == "[16, 24, 32, 48, 64, 128, 256, 512]"  # every PNG of resources/icons
    assert desktop_file == "org.laneway.Laneway"  # packaging/linux/org.laneway.Laneway.desktop
