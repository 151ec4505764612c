"""``laneway --version [--verbose]``: what runs, for a bug report."""

from __future__ import annotations

import importlib
import platform
import sys

from laneway import __version__, applog


def version_text(verbose: bool) -> str:
    lines = [f"laneway {__version__}"]
    if verbose:
        lines += [
            f"Python {platform.python_version()} ({platform.python_implementation()}, "
            f"{sys.executable})",
            _qt_line(),
            f"Platform {platform.platform()}",
            f"Log file {applog.log_path()}",
        ]
    return "\n".join(lines)


def _qt_line() -> str:
    """Qt's and PySide's versions. Qt is loaded only here, by name, so that the other
    commands (and this one without --verbose) start without it."""
    try:
        pyside = importlib.import_module("PySide6")
        qt_core = importlib.import_module("PySide6.QtCore")
    except ImportError as error:
        return f"Qt not available ({error})"
    return f"Qt {qt_core.qVersion()} (PySide6 {pyside.__version__})"
