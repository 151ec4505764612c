"""Laneway: customer-journey maps in swimlanes that point out ownership gaps."""

from __future__ import annotations

import sys

__version__ = "0.1.0"

#: The oldest Python Laneway runs on: pyproject.toml's requires-python (setup.py checks
#: it before pip resolves anything; this is the second line of defence, for an install
#: that ignored it).
MINIMUM_PYTHON = (3, 10)


def unsupported_python(version: tuple[int, ...]) -> str | None:
    """The sentence to stop with on a Python older than MINIMUM_PYTHON, else None."""
    if tuple(version[:2]) >= MINIMUM_PYTHON:
        return None
    running = ".".join(str(part) for part in version[:3])
    needed = ".".join(str(part) for part in MINIMUM_PYTHON)
    return (
        f"Laneway {__version__} needs Python {needed} or newer; "
        f"this is Python {running} ({sys.executable})."
    )


_problem = unsupported_python(tuple(sys.version_info))
if _problem:
    raise ImportError(_problem)
