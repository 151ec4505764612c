"""Tidy layout: the compact arrangement (``arrange.py``) for a screen or another target.

Tidying never makes a map wider or larger: when every step already has a spot, only
arrangements whose grid is no wider and no larger in area than the current one are
chosen, so a map the facilitator already packed stays packed.
"""

from __future__ import annotations

from collections.abc import Iterable

from laneway.layout.arrange import arrange
from laneway.layout.geometry import Metrics
from laneway.layout.ranks import journey_ranks
from laneway.layout.targets import SCREEN, Target
from laneway.model import JourneyMap

__all__ = ["journey_ranks", "tidy_positions"]


def tidy_positions(
    journey: JourneyMap,
    step_ids: Iterable[str] | None = None,
    metrics: Metrics | None = None,
    target: Target | None = None,
) -> dict[str, tuple[float, float]]:
    """Cell-relative positions (1×) for ``step_ids`` (default: every step).

    Steps not being placed keep their positions; placed steps in a cell that holds
    other (placed) cards go below them, so nothing overlaps. ``target`` is the shape
    to arrange for (default: a laptop screen, ``SCREEN``).
    """
    metrics = (metrics or Metrics()).base()  # positions in the map are at 1×
    chosen = set(journey.steps) if step_ids is None else set(step_ids) & set(journey.steps)
    if not chosen:
        return {}
    limit = _current_size(journey, metrics)
    return arrange(journey, target or SCREEN, metrics, chosen, limit).positions


def _current_size(journey: JourneyMap, metrics: Metrics) -> tuple[float, float] | None:
    """The grid's size as the map is now, when every step has a spot (else None)."""
    if any(step.x is None or step.y is None for step in journey.steps.values()):
        return None
    from laneway.layout.grid import compute_grid  # grid places unplaced steps with tidy

    bounds = compute_grid(journey, metrics).bounds
    return (bounds.width, bounds.height)
