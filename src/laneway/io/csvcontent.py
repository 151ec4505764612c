"""The journey content in the CSV file: persona, definition and note rows, and a step
row's ``personas`` cell (README "CSV").

Row kinds besides ``step`` and ``link``:
- ``persona``: ``name``, ``description``, ``color``;
- ``definition``: ``term``, ``meaning``;
- ``note``: ``text``, ``author``, ``created``, ``resolved`` (yes/no) and what it is on:
  ``step`` (a step id), or ``from`` and ``to`` (a link), or neither (the map); ``id`` is
  the note's own id (optional).
A step's ``personas`` cell lists persona names separated by ``;`` (a ``;`` or ``\\`` in
a name is written ``\\;`` or ``\\\\``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from laneway.i18n import _
from laneway.io.errors import InputError, shown

CONTENT_COLUMNS = ("personas", "name", "color", "term", "meaning", "text", "author",
                   "created", "resolved", "step")  # fmt: skip
TRUE, FALSE = {"yes", "y", "true", "1", "x", "✓"}, {"no", "n", "false", "0", ""}


def join_names(names: list[str]) -> str:
    """Persona names as one cell: ``Buyer; Champion`` (``;`` and ``\\`` escaped)."""
    return "; ".join(name.replace("\\", "\\\\").replace(";", "\\;") for name in names)


def split_names(cell: str) -> list[str]:
    """The names of a ``personas`` cell (``join_names`` read back)."""
    names: list[str] = []
    current: list[str] = []
    escaped = False
    for character in cell:
        if escaped:
            current.append(character)
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == ";":
            names.append("".join(current))
            current = []
        else:
            current.append(character)
    names.append("".join(current))
    return [name.strip() for name in names if name.strip()]


class ContentRows:
    """Persona, definition and note rows as they come, with the line of each."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.personas: list[dict[str, Any]] = []
        self.definitions: list[dict[str, Any]] = []
        self.notes: list[dict[str, Any]] = []
        #: (list name, index) → line, for sentences about an element.
        self.lines: dict[tuple[str, int], int] = {}

    def add(self, kind: str, line: int, row: dict[str, str]) -> None:
        if kind == "persona":
            self._keep("personas", line, self._persona(line, row))
        elif kind == "definition":
            self._keep("definitions", line, {"term": row.get("term", ""),
                                             "meaning": row.get("meaning", "")})  # fmt: skip
        else:
            self._keep("notes", line, self._note(line, row))

    def _keep(self, name: str, line: int, item: dict[str, Any]) -> None:
        items = getattr(self, name)
        self.lines[(name, len(items))] = line
        items.append(item)

    def _persona(self, line: int, row: dict[str, str]) -> dict[str, Any]:
        item: dict[str, Any] = {"name": row.get("name", "")}
        if row.get("description"):
            item["description"] = row["description"]
        if row.get("color"):
            item["color"] = row["color"]
        return item

    def _note(self, line: int, row: dict[str, str]) -> dict[str, Any]:
        item: dict[str, Any] = {"text": row.get("text", "")}
        if row.get("id"):
            item["id"] = row["id"]
        for key in ("author", "created"):
            if row.get(key):
                item[key] = row[key]
        resolved = (row.get("resolved") or "").casefold()
        if resolved not in TRUE | FALSE:
            raise InputError(
                self.path,
                _("'resolved' must be yes or no, not {shown}").format(shown=shown(resolved)),
                where=_("line {line}").format(line=line),
            )
        item["resolved"] = resolved in TRUE
        step, source, target = row.get("step", ""), row.get("from", ""), row.get("to", "")
        if step and (source or target):
            raise InputError(
                self.path, _("a note row is on a 'step' or on a link ('from', 'to'), not both"),
                where=_("line {line}").format(line=line),
            )  # fmt: skip
        if bool(source) != bool(target):
            raise InputError(
                self.path,
                _("a note on a link needs both 'from' and 'to'"),
                where=_("line {line}").format(line=line),
            )
        item["on"] = {"step": step} if step else {"link": [source, target]} if source else "map"
        return item

    def into(self, data: dict[str, Any]) -> None:
        """Put the rows into the interchange document ``data``."""
        for name in ("personas", "definitions", "notes"):
            if getattr(self, name):
                data[name] = getattr(self, name)

    def line_of(self, element: str) -> str | None:
        """'line 12' for an element such as ``notes[2]``, or None when it is not one."""
        name, _bracket, rest = element.partition("[")
        index = rest.split("]", 1)[0]
        if not index.isdigit() or (name, int(index)) not in self.lines:
            return None
        return _("line {value}").format(value=self.lines[(name, int(index))])


def content_rows(data: dict[str, Any], columns: tuple[str, ...]) -> list[list[str]]:
    """The persona, definition and note rows of an interchange document, cells in the
    order of ``columns`` (the export header)."""
    rows: list[list[str]] = []
    position = {column.casefold().replace(" ", ""): index for index, column in enumerate(columns)}

    def row(kind: str, **cells: object) -> None:
        out = [""] * len(columns)
        out[position["kind"]] = kind
        for key, value in cells.items():
            out[position[key]] = "" if value is None else str(value)
        rows.append(out)

    for persona in data.get("personas", []):
        row("persona", name=persona["name"], description=persona.get("description", ""),
            color=persona.get("color", ""))  # fmt: skip
    for definition in data.get("definitions", []):
        row("definition", term=definition["term"], meaning=definition.get("meaning", ""))
    for note in data.get("notes", []):
        on = note.get("on", "map")
        target: dict[str, object] = {}
        if isinstance(on, dict) and "step" in on:
            target["step"] = on["step"]
        elif isinstance(on, dict):
            target["from"], target["to"] = on["link"]
        row("note", id=note.get("id", ""), text=note["text"], author=note.get("author", ""),
            created=note.get("created", ""), resolved="yes" if note.get("resolved") else "no",
            **target)  # fmt: skip
    return rows
