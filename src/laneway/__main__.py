"""The ``laneway`` command: the command line, and the desktop app when asked for.

This entry point sits above both the ``cli`` and ``ui`` layers, so neither has to
import the other; the app (and Qt) load only when a window is wanted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from laneway import cli


def open_app(paths: list[str], *, demo: bool = False) -> int:
    from laneway.ui.app.main import run_app

    return run_app(paths, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
