"""The ``laneway`` command (SPEC §3).

With no command (or a map file) it opens the desktop app; every command below
runs headless. Bad input is one sentence on stderr and exit status 2; the input
file is opened read-only and outputs are written atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from laneway import __version__

COMMANDS = ("new", "templates", "analyze", "import", "export", "snapshot", "diff", "demo")
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """A problem to report in one sentence with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="laneway",
        description="Map customer journeys in swimlanes and find the gaps between departments.",
        epilog="Run 'laneway' alone to open the app, or 'laneway MAP.laneway' to open a map.",
    )
    parser.add_argument("--version", action="version", version=f"laneway {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_new(commands)
    commands.add_parser("templates", help="list the built-in templates")
    _add_analyze(commands)
    _add_import(commands)
    _add_export(commands)
    _add_snapshot_and_diff(commands)
    commands.add_parser("demo", help="open the app on a copy of the B2B template")
    return parser


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="create a map, empty or from a built-in template")
    new.add_argument("output", metavar="OUT.laneway")
    new.add_argument("--template", metavar="NAME", help="start from a template (see 'templates')")
    new.add_argument("--title", metavar="T", help="the map's title")
    new.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _add_analyze(commands: argparse._SubParsersAction) -> None:
    analyze = commands.add_parser(
        "analyze", help="print the summary and findings (exit 1 when there is an error finding)"
    )
    analyze.add_argument("file", metavar="FILE", help="a .laneway map or any importable file")
    analyze.add_argument("--json", action="store_true", help="print one JSON object")
    analyze.add_argument(
        "--indent",
        type=_non_negative_int,
        metavar="N",
        help="with --json: indent by N spaces for people (default: compact, one line)",
    )
    analyze.add_argument(
        "--handoff-threshold",
        type=_non_negative_int,
        default=3,
        metavar="N",
        help="longest handoff chain allowed before a warning (default 3)",
    )


def _add_import(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser("import", help="turn CSV, JSON, BPMN or Mermaid into a map")
    importer.add_argument("input", metavar="IN")
    importer.add_argument("-o", "--output", required=True, metavar="OUT.laneway")
    importer.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _add_export(commands: argparse._SubParsersAction) -> None:
    exporter = commands.add_parser(
        "export", help="write an image, slides or data file; the format follows OUT's suffix"
    )
    exporter.add_argument("file", metavar="FILE", help="a .laneway map or any importable file")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT")
    exporter.add_argument("--scale", type=float, default=2.0, help="PNG pixel scale 1-4 (2)")
    exporter.add_argument("--width", type=int, help="PNG width in pixels (overrides --scale)")
    exporter.add_argument(
        "--background", choices=("white", "transparent"), default="white", help="PNG background"
    )
    exporter.add_argument("--dark", action="store_true", help="dark theme for images")
    exporter.add_argument(
        "--page",
        choices=("map", "16:9", "a4", "letter"),
        default="map",
        help="PDF page: sized to the map (default), a 16:9 slide, A4 or Letter landscape",
    )
    for flag, help_text in (
        ("--no-title", "leave out the title"),
        ("--no-legend", "leave out the legend"),
        ("--no-findings", "clean version: no badges or gap highlighting"),
        ("--no-summary-slide", "PPTX: no summary and findings slide"),
    ):
        exporter.add_argument(flag, action="store_true", help=help_text)
    exporter.add_argument(
        "--steps", metavar="IDS", help="only these step ids (comma separated) and their links"
    )


def _add_snapshot_and_diff(commands: argparse._SubParsersAction) -> None:
    snapshot = commands.add_parser("snapshot", help="freeze the map under a name")
    snapshot.add_argument("file", metavar="FILE.laneway")
    snapshot.add_argument("name", metavar="NAME")
    diff = commands.add_parser("diff", help="what changed since a snapshot, gaps closed and opened")
    diff.add_argument("file", metavar="FILE.laneway")
    diff.add_argument("snapshot", metavar="SNAPSHOT")
    diff.add_argument("--json", action="store_true", help="print one JSON object")


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


# ------------------------------------------------------------------ loading
def load_any(path: str | Path):
    """A .laneway map (opened read-only) or any importable file, as a JourneyMap."""
    file = Path(path)
    if file.suffix.lower() == ".laneway":
        from laneway.store import MapStore  # sqlite-utils: only for maps, not other files

        store = MapStore.open(file, read_only=True)
        try:
            _tell(store.notices)
            return store.load()
        finally:
            store.close()
    from laneway.io.formats import read_map

    return read_map(file)


# ----------------------------------------------------------------- commands
def cmd_new(args: argparse.Namespace) -> int:
    from laneway.operations.creating import create_map_file, new_journey

    output = _map_output(args.output)
    title = args.title if args.template else (args.title or output.stem)
    journey = new_journey(args.template, title)
    create_map_file(output, journey, overwrite=args.force)
    print(f"Created {output} ({len(journey.steps)} steps).")
    return EXIT_OK


def cmd_templates(_args: argparse.Namespace) -> int:
    from laneway.io.templates import list_templates

    infos = list_templates()
    width = max(len(info.name) for info in infos)
    for info in infos:
        print(f"{info.name:<{width}}  {info.title} ({info.steps} steps)")
        print(f"{'':<{width}}  {info.description}")
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from laneway.analysis import analyze, format_report, report_to_dict
    from laneway.model.gcpause import paused_gc

    # Reading and analysing a big map makes a million objects and no reference cycles:
    # the collector is off meanwhile, and they are freed (by reference counting) before
    # it comes back, so it never walks them.
    with paused_gc():
        journey = load_any(args.file)
        report = analyze(journey, handoff_threshold=args.handoff_threshold)
        if args.json:
            text = json_text(report_to_dict(journey, report), args.indent) + "\n"
        else:
            text = format_report(journey, report) + "\n"
        has_errors = report.has_errors
        del journey, report
    sys.stdout.write(text)
    return EXIT_FINDINGS if has_errors else EXIT_OK


def json_text(data: object, indent: int | None = None) -> str:
    """``data`` as JSON text: compact by default (a big report is megabytes), or indented."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def cmd_import(args: argparse.Namespace) -> int:
    from laneway.operations.creating import create_map_file, read_import

    output = _map_output(args.output)
    if Path(args.input).suffix.lower() == ".laneway":
        return _rebuild_map(Path(args.input), output, args.force)
    result = read_import(Path(args.input))
    journey = result.journey
    create_map_file(output, journey, overwrite=args.force)
    print(
        f"Imported {len(journey.steps)} steps, {len(journey.links)} links, "
        f"{len(journey.departments)} departments and {len(journey.stages)} stages into {output}."
    )
    for note in result.skipped:
        print(f"Skipped: {note}")
    return EXIT_OK


def _rebuild_map(source: Path, output: Path, force: bool) -> int:
    """``import foreign.laneway -o clean.laneway``: a clean map from the rows that pass."""
    from laneway.store.salvage import salvage_map

    result = salvage_map(source, output, overwrite=force)
    journey = result.journey
    print(
        f"Rebuilt {len(journey.steps)} steps, {len(journey.links)} links, "
        f"{len(journey.departments)} departments and {len(journey.stages)} stages from "
        f"{source.name} into {output}."
    )
    for note in result.dropped or ["nothing"]:
        print(f"Left out: {note}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from laneway.operations.exporting import ExportError, export_map

    output = Path(args.output)
    if output.resolve() == Path(args.file).resolve():
        raise CommandError(f"{output.name}: the output would overwrite the input map.")
    journey = load_any(args.file)
    options = _export_options(args, journey)
    try:
        export_map(journey, output, options)
    except ExportError as error:
        raise CommandError(f"{output.name}: {error}") from None
    print(f"Exported {output}.")
    return EXIT_OK


def _export_options(args: argparse.Namespace, journey):
    from laneway.io.export_options import ExportOptions

    try:
        return ExportOptions(
            scale=args.scale,
            width=args.width,
            background=args.background,
            title=not args.no_title,
            legend=not args.no_legend,
            findings=not args.no_findings,
            page=args.page,
            step_ids=_selected_steps(journey, args.steps),
            summary_slide=not args.no_summary_slide,
            dark=args.dark,
        )
    except ValueError as error:
        raise CommandError(str(error)) from None


def cmd_snapshot(args: argparse.Namespace) -> int:
    from laneway.store import MapStore

    store = MapStore.open(_existing_map(args.file))
    try:
        _tell(store.notices)
        info = store.take_snapshot(args.name)
    finally:
        store.close()
    print(f"Snapshot '{info.name}' taken at {info.taken_at}.")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from laneway.analysis.diff import diff_maps, format_diff
    from laneway.io.jsonio import loads
    from laneway.store import MapStore

    store = MapStore.open(_existing_map(args.file), read_only=True)
    try:
        _tell(store.notices)
        now = store.load()
        content = store.snapshot_content(args.snapshot)
    finally:
        store.close()
    before = loads(json.dumps(content), f"{Path(args.file).name} snapshot {args.snapshot!r}")
    result = diff_maps(before, now, args.snapshot.strip())
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_diff(result))
    return EXIT_OK


def _existing_map(path: str) -> Path:
    file = Path(path)
    if file.suffix.lower() != ".laneway":
        raise CommandError(f"{file.name}: snapshots live in .laneway maps; import it first.")
    return file


def _map_output(path: str) -> Path:
    output = Path(path)
    if output.suffix.lower() != ".laneway":
        raise CommandError(f"{output.name}: a map file must end in .laneway.")
    return output


def _selected_steps(journey, text: str | None) -> frozenset[str] | None:
    if not text:
        return None
    wanted = [part.strip() for part in text.split(",") if part.strip()]
    missing = [step_id for step_id in wanted if step_id not in journey.steps]
    if missing:
        raise CommandError(f"--steps: the map has no step with id {missing[0]!r}.")
    return frozenset(wanted)


HANDLERS = {
    "new": cmd_new,
    "templates": cmd_templates,
    "analyze": cmd_analyze,
    "import": cmd_import,
    "export": cmd_export,
    "snapshot": cmd_snapshot,
    "diff": cmd_diff,
}


# ---------------------------------------------------------------------- main
OpenApp = Callable[..., int]


def main(argv: Sequence[str] | None = None, open_app: OpenApp | None = None) -> int:
    """Run a command; hand ``laneway``, ``laneway FILE`` and ``laneway demo`` to the app.

    The cli never imports the ui (they are sibling layers): the entry point in
    ``laneway.__main__`` passes ``open_app``.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    wants_app = not arguments or (arguments[0] not in COMMANDS and not arguments[0].startswith("-"))
    if wants_app or arguments == ["demo"]:
        if open_app is None:
            _say("the desktop app is not available here; run a command (see --help).")
            return EXIT_BAD_INPUT
        if arguments == ["demo"]:
            return open_app([], demo=True)
        return open_app(arguments, demo=False)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    restore = _exit_cleanly_on_sigterm()
    try:
        return HANDLERS[args.command](args)
    except KeyboardInterrupt:
        _say("Interrupted; nothing was written.")
        return 130
    except OSError as error:
        name = Path(error.filename).name if error.filename else _input_name(args)
        _say(f"{name}: {(error.strerror or str(error)).rstrip('.')}; nothing was written.")
        return EXIT_BAD_INPUT
    except RecursionError:
        _say(f"{_input_name(args)}: nests too deeply to be read; nothing was written.")
        return EXIT_BAD_INPUT
    except MemoryError:
        _say(f"{_input_name(args)}: is too large for the memory available; nothing was written.")
        return EXIT_BAD_INPUT
    except UnicodeError as error:
        _say(f"{_input_name(args)}: holds text that cannot be handled ({error.reason}).")
        return EXIT_BAD_INPUT
    except Exception as error:
        if _is_bad_input(error):
            _say(str(error))
        elif os.environ.get("LANEWAY_DEBUG"):
            raise
        else:  # a bug: still one sentence, never a traceback
            _say(f"Unexpected problem ({type(error).__name__}: {error}); nothing was written.")
        return EXIT_BAD_INPUT
    finally:
        restore()


def _input_name(args: argparse.Namespace) -> str:
    given = getattr(args, "input", None) or getattr(args, "file", None) or args.command
    return Path(given).name


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

    Looked up without importing anything new: a StoreError can only come from a
    command that loaded the store, so reading a JSON file never loads sqlite-utils.
    """
    from laneway.io.errors import InputError
    from laneway.model import ModelError

    kinds: tuple[type[Exception], ...] = (InputError, CommandError, ModelError)
    store_errors = sys.modules.get("laneway.store.errors")
    if store_errors is not None:
        kinds += (store_errors.StoreError,)
    return isinstance(error, kinds)


def _say(sentence: str) -> None:
    print(f"laneway: {sentence}", file=sys.stderr)


def _tell(notices: list[str]) -> None:
    """What the store had to do to open the map (a journal set aside…), on stderr."""
    for notice in notices:
        _say(notice)
