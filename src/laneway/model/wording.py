"""Words shared by the command line, the app and the exports."""

from __future__ import annotations

from collections.abc import Callable

from laneway.i18n import N_, _, ngettext

#: Every counted noun, spelled out for the catalogue (each language has its own plural rules).
_COUNTED: dict[str, Callable[[int], str]] = {
    "step": lambda n: ngettext("{n} step", "{n} steps", n),
    "link": lambda n: ngettext("{n} link", "{n} links", n),
    "department": lambda n: ngettext("{n} department", "{n} departments", n),
    "stage": lambda n: ngettext("{n} stage", "{n} stages", n),
    "finding": lambda n: ngettext("{n} finding", "{n} findings", n),
    "handoff": lambda n: ngettext("{n} handoff", "{n} handoffs", n),
    "note": lambda n: ngettext("{n} note", "{n} notes", n),
    "gap": lambda n: ngettext("{n} gap", "{n} gaps", n),
    "match": lambda n: ngettext("{n} match", "{n} matches", n),
    "persona": lambda n: ngettext("{n} persona", "{n} personas", n),
    "agreement": lambda n: ngettext("{n} agreement", "{n} agreements", n),
    "map page": lambda n: ngettext("{n} map page", "{n} map pages", n),
}


#: The kinds of record a sentence may name ("Add {kind} {name}"), for the catalogue.
_KINDS = {"department": N_("department"), "stage": N_("stage"), "persona": N_("persona")}


def kind_word(kind: str) -> str:
    """ "department" or "stage" in the current language (German capitalises it)."""
    return _(_KINDS[kind]) if kind in _KINDS else kind


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 step", "3 steps", "2 entries" (pass ``many`` for irregular plurals).

    The nouns of ``_COUNTED`` are in the current language; any other stays English.
    """
    counted = _COUNTED.get(noun)
    if counted is not None:
        return counted(count).format(n=count)
    return f"{count} {noun if count == 1 else many or noun + 's'}"
