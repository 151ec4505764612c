"""Editable PowerPoint slides of a map, as native shapes (python-pptx for the deck,
the slides' shapes written directly as DrawingML).

Lanes are rectangles, steps rounded rectangles holding their text, links elbow
connectors glued to the sides the router chose, captions and "?" markers grouped with
their connector, badges and continuation markers with their card. The map is arranged
for the 16:9 slide (``layout.arrange``), split by stage range when its titles would be
smaller than SPEC §6 allows, and routed per slide (``layout.routing``).

Modules: ``deck`` (the presentation, titles, ``write_pptx``), ``slidemap`` (which
steps on which slide), ``mapslide`` (one slide's shapes), ``shapes`` (DrawingML),
``connectors`` (routes as connector presets), ``findings`` (the findings table),
``measure`` (text widths without Qt), ``style`` (colours and sizes).
"""

from laneway.io.pptx.deck import write_pptx

__all__ = ["write_pptx"]
