"""render layer: PNG, SVG and PDF from a fresh, non-interactive canvas scene."""

from laneway.render.picture import ExportPicture
from laneway.render.writers import (
    RenderError,
    export_image,
    png_bytes,
    render_to_qimage,
    write_pdf,
    write_png,
    write_svg,
)

__all__ = [
    "ExportPicture",
    "RenderError",
    "export_image",
    "png_bytes",
    "render_to_qimage",
    "write_pdf",
    "write_png",
    "write_svg",
]
