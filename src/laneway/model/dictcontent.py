"""The journey content of SPEC §7 in the interchange dict form, both ways.

``personas`` (name, description, color), ``definitions`` (term, meaning), a step's
``personas`` (names), and ``notes`` (text, author, created, ``on``, resolved) exactly in
the shape of SPEC §8's example. A note is ``on`` ``{"step": ID}``, ``{"link": [FROM,
TO]}`` or ``"map"`` (the default); its ``id`` is optional. A persona a step names but
the list lacks is added in order of first use, as departments and stages are.
"""

from __future__ import annotations

from typing import Any

from laneway.i18n import _
from laneway.model.bulk import MapBuilder
from laneway.model.dictcheck import (
    DictFormError,
    flag_of,
    lower_first,
    no_unknown_keys,
    record_id,
    text_of,
)
from laneway.model.entities import Note
from laneway.model.invariants import ModelError, note_created
from laneway.model.journey import JourneyMap

PERSONA_KEYS = ("name", "description", "color")
DEFINITION_KEYS = ("term", "meaning")
NOTE_KEYS = ("id", "text", "author", "created", "on", "resolved")


# ------------------------------------------------------------------ writing
def vocabulary_to_dict(journey: JourneyMap, out: dict[str, Any]) -> None:
    """Add the map's personas and definitions to ``out`` (only when it has some)."""
    if journey.personas:
        out["personas"] = [_persona_item(p) for p in journey.personas_in_order()]
    if journey.definitions:
        out["definitions"] = [
            {"term": d.term, "meaning": d.meaning} for d in journey.definitions_in_order()
        ]


def notes_to_dict(journey: JourneyMap, wanted: set[str] | None, out: dict[str, Any]) -> None:
    """Add the map's notes to ``out`` (only when it has some); with ``wanted`` (a
    selection of steps), only the notes on those steps and on the links between them."""
    notes = [
        _note_item(journey, note)
        for note in journey.notes.values()
        if wanted is None or _note_in(journey, note, wanted)
    ]
    if notes:
        out["notes"] = notes


def _persona_item(persona) -> dict[str, Any]:
    item: dict[str, Any] = {"name": persona.name}
    if persona.description:
        item["description"] = persona.description
    item["color"] = persona.color
    return item


def step_personas_item(journey: JourneyMap, persona_ids: tuple[str, ...]) -> list[str]:
    return [journey.personas[persona_id].name for persona_id in persona_ids]


def _note_in(journey: JourneyMap, note: Note, wanted: set[str]) -> bool:
    if note.step_id is not None:
        return note.step_id in wanted
    if note.link_id is not None:
        link = journey.links[note.link_id]
        return link.source in wanted and link.target in wanted
    return False  # a note on the map is not part of a selection of its steps


def _note_item(journey: JourneyMap, note: Note) -> dict[str, Any]:
    item: dict[str, Any] = {"id": note.id, "text": note.text}
    if note.author:
        item["author"] = note.author
    if note.created:
        item["created"] = note.created
    item["on"] = note_target_item(journey, note)
    item["resolved"] = note.resolved
    return item


def note_target_item(journey: JourneyMap, note: Note) -> dict[str, Any] | str:
    """What a note is on, as the JSON says it: ``{"step": id}``, ``{"link": [a, b]}``
    or ``"map"`` (also the form ``analyze --json`` reports an open note's target in)."""
    if note.step_id is not None:
        return {"step": note.step_id}
    if note.link_id is not None:
        link = journey.links[note.link_id]
        return {"link": [link.source, link.target]}
    return "map"


# ------------------------------------------------------------------ reading
def read_personas(builder: MapBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        where = f"personas[{index}]"
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict):
            raise DictFormError(where, _("must be an object with a 'name' or a plain name."))
        no_unknown_keys(raw, PERSONA_KEYS, where)
        name = text_of(raw, "name", where).strip()
        if not name:
            raise DictFormError(where, _("has no name."))
        existing = builder.persona_by_name(name)
        if existing is not None:
            raise DictFormError(
                where,
                _("repeats the persona {name!r} (names ignore case).").format(name=existing.name),
            )
        try:
            builder.add_persona(
                name,
                text_of(raw, "color", where) or None,
                description=text_of(raw, "description", where),
            )
        except ModelError as error:
            raise DictFormError(where, lower_first(str(error))) from None


def read_definitions(builder: MapBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        where = f"definitions[{index}]"
        if not isinstance(raw, dict):
            raise DictFormError(where, _("must be an object with a 'term' and a 'meaning'."))
        no_unknown_keys(raw, DEFINITION_KEYS, where)
        term = text_of(raw, "term", where)
        existing = builder.definition_by_term(term) if term.strip() else None
        if existing is not None:
            raise DictFormError(
                where,
                _("repeats the term {term!r} (terms ignore case and spaces).").format(
                    term=existing.term
                ),
            )
        try:
            builder.add_definition(term, text_of(raw, "meaning", where))
        except ModelError as error:
            raise DictFormError(where, lower_first(str(error))) from None


def read_step_personas(builder: MapBuilder, raw: object, where: str) -> tuple[str, ...]:
    """A step's ``personas`` (names) as persona ids, adding the ones not listed."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DictFormError(where, _("has 'personas' that is not a list of persona names."))
    chosen: dict[str, None] = {}
    for name in raw:
        if not isinstance(name, str) or not name.strip():
            raise DictFormError(where, _("has a persona that is not a name."))
        persona = builder.persona_by_name(name)
        if persona is None:
            try:
                persona = builder.add_persona(name)
            except ModelError as error:
                raise DictFormError(where, lower_first(str(error))) from None
        chosen[persona.id] = None
    return tuple(chosen)


def read_notes(builder: MapBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        where = f"notes[{index}]"
        if not isinstance(raw, dict):
            raise DictFormError(where, _("must be an object with a 'text'."))
        no_unknown_keys(raw, NOTE_KEYS, where)
        text = text_of(raw, "text", where)
        if not text.strip():
            raise DictFormError(where, _("has no text."))
        note_id = raw.get("id")
        if note_id is not None:
            note_id = record_id(note_id, where, "id")
            if note_id in builder.notes:
                raise DictFormError(
                    where, _("repeats the note id {note_id!r}.").format(note_id=note_id)
                )
        step_id, link_id = _note_target(builder, raw.get("on", "map"), where)
        builder.add_note(
            text,
            author=text_of(raw, "author", where),
            created=_created(raw, where),
            step_id=step_id,
            link_id=link_id,
            resolved=flag_of(raw, "resolved", where),
            note_id=note_id,
        )


def _note_target(builder: MapBuilder, on: object, where: str) -> tuple[str | None, str | None]:
    """(step id, link id) of ``on``: ``"map"``, ``{"step": id}`` or ``{"link": [a, b]}``."""
    if on is None or on == "map":
        return None, None
    if not isinstance(on, dict) or len(on) != 1 or not on.keys() <= {"step", "link"}:
        raise DictFormError(
            where, _('has an \'on\' that is not "map", {"step": ID} or {"link": [FROM, TO]}.')
        )
    if "step" in on:
        step_id = record_id(on["step"], where, "on.step")
        if step_id not in builder.steps:
            raise DictFormError(
                where, _("is on step {step_id!r}, which does not exist.").format(step_id=step_id)
            )
        return step_id, None
    ends = on["link"]
    if not isinstance(ends, list) or len(ends) != 2:
        raise DictFormError(where, _("has an 'on.link' that is not [FROM, TO]."))
    source, target = (record_id(end, where, "on.link") for end in ends)
    link = builder.link_between(source, target)
    if link is None:
        raise DictFormError(
            where,
            _("is on the link from {source!r} to {target!r}, which does not exist.").format(
                source=source, target=target
            ),
        )
    return None, link.id


def _created(raw: dict, where: str) -> str:
    """The note's time as written, checked to be ISO 8601 (``2026-12-01T10:02:00Z``)."""
    created = text_of(raw, "created", where)
    try:
        return note_created(created)
    except ModelError:
        raise DictFormError(
            where,
            _("has 'created' {value!r}, which is not a time like 2026-12-01T10:02:00Z.").format(
                value=created[:40]
            ),
        ) from None
