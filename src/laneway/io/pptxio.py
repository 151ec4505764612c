"""The PowerPoint export's entry point (kept where ``operations.exporting`` imports it);
the slides are made by ``laneway.io.pptx``."""

from laneway.io.pptx import write_pptx

__all__ = ["write_pptx"]
