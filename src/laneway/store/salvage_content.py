"""Salvage of the journey content (format 2): personas, definitions, notes, and which
personas each step names, read row by row like the rest (``salvage``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from laneway.model import JourneyMap
from laneway.model.limits import MAX_ID, MAX_NAME, MAX_TEXT

#: What a refusal of each content table counts as.
CONTENT_RULES = {
    "persona": "personas whose name (ignoring case) or id was used twice",
    "definition": "definitions whose term was used twice or cannot be cited",
    "note": "notes that were empty, on two things or had no ISO 8601 time",
}


class ContentSalvage:
    """Mixed into salvage's reader, which provides ``rows``, ``notes`` and ``_add``."""

    notes: Counter

    if TYPE_CHECKING:

        def rows(self, table: str, columns: tuple[str, ...]) -> Iterator[dict[str, Any]]: ...

        def _add(self, table: str, count: int, add: Callable, *args, **kwargs) -> bool: ...

    def _personas(self, journey: JourneyMap) -> None:
        columns = ("id", "name", "description", "color", "ord")
        for row in self.rows("persona", columns):
            record_id, name = usable_id(row["id"]), usable_text(row["name"], MAX_NAME)
            if record_id is None or not name:
                self.notes["personas without a usable id or name"] += 1
                continue
            color = row["color"] if isinstance(row["color"], str) else None
            self._add(
                "persona", len(journey.personas), self._add_persona, journey, name,
                color, usable_text(row["description"], MAX_TEXT, empty=True) or "", record_id,
                row["ord"] if isinstance(row["ord"], int) else None,
            )  # fmt: skip

    def _add_persona(self, journey, name, color, description, record_id, order) -> None:
        try:
            journey.add_persona(
                name, color, description=description, persona_id=record_id, order=order
            )
        except ValueError:
            if color is None or journey.persona_by_name(name) is not None:
                raise
            journey.add_persona(name, description=description, persona_id=record_id, order=order)
            self.notes["persona colors that were not colors (a new one was given)"] += 1

    def _definitions(self, journey: JourneyMap) -> None:
        for row in self.rows("definition", ("id", "term", "meaning", "ord")):
            record_id, term = usable_id(row["id"]), usable_text(row["term"], MAX_NAME)
            if record_id is None or not term:
                self.notes["definitions without a usable id or term"] += 1
                continue
            self._add(
                "definition", len(journey.definitions), journey.add_definition, term,
                usable_text(row["meaning"], MAX_TEXT, empty=True) or "", definition_id=record_id,
                order=row["ord"] if isinstance(row["ord"], int) else None,
            )  # fmt: skip

    def _step_personas(self, journey: JourneyMap) -> dict[str, tuple[str, ...]]:
        """Step id → the personas it names that are in the rebuilt map, in its order."""
        named: dict[str, dict[str, tuple[int, int]]] = {}
        dropped = 0
        rows = self.rows("step_persona", ("step_id", "persona_id", "ord"))
        for position, row in enumerate(rows):
            step_id, persona_id = row["step_id"], row["persona_id"]
            if not isinstance(step_id, str) or persona_id not in journey.personas:
                dropped += 1
                continue
            order = row["ord"] if isinstance(row["ord"], int) else 0
            named.setdefault(step_id, {}).setdefault(persona_id, (order, position))
        if dropped:
            self.notes["personas of steps that do not exist (cleared)"] += dropped
        return {
            step_id: tuple(sorted(chosen, key=chosen.__getitem__))
            for step_id, chosen in named.items()
        }

    def _map_notes(self, journey: JourneyMap) -> None:
        columns = ("id", "text", "author", "created", "step_id", "link_id", "resolved")
        for row in self.rows("note", columns):
            record_id, text = usable_id(row["id"]), usable_text(row["text"], MAX_TEXT, empty=True)
            step_id, link_id = row["step_id"], row["link_id"]
            if record_id is None or not (text or "").strip():
                self.notes["notes without a usable id or text"] += 1
                continue
            if (step_id is not None and step_id not in journey.steps) or (
                link_id is not None and link_id not in journey.links
            ):
                self.notes["notes on a step or link that is not in the rebuilt map"] += 1
                continue
            self._add(
                "note", len(journey.notes), journey.add_note, text,
                author=usable_text(row["author"], MAX_NAME, empty=True) or "",
                created=usable_text(row["created"], MAX_ID, empty=True) or "",
                step_id=step_id, link_id=link_id, resolved=row["resolved"] == 1,
                note_id=record_id,
            )  # fmt: skip


def usable_id(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip() and len(value) <= MAX_ID:
        return value
    return None


def usable_text(value: object, limit: int, *, empty: bool = False) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) > limit:
        return None
    text = value if empty else value.strip()
    return text if (text or empty) else None
