"""Text runs of a PDF with their size on the page, read from its text layer (pypdf)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    page: int
    text: str
    #: The text's size on the page in points (font size × the text and current matrices).
    size: float
    bold: bool


def plain(text: str) -> str:
    """Ligatures unfolded (ﬀ → ff) and every run of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _times(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
    ]


def text_runs(path: Path) -> list[Run]:
    runs: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages, 1):

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip() or not size:
                return
            m = _times(list(tm[:4]), list(cm[:4]))
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            name = str((font or {}).get("/BaseFont", ""))
            runs.append(Run(number, text, size * scale, "Bold" in name))

        page.extract_text(visitor_text=visit)
    return runs


def title_sizes(runs: list[Run], titles: dict[str, str]) -> dict[str, float]:
    """Per step id, the smallest size of the bold runs that are part of its title (the
    card draws a title in bold, one run per line); a title not found is left out."""
    sizes: dict[str, float] = {}
    for step_id, title in titles.items():
        wanted = plain(title)
        found = [
            r.size for r in runs if r.bold and len(plain(r.text)) > 1 and plain(r.text) in wanted
        ]
        if found:
            sizes[step_id] = min(found)
    return sizes
