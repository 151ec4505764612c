"""Export a map to the format its file name's suffix names, written atomically.

Images (PNG, SVG, PDF) come from ``render``, slides from ``io.pptxio``, data from the
io formats; each is imported when it is asked for, so the data formats and the
command line's other commands never load Qt or python-pptx.
"""

from __future__ import annotations

from pathlib import Path

from laneway.io.export_options import ExportOptions
from laneway.io.formats import format_for
from laneway.model import JourneyMap, excerpt
from laneway.store import atomic_output

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
SLIDES_SUFFIX = ".pptx"

#: Every export the app offers, as (what it is, suffix), pictures first.
EXPORT_FORMATS: tuple[tuple[str, str], ...] = (
    ("PNG image", ".png"),
    ("SVG vector image", ".svg"),
    ("PDF document", ".pdf"),
    ("PowerPoint slides (editable)", SLIDES_SUFFIX),
    ("Interchange JSON", ".json"),
    ("CSV spreadsheet", ".csv"),
    ("GraphML (yEd, Gephi)", ".graphml"),
    ("Mermaid flowchart", ".mmd"),
)


class ExportError(ValueError):
    """An export that cannot be made as asked: one sentence, without the file's name."""


def is_picture(suffix: str) -> bool:
    """True for the exports that draw the map (images and slides), False for data."""
    return suffix.lower() in (*IMAGE_SUFFIXES, SLIDES_SUFFIX)


def export_map(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    """Write ``journey`` (only ``options.step_ids`` of it, when set) to ``path``.

    The file appears complete or not at all. An unknown suffix is an ``InputError``;
    a picture that cannot be made (too large) an ``ExportError``.
    """
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        from laneway.render import RenderError, export_image

        try:
            with atomic_output(path) as temporary:
                export_image(journey, temporary, suffix, options)
        except RenderError as error:
            raise ExportError(str(error)) from None
    elif suffix == SLIDES_SUFFIX:
        from laneway.io.pptxio import write_pptx

        with atomic_output(path) as temporary:
            write_pptx(journey, temporary, options)
    else:
        writer = format_for(path, reading=False).writer()
        data = writer(excerpt(journey, options.step_ids))
        with atomic_output(path) as temporary:
            temporary.write_bytes(data)
