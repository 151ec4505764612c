"""The headless commands of SPEC §3, each a function of the parsed arguments.

The rules every command that writes keeps: an existing output is replaced only with
``--force``; a read-only one never (``store.atomic_output``), and it keeps its
permissions; the input is never the output, also through a link (``is_same_file``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from laneway.cli.errors import EXIT_FINDINGS, EXIT_OK, CommandError, tell
from laneway.cli.parsing import INPUT_FORMATS, OUTPUT_FORMATS, STDIO
from laneway.cli.streams import (
    check_standard_output,
    load_any,
    standard_input_file,
    write_standard_output,
)
from laneway.i18n import _
from laneway.model import JourneyMap
from laneway.model.wording import plural


def cmd_new(args: argparse.Namespace) -> int:
    from laneway.operations.creating import create_map_file, new_journey

    output = _map_output(args.output)
    title = args.title if args.template else (args.title or output.stem)
    journey = new_journey(args.template, title)
    create_map_file(output, journey, overwrite=args.force)
    print(
        _("Created {output} ({value}).").format(
            output=output, value=plural(len(journey.steps), "step")
        )
    )
    return EXIT_OK


def cmd_templates(_args: argparse.Namespace) -> int:
    from laneway.io.templates import list_templates

    infos = list_templates()
    width = max(len(info.name) for info in infos)
    for info in infos:
        print(f"{info.name:<{width}}  {info.title} ({plural(info.steps, 'step')})")
        print(f"{'':<{width}}  {info.description}")
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from laneway.analysis import analyze, format_report, report_to_dict
    from laneway.model.gcpause import paused_gc

    # Reading and analysing a big map makes a million objects and no reference cycles:
    # the collector is off meanwhile, and they are freed (by reference counting) before
    # it comes back, so it never walks them.
    with paused_gc():
        with input_path(args.file, args.format) as source:
            journey = load_any(source)
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
    from laneway.operations.creating import counts_sentence, create_map_file, read_import

    if args.output == STDIO:
        raise CommandError(_("import: a map is a file, not a stream; give -o a .laneway name."))
    output = _map_output(args.output)
    with input_path(args.input, args.format) as source:
        if source.suffix.lower() == ".laneway":
            _not_the_input(source, output, _("is the file being rebuilt"))
            return _rebuild_map(source, output, args.force)
        _not_the_input(source, output)
        result = read_import(source)
    create_map_file(output, result.journey, overwrite=args.force)
    print(
        _("Imported {counts_sentence} into {output}.").format(
            counts_sentence=counts_sentence(result.journey), output=output
        )
    )
    for note in result.skipped:
        print(_("Skipped: {note}").format(note=note))
    return EXIT_OK


def _rebuild_map(source: Path, output: Path, force: bool) -> int:
    """``import foreign.laneway -o clean.laneway``: a clean map from the rows that pass."""
    from laneway.operations.creating import counts_sentence
    from laneway.store.salvage import salvage_map

    result = salvage_map(source, output, overwrite=force)
    print(
        _("Rebuilt {counts_sentence} from {name} into {output}.").format(
            counts_sentence=counts_sentence(result.journey), name=source.name, output=output
        )
    )
    for note in result.dropped or ["nothing"]:
        print(_("Left out: {note}").format(note=note))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from laneway.operations.exporting import (
        ExportError,
        check_export_suffix,
        export_bytes,
        export_map,
    )

    to_stdout = args.output == STDIO
    if args.format and not to_stdout:
        raise CommandError(
            _("--format is for -o - (standard output); the output file's suffix names its format.")
        )
    suffix = _output_suffix(args) if to_stdout else check_export_suffix(args.output)
    output = Path(args.output)
    with input_path(args.file, None) as source:
        if not to_stdout:
            _not_the_input(source, output)
        journey = load_any(source)
    options = _export_options(args, journey)
    try:
        if to_stdout:
            check_standard_output(suffix)
            write_standard_output(export_bytes(journey, suffix, options))
            return EXIT_OK
        notice = export_map(journey, output, options, overwrite=args.force)
    except ExportError as error:
        raise CommandError(f"{output.name if not to_stdout else suffix}: {error}") from None
    print(_("Exported {output}.").format(output=output))
    if notice:
        print(notice)
    return EXIT_OK


def _output_suffix(args: argparse.Namespace) -> str:
    if not args.format:
        names = ", ".join(sorted(OUTPUT_FORMATS))
        raise CommandError(
            _("-o -: say which format to write with --format ({names}).").format(names=names)
        )
    return OUTPUT_FORMATS[args.format]


def _export_options(args: argparse.Namespace, journey: JourneyMap):
    from laneway.io.export_options import ExportOptions

    try:
        return ExportOptions(
            scale=args.scale,
            width=args.width,
            background=args.background,
            title=not args.no_title,
            legend=not args.no_legend,
            findings=not args.no_findings,
            notes=not args.no_findings,  # the clean version leaves the notes out too
            page=args.page,
            step_ids=_selected_steps(journey, args.steps),
            summary_slide=not args.no_summary_slide,
            dark=args.dark,
            slides=args.slides,
            findings_info=args.findings_info,
            persona=_persona(journey, args.persona),
            emotion_curve=args.emotion_curve,
        )
    except ValueError as error:
        raise CommandError(str(error)) from None


def _persona(journey: JourneyMap, wanted: str | None) -> str | None:
    """The persona named on the command line (a name, any case, or an id)."""
    if wanted is None:
        return None
    persona = journey.personas.get(wanted) or journey.persona_by_name(wanted)
    if persona is None:
        known = ", ".join(p.name for p in journey.personas_in_order()) or _("none")
        raise CommandError(
            _("The map has no persona {name} (its personas: {known}).").format(
                name=repr(wanted), known=known
            )
        )
    return persona.id


def cmd_snapshot(args: argparse.Namespace) -> int:
    from laneway.store import MapStore

    store = MapStore.open(_existing_map(args.file))
    try:
        tell(store.notices)
        info = store.take_snapshot(args.name)
    finally:
        store.close()
    print(
        _("Snapshot '{name}' taken at {taken_at}.").format(name=info.name, taken_at=info.taken_at)
    )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from laneway.analysis.diff import diff_maps, format_diff
    from laneway.io.jsonio import loads
    from laneway.store import MapStore

    store = MapStore.open(_existing_map(args.file), read_only=True)
    try:
        tell(store.notices)
        now = store.load()
        content = store.snapshot_content(args.snapshot)
    finally:
        store.close()
    before = loads(
        json.dumps(content),
        _("{name} snapshot {snapshot!r}").format(name=Path(args.file).name, snapshot=args.snapshot),
    )
    result = diff_maps(before, now, args.snapshot.strip())
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_diff(result))
    return EXIT_OK


# ------------------------------------------------------------------ helpers
@contextlib.contextmanager
def input_path(argument: str, format_name: str | None) -> Iterator[Path]:
    """The input file, or standard input saved to a temporary one, for as long as needed."""
    if argument != STDIO:
        if format_name:
            raise CommandError(
                _(
                    "--format is for '-' (standard input or output); "
                    "a file's suffix names its format."
                )
            )
        yield Path(argument)
        return
    with standard_input_file(INPUT_FORMATS[format_name] if format_name else None) as path:
        yield path


def _not_the_input(
    source: Path, output: Path, what: str = "is the input itself (or a link to it)"
) -> None:
    from laneway.store.files import is_same_file

    if is_same_file(source, output):
        raise CommandError(
            _("{name}: {what}; choose another name for the output.").format(
                name=output.name, what=what
            )
        )


def _existing_map(path: str) -> Path:
    file = Path(path)
    if file.suffix.lower() != ".laneway":
        raise CommandError(
            _("{name}: snapshots live in .laneway maps; import it first.").format(name=file.name)
        )
    return file


def _map_output(path: str) -> Path:
    output = Path(path)
    if output.suffix.lower() != ".laneway":
        raise CommandError(_("{name}: a map file must end in .laneway.").format(name=output.name))
    return output


def _selected_steps(journey: JourneyMap, text: str | None) -> frozenset[str] | None:
    if not text:
        return None
    wanted = [part.strip() for part in text.split(",") if part.strip()]
    missing = [step_id for step_id in wanted if step_id not in journey.steps]
    if missing:
        raise CommandError(
            _("--steps: the map has no step with id {value!r}.").format(value=missing[0])
        )
    return frozenset(wanted)


def cmd_host(args: argparse.Namespace) -> int:
    from laneway.cli.live import cmd_host as host  # asyncio only for live sessions

    return host(args)


def cmd_join(args: argparse.Namespace) -> int:
    from laneway.cli.live import cmd_join as join

    return join(args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": cmd_new,
    "templates": cmd_templates,
    "analyze": cmd_analyze,
    "import": cmd_import,
    "export": cmd_export,
    "snapshot": cmd_snapshot,
    "diff": cmd_diff,
    "host": cmd_host,
    "join": cmd_join,
}
