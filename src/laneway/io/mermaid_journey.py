"""Mermaid ``journey`` import: sections are stages, tasks steps in order.

Each task is linked to the task before it; its score (1–5) becomes the emotion
(−2…+2); its first actor the department (none: unowned). Accepts what Mermaid
accepts: front matter, ``accTitle``/``accDescr`` (also ``accDescr { … }``
blocks), ``%%`` comments, repeated section names, no space after colons.
"""

from __future__ import annotations

import re
from pathlib import Path

from laneway.io.errors import InputError, read_text
from laneway.io.formats import ImportResult
from laneway.io.textclean import clean_name
from laneway.model import JourneyMap, MapBuilder, MapInfo

_BR = re.compile(r"<\s*/?\s*br\s*/?\s*>", re.IGNORECASE)


def read(path: str | Path) -> JourneyMap:
    return read_with_report(Path(path)).journey


def read_with_report(path: Path) -> ImportResult:
    return loads(read_text(path, what="Mermaid"), path)


def loads(text: str, path: Path | None = None) -> ImportResult:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front_title, start = _front_matter(lines, path)
    number, lines = _after_keyword(lines, start, path)
    journey = MapBuilder(MapInfo(title=front_title or (path.stem if path else "Mermaid journey")))
    skipped: list[str] = []
    stage_id: str | None = None
    previous: str | None = None
    count = 0
    pending = list(enumerate(lines, start=number + 1))
    while pending:
        line_number, raw = pending.pop(0)
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith("accDescr") and line[len("accDescr") :].lstrip().startswith("{"):
            block = line.split("{", 1)[1]
            while "}" not in block and pending:
                block += "\n" + pending.pop(0)[1]
            if "}" not in block:
                raise InputError(
                    path, "the accDescr { block is never closed", where=f"line {line_number}"
                )
            after = block.split("}", 1)[1].strip()
            if after:
                pending.insert(0, (line_number, after))
            continue
        if re.match(r"acc(Title|Descr)\s*:", line):
            continue
        if keyword == "title":
            journey.set_info(title=clean_name(rest) or journey.info.title)
            continue
        if keyword == "section":
            name = clean_name(_BR.sub(" ", rest))
            if not name:
                raise InputError(path, "a section needs a name", where=f"line {line_number}")
            stage = journey.stage_by_name(name) or journey.add_stage(name)
            stage_id = stage.id
            continue
        if ":" not in line:
            raise InputError(
                path,
                f"'{line[:40]}' is neither a section, a title nor a task ('name: score: actors')",
                where=f"line {line_number}",
            )
        name, _, data = line.partition(":")
        score_text, _, actors_text = data.partition(":")
        title = clean_name(_BR.sub(" ", name))
        if not title:
            raise InputError(
                path, "a task needs a name before its ':'", where=f"line {line_number}"
            )
        emotion = _emotion(score_text.strip())
        if emotion is None and score_text.strip():
            skipped.append(
                f"line {line_number}: '{title}' has the score '{score_text.strip()}', not 1 to 5; "
                "its emotion is left empty"
            )
        actors = [clean_name(a) for a in actors_text.split(",") if clean_name(a)]
        department = None
        if actors:
            department = journey.department_by_name(actors[0]) or journey.add_department(actors[0])
        count += 1
        step = journey.add_step(
            title,
            step_id=f"t{count}",
            department_id=department.id if department else None,
            stage_id=stage_id,
            emotion=emotion,
        )
        if previous is not None:
            journey.add_link(previous, step.id)
        previous = step.id
    if count == 0 and not journey.stages:
        raise InputError(path, "is a Mermaid journey with no sections and no tasks")
    return ImportResult(journey.build(), skipped)


def _front_matter(lines: list[str], path: Path | None) -> tuple[str, int]:
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or lines[index].strip() != "---":
        return "", index
    title = ""
    for end in range(index + 1, len(lines)):
        if lines[end].strip() == "---":
            return title, end + 1
        match = re.match(r"title\s*:\s*(.+)$", lines[end])  # only the top-level key
        if match:
            title = clean_name(match.group(1).strip().strip("\"'"))
    raise InputError(path, "the front matter (---) is never closed", where=f"line {index + 1}")


def _after_keyword(lines: list[str], start: int, path: Path | None) -> tuple[int, list[str]]:
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line or line.startswith("%%"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword != "journey":
            raise InputError(
                path,
                "is not a Mermaid journey (its diagram must start with 'journey')",
                where=f"line {index + 1}",
            )
        remaining = lines[index + 1 :]
        return index + 1, ([rest] if rest.strip() else []) + remaining
    raise InputError(path, "is empty: a Mermaid journey starts with 'journey'")


def _emotion(score: str) -> int | None:
    try:
        value = int(score)
    except ValueError:
        return None
    return value - 3 if 1 <= value <= 5 else None
