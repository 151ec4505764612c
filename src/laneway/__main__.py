"""The ``laneway`` command: the command line, and the desktop app when asked for.

This entry point sits above both the ``cli`` and ``ui`` layers, so neither has to
import the other; the app (and Qt) load only when a window is wanted. It is also the
entry point of the frozen app and of ``laneway-app`` (the same without a console window
on Windows), and it runs ``laneway --self-test [FOLDER]``, which checks an installed or
frozen Laneway without a window (``laneway.selftest``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from laneway import cli

SELF_TEST = "--self-test"


def open_app(paths: list[str], *, demo: bool = False) -> int:
    from laneway.ui.app.main import run_app

    return run_app(paths, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [SELF_TEST] and len(arguments) <= 2:
        from laneway import selftest

        return selftest.run(arguments[1] if len(arguments) == 2 else None)
    return cli.main(arguments, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
