"""canvas layer: the Qt scene shared by the app and the image exports."""

from laneway.canvas.link_item import LinkItem
from laneway.canvas.scene import JourneyScene
from laneway.canvas.step_item import StepItem
from laneway.canvas.style import DARK, LIGHT, PRINT, PRINT_DARK, STYLES, Style

__all__ = [
    "DARK",
    "LIGHT",
    "PRINT",
    "PRINT_DARK",
    "STYLES",
    "JourneyScene",
    "LinkItem",
    "StepItem",
    "Style",
]
