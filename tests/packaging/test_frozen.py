"""The frozen app (PyInstaller, one folder) builds here and passes its --self-test.

Slow (a fresh venv, the install, ~25 s of PyInstaller): skipped unless LANEWAY_FROZEN=1,
as .ci/run does then. The build is the release's: the wheel and the packaging extra in a
fresh venv, then packaging/build_app.py; then the Linux AppDir from
packaging/linux/build_appimage.sh (all but the squashfs image, which needs appimagetool).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from laneway import __version__
from tests.packaging.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("LANEWAY_FROZEN") != "1",
        reason="builds the frozen app (about a minute); run with LANEWAY_FROZEN=1 -m slow",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build"),
]


def _run(*command: object, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **kwargs
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def frozen(wheel, tmp_path_factory) -> Path:
    """The frozen app's folder, built from the wheel in a fresh venv; figures printed."""
    work = tmp_path_factory.mktemp("frozen")
    _run(sys.executable, "-m", "venv", work / "venv")
    python = work / "venv" / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", f"{wheel}[packaging]")
    built = _run(
        python,
        REPO_ROOT / "packaging" / "build_app.py",
        "--dist",
        work / "dist",
        "--work",
        work / "build" / "pyinstaller",
        cwd=work,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=1200,
    )
    figures = [
        line for line in built.stdout.splitlines() if re.match(r"(build|size|self-test):", line)
    ]
    assert len(figures) == 3, built.stdout
    assert "Self-test passed" in built.stdout
    assert "live sessions: available" in built.stdout  # the installers include the extra
    print("\nfrozen app: " + "; ".join(figures))
    return work / "dist" / "laneway"


def test_the_frozen_app_carries_every_resource(frozen):
    shipped = frozen / "_internal" / "laneway" / "resources"
    for source in (REPO_ROOT / "resources").rglob("*"):
        if source.is_file() and source.suffix not in (".py", ".pyc"):
            assert (shipped / source.relative_to(REPO_ROOT / "resources")).is_file(), source


def test_the_frozen_command_line_works(frozen, tmp_path):
    app = frozen / "laneway"
    assert _run(app, "--version").stdout.strip() == f"laneway {__version__}"
    _run(app, "new", tmp_path / "m.laneway", "--template", "support")
    analysis = subprocess.run(
        [app, "analyze", tmp_path / "m.laneway", "--json"], capture_output=True, text=True
    )
    assert analysis.returncode in (0, 1), analysis.stderr
    assert json.loads(analysis.stdout)["summary"]
    _run(app, "export", tmp_path / "m.laneway", "-o", tmp_path / "m.pptx")
    assert (tmp_path / "m.pptx").stat().st_size > 10_000


def test_the_frozen_app_opens_a_map_offscreen_and_closes(frozen, tmp_path):
    _run(frozen / "laneway", "new", tmp_path / "m.laneway", "--template", "b2b")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LANEWAY_QUIT_AFTER_MS": "1500",
        "LANEWAY_CONFIG_DIR": str(tmp_path / "config"),
    }
    _run(frozen / "laneway", tmp_path / "m.laneway", env=env, timeout=120)
    settings = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["recent"] == [str((tmp_path / "m.laneway").resolve())]


def test_the_appdir_is_valid_and_its_apprun_passes_the_self_test(frozen, tmp_path):
    appdir = tmp_path / "Laneway.AppDir"
    env = {**os.environ, "FROZEN": str(frozen), "APPDIR": str(appdir)}
    _run("bash", REPO_ROOT / "packaging" / "linux" / "build_appimage.sh", "--appdir-only", env=env)
    desktop = appdir / "org.laneway.Laneway.desktop"
    assert desktop.is_file() and (appdir / "org.laneway.Laneway.png").is_file()
    if shutil.which("appstreamcli"):
        _run("appstreamcli", "validate-tree", "--no-net", appdir)
    if shutil.which("desktop-file-validate"):
        _run("desktop-file-validate", desktop)
    result = _run(
        appdir / "AppRun", "--self-test", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    )
    assert "Self-test passed" in result.stdout
