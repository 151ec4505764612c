"""The journey content of SPEC §7 in the mutation API: personas, definitions, notes.

A mixin of ``JourneyMap`` (model/journey.py), kept apart so each file has one job; it
edits only through the map's ``_change``, so every edit here is a change event like
any other and undo, redo, write-through and live sessions need nothing new.

The invariants:
- persona names are unique ignoring case; deleting a persona first removes it from
  every step that names it (a step naming no persona is about all of them);
- terms are unique ignoring case and outer spaces, and hold no square bracket or line
  break; renaming a term rewrites the agreements that cite it, in the same change set;
  deleting a term leaves its citations (they become ``undefined-term`` findings);
- a note is on one existing step, one existing link or the map; deleting a step or a
  link deletes the notes on it first (an undo brings both back), since a note names
  what it is about and would mislead on anything else.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from laneway.i18n import _
from laneway.model import invariants
from laneway.model.entities import PERSONA_PALETTE, Definition, Note, Persona, Step
from laneway.model.invariants import ModelError, name_key
from laneway.model.terms import rename_citations, term_key

if TYPE_CHECKING:
    from laneway.model.changes import Table
    from laneway.model.entities import Link, NoteTarget

_PERSONA_FIELDS = {"name", "description", "color"}
_NOTE_FIELDS = {"text", "author"}


def utc_now() -> str:
    """Now as a note's ``created``: ISO 8601 in UTC to the second, ``…T10:02:00Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class JourneyContent:
    """Personas, definitions and notes; mixed into ``JourneyMap``."""

    personas: dict[str, Persona]
    definitions: dict[str, Definition]
    notes: dict[str, Note]
    steps: dict[str, Step]
    links: dict[str, Link]
    _notes_by_target: dict[NoteTarget, dict[str, None]]

    if TYPE_CHECKING:  # provided by JourneyMap

        def _change(self, table: Table, key: str, new: object | None) -> None: ...

        def _claim(self, table: Table, wanted: str | None) -> str: ...

        def _reorder(self, records: dict, table: Table, ordered_ids: list[str]) -> None: ...

        @staticmethod
        def _existing(records: dict, record_id: str, what: str): ...

    # ------------------------------------------------------------------ queries
    def personas_in_order(self) -> list[Persona]:
        return sorted(self.personas.values(), key=lambda p: (p.order, p.id))

    def definitions_in_order(self) -> list[Definition]:
        return sorted(self.definitions.values(), key=lambda d: (d.order, d.id))

    def persona_by_name(self, name: str) -> Persona | None:
        key = name_key(name)
        for persona in self.personas.values():
            if name_key(persona.name) == key:
                return persona
        return None

    def definition_by_term(self, term: str) -> Definition | None:
        """The definition a citation ``[[term]]`` names (case and outer spaces ignored)."""
        return self.defined_terms().get(term_key(term))

    def defined_terms(self) -> dict[str, Definition]:
        """Term key → definition, for matching many citations."""
        return {term_key(d.term): d for d in self.definitions.values()}

    def definitions_matching(self, typed: str) -> list[Definition]:
        """Definitions whose term starts with ``typed`` (ignoring case), then those that
        hold it elsewhere, each group in the glossary's order: completion's choices."""
        key = term_key(typed)
        ordered = self.definitions_in_order()
        starting = [d for d in ordered if term_key(d.term).startswith(key)]
        inside = [d for d in ordered if key in term_key(d.term) and d not in starting]
        return starting + inside

    def steps_of_persona(self, persona_id: str) -> list[Step]:
        """The steps that concern ``persona_id``: those naming it and those naming none."""
        return [step for step in self.steps.values() if step.concerns(persona_id)]

    def notes_on(self, kind: str, record_id: str | None = None) -> list[Note]:
        """The notes on a step (``"step", id``), a link (``"link", id``) or the map
        (``"map"``)."""
        found = self._notes_by_target.get((kind, record_id), {})
        return [self.notes[note_id] for note_id in found]

    def open_notes(self) -> list[Note]:
        return [note for note in self.notes.values() if not note.resolved]

    def notes_matching(self, query: str) -> list[Note]:
        """Notes whose text or author holds ``query`` (ignoring case), in the map's order:
        what a search of the map finds among its notes."""
        key = query.strip().casefold()
        if not key:
            return []
        return [
            note
            for note in self.notes.values()
            if key in note.text.casefold() or key in note.author.casefold()
        ]

    # ----------------------------------------------------------------- personas
    def add_persona(
        self,
        name: str,
        color: str | None = None,
        *,
        description: str = "",
        persona_id: str | None = None,
        order: int | None = None,
    ) -> Persona:
        clean = invariants.persona_name(name, self.persona_by_name, None)
        new_id = self._claim("persona", persona_id)
        if order is None:
            order = max((p.order for p in self.personas.values()), default=-1) + 1
        if not color:
            color = PERSONA_PALETTE[len(self.personas) % len(PERSONA_PALETTE)]
        persona = Persona(
            new_id, clean, invariants.text(description), invariants.color(color), order
        )
        self._change("persona", new_id, persona)
        return persona

    def update_persona(self, persona_id: str, **values: str) -> Persona:
        """Change a persona's ``name``, ``description`` or ``color``."""
        persona = self._existing(self.personas, persona_id, "persona")
        unknown = set(values) - _PERSONA_FIELDS
        if unknown:
            raise ModelError(
                _("A persona has no field {value!r}.").format(value=sorted(unknown)[0])
            )
        changes: dict[str, object] = {}
        if values.get("name") is not None:
            changes["name"] = invariants.persona_name(
                values["name"], self.persona_by_name, persona_id
            )
        if values.get("description") is not None:
            changes["description"] = invariants.text(values["description"])
        if values.get("color") is not None:
            changes["color"] = invariants.color(values["color"])
        updated = replace(persona, **changes)
        self._change("persona", persona_id, updated)
        return updated

    def reorder_personas(self, ordered_ids: list[str]) -> None:
        self._reorder(self.personas, "persona", ordered_ids)

    def remove_persona(self, persona_id: str) -> None:
        """Delete a persona, first taking it off every step that names it."""
        self._existing(self.personas, persona_id, "persona")
        for step in list(self.steps.values()):
            if persona_id in step.personas:
                kept = tuple(p for p in step.personas if p != persona_id)
                self._change("step", step.id, replace(step, personas=kept))
        self._change("persona", persona_id, None)

    # -------------------------------------------------------------- definitions
    def add_definition(
        self,
        term: str,
        meaning: str = "",
        *,
        definition_id: str | None = None,
        order: int | None = None,
    ) -> Definition:
        clean = invariants.definition_term(term, self.definition_by_term, None)
        new_id = self._claim("definition", definition_id)
        if order is None:
            order = max((d.order for d in self.definitions.values()), default=-1) + 1
        definition = Definition(new_id, clean, invariants.text(meaning), order)
        self._change("definition", new_id, definition)
        return definition

    def update_definition(
        self, definition_id: str, *, term: str | None = None, meaning: str | None = None
    ) -> Definition:
        """Change a term or its meaning; a new term is written into every agreement
        that cited the old one (``[[old]]`` → ``[[new]]``), in the same change set."""
        definition = self._existing(self.definitions, definition_id, "definition")
        changes: dict[str, object] = {}
        if term is not None:
            changes["term"] = invariants.definition_term(
                term, self.definition_by_term, definition_id
            )
        if meaning is not None:
            changes["meaning"] = invariants.text(meaning)
        updated = replace(definition, **changes)
        if updated.term != definition.term:
            self._rewrite_citations(definition.term, updated.term)
        self._change("definition", definition_id, updated)
        return updated

    def _rewrite_citations(self, old_term: str, new_term: str) -> None:
        for link in list(self.links.values()):
            if "[[" not in link.agreement:
                continue
            agreement = rename_citations(link.agreement, old_term, new_term)
            if agreement != link.agreement:
                self._change("link", link.id, replace(link, agreement=agreement))

    def reorder_definitions(self, ordered_ids: list[str]) -> None:
        self._reorder(self.definitions, "definition", ordered_ids)

    def remove_definition(self, definition_id: str) -> None:
        """Delete a definition; agreements keep citing it (``undefined-term`` says so)."""
        self._existing(self.definitions, definition_id, "definition")
        self._change("definition", definition_id, None)

    # -------------------------------------------------------------------- notes
    def add_note(
        self,
        text: str,
        *,
        author: str = "",
        created: str | None = None,
        step_id: str | None = None,
        link_id: str | None = None,
        resolved: bool = False,
        note_id: str | None = None,
    ) -> Note:
        """A note on ``step_id``, on ``link_id`` or (neither) on the map; ``created``
        defaults to now."""
        invariants.note_target(step_id, link_id, self.steps, self.links)
        body = invariants.text(text)
        if not body.strip():
            raise ModelError(_("A note needs some text."))
        new_id = self._claim("note", note_id)
        note = Note(
            new_id,
            body,
            invariants.text(author),
            utc_now() if created is None else invariants.note_created(created),
            step_id,
            link_id,
            bool(resolved),
        )
        self._change("note", new_id, note)
        return note

    def update_note(self, note_id: str, **values: str) -> Note:
        """Change a note's ``text`` or ``author``."""
        note = self._existing(self.notes, note_id, "note")
        unknown = set(values) - _NOTE_FIELDS
        if unknown:
            raise ModelError(_("A note has no field {value!r}.").format(value=sorted(unknown)[0]))
        changes = {key: invariants.text(value) for key, value in values.items()}
        if "text" in changes and not changes["text"].strip():
            raise ModelError(_("A note needs some text."))
        updated = replace(note, **changes)
        self._change("note", note_id, updated)
        return updated

    def resolve_note(self, note_id: str) -> Note:
        return self._set_resolved(note_id, True)

    def reopen_note(self, note_id: str) -> Note:
        return self._set_resolved(note_id, False)

    def _set_resolved(self, note_id: str, resolved: bool) -> Note:
        note = self._existing(self.notes, note_id, "note")
        updated = replace(note, resolved=resolved)
        self._change("note", note_id, updated)
        return updated

    def remove_note(self, note_id: str) -> None:
        self._existing(self.notes, note_id, "note")
        self._change("note", note_id, None)

    def _remove_notes_on(self, kind: str, record_id: str) -> None:
        """Before a step or link goes: the notes on it go first."""
        for note in self.notes_on(kind, record_id):
            self._change("note", note.id, None)
