"""What a map is arranged for: a screen, a slide, a printed page or a poster.

Only the shape matters to the arrangement (it maximises the scale at which the whole
grid fits the target); the size in points is what page planning works with.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """A rectangle the map must fill: ``width`` × ``height`` in any one unit."""

    name: str
    width: float
    height: float

    def __post_init__(self) -> None:
        if not (self.width > 0 and self.height > 0):
            raise ValueError(f"A target needs a positive size, not {self.width} × {self.height}.")

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @classmethod
    def screen(cls, width: float, height: float) -> Target:
        """A window or screen of ``width`` × ``height`` pixels."""
        return cls("screen", width, height)

    def fit_scale(self, width: float, height: float) -> float:
        """How much a ``width`` × ``height`` picture is scaled to fit inside the target."""
        return min(self.width / width, self.height / height)


#: A laptop screen with the app's panels beside the canvas (about 16:10).
SCREEN = Target("screen", 1600.0, 1000.0)
#: PowerPoint's and Impress's default slide, 13.33 in × 7.5 in, in points.
SLIDE_16_9 = Target("16:9 slide", 960.0, 540.0)
A4_LANDSCAPE = Target("A4 landscape", 842.0, 595.0)
LETTER_LANDSCAPE = Target("Letter landscape", 792.0, 612.0)
POSTER_A1 = Target("A1 poster", 2384.0, 1684.0)
POSTER_A0 = Target("A0 poster", 3370.0, 2384.0)

TARGETS = (SCREEN, SLIDE_16_9, A4_LANDSCAPE, LETTER_LANDSCAPE, POSTER_A1, POSTER_A0)
