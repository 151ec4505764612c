"""Builds the wheel once per run, as a user's ``pip install .`` would, from a clean copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Never part of a build: environments, caches, earlier build output (a stale ``build/``
#: would put modules deleted since into the wheel and hide what the tree really holds).
NOT_SOURCE = (
    ".git",
    ".venv",
    "venv*",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.py[cod]",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".benchmarks",
)


def clean_copy(destination: Path) -> Path:
    """The checkout as a fresh clone has it (no caches, no build output)."""
    shutil.copytree(REPO_ROOT, destination, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    return destination


def build_wheel(source: Path, out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("laneway-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {out}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built with build isolation from a clean copy of the tree.

    ``LANEWAY_WHEEL=path`` tests that wheel instead (the release workflow's, made from the
    source archive).
    """
    given = os.environ.get("LANEWAY_WHEEL")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("wheel")
    return build_wheel(clean_copy(work / "source"), work / "dist")


@pytest.fixture(scope="session")
def installed(tmp_path_factory, wheel) -> Path:
    """The wheel installed alone into a folder (its dependencies come from this venv)."""
    target = tmp_path_factory.mktemp("installed")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), wheel],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if not name.endswith("/")}


def wheel_text(wheel: Path, suffix: str) -> str:
    """A dist-info file of the wheel, e.g. ``entry_points.txt`` or ``METADATA``."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{suffix}")]
        return archive.read(name).decode("utf-8")
