"""The ``laneway`` command (SPEC §3).

What opens the app: ``laneway`` alone, ``laneway demo``, and ``laneway PATH...`` when
every PATH ends in ``.laneway`` (existing or not: the app says when one is missing).
Any other first word must be a command; a mistyped one is an error with a suggestion,
never the app. Every command runs headless. Bad input is one sentence on stderr and
exit status 2; inputs are opened read-only and outputs are written atomically. An
unexpected error is one sentence too, and its traceback goes to the log
(``laneway.applog``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from laneway import applog
from laneway.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
    loaded_store_error,
    say,
)
from laneway.cli.parsing import COMMANDS, build_parser, not_a_command, opens_the_app
from laneway.cli.streams import load_any, silence_standard_output
from laneway.i18n import SOURCE_LANGUAGE, _, set_language

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "CommandError",
    "build_parser",
    "load_any",
    "main",
    "run_command",
]

OpenApp = Callable[..., int]


def main(argv: Sequence[str] | None = None, open_app: OpenApp | None = None) -> int:
    """Run a command; hand ``laneway``, ``laneway MAP.laneway…`` and ``laneway demo`` to
    the app.

    The cli never imports the ui (they are sibling layers): the entry point in
    ``laneway.__main__`` passes ``open_app``.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if opens_the_app(arguments):  # the app chooses its own language (View → Language)
        if open_app is None:
            say(_("the desktop app is not available here; run a command (see --help)."))
            return EXIT_BAD_INPUT
        if arguments == ["demo"]:
            return open_app([], demo=True)
        return open_app(arguments, demo=False)
    set_language(None)  # the command line speaks LANGUAGE / LC_ALL / LC_MESSAGES / LANG
    first = arguments[0]
    if first not in COMMANDS and not (first.startswith("-") and first != "-"):
        say(not_a_command(first))
        return EXIT_BAD_INPUT
    parser = build_parser()
    args = parser.parse_args(arguments)  # --help exits 0, a parse error 2 (said in one line)
    if args.version:
        from laneway.cli.version import version_text

        print(version_text(args.verbose))
        return EXIT_OK
    if args.command is None or args.command == "demo":
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    if getattr(args, "json", False):
        set_language(SOURCE_LANGUAGE)  # machine output: the same words on every system
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    from laneway.cli.commands import HANDLERS

    applog.logger()  # from now on, warnings go to the log too
    restore = _exit_cleanly_on_sigterm()
    try:
        return HANDLERS[args.command](args)
    except KeyboardInterrupt:
        say(_("Interrupted; nothing was written."))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (| head)
        silence_standard_output()
        return EXIT_OK
    except OSError as error:
        name = Path(error.filename).name if error.filename else _input_name(args)
        say(
            _("{name}: {rstrip}; nothing was written.").format(
                name=name, rstrip=(error.strerror or str(error)).rstrip(".")
            )
        )
        return EXIT_BAD_INPUT
    except RecursionError:
        say(
            _("{input_name}: nests too deeply to be read; nothing was written.").format(
                input_name=_input_name(args)
            )
        )
        return EXIT_BAD_INPUT
    except MemoryError:
        say(
            _("{input_name}: is too large for the memory available; nothing was written.").format(
                input_name=_input_name(args)
            )
        )
        return EXIT_BAD_INPUT
    except UnicodeError as error:
        say(
            _("{input_name}: holds text that cannot be handled ({reason}).").format(
                input_name=_input_name(args), reason=error.reason
            )
        )
        return EXIT_BAD_INPUT
    except Exception as error:
        if _is_bad_input(error):
            say(str(error))
            return EXIT_BAD_INPUT
        if os.environ.get("LANEWAY_DEBUG"):
            raise
        return _unexpected(args, error)  # a bug: one sentence here, the traceback in the log
    finally:
        restore()


def _input_name(args: argparse.Namespace) -> str:
    given = getattr(args, "input", None) or getattr(args, "file", None) or args.command
    return _("standard input") if given == "-" else Path(given).name


def _exit_cleanly_on_sigterm() -> Callable[[], None]:
    """SIGTERM ends the command like Ctrl+C does: temporary outputs are removed."""
    import signal

    def stop(_number, _frame):
        raise SystemExit(143)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)


def _is_bad_input(error: Exception) -> bool:
    """True for the errors that are one sentence about the input (exit status 2).

    Looked up without importing anything new (``loaded_store_error``).
    """
    from laneway.io.errors import InputError
    from laneway.model import ModelError

    kinds: tuple[type[Exception], ...] = (InputError, CommandError, ModelError)
    store_error = loaded_store_error()
    if store_error is not None:
        kinds += (store_error,)
    return isinstance(error, kinds)


def _unexpected(args: argparse.Namespace, error: Exception) -> int:
    applog.log_unexpected(type(error), error, error.__traceback__, f"laneway {args.command}")
    where = (
        _(" The details are in {log_path}.").format(log_path=applog.log_path())
        if applog.logging_works()
        else ""
    )
    say(
        _("Unexpected problem ({name}: {error}); nothing was written.{where}").format(
            name=type(error).__name__, error=error, where=where
        )
    )
    return EXIT_BAD_INPUT
