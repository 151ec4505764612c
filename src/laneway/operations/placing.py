"""Steps without a position (made by an import or another tool) get their tidy place."""

from __future__ import annotations

from laneway.document import Document
from laneway.i18n import _
from laneway.layout import tidy_positions
from laneway.model import JourneyMap
from laneway.store import StoreError


def place_unplaced_steps(journey: JourneyMap) -> int:
    """Give every step without a position one from the tidy layout; return how many.

    Steps that have a position keep it; the new ones are placed in map order. On a
    document's map, call it inside ``document.edit`` (see ``place_unplaced_in``).
    """
    unplaced = {sid for sid, step in journey.steps.items() if step.x is None or step.y is None}
    if not unplaced:
        return 0
    positions = tidy_positions(journey, unplaced)
    for step_id in [sid for sid in journey.steps if sid in unplaced]:  # keep map order
        x, y = positions[step_id]
        journey.update_step(step_id, x=x, y=y)
    return len(unplaced)


def place_unplaced_in(document: Document) -> int:
    """Place an open map's unplaced steps in the file, as one edit; return how many.

    Done before the app's undo history starts: it is how the map is first shown, not an
    edit the facilitator made. A read-only map, or one whose file refuses the write,
    keeps them unplaced (0): the grid then places them on screen only, and the document
    says in its read-only reason why the file could not take them.
    """
    if document.read_only:
        return 0
    try:
        with document.edit(_("Place steps")):
            return place_unplaced_steps(document.journey)
    except StoreError:
        return 0  # the document is now read-only and its reason says why (see docstring)
