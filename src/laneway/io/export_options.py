"""Options shared by every export (images, slides, and the app's export dialog)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from laneway.i18n import _

Background = Literal["white", "transparent", "theme"]
PageSize = Literal["map", "16:9", "a4", "letter", "a1", "a0", "a4-tiled"]

PAGE_SIZES: tuple[str, ...] = ("map", "16:9", "a4", "letter", "a1", "a0", "a4-tiled")
#: The pages a map is split across by stage range when it cannot be read on one.
SPLIT_PAGES: tuple[str, ...] = ("16:9", "a4", "letter")
#: Posters: the whole map on one big sheet (A1, A0), or an A1 poster tiled on A4 sheets.
POSTER_PAGES: tuple[str, ...] = ("a1", "a0", "a4-tiled")
MAX_SLIDES = 100


@dataclass(frozen=True)
class ExportOptions:
    #: Pixel scale for PNG (1–4); ignored when ``width`` is set.
    scale: float = 2.0
    #: Exact PNG width in pixels (height follows the map's proportions).
    width: int | None = None
    background: Background = "white"
    title: bool = True
    legend: bool = True
    #: Finding badges and gap highlighting: on for the workshop, off for a clean deck.
    findings: bool = True
    #: PDF page: sized to the map, a 16:9 slide, A4 / Letter landscape, or a poster.
    page: PageSize = "map"
    #: Only these steps (and the links between them); None exports the whole map.
    step_ids: frozenset[str] | None = None
    #: PPTX: add a slide with the summary figures and the findings table.
    summary_slide: bool = True
    #: Dark theme for the image (the app's preview may follow the app's theme).
    dark: bool = False
    #: Dim the steps that do not concern this persona (a name or an id); None: none dimmed.
    persona: str | None = None
    #: The emotion curve's band above the lanes (SPEC §7).
    emotion_curve: bool = False
    #: Note markers and the numbered list of open notes (the clean version has neither).
    notes: bool = True
    #: Slides/pages of the map forced to this many (split by stage range); None: as needed.
    slides: int | None = None
    #: The findings as information: the PPTX findings table lists the info findings too
    #: (errors and warnings always); a clean paged PDF gains pages listing the findings.
    findings_info: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.scale <= 4:
            raise ValueError(_("The scale must be between 1 and 4."))
        if self.width is not None and not 16 <= self.width <= 20000:
            raise ValueError(_("The width must be between 16 and 20000 pixels."))
        if self.page not in PAGE_SIZES:
            raise ValueError(
                _("The page must be one of {value}.").format(value=", ".join(PAGE_SIZES))
            )
        if self.slides is not None and not 1 <= self.slides <= MAX_SLIDES:
            raise ValueError(
                _("The number of slides must be between 1 and {count}.").format(count=MAX_SLIDES)
            )
