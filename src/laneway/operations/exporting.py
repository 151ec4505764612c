"""Export a map to the format its file name's suffix names, written atomically.

Images (PNG, SVG, PDF) come from ``render``, slides from ``io.pptxio``, data from the
io formats; each is imported when it is asked for, so the data formats and the
command line's other commands never load Qt or python-pptx.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.io.export_options import ExportOptions
from laneway.io.formats import FORMATS, format_for
from laneway.model import JourneyMap, excerpt
from laneway.store import atomic_output, check_output

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
SLIDES_SUFFIX = ".pptx"

#: Every export the app offers, as (what it is, suffix), pictures first.
EXPORT_FORMATS: tuple[tuple[str, str], ...] = (
    (N_("PNG image"), ".png"),
    (N_("SVG vector image"), ".svg"),
    (N_("PDF document"), ".pdf"),
    (N_("PowerPoint slides (editable)"), SLIDES_SUFFIX),
    (N_("Interchange JSON"), ".json"),
    (N_("CSV spreadsheet"), ".csv"),
    (N_("GraphML (yEd, Gephi)"), ".graphml"),
    (N_("Mermaid flowchart"), ".mmd"),
)


#: The exports that are text, so they may go to a terminal (``laneway export -o -``).
TEXT_SUFFIXES = (".json", ".csv", ".mmd", ".mermaid", ".graphml", ".svg")


def export_suffixes() -> tuple[str, ...]:
    """Every suffix an export understands, pictures and slides included, sorted."""
    data = {suffix for fmt in FORMATS if fmt.can_write for suffix in fmt.suffixes}
    return tuple(sorted({*IMAGE_SUFFIXES, SLIDES_SUFFIX, *data}))


def check_export_suffix(path: str | Path) -> str:
    """``path``'s suffix, lower case; an ``InputError`` listing every export when unknown."""
    suffix = Path(path).suffix.lower()
    if suffix not in export_suffixes():
        raise InputError(
            path,
            _("Laneway cannot export {suffix}; it can export {known}").format(
                suffix=suffix or _("files without a suffix"), known=", ".join(export_suffixes())
            ),
        )
    return suffix


class ExportError(ValueError):
    """An export that cannot be made as asked: one sentence, without the file's name."""


def is_picture(suffix: str) -> bool:
    """True for the exports that draw the map (images and slides), False for data."""
    return suffix.lower() in (*IMAGE_SUFFIXES, SLIDES_SUFFIX)


def export_map(
    journey: JourneyMap, path: Path, options: ExportOptions, *, overwrite: bool = True
) -> str | None:
    """Write ``journey`` (only ``options.step_ids`` of it, when set) to ``path``.

    The file appears complete or not at all; an existing file is replaced only when
    ``overwrite`` (and never when it is read-only: ``atomic_output``). An unknown suffix
    is an ``InputError``; a picture that cannot be made an ``ExportError``. Returns a
    one-line notice when the file is not quite what was asked (a PNG made smaller to
    stay within the pixel limit), else None.
    """
    suffix = check_export_suffix(path)
    check_output(path, overwrite=overwrite)  # refuses now, before the drawing is made
    if suffix in IMAGE_SUFFIXES:
        from laneway.render import RenderError, export_image

        try:
            with atomic_output(path, overwrite=overwrite) as temporary:
                return export_image(journey, temporary, suffix, options)
        except RenderError as error:
            raise ExportError(str(error)) from None
    elif suffix == SLIDES_SUFFIX:
        from laneway.io.pptxio import write_pptx

        with atomic_output(path, overwrite=overwrite) as temporary:
            write_pptx(journey, temporary, options)
    else:
        writer = format_for(path, reading=False).writer()
        data = writer(excerpt(journey, options.step_ids))
        with atomic_output(path, overwrite=overwrite) as temporary:
            temporary.write_bytes(data)
    return None


def export_bytes(journey: JourneyMap, suffix: str, options: ExportOptions) -> bytes:
    """The export ``suffix`` names, as bytes (for a stream such as standard output)."""
    suffix = check_export_suffix(f"export{suffix.lower()}")
    with tempfile.TemporaryDirectory(prefix="laneway-export-") as folder:
        path = Path(folder) / f"export{suffix}"
        export_map(journey, path, options)
        return path.read_bytes()
