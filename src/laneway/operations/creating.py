"""New map files: empty, from a built-in template, or from an imported journey."""

from __future__ import annotations

from pathlib import Path

from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.io.formats import ImportResult, import_file
from laneway.io.templates import load_template
from laneway.model import JourneyMap, MapInfo
from laneway.model.wording import plural
from laneway.operations.placing import place_unplaced_steps
from laneway.store import create_map

UNTITLED = N_("Untitled journey")  # in the language the map is made in


def new_journey(template: str | None = None, title: str | None = None) -> JourneyMap:
    """A fresh map: a copy of the named template (keeping its title unless ``title`` is
    given), or an empty map called ``title``."""
    if template:
        journey = load_template(template)
        if title:
            journey.set_info(title=title)
        return journey
    return JourneyMap(MapInfo(title=title or _(UNTITLED)))


def read_import(source: Path) -> ImportResult:
    """Read any importable file (not a ``.laneway`` map) with notes on what was left out."""
    if source.suffix.lower() == ".laneway":
        raise InputError(source, _("is already a Laneway map; copy it instead of importing it"))
    return import_file(source)


def create_map_file(path: Path, journey: JourneyMap, *, overwrite: bool = False) -> Path:
    """Write ``journey`` as a new map file, every step placed, atomically; return the path.

    Refuses to replace an existing file unless ``overwrite``; nothing is left behind when
    it fails.
    """
    place_unplaced_steps(journey)
    return create_map(path, journey, overwrite=overwrite)


def counts_sentence(journey: JourneyMap) -> str:
    """ "12 steps, 1 link, 4 departments and 5 stages": what a map (an import) holds."""
    return _("{value}, {value2}, {value3} and {value4}").format(
        value=plural(len(journey.steps), "step"),
        value2=plural(len(journey.links), "link"),
        value3=plural(len(journey.departments), "department"),
        value4=plural(len(journey.stages), "stage"),
    )
