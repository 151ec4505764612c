"""What changed in the journey content since a snapshot: personas, definitions, notes.

Personas are matched by name and definitions by term (both ignoring case and outer
spaces: a renamed term is one removed and one added), notes by id (the interchange
JSON a snapshot holds keeps note ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from laneway.i18n import N_, _
from laneway.model import JourneyMap, Note, name_key, term_key


@dataclass
class ContentDiff:
    personas_added: list[str] = field(default_factory=list)
    personas_removed: list[str] = field(default_factory=list)
    definitions_added: list[str] = field(default_factory=list)
    definitions_removed: list[str] = field(default_factory=list)
    definitions_changed: list[str] = field(default_factory=list)
    notes_added: list[str] = field(default_factory=list)
    notes_removed: list[str] = field(default_factory=list)
    notes_resolved: list[str] = field(default_factory=list)
    notes_reopened: list[str] = field(default_factory=list)
    notes_edited: list[str] = field(default_factory=list)


#: (heading, ContentDiff field) in the order ``laneway diff`` prints them.
CONTENT_SECTIONS = (
    (N_("Definitions added"), "definitions_added"),
    (N_("Definitions changed"), "definitions_changed"),
    (N_("Definitions removed"), "definitions_removed"),
    (N_("Notes added"), "notes_added"),
    (N_("Notes resolved"), "notes_resolved"),
    (N_("Notes reopened"), "notes_reopened"),
    (N_("Notes edited"), "notes_edited"),
    (N_("Notes removed"), "notes_removed"),
    (N_("Personas added"), "personas_added"),
    (N_("Personas removed"), "personas_removed"),
)


def diff_content(before: JourneyMap, after: JourneyMap) -> ContentDiff:
    result = ContentDiff()
    old_personas = {name_key(p.name): p for p in before.personas_in_order()}
    new_personas = {name_key(p.name): p for p in after.personas_in_order()}
    result.personas_added += [p.name for k, p in new_personas.items() if k not in old_personas]
    result.personas_removed += [p.name for k, p in old_personas.items() if k not in new_personas]
    old_terms = {term_key(d.term): d for d in before.definitions_in_order()}
    new_terms = {term_key(d.term): d for d in after.definitions_in_order()}
    for key, definition in new_terms.items():
        old = old_terms.get(key)
        if old is None:
            result.definitions_added.append(f"{definition.term}: {_short(definition.meaning)}")
        elif (old.term, old.meaning) != (definition.term, definition.meaning):
            result.definitions_changed.append(f"{definition.term}: {_short(definition.meaning)}")
    result.definitions_removed += [d.term for k, d in old_terms.items() if k not in new_terms]
    _diff_notes(before, after, result)
    return result


def _diff_notes(before: JourneyMap, after: JourneyMap, result: ContentDiff) -> None:
    for note_id, note in after.notes.items():
        old = before.notes.get(note_id)
        said = _said(after, note)
        if old is None:
            result.notes_added.append(said)
        elif old.resolved != note.resolved:
            (result.notes_resolved if note.resolved else result.notes_reopened).append(said)
        elif old.text != note.text:
            result.notes_edited.append(said)
    result.notes_removed += [
        _said(before, note) for note_id, note in before.notes.items() if note_id not in after.notes
    ]


def _said(journey: JourneyMap, note: Note) -> str:
    """'On 'Qualify lead': Who calls back on Fridays?' — a note and what it is on."""
    if note.step_id is not None:
        where = _("On '{title}'").format(title=journey.steps[note.step_id].title)
    elif note.link_id is not None:
        link = journey.links[note.link_id]
        where = _("On '{title}' → '{title2}'").format(
            title=journey.steps[link.source].title, title2=journey.steps[link.target].title
        )
    else:
        where = _("On the map")
    return f"{where}: {_short(note.text)}"


def _short(text: str, limit: int = 100) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
