"""``laneway --self-test``: proof that an installed or frozen Laneway works, without a window.

For each built-in template it writes a map file, reopens it, analyses it and exports it
to every format (PNG, PDF, PPTX, SVG and the io layer's data formats, which are imported
by name at run time: what a frozen build is most likely to lack), then checks that each
output is a real file of its kind and that the data formats read back. The installers'
workflow and ``.ci/run`` run it on each build; it prints one line per template and exits 0,
or 1 with what failed.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from laneway import __version__
from laneway.model.wording import plural

EXIT_PASSED, EXIT_FAILED = 0, 1


class SelfTestFailure(Exception):
    """An output that is missing, empty or not the kind of file its suffix says."""


def check_png(path: Path) -> str:
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise SelfTestFailure(f"{path.name} is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if width < 100 or height < 100:
        raise SelfTestFailure(f"{path.name} is only {width} x {height} pixels")
    return f"PNG {width}x{height}"


def check_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestFailure(f"{path.name} is not a complete PDF")
    return f"PDF {len(data) // 1024} kB"


def check_pptx(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            slides = [n for n in archive.namelist() if n.startswith("ppt/slides/slide")]
    except zipfile.BadZipFile:
        raise SelfTestFailure(f"{path.name} is not a PowerPoint file") from None
    if not slides:
        raise SelfTestFailure(f"{path.name} has no slide")
    return f"PPTX {len(slides)} slides"


def check_svg(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if "<svg" not in text or "</svg>" not in text:
        raise SelfTestFailure(f"{path.name} is not an SVG image")
    return "SVG"


IMAGE_CHECKS: dict[str, Callable[[Path], str]] = {
    ".png": check_png,
    ".pdf": check_pdf,
    ".svg": check_svg,
}


def check_template(name: str, folder: Path) -> str:
    """One template through file, analysis and every export; a line saying what came out."""
    from laneway.analysis import analyze
    from laneway.io.export_options import ExportOptions
    from laneway.io.pptxio import write_pptx
    from laneway.operations.creating import create_map_file, new_journey
    from laneway.render import export_image
    from laneway.store import MapStore

    template = new_journey(name)
    path = create_map_file(folder / f"{name}.laneway", template, overwrite=True)
    store = MapStore.open(path, read_only=True)
    try:
        journey = store.load()
    finally:
        store.close()
    if len(journey.steps) != len(template.steps):
        raise SelfTestFailure(f"{path.name} reopened with {plural(len(journey.steps), 'step')}")
    report = analyze(journey)
    options = ExportOptions(scale=1.0)
    made = []
    for suffix, check in IMAGE_CHECKS.items():
        output = folder / f"{name}{suffix}"
        export_image(journey, output, suffix, options)
        made.append(check(output))
    slides = folder / f"{name}.pptx"
    write_pptx(journey, slides, options)
    made.append(check_pptx(slides))
    made.append(round_trip_data_formats(journey, folder / name))
    return (
        f"{plural(len(journey.steps), 'step')}, {plural(len(report.findings), 'finding')}; "
        + ", ".join(made)
    )


def round_trip_data_formats(journey, stem: Path) -> str:
    """Write every data format the io layer has; read back those it can also import."""
    from laneway.io.formats import FORMATS

    written = []
    for fmt in FORMATS:
        if not fmt.can_write:
            continue
        output = stem.with_suffix(fmt.suffixes[0])
        output.write_bytes(fmt.writer()(journey))
        if fmt.can_read:  # the same format both ways: reading it back loses no step
            again = fmt.reader()(output)
            if len(again.steps) != len(journey.steps):
                raise SelfTestFailure(f"{output.name} read back {plural(len(again.steps), 'step')}")
        written.append(fmt.name)
    return ", ".join(written)


def run(folder: str | None = None, out: TextIO | None = None) -> int:
    """Run the self-test into ``folder`` (kept) or a temporary one; 0 when all passed."""
    out = out if out is not None else sys.stdout
    started = time.perf_counter()
    _say(out, f"Laneway {__version__} self-test (Python {sys.version.split()[0]})")
    try:
        if folder is not None:
            target = Path(folder)
            target.mkdir(parents=True, exist_ok=True)
            failures = _run_in(target, out)
        else:
            with tempfile.TemporaryDirectory(prefix="laneway-self-test-") as temporary:
                failures = _run_in(Path(temporary), out)
    except Exception:  # the test of the installation itself failed: say how
        _say(out, traceback.format_exc())
        failures = 1
    elapsed = time.perf_counter() - started
    verdict = "passed" if not failures else f"FAILED ({failures} failed)"
    _say(out, f"Self-test {verdict} in {elapsed:.1f} s.")
    return EXIT_PASSED if not failures else EXIT_FAILED


def _run_in(folder: Path, out: TextIO) -> int:
    from laneway.io.templates import template_names

    names = template_names()
    if not names:
        _say(out, "no built-in template was found (resources are missing)")
        return 1
    failures = 0
    for name in names:
        try:
            _say(out, f"{name}: {check_template(name, folder)}")
        except Exception as problem:
            failures += 1
            _say(out, f"{name}: FAILED: {type(problem).__name__}: {problem}")
            _say(out, traceback.format_exc())
    _say(out, _live_sessions())
    return failures


def _live_sessions() -> str:
    """Whether this build can host and join live sessions (the collab extra: every
    installer has it; a plain pip install may not, which is no failure)."""
    from laneway.sync import extra

    if extra.available():
        return "live sessions: available"
    return f"live sessions: not installed ({extra.INSTALL_HINT})"


def _say(out: TextIO | None, line: str) -> None:
    if out is not None:  # a windowed app on Windows has no stdout at all
        print(line, file=out, flush=True)
