"""The link router shared by the canvas and every export (pure geometry, no Qt).

Give it the cards' rectangles (step id → ``Rect`` in scene coordinates), their badge
rectangles and the links (``LinkSpec``: id, source, target, the caption box sizes
the caller measured, whether it carries a "?" gap marker); get back per link a
``Route``: an orthogonal path around the cards, the sides it leaves and enters, the
caption's box (or a numbered-note marker when no caption fits) and the "?" box.

* ``route_all(...)`` routes a picture once (exports).
* ``Router`` keeps its spatial indexes and routes for live editing: ``update_cards``,
  ``update_links``, ``shift`` (bands that moved), then ``route()`` returns the ids
  of the links whose route changed; ``route(within=visible)`` first, ``route()`` for
  the rest.

Guarantees (checked by property tests): no path enters a card but its two ends; no
caption or marker overlaps a card, a badge or another caption or marker; no two
links share a segment (parallel ones are nudged apart, so an opposite pair A→B, B→A
is drawn as two lines); the same input gives the same output, incrementally or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from laneway.layout.geometry import Rect
from laneway.layout.routing.router import Router
from laneway.layout.routing.types import Box, LinkSpec, Point, Route, RouterSettings, Side

__all__ = [
    "Box",
    "LinkSpec",
    "Point",
    "Route",
    "Router",
    "RouterSettings",
    "Side",
    "route_all",
]


def route_all(
    cards: Mapping[str, Rect],
    links: Iterable[LinkSpec],
    badges: Mapping[str, Sequence[Rect]] | None = None,
    keep_out: Sequence[Rect] = (),
    settings: RouterSettings | None = None,
) -> dict[str, Route]:
    """Every link routed once; links whose cards are not given are left out."""
    router = Router(settings)
    router.set_cards(cards, badges)
    if keep_out:
        router.set_keep_out(keep_out)
    router.set_links(links)
    router.route()
    return dict(router.routes)
