"""The argument parser of SPEC §3, and what to say about a word that is not a command."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import NoReturn

from laneway.cli.errors import EXIT_BAD_INPUT, say
from laneway.i18n import N_, _

#: The headless commands and ``demo``, in the order ``--help`` lists them.
COMMANDS = (
    "new", "templates", "analyze", "import", "export", "snapshot", "diff", "host", "join", "demo"
)  # fmt: skip
#: What ``laneway PATH...`` opens in the app: paths with this suffix, existing or not.
MAP_SUFFIX = ".laneway"
STDIO = "-"
#: ``--format`` names, for a stream (``-``): name → suffix.
INPUT_FORMATS = {
    "json": ".json",
    "csv": ".csv",
    "bpmn": ".bpmn",
    "mermaid": ".mmd",
    "mmd": ".mmd",
    "laneway": ".laneway",
}
OUTPUT_FORMATS = {
    "json": ".json",
    "csv": ".csv",
    "mmd": ".mmd",
    "mermaid": ".mmd",
    "graphml": ".graphml",
    "svg": ".svg",
    "png": ".png",
    "pdf": ".pdf",
    "pptx": ".pptx",
}
FORCE_HELP = N_("replace OUT if it exists (never a read-only file, never the input)")
EPILOG = N_(
    "'laneway' alone opens the app; 'laneway MAP.laneway...' opens those maps in it (or in "
    "the Laneway already running). Only arguments ending in .laneway open the app; any "
    "other word must be a command. No command replaces an existing file without --force. "
    "'-' is standard input (analyze, import, export FILE) or standard output (export -o -)."
)


class Parser(argparse.ArgumentParser):
    """argparse, with its complaints in the command line's own one-sentence form."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("laneway").strip()
        where = f"{command}: " if command else ""
        say(
            _("{where}{message} (see 'laneway {value}--help').").format(
                where=where, message=message, value=command + " " if command else ""
            )
        )
        sys.exit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="laneway",
        description=_("Map customer journeys in swimlanes and find the gaps between departments."),
        epilog=_(EPILOG),
    )
    parser.add_argument("--version", action="store_true", help=_("print the version and exit"))
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=_("with --version: also the Python, Qt and PySide versions and the log file"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    _add_new(commands)
    commands.add_parser("templates", help=_("list the built-in templates"))
    _add_analyze(commands)
    _add_import(commands)
    _add_export(commands)
    _add_snapshot_and_diff(commands)
    from laneway.cli.live_args import add_live_commands

    add_live_commands(commands)
    commands.add_parser("demo", help=_("open the app on a copy of the B2B template"))
    return parser


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help=_("create a map, empty or from a built-in template"))
    new.add_argument("output", metavar="OUT.laneway")
    new.add_argument(
        "--template", metavar="NAME", help=_("start from a template (see 'templates')")
    )
    new.add_argument("--title", metavar="T", help=_("the map's title"))
    new.add_argument("--force", action="store_true", help=_(FORCE_HELP))


def _input_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=sorted(INPUT_FORMATS),
        help=_("the format of standard input (FILE '-'); guessed from its content when left out"),
    )


def _add_analyze(commands: argparse._SubParsersAction) -> None:
    analyze = commands.add_parser(
        "analyze", help=_("print the summary and findings (exit 1 when there is an error finding)")
    )
    analyze.add_argument(
        "file", metavar="FILE", help=_("a .laneway map, any importable file, or '-' (stdin)")
    )
    analyze.add_argument("--json", action="store_true", help=_("print one JSON object"))
    analyze.add_argument(
        "--indent",
        type=_non_negative_int,
        metavar="N",
        help=_("with --json: indent by N spaces for people (default: compact, one line)"),
    )
    analyze.add_argument(
        "--handoff-threshold",
        type=_non_negative_int,
        default=3,
        metavar="N",
        help=_("longest handoff chain allowed before a warning (default 3)"),
    )
    _input_format(analyze)


def _add_import(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser("import", help=_("turn CSV, JSON, BPMN or Mermaid into a map"))
    importer.add_argument("input", metavar="IN", help=_("the file to import, or '-' (stdin)"))
    importer.add_argument("-o", "--output", required=True, metavar="OUT.laneway")
    importer.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    _input_format(importer)


def _add_export(commands: argparse._SubParsersAction) -> None:
    exporter = commands.add_parser(
        "export", help=_("write an image, slides or data file; the format follows OUT's suffix")
    )
    exporter.add_argument(
        "file", metavar="FILE", help=_("a .laneway map, any importable file, or '-' (stdin)")
    )
    exporter.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=_("the file to write, or '-' (stdout)")
    )
    exporter.add_argument(
        "--format",
        choices=sorted(OUTPUT_FORMATS),
        help=_("the format written to standard output (OUT '-'); a file's suffix names its own"),
    )
    exporter.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    _add_export_options(exporter)


def _add_export_options(exporter: argparse.ArgumentParser) -> None:
    exporter.add_argument("--scale", type=float, default=2.0, help=_("PNG pixel scale 1-4 (2)"))
    exporter.add_argument("--width", type=int, help=_("PNG width in pixels (overrides --scale)"))
    exporter.add_argument(
        "--background", choices=("white", "transparent"), default="white", help=_("PNG background")
    )
    exporter.add_argument("--dark", action="store_true", help=_("dark theme for images"))
    exporter.add_argument(
        "--page",
        choices=("map", "16:9", "a4", "letter", "a1", "a0", "a4-tiled"),
        default="map",
        help=_(
            "PDF page: sized to the map (default); 16:9 slide, A4 or Letter landscape pages"
            " (split by stage range when the map cannot be read on one); a1 or a0 poster, or an"
            " A1 poster tiled on A4 sheets (a4-tiled)"
        ),
    )
    exporter.add_argument(
        "--persona",
        metavar="NAME",
        help=_("dim the steps that do not concern this persona (its name or id)"),
    )
    exporter.add_argument(
        "--emotion-curve",
        action="store_true",
        help=_("draw the emotion curve above the lanes (PNG, SVG, PDF)"),
    )
    exporter.add_argument(
        "--slides",
        type=int,
        metavar="N",
        help=_("exactly N map slides or pages (split by stage range; PDF pages and PPTX)"),
    )
    for flag, help_text in (
        ("--no-title", _("leave out the title")),
        ("--no-legend", _("leave out the legend")),
        ("--no-findings", _("clean version: no badges, gap highlighting or notes")),
        ("--no-summary-slide", _("PPTX: no summary and findings slide")),
        (
            "--findings-info",
            _("list the info findings too (PPTX table; a clean PDF lists them on pages)"),
        ),
    ):
        exporter.add_argument(flag, action="store_true", help=help_text)
    exporter.add_argument(
        "--steps", metavar="IDS", help=_("only these step ids (comma separated) and their links")
    )


def _add_snapshot_and_diff(commands: argparse._SubParsersAction) -> None:
    snapshot = commands.add_parser("snapshot", help=_("freeze the map under a name"))
    snapshot.add_argument("file", metavar="FILE.laneway")
    snapshot.add_argument("name", metavar="NAME")
    diff = commands.add_parser(
        "diff", help=_("what changed since a snapshot, gaps closed and opened")
    )
    diff.add_argument("file", metavar="FILE.laneway")
    diff.add_argument("snapshot", metavar="SNAPSHOT")
    diff.add_argument("--json", action="store_true", help=_("print one JSON object"))


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a whole number").format(text=text)
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            _("{value} is negative; give 0 or more").format(value=value)
        )
    return value


# ------------------------------------------------------ the app or a command
def opens_the_app(arguments: list[str]) -> bool:
    """``laneway``, ``laneway demo`` and ``laneway A.laneway B.laneway…`` open the app."""
    return (
        not arguments
        or arguments == ["demo"]
        or all(is_map_path(argument) for argument in arguments)
    )


def is_map_path(argument: str) -> bool:
    return argument.lower().endswith(MAP_SUFFIX) and not argument.startswith("-")


def not_a_command(word: str) -> str:
    """The sentence for a first argument that is neither a command nor a map to open."""
    listed = ", ".join(COMMANDS)
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    if close:
        return _(
            "'{word}' is not a command; did you mean '{value}'? (see 'laneway --help')."
        ).format(word=word, value=close[0])
    path = Path(word)
    if path.is_file():
        return _(
            "{name}: the app opens {MAP_SUFFIX} maps only; make one with "
            "'laneway import {word} -o {stem}{MAP_SUFFIX}'."
        ).format(name=path.name, MAP_SUFFIX=MAP_SUFFIX, word=word, stem=path.stem)
    if path.suffix or "/" in word or "\\" in word:
        return _("{word}: no such file, and not a command (the commands: {listed}).").format(
            word=word, listed=listed
        )
    return _("'{word}' is not a command (the commands: {listed}).").format(word=word, listed=listed)
