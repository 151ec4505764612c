"""CSV import and export: one row per step, and optional rows for links.

Design (README "CSV"): one file. Step rows have ``id, title, department, stage,
channel, emotion, description, customer action, pain points, KPI, responsible,
entry, terminal, next`` (``next``: ids of following steps, separated by ``;``).
Link rows (``kind`` = ``link``) have ``from, to, label, agreement, SLA`` — the way to
write down an agreement. Headers match ignoring case, spaces and underscores;
comma or semicolon delimiters; UTF-8 with or without BOM.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from laneway.io.errors import InputError, read_text
from laneway.model import JourneyMap, map_from_dict, map_to_dict
from laneway.model.dictform import DictFormError

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
EXPORT_COLUMNS = ("kind", *STEP_COLUMNS, "x", "y", *LINK_COLUMNS)
KNOWN = {re.sub(r"[\s_]+", "", c.casefold()) for c in (*EXPORT_COLUMNS, "next")}
TRUE, FALSE = {"yes", "y", "true", "1", "x", "✓"}, {"no", "n", "false", "0", ""}
FIELD = {"customeraction": "customer_action", "painpoints": "pain_points", "kpi": "kpi"}


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().casefold())


def read(path: str | Path) -> JourneyMap:
    return loads(read_text(path, what="CSV"), Path(path))


def loads(text: str, path: Path | None = None) -> JourneyMap:
    rows = _rows(text, path)
    steps: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    pending_next: list[tuple[int, str, str]] = []
    ids: dict[str, int] = {}
    for line, row in rows:
        kind = (row.get("kind") or "step").strip().casefold()
        if kind == "link":
            source, target = (row.get("from") or "").strip(), (row.get("to") or "").strip()
            if not source or not target:
                raise InputError(
                    path, "a link row needs both 'from' and 'to'", where=f"line {line}"
                )
            links.append(
                {
                    "from": source,
                    "to": target,
                    "label": row.get("label", "").strip(),
                    "agreement": row.get("agreement", "").strip(),
                    "sla": row.get("sla", "").strip(),
                    "_line": line,
                }
            )
            continue
        if kind != "step":
            raise InputError(
                path, f"the kind '{kind}' is neither 'step' nor 'link'", where=f"line {line}"
            )
        step = _step(row, line, path, len(steps) + 1)
        if step["id"] in ids:
            raise InputError(
                path,
                f"the id '{step['id']}' was already used on line {ids[step['id']]}",
                where=f"line {line}",
            )
        ids[step["id"]] = line
        steps.append(step)
        for successor in re.split(r"[;,|]", row.get("next") or ""):
            if successor.strip():
                pending_next.append((line, step["id"], successor.strip()))
    if not steps:
        raise InputError(path, "holds no steps (no row has a title)")
    seen = {(link["from"], link["to"]) for link in links}
    for line, source, target in pending_next:
        if (source, target) not in seen:
            seen.add((source, target))
            links.append({"from": source, "to": target, "_line": line})
    for link in links:
        for end in ("from", "to"):
            if link[end] not in ids:
                raise InputError(
                    path,
                    f"'{'next' if 'label' not in link else end}' names step '{link[end]}', "
                    "which does not exist",
                    where=f"line {link['_line']}",
                )
    data = {
        "title": path.stem if path else "Imported CSV",
        "steps": steps,
        "links": [{k: v for k, v in link.items() if k != "_line" and v != ""} for link in links],
    }
    try:
        return map_from_dict(data)
    except DictFormError as error:
        raise InputError(path, error.problem, where=_line_of(error.element, steps, links)) from None


def _rows(text: str, path: Path | None) -> list[tuple[int, dict[str, str]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InputError(path, "is empty; the first row must name the columns")
        keys = [_key(h) for h in header]
        for raw, key in zip(header, keys, strict=True):
            if key and key not in KNOWN:
                raise InputError(
                    path,
                    f"has an unknown column '{raw.strip()}' (known: id, title, department, "
                    "stage, channel, emotion, description, customer action, pain points, KPI, "
                    "responsible, entry, terminal, next, kind, from, to, label, agreement, SLA)",
                    where="line 1",
                )
        if "title" not in keys and "from" not in keys:
            raise InputError(path, "has no 'title' column", where="line 1")
        rows = []
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(keys) and any(v.strip() for v in values[len(keys) :]):
                raise InputError(
                    path,
                    f"has {len(values)} fields but the header names {len(keys)}",
                    where=f"line {line}",
                )
            rows.append((line, {k: v for k, v in zip(keys, values, strict=False) if k}))
        return rows
    except csv.Error as error:
        raise InputError(
            path, f"is not valid CSV ({error})", where=f"line {reader.line_num}"
        ) from None


def _step(row: dict[str, str], line: int, path: Path | None, number: int) -> dict[str, Any]:
    title = (row.get("title") or "").strip()
    if not title:
        raise InputError(path, "a step row needs a title", where=f"line {line}")
    step: dict[str, Any] = {"id": (row.get("id") or "").strip() or str(number), "title": title}
    for column in ("department", "stage"):
        value = (row.get(column) or "").strip()
        step[column] = value or None
    for column in ("channel", "description", "customeraction", "painpoints", "kpi", "responsible"):
        value = (row.get(column) or "").strip()
        if value:
            step[FIELD.get(column, column)] = value
    emotion = (row.get("emotion") or "").strip().replace("−", "-")
    if emotion:
        try:
            step["emotion"] = int(emotion)
        except ValueError:
            raise InputError(
                path,
                f"the emotion '{emotion}' is not a whole number from -2 to +2",
                where=f"line {line}",
            ) from None
    for flag in ("entry", "terminal"):
        value = (row.get(flag) or "").strip().casefold()
        if value in TRUE:
            step[flag] = True
        elif value not in FALSE:
            raise InputError(
                path, f"'{flag}' must be yes or no, not '{value}'", where=f"line {line}"
            )
    for axis in ("x", "y"):
        value = (row.get(axis) or "").strip()
        if value:
            try:
                step[axis] = float(value)
            except ValueError:
                raise InputError(path, f"'{axis}' must be a number", where=f"line {line}") from None
    return step


def _line_of(element: str, steps: list[dict], links: list[dict]) -> str | None:
    match = re.fullmatch(r"(steps|links)\[(\d+)\].*", element or "")
    if not match:
        return element or None
    index = int(match.group(2))
    if match.group(1) == "links" and index < len(links):
        return f"line {links[index]['_line']}"
    return f"step row {index + 1}"


def write_bytes(journey: JourneyMap) -> bytes:
    data = map_to_dict(journey)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for step in data["steps"]:
        writer.writerow(
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
                "",
                "",
                "",
                "",
                "",
            ]
        )
    for link in data["links"]:
        writer.writerow(
            [
                "link",
                *[""] * (len(STEP_COLUMNS) + 2),
                link["from"],
                link["to"],
                link.get("label", ""),
                link.get("agreement", ""),
                link.get("sla", ""),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def _number(value: object) -> str:
    if value is None or value == "":
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)
