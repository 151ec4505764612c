"""``open-note`` (SPEC §7): the room's open questions, one finding per unresolved note."""

from __future__ import annotations

from laneway.analysis.findings import Finding
from laneway.analysis.graph import JourneyGraph
from laneway.i18n import _
from laneway.model import Note

#: Characters of a note's text a message quotes before it is cut with "…".
QUOTED = 120


def open_notes(jg: JourneyGraph) -> list[Finding]:
    """Notes on the map first, then along the map (its steps and links), oldest first."""
    journey = jg.journey
    unresolved = [note for note in journey.notes.values() if not note.resolved]
    unresolved.sort(key=lambda note: _place(jg, note))
    findings = []
    for note in unresolved:
        link = journey.links.get(note.link_id) if note.link_id else None
        if note.step_id is not None:
            where, steps, links = f"'{jg.step(note.step_id).title}'", (note.step_id,), ()
        elif link is not None:
            where = f"'{jg.step(link.source).title}' → '{jg.step(link.target).title}'"
            steps, links = link.pair, (link.id,)
        else:
            where, steps, links = _("The map"), (), ()
        by = (
            _(" by {value}").format(value=" ".join(note.author.split()))
            if note.author.strip()
            else ""
        )
        findings.append(
            Finding(
                "open-note",
                _("{where} has an open note{by}: “{quoted}”.").format(
                    where=where, by=by, quoted=quoted(note.text)
                ),
                step_ids=tuple(steps),
                link_ids=tuple(links),
                note_id=note.id,
            )
        )
    return findings


def quoted(text: str) -> str:
    """A note's text on one line, cut at ``QUOTED`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= QUOTED else line[: QUOTED - 1].rstrip() + "…"


def _place(jg: JourneyGraph, note: Note) -> tuple[int, int, int]:
    if note.step_id is not None:
        return (1, jg.step_order_key(note.step_id), -1)
    if note.link_id is not None:
        link = jg.journey.links[note.link_id]
        return (1, jg.step_order_key(link.source), jg.step_order_key(link.target))
    return (0, 0, 0)
