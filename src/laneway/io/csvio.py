"""CSV import and export: one row per step, and optional rows for links.

Design (README "CSV"): one file. Step rows have ``id, title, department, stage,
channel, emotion, description, customer action, pain points, KPI, responsible,
entry, terminal, next`` (``next``: ids of following steps, separated by ``;``).
Link rows (``kind`` = ``link``) have ``from, to, label, agreement, SLA`` — the way to
write down an agreement. A step row's ``personas`` names the personas it concerns;
persona, definition and note rows are kinds of their own (``csvcontent``). Headers
match ignoring case, spaces and underscores; comma or semicolon delimiters; UTF-8 with
or without BOM.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from laneway.i18n import _
from laneway.io.csvcontent import (
    CONTENT_COLUMNS,
    FALSE,
    TRUE,
    ContentRows,
    content_rows,
    join_names,
)
from laneway.io.csvcontent import split_names as split_persona_names
from laneway.io.errors import InputError, read_text, shown
from laneway.io.limits import check_count, check_map_limits
from laneway.model import JourneyMap, ModelError, map_from_dict, map_to_dict
from laneway.model.dictform import DictFormError
from laneway.model.limits import MAX_TEXT

STEP_COLUMNS = (
    "id",
    "title",
    "department",
    "stage",
    "channel",
    "emotion",
    "description",
    "customer action",
    "pain points",
    "KPI",
    "responsible",
    "entry",
    "terminal",
)
LINK_COLUMNS = ("from", "to", "label", "agreement", "SLA")
EXPORT_COLUMNS = ("kind", *STEP_COLUMNS, "x", "y", *LINK_COLUMNS, *CONTENT_COLUMNS)
ROW_KINDS = ("step", "link", "persona", "definition", "note")
KNOWN = {re.sub(r"[\s_]+", "", c.casefold()) for c in (*EXPORT_COLUMNS, "next")}
FIELD = {"customeraction": "customer_action", "painpoints": "pain_points", "kpi": "kpi"}


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().casefold())


def read(path: str | Path) -> JourneyMap:
    return loads(read_text(path, what="CSV"), Path(path))


#: A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV
#: injection"); export puts a ``'`` before it, import takes that ``'`` off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?(e[+-]?\d+)?", re.IGNORECASE)


def guard_cell(text: str) -> str:
    """``'=HYPERLINK(…)`` for ``=HYPERLINK(…)``; a plain number (``-1``) stays as it is.

    A text that already starts with ``'`` followed by such a character (or another
    ``'``) gets one more, so ``unguard_cell(guard_cell(t)) == t`` for every text.
    """
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    if unguard_cell(text) != text:
        return "'" + text
    return text


def unguard_cell(text: str) -> str:
    if len(text) >= 2 and text[0] == "'" and text[1] in ("'", *FORMULA_STARTS):
        return text[1:]
    return text


def loads(text: str, path: Path | None = None) -> JourneyMap:
    reading = _Reading(path)
    for line, row in _rows(text, path):
        reading.add_row(line, row)
    if not reading.steps:
        raise InputError(path, _("holds no steps (no row has a title)"))
    links = reading.all_links()
    _check_link_ends(links, reading.ids, path)
    data = {
        "title": path.stem if path else _("Imported CSV"),
        "steps": reading.steps,
        "links": [{k: v for k, v in link.items() if k != "_line" and v != ""} for link in links],
    }
    reading.content.into(data)
    try:
        journey = map_from_dict(data)
    except DictFormError as error:
        where = reading.content.line_of(error.element) or _line_of(
            error.element, reading.steps, links
        )
        raise InputError(path, error.problem, where=where) from None
    except ModelError as error:
        raise InputError(path, str(error)) from None
    check_map_limits(journey, path)
    return journey


class _Reading:
    """Steps, link rows and ``next`` references as the rows come, checked one by one."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.steps: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.pending_next: list[tuple[int, str, str]] = []
        self.ids: dict[str, int] = {}
        self.content = ContentRows(path)

    def add_row(self, line: int, row: dict[str, str]) -> None:
        kind = (row.get("kind") or "step").strip().casefold()
        if kind == "link":
            self._add_link(line, row)
        elif kind == "step":
            self._add_step(line, row)
        elif kind in ROW_KINDS:
            self.content.add(kind, line, row)
        else:
            raise InputError(
                self.path,
                _("the kind {shown} is none of {value}").format(
                    shown=shown(kind), value=", ".join(map(repr, ROW_KINDS))
                ),
                where=_("line {line}").format(line=line),
            )

    def _add_link(self, line: int, row: dict[str, str]) -> None:
        source, target = row.get("from") or "", row.get("to") or ""
        if not source or not target:
            raise InputError(
                self.path,
                _("a link row needs both 'from' and 'to'"),
                where=_("line {line}").format(line=line),
            )
        check_count("link", len(self.links) + 1, self.path, _("line {line}").format(line=line))
        self.links.append(
            {
                "from": source,
                "to": target,
                "label": row.get("label", ""),
                "agreement": row.get("agreement", ""),
                "sla": row.get("sla", ""),
                "_line": line,
            }
        )

    def _add_step(self, line: int, row: dict[str, str]) -> None:
        check_count("step", len(self.steps) + 1, self.path, _("line {line}").format(line=line))
        step = _step(row, line, self.path, len(self.steps) + 1)
        if step["id"] in self.ids:
            raise InputError(
                self.path,
                _("the id {shown} was already used on line {value}").format(
                    shown=shown(step["id"]), value=self.ids[step["id"]]
                ),
                where=_("line {line}").format(line=line),
            )
        self.ids[step["id"]] = line
        self.steps.append(step)
        for successor in re.split(r"[;,|]", row.get("next") or ""):
            if successor.strip():
                self.pending_next.append((line, step["id"], successor.strip()))

    def all_links(self) -> list[dict[str, Any]]:
        """The link rows, then one link per ``next`` reference not already a link row."""
        links = list(self.links)
        seen = {(link["from"], link["to"]) for link in links}
        for line, source, target in self.pending_next:
            if (source, target) not in seen:
                seen.add((source, target))
                check_count("link", len(links) + 1, self.path, _("line {line}").format(line=line))
                links.append({"from": source, "to": target, "_line": line})
        return links


def _check_link_ends(links: list[dict[str, Any]], ids: dict[str, int], path: Path | None) -> None:
    for link in links:
        for end in ("from", "to"):
            if link[end] not in ids:
                raise InputError(
                    path,
                    _("'{value}' names step {shown}, which does not exist").format(
                        value="next" if "label" not in link else end, shown=shown(link[end], 80)
                    ),
                    where=_("line {value}").format(value=link["_line"]),
                )


def _rows(text: str, path: Path | None) -> list[tuple[int, dict[str, str]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InputError(path, _("is empty; the first row must name the columns"))
        keys = [_key(h) for h in header]
        for raw, key in zip(header, keys, strict=True):
            if key and key not in KNOWN:
                raise InputError(
                    path,
                    _(
                        "has an unknown column {shown} (known: id, title, department,"
                        " stage, channel, emotion, description, customer action, pain"
                        " points, KPI, responsible, entry, terminal, next, kind, "
                        "from, to, label, agreement, SLA, personas, name, color, "
                        "term, meaning, text, author, created, resolved, step)"
                    ).format(shown=shown(raw.strip())),
                    where=_("line 1"),
                )
        if not {"title", "from", "name", "term", "text"} & set(keys):
            raise InputError(path, _("has no 'title' column"), where=_("line 1"))
        rows = []
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(keys) and any(v.strip() for v in values[len(keys) :]):
                raise InputError(
                    path,
                    _("has {value} fields but the header names {value2}").format(
                        value=len(values), value2=len(keys)
                    ),
                    where=_("line {line}").format(line=line),
                )
            rows.append((line, _cells(keys, values, line, path)))
        return rows
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise InputError(
                path,
                _(
                    "has a cell of more than {field_size_limit:,} characters; "
                    "Laneway keeps at most {MAX_TEXT:,}"
                ).format(field_size_limit=csv.field_size_limit(), MAX_TEXT=MAX_TEXT),
                where=_("line {line_num}").format(line_num=reader.line_num),
            ) from None
        raise InputError(
            path,
            _("is not valid CSV ({error})").format(error=error),
            where=_("line {line_num}").format(line_num=reader.line_num),
        ) from None


def _cells(keys: list[str], values: list[str], line: int, path: Path | None) -> dict[str, str]:
    """The row's cells by column, trimmed, then formula guards taken off (a guard keeps
    a leading tab or return that trimming would lose), each within the limits."""
    cells = {}
    for key, value in zip(keys, values, strict=False):
        if not key:
            continue
        if len(value) > MAX_TEXT:
            raise InputError(
                path,
                _(
                    "has a cell of {value:,} characters in {shown}; Laneway keeps"
                    " at most {MAX_TEXT:,}"
                ).format(value=len(value), shown=shown(key), MAX_TEXT=MAX_TEXT),
                where=_("line {line}").format(line=line),
            )
        cells[key] = unguard_cell(value.strip())
    return cells


def _step(row: dict[str, str], line: int, path: Path | None, number: int) -> dict[str, Any]:
    title = row.get("title") or ""
    if not title:
        raise InputError(
            path, _("a step row needs a title"), where=_("line {line}").format(line=line)
        )
    step: dict[str, Any] = {"id": row.get("id") or str(number), "title": title}
    for column in ("department", "stage"):
        step[column] = row.get(column) or None
    for column in ("channel", "description", "customeraction", "painpoints", "kpi", "responsible"):
        value = row.get(column) or ""
        if value:
            step[FIELD.get(column, column)] = value
    emotion = (row.get("emotion") or "").strip().replace("−", "-")
    if emotion:
        try:
            step["emotion"] = int(emotion)
        except ValueError:
            raise InputError(
                path,
                _("the emotion {shown} is not a whole number from -2 to +2").format(
                    shown=shown(emotion)
                ),
                where=_("line {line}").format(line=line),
            ) from None
    for flag in ("entry", "terminal"):
        value = (row.get(flag) or "").strip().casefold()
        if value in TRUE:
            step[flag] = True
        elif value not in FALSE:
            raise InputError(
                path,
                _("'{flag}' must be yes or no, not {shown}").format(flag=flag, shown=shown(value)),
                where=_("line {line}").format(line=line),
            )
    personas = split_persona_names(row.get("personas") or "")
    if personas:
        step["personas"] = personas
    for axis in ("x", "y"):
        value = (row.get(axis) or "").strip()
        if value:
            try:
                step[axis] = float(value)
            except ValueError:
                raise InputError(
                    path,
                    _("'{axis}' must be a number").format(axis=axis),
                    where=_("line {line}").format(line=line),
                ) from None
    return step


def _line_of(element: str, steps: list[dict], links: list[dict]) -> str | None:
    match = re.fullmatch(r"(steps|links)\[(\d+)\].*", element or "")
    if not match:
        return element or None
    index = int(match.group(2))
    if match.group(1) == "links" and index < len(links):
        return _("line {value}").format(value=links[index]["_line"])
    return _("step row {value}").format(value=index + 1)


def write_bytes(journey: JourneyMap) -> bytes:
    data = map_to_dict(journey)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for step in data["steps"]:
        _write_guarded(
            writer,
            [
                "step",
                step["id"],
                step["title"],
                step.get("department") or "",
                step.get("stage") or "",
                step.get("channel", ""),
                step.get("emotion", ""),
                step.get("description", ""),
                step.get("customer_action", ""),
                step.get("pain_points", ""),
                step.get("kpi", ""),
                step.get("responsible", ""),
                "yes" if step.get("entry") else "",
                "yes" if step.get("terminal") else "",
                _number(step.get("x")),
                _number(step.get("y")),
                *[""] * len(LINK_COLUMNS),
                join_names(step.get("personas", [])),
                *[""] * (len(CONTENT_COLUMNS) - 1),
            ],
        )
    for link in data["links"]:
        _write_guarded(
            writer,
            [
                "link",
                *[""] * (len(STEP_COLUMNS) + 2),
                link["from"],
                link["to"],
                link.get("label", ""),
                link.get("agreement", ""),
                link.get("sla", ""),
                *[""] * len(CONTENT_COLUMNS),
            ],
        )
    for cells in content_rows(data, EXPORT_COLUMNS):
        _write_guarded(writer, cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def _write_guarded(writer, cells: list) -> None:
    """One row, every cell safe to open in a spreadsheet (``guard_cell``)."""
    writer.writerow([guard_cell(str(cell)) for cell in cells])


def _number(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
