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
IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
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

    new = commands.add_parser("new", help="create a map, empty or from a built-in template")
    new.add_argument("output", metavar="OUT.laneway")
    new.add_argument("--template", metavar="NAME", help="start from a template (see 'templates')")
    new.add_argument("--title", metavar="T", help="the map's title")
    new.add_argument("--force", action="store_true", help="replace OUT if it exists")

    commands.add_parser("templates", help="list the built-in templates")

    analyze = commands.add_parser(
        "analyze", help="print the summary and findings (exit 1 when there is an error finding)"
    )
    analyze.add_argument("file", metavar="FILE", help="a .laneway map or any importable file")
    analyze.add_argument("--json", action="store_true", help="print one JSON object")
    analyze.add_argument(
        "--handoff-threshold",
        type=_non_negative_int,
        default=3,
        metavar="N",
        help="longest handoff chain allowed before a warning (default 3)",
    )

    importer = commands.add_parser("import", help="turn CSV, JSON, BPMN or Mermaid into a map")
    importer.add_argument("input", metavar="IN")
    importer.add_argument("-o", "--output", required=True, metavar="OUT.laneway")
    importer.add_argument("--force", action="store_true", help="replace OUT if it exists")

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
    exporter.add_argument("--no-title", action="store_true", help="leave out the title")
    exporter.add_argument("--no-legend", action="store_true", help="leave out the legend")
    exporter.add_argument(
        "--no-findings", action="store_true", help="clean version: no badges or gap highlighting"
    )
    exporter.add_argument(
        "--no-summary-slide", action="store_true", help="PPTX: no summary and findings slide"
    )
    exporter.add_argument(
        "--steps", metavar="IDS", help="only these step ids (comma separated) and their links"
    )

    snapshot = commands.add_parser("snapshot", help="freeze the map under a name")
    snapshot.add_argument("file", metavar="FILE.laneway")
    snapshot.add_argument("name", metavar="NAME")

    diff = commands.add_parser("diff", help="what changed since a snapshot, gaps closed and opened")
    diff.add_argument("file", metavar="FILE.laneway")
    diff.add_argument("snapshot", metavar="SNAPSHOT")
    diff.add_argument("--json", action="store_true", help="print one JSON object")

    commands.add_parser("demo", help="open the app on a copy of the B2B template")
    return parser


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the threshold cannot be negative")
    return value


# ------------------------------------------------------------------ loading
def load_any(path: str | Path):
    """A .laneway map (opened read-only) or any importable file, as a JourneyMap."""
    from laneway.io.formats import read_map
    from laneway.store import MapStore

    file = Path(path)
    if file.suffix.lower() == ".laneway":
        store = MapStore.open(file, read_only=True)
        try:
            _tell(store.notices)
            return store.load()
        finally:
            store.close()
    return read_map(file)


# ----------------------------------------------------------------- commands
def cmd_new(args: argparse.Namespace) -> int:
    from laneway.document import place_unplaced_steps
    from laneway.io.templates import load_template
    from laneway.model import JourneyMap, MapInfo
    from laneway.store import create_map

    output = _map_output(args.output)
    if args.template:
        journey = load_template(args.template)
        if args.title:
            journey.set_info(title=args.title)
    else:
        journey = JourneyMap(MapInfo(title=args.title or output.stem))
    place_unplaced_steps(journey)
    create_map(output, journey, overwrite=args.force)
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

    journey = load_any(args.file)
    report = analyze(journey, handoff_threshold=args.handoff_threshold)
    if args.json:
        print(json.dumps(report_to_dict(journey, report), ensure_ascii=False, indent=2))
    else:
        print(format_report(journey, report))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from laneway.document import place_unplaced_steps
    from laneway.io.formats import import_file
    from laneway.store import create_map

    output = _map_output(args.output)
    if Path(args.input).suffix.lower() == ".laneway":
        return _rebuild_map(Path(args.input), output, args.force)
    result = import_file(Path(args.input))
    journey = result.journey
    place_unplaced_steps(journey)
    create_map(output, journey, overwrite=args.force)
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
    from laneway.io.export_options import ExportOptions
    from laneway.io.formats import format_for
    from laneway.store import atomic_output

    output = Path(args.output)
    suffix = output.suffix.lower()
    if output.resolve() == Path(args.file).resolve():
        raise CommandError(f"{output.name}: the output would overwrite the input map.")
    journey = load_any(args.file)
    try:
        options = ExportOptions(
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
    if suffix in IMAGE_SUFFIXES:
        from laneway.render import RenderError, export_image

        try:
            with atomic_output(output) as temporary:
                export_image(journey, temporary, suffix, options)
        except RenderError as error:
            raise CommandError(f"{output.name}: {error}") from None
    elif suffix == ".pptx":
        from laneway.io.pptxio import write_pptx

        with atomic_output(output) as temporary:
            write_pptx(journey, temporary, options)
    else:
        writer = format_for(output, reading=False).writer()
        data = writer(_only_selected(journey, options.step_ids))
        with atomic_output(output) as temporary:
            temporary.write_bytes(data)
    print(f"Exported {output}.")
    return EXIT_OK


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


def _only_selected(journey, step_ids: frozenset[str] | None):
    if step_ids is None:
        return journey
    from laneway.model import map_from_dict, map_to_dict

    return map_from_dict(map_to_dict(journey, set(step_ids)))


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
    from laneway.io.errors import InputError
    from laneway.model import ModelError
    from laneway.store import StoreError

    restore = _exit_cleanly_on_sigterm()
    try:
        return HANDLERS[args.command](args)
    except (InputError, StoreError, CommandError, ModelError) as error:
        _say(str(error))
        return EXIT_BAD_INPUT
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
    except Exception as error:  # a bug: still one sentence, never a traceback
        if os.environ.get("LANEWAY_DEBUG"):
            raise
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


def _say(sentence: str) -> None:
    print(f"laneway: {sentence}", file=sys.stderr)


def _tell(notices: list[str]) -> None:
    """What the store had to do to open the map (a journal set aside…), on stderr."""
    for notice in notices:
        _say(notice)
