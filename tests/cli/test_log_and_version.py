"""The log (issue 11, item 6) from the command line, and ``--version --verbose``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from laneway import __version__, applog
from laneway.cli import commands


@pytest.fixture
def log_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv(applog.LOG_DIR_ENV, str(folder))
    return folder


def test_an_unexpected_error_is_one_sentence_and_its_traceback_goes_to_the_log(
    laneway, log_dir, monkeypatch, tmp_path
):
    def broken(_args):
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setitem(commands.HANDLERS, "templates", broken)
    result = laneway("templates")
    assert result.code == 2
    log_file = log_dir / "laneway.log"
    assert result.err == (
        "laneway: Unexpected problem (ZeroDivisionError: a bug deep inside); nothing was "
        f"written. The details are in {log_file}.\n"
    )
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR" in text and "Unexpected error in laneway templates" in text
    assert "Traceback (most recent call last):" in text
    assert 'raise ZeroDivisionError("a bug deep inside")' in text  # the line that failed


def test_python_warnings_go_to_the_log(tmp_path):
    """A command's warnings (a library's deprecation, say) reach the log, not only stderr."""
    code = (
        "import warnings\nfrom laneway import cli\nfrom laneway.cli import commands\n"
        "def warn(_args):\n"
        "    warnings.warn('an old API is used', DeprecationWarning, stacklevel=1)\n"
        "    return 0\n"
        "commands.HANDLERS['templates'] = warn\n"
        "raise SystemExit(cli.main(['templates']))\n"
    )
    env = {**os.environ, applog.LOG_DIR_ENV: str(tmp_path / "logs"), "PYTHONWARNINGS": "always"}
    subprocess.run([sys.executable, "-c", code], env=env, timeout=60, check=True)
    text = (tmp_path / "logs" / "laneway.log").read_text(encoding="utf-8")
    assert "WARNING" in text and "DeprecationWarning: an old API is used" in text


def test_the_log_rotates(log_dir, monkeypatch):
    monkeypatch.setattr(applog, "MAX_BYTES", 2_000)
    log = applog.logger()
    for handler in log.handlers:  # the handler was made before the patch: give it the size
        handler.maxBytes = applog.MAX_BYTES
    for number in range(100):
        applog.log_warning(f"warning number {number} " + "x" * 40)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == ["laneway.log", "laneway.log.1", "laneway.log.2", "laneway.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in log_dir.iterdir())


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_command(laneway, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(applog.LOG_DIR_ENV, str(blocker / "logs"))
    monkeypatch.setitem(commands.HANDLERS, "templates", lambda _a: 1 / 0)
    result = laneway("templates")
    assert result.code == 2
    assert result.err == (
        "laneway: Unexpected problem (ZeroDivisionError: division by zero); nothing was written.\n"
    )


def test_version_verbose_names_python_qt_pyside_and_the_log(tmp_path):
    env = {**os.environ, applog.LOG_DIR_ENV: str(tmp_path / "logs")}
    code = (
        "import sys\nfrom laneway.cli import main\n"
        "main(sys.argv[1:])\n"
        "print('qt loaded' if 'PySide6.QtCore' in sys.modules else 'no qt')\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", code, "--version"], capture_output=True, text=True, env=env,
        timeout=60, check=True,
    )  # fmt: skip
    assert plain.stdout == f"laneway {__version__}\nno qt\n"
    verbose = subprocess.run(
        [sys.executable, "-c", code, "--version", "--verbose"], capture_output=True, text=True,
        env=env, timeout=60, check=True,
    )  # fmt: skip
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    lines = verbose.stdout.splitlines()
    assert lines[0] == f"laneway {__version__}"
    assert lines[1].startswith(f"Python {platform.python_version()} (")
    assert lines[2] == f"Qt {qVersion()} (PySide6 {PySide6.__version__})"
    assert lines[-2] == f"Log file {tmp_path / 'logs' / 'laneway.log'}"
    assert lines[-1] == "qt loaded"


def test_a_library_configuring_logging_does_not_silence_the_log(log_dir):
    import logging.config

    applog.logger()
    logging.config.dictConfig({"version": 1})  # disables every logger that exists
    applog.log_warning("still written")
    assert "still written" in (log_dir / "laneway.log").read_text(encoding="utf-8")
