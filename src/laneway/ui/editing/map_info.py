"""The map's own properties: its title and description (SPEC §1's Map).

Each change is one edit, written through, undoable; typing in one field during one
visit is one undo step. The window's title and every export follow the title.
"""

from __future__ import annotations

from laneway.i18n import N_, _
from laneway.model import JourneyMap
from laneway.ui.editing.session import MapSession
from laneway.ui.editing.steps import field_merge_key

#: The fields of the map a user edits, with the words of their undo step.
MAP_FIELDS = {"title": N_("Rename map"), "description": N_("Describe map")}


def set_map_field(session: MapSession, field: str, value: str, visit: int | None = None) -> bool:
    """One property of the map; a blank title is refused (the map keeps a name)."""
    if field not in MAP_FIELDS:
        raise ValueError(_("The map has no editable field {field!r}.").format(field=field))
    if field == "title":
        value = value.strip()
        if not value:
            return False
    if getattr(session.journey.info, field) == value:
        return False
    changed = session.run_edit(
        _(MAP_FIELDS[field]),
        lambda j: j.set_info(**{field: value}),
        merge_key=field_merge_key("map", field, visit),
    )
    return changed is not None


def set_map_properties(session: MapSession, title: str, description: str) -> bool:
    """Title and description at once (the Map Properties dialog): one undo step."""
    title = title.strip()
    info = session.journey.info
    if not title or (title, description) == (info.title, info.description):
        return False

    def change(journey: JourneyMap) -> None:
        journey.set_info(title=title, description=description)

    return session.run_edit(_("Edit map properties"), change) is not None
