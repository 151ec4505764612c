"""The edits of SPEC §7's journey content behind the panels: the personas a step
concerns, the definitions (glossary) and the notes.

Each function is one ``session.run_edit`` (one undo step) and says whether it changed
the map; a refused edit (a taken term, a blank note) has already told the user why.
"""

from __future__ import annotations

from laneway.i18n import _
from laneway.ui.editing.session import MapSession


def set_step_personas(session: MapSession, step_id: str, persona_ids: tuple[str, ...]) -> bool:
    """The personas a step concerns (empty: every persona)."""
    step = session.journey.steps.get(step_id)
    if step is None or step.personas == persona_ids:
        return False
    result = session.run_edit(
        _("Personas of {title}").format(title=step.title),
        lambda j: j.update_step(step_id, personas=persona_ids),
    )
    return result is not None


# -------------------------------------------------------------------- definitions
def add_definition(session: MapSession, term: str, meaning: str = "") -> str | None:
    """A new term at the end of the glossary; its id, or None when refused."""
    added: list[str] = []
    result = session.run_edit(
        _("Define {term}").format(term=term.strip()),
        lambda j: added.append(j.add_definition(term, meaning).id),
    )
    return added[0] if result is not None and added else None


def rename_term(session: MapSession, definition_id: str, term: str) -> bool:
    """A new term; the agreements citing the old one follow, in the same undo step."""
    definition = session.journey.definitions.get(definition_id)
    if definition is None or term.strip() == definition.term:
        return False
    result = session.run_edit(
        _("Rename term {term}").format(term=definition.term),
        lambda j: j.update_definition(definition_id, term=term),
    )
    return result is not None


def set_meaning(session: MapSession, definition_id: str, meaning: str) -> bool:
    definition = session.journey.definitions.get(definition_id)
    if definition is None or meaning == definition.meaning:
        return False
    result = session.run_edit(
        _("Meaning of {term}").format(term=definition.term),
        lambda j: j.update_definition(definition_id, meaning=meaning),
    )
    return result is not None


def reorder_definitions(session: MapSession, ordered_ids: list[str]) -> bool:
    result = session.run_edit(
        _("Reorder definitions"), lambda j: j.reorder_definitions(ordered_ids)
    )
    return result is not None


def delete_definition(session: MapSession, definition_id: str) -> bool:
    definition = session.journey.definitions.get(definition_id)
    if definition is None:
        return False
    result = session.run_edit(
        _("Delete term {term}").format(term=definition.term),
        lambda j: j.remove_definition(definition_id),
    )
    return result is not None


# -------------------------------------------------------------------------- notes
def add_note(
    session: MapSession,
    text: str,
    author: str,
    *,
    step_id: str | None = None,
    link_id: str | None = None,
) -> str | None:
    """A note, stamped now, on a step, a link or (neither) the map; its id or None."""
    added: list[str] = []
    result = session.run_edit(
        _("Add note"),
        lambda j: added.append(
            j.add_note(text, author=author, step_id=step_id, link_id=link_id).id
        ),
    )
    return added[0] if result is not None and added else None


def edit_note(session: MapSession, note_id: str, text: str) -> bool:
    note = session.journey.notes.get(note_id)
    if note is None or text == note.text:
        return False
    result = session.run_edit(_("Edit note"), lambda j: j.update_note(note_id, text=text))
    return result is not None


def set_resolved(session: MapSession, note_id: str, resolved: bool) -> bool:
    note = session.journey.notes.get(note_id)
    if note is None or note.resolved == resolved:
        return False
    label = _("Resolve note") if resolved else _("Reopen note")
    result = session.run_edit(
        label, lambda j: j.resolve_note(note_id) if resolved else j.reopen_note(note_id)
    )
    return result is not None


def delete_note(session: MapSession, note_id: str) -> bool:
    if note_id not in session.journey.notes:
        return False
    result = session.run_edit(_("Delete note"), lambda j: j.remove_note(note_id))
    return result is not None
