from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from laneway.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def laneway(capsys) -> Callable[..., Run]:
    """Run the command line in-process, as ``laneway ARGS...``."""

    def run(*args: object) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
