"""The invariants of SPEC §1 as checks that each say one readable sentence.

Shared by the mutation API (``journey.py``, one edit at a time) and the bulk builder
(``bulk.py``, a whole map read from a file), so both refuse the same things with the
same words. Lookups are passed in: each caller has its own index.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime

from laneway.i18n import _
from laneway.model.entities import (
    EMOTION_MAX,
    EMOTION_MIN,
    STEP_TEXT_FIELDS,
    Definition,
    Department,
    Link,
    Persona,
    Stage,
    Step,
)
from laneway.model.terms import term_problem


class ModelError(ValueError):
    """An edit would break an invariant; the message is one readable sentence."""


def name_key(name: str) -> str:
    """The key that makes department names unique ignoring case and outer spaces."""
    return name.strip().casefold()


def department_name(
    name: str, holder: Callable[[str], Department | None], own_id: str | None
) -> str:
    """``name`` cleaned; refused when empty or when another department ``holder`` has it."""
    return _unique_name("department", name, holder, own_id)


def stage_name(name: str, holder: Callable[[str], Stage | None], own_id: str | None) -> str:
    return _unique_name("stage", name, holder, own_id)


def persona_name(name: str, holder: Callable[[str], Persona | None], own_id: str | None) -> str:
    """Persona names are unique ignoring case: steps and the interchange JSON name them."""
    return _unique_name("persona", name, holder, own_id)


def _unique_name(
    kind: str,
    name: str,
    holder: Callable[[str], Department | Stage | Persona | None],
    own_id: str | None,
) -> str:
    clean = (name or "").strip() if isinstance(name, str) else str(name).strip()
    if not clean:
        raise ModelError(_("A {kind} needs a name.").format(kind=kind))
    existing = holder(clean)
    if existing is not None and existing.id != own_id:
        # a department's or persona's name may differ in case: say the one the map has
        shown = existing.name if kind != "stage" else clean
        raise ModelError(
            _("There is already a {kind} called {shown!r}.").format(kind=kind, shown=shown)
        )
    return clean


def definition_term(
    term: str, holder: Callable[[str], Definition | None], own_id: str | None
) -> str:
    """``term`` cleaned; refused when blank, uncitable, or another definition's term."""
    clean = term.strip() if isinstance(term, str) else str(term).strip()
    problem = term_problem(clean)
    if problem:
        raise ModelError(problem)
    existing = holder(clean)
    if existing is not None and existing.id != own_id:
        raise ModelError(
            _("The term {term!r} is already defined (terms ignore case).").format(
                term=existing.term
            )
        )
    return clean


def step_personas(value: object, personas: Mapping[str, object]) -> tuple[str, ...]:
    """A step's persona ids: each an existing persona, once, in the order given."""
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise ModelError(_("A step's personas must be a list of persona ids."))
    chosen: dict[str, None] = {}
    for persona_id in value:
        if persona_id not in personas:
            raise ModelError(
                _("There is no persona with id {persona_id!r}.").format(persona_id=persona_id)
            )
        chosen[persona_id] = None
    return tuple(chosen)


def note_target(
    step_id: str | None,
    link_id: str | None,
    steps: Mapping[str, Step],
    links: Mapping[str, Link],
) -> None:
    """A note is on one existing step, one existing link, or (neither) the map."""
    if step_id is not None and link_id is not None:
        raise ModelError(_("A note is on one step, one link or the map, not on two things."))
    if step_id is not None and step_id not in steps:
        raise ModelError(_("There is no step with id {step_id!r}.").format(step_id=step_id))
    if link_id is not None and link_id not in links:
        raise ModelError(_("There is no link with id {link_id!r}.").format(link_id=link_id))


def note_created(value: object) -> str:
    """A note's time: empty (unknown) or ISO 8601, such as ``2026-12-01T10:02:00Z``."""
    created = text(value)
    if created and not _is_iso_time(created):
        raise ModelError(
            _("{value!r} is not a time like 2026-12-01T10:02:00Z.").format(value=created[:40])
        )
    return created


def _is_iso_time(value: str) -> bool:
    if value != value.strip():
        return False
    try:
        datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] in "Zz" else value)
    except ValueError:
        return False
    return True


def text(value: object) -> str:
    """A text field's value: text as it is, None as empty, anything else as its text."""
    return value if type(value) is str else "" if value is None else str(value)


def check_new_id(table: str, wanted: str | None, records: Mapping[str, object]) -> str | None:
    """``wanted`` as a string id, refused when empty or taken; None asks for a fresh id."""
    if wanted is None:
        return None
    wanted = str(wanted)
    if not wanted.strip():
        raise ModelError(_("A {table} id cannot be empty.").format(table=table))
    if wanted in records:
        raise ModelError(
            _("The {table} id {wanted!r} is used twice.").format(table=table, wanted=wanted)
        )
    return wanted


def check_link(steps: Mapping[str, Step], source: str, target: str, taken: bool) -> None:
    """A link from ``source`` to ``target`` is allowed (``taken``: the pair is linked)."""
    for end in (source, target):
        if end not in steps:
            raise ModelError(_("There is no step with id {end!r}.").format(end=end))
    if source == target:
        raise ModelError(_("A step cannot be linked to itself."))
    if taken:
        raise ModelError(
            _("'{title}' is already linked to '{title2}'.").format(
                title=steps[source].title, title2=steps[target].title
            )
        )


_TEXT, _REFERENCE, _EMOTION, _FLAG, _NUMBER, _PERSONAS = range(6)
_STEP_FIELD_KIND: dict[str, int] = {
    **dict.fromkeys(STEP_TEXT_FIELDS, _TEXT),
    "department_id": _REFERENCE,
    "stage_id": _REFERENCE,
    "emotion": _EMOTION,
    "entry": _FLAG,
    "terminal": _FLAG,
    "x": _NUMBER,
    "y": _NUMBER,
    "personas": _PERSONAS,
}


def step_values(
    values: Mapping[str, object],
    departments: Mapping[str, object],
    stages: Mapping[str, object],
    into: dict[str, object] | None = None,
    personas: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """``values`` of a step's fields checked and converted (text, references, emotion…),
    written into ``into`` (a new dict by default) and returned."""
    if not values.keys() <= _STEP_FIELD_KIND.keys():
        unknown = values.keys() - _STEP_FIELD_KIND.keys()
        raise ModelError(_("A step has no field {value!r}.").format(value=sorted(unknown)[0]))
    clean: dict[str, object] = {} if into is None else into
    for key, value in values.items():
        kind = _STEP_FIELD_KIND[key]
        if kind == _TEXT:
            clean[key] = value if type(value) is str else "" if value is None else str(value)
        elif kind == _REFERENCE:
            records = departments if key == "department_id" else stages
            if value is not None and value not in records:
                what = "department" if key == "department_id" else "stage"
                raise ModelError(
                    _("There is no {what} with id {value!r}.").format(what=what, value=value)
                )
            clean[key] = value
        elif kind == _EMOTION:
            clean[key] = emotion(value)
        elif kind == _FLAG:
            clean[key] = bool(value)
        elif kind == _PERSONAS:
            clean[key] = step_personas(value, personas or {})
        else:
            clean[key] = None if value is None else float(value)  # type: ignore[arg-type]
    return clean


def emotion(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ModelError(
            _("Emotion must be a whole number from {EMOTION_MIN} to {EMOTION_MAX}.").format(
                EMOTION_MIN=EMOTION_MIN, EMOTION_MAX=EMOTION_MAX
            )
        )
    try:
        number = float(value)
    except ValueError:
        raise ModelError(
            _(
                "Emotion must be a whole number from {EMOTION_MIN} to {EMOTION_MAX}, not {value!r}."
            ).format(EMOTION_MIN=EMOTION_MIN, EMOTION_MAX=EMOTION_MAX, value=value)
        ) from None
    if (
        not math.isfinite(number)
        or number != int(number)
        or not EMOTION_MIN <= number <= EMOTION_MAX
    ):
        raise ModelError(
            _(
                "Emotion must be a whole number from {EMOTION_MIN} to {EMOTION_MAX}, not {value!r}."
            ).format(EMOTION_MIN=EMOTION_MIN, EMOTION_MAX=EMOTION_MAX, value=value)
        )
    return int(number)


def color(value: str) -> str:
    text = str(value).strip()
    if len(text) == 7 and text.startswith("#"):
        try:
            int(text[1:], 16)
            return text.lower()
        except ValueError:
            pass
    raise ModelError(_("{value!r} is not a color like '#2f80ed'.").format(value=value))
