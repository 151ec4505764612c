"""An older Python is named as the problem: by pip install, and by the package itself."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from laneway import MINIMUM_PYTHON, unsupported_python
from tests.packaging.conftest import clean_copy
from tests.packaging.test_wheel import required_python

SETUP_PY = Path(__file__).resolve().parents[2] / "setup.py"


def _python39() -> str:
    """A working Python 3.9 (pyenv's shims exist without one, so each is asked)."""
    pyenv = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.9*/bin/python")))
    for candidate in [*pyenv, shutil.which("python3.9")]:
        if candidate and _runs_python_3_9(candidate):
            return candidate
    pytest.skip("no Python 3.9 interpreter on this machine to try the install with")


def _runs_python_3_9(python: str) -> bool:
    code = "import sys; print(sys.version_info[:2] == (3, 9))"
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    return result.stdout.strip() == "True"


def test_the_minimum_is_the_one_pyproject_states():
    assert required_python() == ">=" + ".".join(map(str, MINIMUM_PYTHON))
    setup_minimum = re.search(r"^MINIMUM_PYTHON = \((\d+), (\d+)\)$", SETUP_PY.read_text(), re.M)
    assert setup_minimum and tuple(map(int, setup_minimum.groups())) == MINIMUM_PYTHON


def test_the_sentence_names_both_versions():
    sentence = unsupported_python((3, 9, 18))
    assert sentence is not None
    assert "needs Python 3.10 or newer; this is Python 3.9.18" in sentence
    assert unsupported_python((3, 10, 0)) is None
    assert unsupported_python((4, 0, 0)) is None


def test_pip_install_on_python_3_9_names_the_python_version(tmp_path):
    """Before the fix pip went on to resolve and failed on a sqlite-utils release instead."""
    python = _python39()
    source = clean_copy(tmp_path / "source")
    result = subprocess.run(
        [python, "-m", "pip", "install", "--dry-run", "--no-deps", "-q", source],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(r"Laneway needs Python 3\.10 or newer; this is Python 3\.9\.\d+", output)
    assert "sqlite-utils" not in output


def test_importing_the_installed_package_on_python_3_9_names_the_python_version(installed):
    """Second line of defence: a wheel installed with --ignore-requires-python."""
    python = _python39()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [python, "-c", "import laneway"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        r"ImportError: Laneway \S+ needs Python 3\.10 or newer; this is Python 3\.9\.\d+ \(.+\)\.",
        last_line,
    ), result.stderr
