"""Which reader or writer handles a file, chosen by its suffix."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from laneway.i18n import _
from laneway.io.errors import InputError
from laneway.model import JourneyMap


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    module: str  # a module of laneway.io with read(path) and/or write_bytes(journey)
    can_read: bool
    can_write: bool

    def reader(self) -> Callable[[Path], JourneyMap]:
        return importlib.import_module(f"laneway.io.{self.module}").read

    def writer(self) -> Callable[[JourneyMap], bytes]:
        return importlib.import_module(f"laneway.io.{self.module}").write_bytes


#: Map formats of the io layer. Image exports (PNG, SVG, PDF) live in ``render``;
#: the command line routes those suffixes there before asking this table.
FORMATS: tuple[Format, ...] = (
    Format("Laneway JSON", (".json",), "jsonio", True, True),
    Format("CSV", (".csv",), "csvio", True, True),
    Format("BPMN 2.0 XML", (".bpmn", ".xml"), "bpmn", True, False),
    Format("Mermaid journey", (".mmd", ".mermaid"), "mermaid_journey", True, False),
    Format("Mermaid flowchart", (".mmd", ".mermaid"), "mermaid_flowchart", False, True),
    Format("GraphML", (".graphml",), "graphml", False, True),
)


def format_for(path: str | Path, *, reading: bool) -> Format:
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes and (fmt.can_read if reading else fmt.can_write):
            return fmt
    known = sorted(
        {s for f in FORMATS if (f.can_read if reading else f.can_write) for s in f.suffixes}
    )
    raise InputError(
        path,
        (
            _("Laneway cannot import {suffix}; it can import {known}")
            if reading
            else _("Laneway cannot export {suffix}; it can export {known}")
        ).format(suffix=suffix or _("files without a suffix"), known=", ".join(known)),
    )


def read_map(path: str | Path) -> JourneyMap:
    """Read any importable file into a map (not a .laneway file: see ``store``)."""
    return format_for(path, reading=True).reader()(Path(path))


@dataclass
class ImportResult:
    """A map read from a file, with sentences about what the reader left out."""

    journey: JourneyMap
    skipped: list[str]


def import_file(path: str | Path) -> ImportResult:
    """Read any importable file; formats whose module has ``read_with_report`` say what
    they skipped, the others skip nothing."""
    fmt = format_for(path, reading=True)
    module = importlib.import_module(f"laneway.io.{fmt.module}")
    if hasattr(module, "read_with_report"):
        return module.read_with_report(Path(path))
    return ImportResult(module.read(Path(path)), [])
