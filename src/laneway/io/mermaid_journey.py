"""Mermaid ``journey`` import: sections are stages, tasks steps in order.

Each task is linked to the task before it; its score (1–5) becomes the emotion
(−2…+2); its first actor the department (none: unowned), the actors after it the
personas the step concerns (each persona made on first use). Accepts what Mermaid
accepts: front matter, ``accTitle``/``accDescr`` (also ``accDescr { … }``
blocks), ``%%`` comments, repeated section names, no space after colons.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

from laneway.i18n import _
from laneway.io.errors import InputError, read_text, shown
from laneway.io.formats import ImportResult
from laneway.io.limits import check_count, check_map_limits, check_name
from laneway.io.textclean import clean_name
from laneway.model import JourneyMap, MapBuilder, MapInfo, name_key

# One optional run of spaces on each side of the "/": two adjacent ``\s*`` around an
# optional "/" (the old pattern) backtrack quadratically over a long run of spaces.
_BR = re.compile(r"<\s*(?:/\s*)?br\s*(?:/\s*)?>", re.IGNORECASE)
_ACC_LINE = re.compile(r"acc(Title|Descr)\s*:")


def read(path: str | Path) -> JourneyMap:
    return read_with_report(Path(path)).journey


def read_with_report(path: Path) -> ImportResult:
    return loads(read_text(path, what=_("Mermaid")), path)


def loads(text: str, path: Path | None = None) -> ImportResult:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front_title, start = _front_matter(lines, path)
    number, lines = _after_keyword(lines, start, path)
    builder = _Builder(front_title or (path.stem if path else _("Mermaid journey")), path)
    pending = deque(enumerate(lines, start=number + 1))
    while pending:
        line_number, raw = pending.popleft()
        line = raw.strip()
        if not line or line.startswith("%%") or _ACC_LINE.match(line):
            continue
        if line.startswith("accDescr") and line[len("accDescr") :].lstrip().startswith("{"):
            _skip_description_block(line, line_number, pending, path)
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword == "title":
            builder.title(rest, line_number)
        elif keyword == "section":
            builder.section(rest, line_number)
        else:
            builder.task(line, line_number)
    if builder.count == 0 and not builder.has_stages:
        raise InputError(path, _("is a Mermaid journey with no sections and no tasks"))
    journey = builder.journey.build()
    check_map_limits(journey, path)
    return ImportResult(journey, builder.skipped)


def _skip_description_block(line: str, line_number: int, pending: deque, path: Path | None) -> None:
    """Drop an ``accDescr { … }`` block; text after its ``}`` is read as a line again."""
    block = line.split("{", 1)[1]
    while "}" not in block and pending:
        block += "\n" + pending.popleft()[1]
    if "}" not in block:
        raise InputError(
            path,
            _("the accDescr { block is never closed"),
            where=_("line {line_number}").format(line_number=line_number),
        )
    after = block.split("}", 1)[1].strip()
    if after:
        pending.appendleft((line_number, after))


class _Builder:
    """The map as the lines come: stages and departments looked up by name in O(1)."""

    def __init__(self, title: str, path: Path | None) -> None:
        self.path = path
        self.journey = MapBuilder(MapInfo(title=check_name(title, _("a title"), path, None)))
        self.skipped: list[str] = []
        self.stage_id: str | None = None
        self.previous: str | None = None
        self.count = 0
        self._stages: dict[str, str] = {}
        self._departments: dict[str, str] = {}
        self._personas: dict[str, str] = {}

    @property
    def has_stages(self) -> bool:
        return bool(self._stages)

    def title(self, rest: str, line_number: int) -> None:
        title = check_name(
            clean_name(rest),
            _("a title"),
            self.path,
            _("line {line_number}").format(line_number=line_number),
        )
        self.journey.set_info(title=title or self.journey.info.title)

    def section(self, rest: str, line_number: int) -> None:
        where = _("line {line_number}").format(line_number=line_number)
        name = check_name(clean_name(_BR.sub(" ", rest)), _("a section name"), self.path, where)
        if not name:
            raise InputError(self.path, _("a section needs a name"), where=where)
        if name not in self._stages:
            check_count("stage", len(self._stages) + 1, self.path, where)
            self._stages[name] = self.journey.add_stage(name).id
        self.stage_id = self._stages[name]

    def task(self, line: str, line_number: int) -> None:
        where = _("line {line_number}").format(line_number=line_number)
        if ":" not in line:
            raise InputError(
                self.path,
                _(
                    "{shown} is neither a section, a title nor a task ('name: score: actors')"
                ).format(shown=shown(line)),
                where=where,
            )
        name, _colon, data = line.partition(":")
        score_text, _colon, actors_text = data.partition(":")
        title = check_name(clean_name(_BR.sub(" ", name)), _("a task name"), self.path, where)
        if not title:
            raise InputError(self.path, _("a task needs a name before its ':'"), where=where)
        check_count("step", self.count + 1, self.path, where)
        emotion = _emotion(score_text.strip())
        if emotion is None and score_text.strip():
            self.skipped.append(
                _(
                    "line {line_number}: {shown} has the score {shown2}, not 1 to"
                    " 5; its emotion is left empty"
                ).format(
                    line_number=line_number,
                    shown=shown(title, 80),
                    shown2=shown(score_text.strip(), 20),
                )
            )
        self.count += 1
        actors = self._actors(actors_text, where)
        step = self.journey.add_step(
            title,
            step_id=f"t{self.count}",
            department_id=self._department(actors[0], where) if actors else None,
            stage_id=self.stage_id,
            emotion=emotion,
            personas=[self._persona(name, where) for name in actors[1:]],
        )
        if self.previous is not None:
            self.journey.add_link(self.previous, step.id)
        self.previous = step.id

    def _actors(self, actors_text: str, where: str) -> list[str]:
        """The task's actors, in order, blanks left out."""
        names = (clean_name(actor) for actor in actors_text.split(","))
        return [check_name(n, _("an actor name"), self.path, where) for n in names if n]

    def _department(self, name: str, where: str) -> str:
        """The first actor's department (made on first use)."""
        key = name_key(name)
        if key not in self._departments:
            check_count("department", len(self._departments) + 1, self.path, where)
            self._departments[key] = self.journey.add_department(name).id
        return self._departments[key]

    def _persona(self, name: str, where: str) -> str:
        """An actor after the first: a persona of the task (made on first use)."""
        key = name_key(name)
        if key not in self._personas:
            check_count("persona", len(self._personas) + 1, self.path, where)
            self._personas[key] = self.journey.add_persona(name).id
        return self._personas[key]


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
    raise InputError(
        path,
        _("the front matter (---) is never closed"),
        where=_("line {value}").format(value=index + 1),
    )


def _after_keyword(lines: list[str], start: int, path: Path | None) -> tuple[int, list[str]]:
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line or line.startswith("%%"):
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword != "journey":
            raise InputError(
                path,
                _("is not a Mermaid journey (its diagram must start with 'journey')"),
                where=_("line {value}").format(value=index + 1),
            )
        remaining = lines[index + 1 :]
        return index + 1, ([rest] if rest.strip() else []) + remaining
    raise InputError(path, _("is empty: a Mermaid journey starts with 'journey'"))


def _emotion(score: str) -> int | None:
    try:
        value = int(score)
    except ValueError:
        return None
    return value - 3 if 1 <= value <= 5 else None
