"""Cited terms: ``[[MQL]]`` in an agreement names the definition of "MQL" (SPEC §7).

A citation matches a definition's term ignoring case and surrounding spaces
(``term_key``). The analysis finds undefined citations with ``cited_terms``; renaming
a term rewrites its citations with ``rename_citations``; the app underlines
``cited_terms`` spans and completes a term being typed with ``open_citation_at`` and
``complete_citation``. A term itself never holds a square bracket or a line break, so
every term can be cited and every citation is found the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from laneway.i18n import _

#: ``[[`` then anything but brackets and line breaks, then ``]]``.
CITATION = re.compile(r"\[\[([^\[\]\r\n]*)\]\]")
#: Characters a term may not hold, so that ``[[term]]`` always reads back as the term.
FORBIDDEN_IN_TERM = frozenset("[]\r\n")
#: An unfinished citation just before a cursor: ``[[`` and what was typed since.
_OPEN_CITATION = re.compile(r"\[\[([^\[\]\r\n]*)$")
#: The rest of a citation after the cursor, up to and with its ``]]``.
_REST_OF_CITATION = re.compile(r"[^\[\]\r\n]*\]\]")


def term_key(term: str) -> str:
    """The key that makes terms unique and matches citations: case and outer spaces ignored."""
    return term.strip().casefold()


@dataclass(frozen=True)
class Citation:
    """One ``[[term]]`` in a text: its span (brackets included) and the term as written."""

    start: int
    end: int
    term: str

    @property
    def key(self) -> str:
        return term_key(self.term)

    @property
    def term_start(self) -> int:
        """Where the term's own characters begin (after ``[[``), for underlining."""
        return self.start + 2

    @property
    def term_end(self) -> int:
        return self.end - 2


def cited_terms(text: str) -> list[Citation]:
    """Every citation in ``text``, in order; ``[[ ]]`` (blank) cites nothing."""
    if "[[" not in text:  # the common case: no citation at all
        return []
    return [
        Citation(match.start(), match.end(), match.group(1))
        for match in CITATION.finditer(text)
        if match.group(1).strip()
    ]


def cited_keys(text: str) -> list[str]:
    """The distinct keys ``text`` cites, in order of first citation."""
    return list(dict.fromkeys(citation.key for citation in cited_terms(text)))


def rename_citations(text: str, old_term: str, new_term: str) -> str:
    """``text`` with each citation of ``old_term`` (by key) written as ``[[new_term]]``."""
    old_key = term_key(old_term)
    citations = [c for c in cited_terms(text) if c.key == old_key]
    if not citations:
        return text
    parts: list[str] = []
    position = 0
    for citation in citations:
        parts += [text[position : citation.start], f"[[{new_term.strip()}]]"]
        position = citation.end
    parts.append(text[position:])
    return "".join(parts)


def open_citation_at(text: str, cursor: int) -> tuple[int, str] | None:
    """When the cursor follows an unclosed ``[[``: (where its term starts, what was typed).

    ``open_citation_at("Score [[MQ", 10) == (8, "MQ")``; None outside a citation.
    """
    match = _OPEN_CITATION.search(text, 0, max(0, min(cursor, len(text))))
    if match is None:
        return None
    return match.start(1), match.group(1)


def complete_citation(text: str, cursor: int, term: str) -> tuple[str, int]:
    """The text with the citation being typed at ``cursor`` completed as ``[[term]]``,
    and the cursor after it; the text unchanged when the cursor is not in one."""
    found = open_citation_at(text, cursor)
    if found is None:
        return text, cursor
    start, _typed = found
    rest = text[cursor:]
    closed = _REST_OF_CITATION.match(rest)  # the cursor inside a closed citation
    after = rest[closed.end() :] if closed else rest
    completed = text[:start] + term.strip() + "]]"
    return completed + after, len(completed)


def term_problem(term: str) -> str | None:
    """Why ``term`` cannot be a definition's term, or None when it can."""
    if not term.strip():
        return _("A definition needs a term.")
    if not FORBIDDEN_IN_TERM.isdisjoint(term):
        return _("The term {strip!r} cannot hold square brackets or line breaks.").format(
            strip=term.strip()
        )
    return None
