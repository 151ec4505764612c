"""The interchange dict form of SPEC §4 (and §8's journey content), both ways.

``map_to_dict`` writes the shape that ``export -o x.json`` saves and the clipboard
carries; ``map_from_dict`` checks a parsed document element by element and builds the
map on the bulk path (``JourneyMap.bulk``: the invariants, no change events). Every
problem is one sentence naming the element (``links[3]``), raised as ``DictFormError``.
Personas, definitions and notes are read and written by ``dictcontent``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from laneway.i18n import _
from laneway.model.bulk import MapBuilder
from laneway.model.dictcheck import (
    DictFormError,
    key_set,
    listed,
    lower_first,
    no_unknown_keys,
    record_id,
    text_of,
)
from laneway.model.dictcontent import (
    notes_to_dict,
    read_definitions,
    read_notes,
    read_personas,
    read_step_personas,
    step_personas_item,
    vocabulary_to_dict,
)
from laneway.model.entities import EMOTION_MAX, EMOTION_MIN, MapInfo
from laneway.model.gcpause import paused_gc
from laneway.model.journey import JourneyMap, ModelError

FORMAT_VERSION = 1

STEP_KEYS = (
    "id",
    "title",
    "department",
    "stage",
    "channel",
    "description",
    "customer_action",
    "emotion",
    "pain_points",
    "kpi",
    "responsible",
    "entry",
    "terminal",
    "x",
    "y",
    "personas",
)
_STEP_TEXT = ("channel", "description", "customer_action", "pain_points", "kpi", "responsible")
LINK_KEYS = ("from", "to", "label", "agreement", "sla")
TOP_KEYS = (
    "laneway",
    "title",
    "description",
    "departments",
    "stages",
    "personas",
    "definitions",
    "steps",
    "links",
    "notes",
)

__all__ = ["DictFormError", "excerpt", "map_from_dict", "map_to_dict"]


def excerpt(journey: JourneyMap, step_ids: Iterable[str] | None) -> JourneyMap:
    """The map itself (``step_ids`` None), or a new map of only those steps and the links
    between them, with every department and stage, as an export of a selection holds."""
    if step_ids is None:
        return journey
    return map_from_dict(map_to_dict(journey, set(step_ids)))


def map_to_dict(journey: JourneyMap, step_ids: set[str] | None = None) -> dict[str, Any]:
    """The interchange form; with ``step_ids``, only those steps and the links between them."""
    wanted = set(journey.steps) if step_ids is None else set(step_ids)
    out: dict[str, Any] = {"laneway": FORMAT_VERSION, "title": journey.info.title}
    if journey.info.description:
        out["description"] = journey.info.description
    out["departments"] = [
        {"name": d.name, "color": d.color} for d in journey.departments_in_order()
    ]
    out["stages"] = [s.name for s in journey.stages_in_order()]
    vocabulary_to_dict(journey, out)
    steps = []
    for step in journey.steps.values():
        if step.id not in wanted:
            continue
        item: dict[str, Any] = {
            "id": step.id,
            "title": step.title,
            "department": journey.department_name(step.department_id),
            "stage": journey.stage_name(step.stage_id),
        }
        for key in _STEP_TEXT:
            value = getattr(step, key)
            if value:
                item[key] = value
        if step.emotion is not None:
            item["emotion"] = step.emotion
        if step.entry:
            item["entry"] = True
        if step.terminal:
            item["terminal"] = True
        if step.x is not None and step.y is not None:
            item["x"] = _compact_number(step.x)
            item["y"] = _compact_number(step.y)
        if step.personas:
            item["personas"] = step_personas_item(journey, step.personas)
        steps.append(item)
    out["steps"] = steps
    links = []
    for link in journey.links.values():
        if link.source not in wanted or link.target not in wanted:
            continue
        item = {"from": link.source, "to": link.target}
        for key in ("label", "agreement", "sla"):
            value = getattr(link, key)
            if value:
                item[key] = value
        links.append(item)
    out["links"] = links
    notes_to_dict(journey, None if step_ids is None else wanted, out)
    return out


def _compact_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def map_from_dict(data: object) -> JourneyMap:
    """Check ``data`` (parsed JSON) and build the map it describes."""
    if not isinstance(data, dict):
        raise DictFormError("", _("The document must be a JSON object with 'steps' and 'links'."))
    no_unknown_keys(data, TOP_KEYS, _("The document"))
    version = data.get("laneway", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise DictFormError("'laneway'", _("must be the format version number 1."))
    if version > FORMAT_VERSION:
        raise DictFormError(
            "",
            _(
                "The document is format version {version}, newer than this "
                "Laneway reads ({FORMAT_VERSION}); update Laneway."
            ).format(version=version, FORMAT_VERSION=FORMAT_VERSION),
        )
    journey = MapBuilder(
        MapInfo(
            title=text_of(data, "title", "The document", default="Untitled journey"),
            description=text_of(data, "description", _("The document")),
        )
    )
    _read_departments(journey, listed(data, "departments"))
    _read_stages(journey, listed(data, "stages"))
    read_personas(journey, listed(data, "personas"))
    read_definitions(journey, listed(data, "definitions"))
    steps = listed(data, "steps")
    links = listed(data, "links")
    notes = listed(data, "notes")
    read_step = _StepReader(journey).read
    with paused_gc():  # a big document makes a million objects and no cycles
        for index, raw in enumerate(steps):
            read_step(raw, f"steps[{index}]")
        for index, raw in enumerate(links):
            _read_link(journey, raw, f"links[{index}]")
        read_notes(journey, notes)
        return journey.build()


_LINK_KEY_SET = key_set(LINK_KEYS)
_STEP_KEY_SET = key_set(STEP_KEYS)


def _read_departments(journey: MapBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        where = f"departments[{index}]"
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict):
            raise DictFormError(where, _("must be an object with a 'name' or a plain name."))
        no_unknown_keys(raw, ("name", "color"), where)
        name = text_of(raw, "name", where).strip()
        if not name:
            raise DictFormError(where, _("has no name."))
        existing = journey.department_by_name(name)
        if existing is not None:
            raise DictFormError(
                where,
                _("repeats the department {name!r} (names ignore case).").format(
                    name=existing.name
                ),
            )
        try:
            journey.add_department(name, text_of(raw, "color", where) or None)
        except ModelError as error:
            raise DictFormError(where, lower_first(str(error))) from None


def _read_stages(journey: MapBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        where = f"stages[{index}]"
        if isinstance(raw, dict):
            no_unknown_keys(raw, ("name",), where)
            raw = raw.get("name")
        if not isinstance(raw, str) or not raw.strip():
            raise DictFormError(where, _("must be a stage name."))
        if journey.stage_by_name(raw) is not None:
            raise DictFormError(where, _("repeats the stage {strip!r}.").format(strip=raw.strip()))
        journey.add_stage(raw)


class _StepReader:
    """Reads steps into the builder, remembering each department and stage name seen
    (a big map names the same few thousands of times)."""

    def __init__(self, journey: MapBuilder) -> None:
        self.journey = journey
        self.department_ids: dict[str, str] = {}
        self.stage_ids: dict[str, str] = {}

    def read(self, raw: object, where: str) -> None:
        journey = self.journey
        if not isinstance(raw, dict):
            raise DictFormError(where, _("must be an object with an 'id' and a 'title'."))
        if not raw.keys() <= _STEP_KEY_SET:
            no_unknown_keys(raw, STEP_KEYS, where)
        if "id" not in raw:
            raise DictFormError(where, _("has no 'id'."))
        step_id = raw["id"]
        if type(step_id) is not str or not step_id.strip():
            step_id = record_id(step_id, where, "id")
        if step_id in journey.steps:
            raise DictFormError(
                where, _("repeats the step id {step_id!r}.").format(step_id=step_id)
            )
        title = raw.get("title")
        if title is None:
            raise DictFormError(where, _("has no 'title'."))
        values: dict[str, object] = {
            "title": title if type(title) is str else text_of(raw, "title", where)
        }
        department, stage = raw.get("department"), raw.get("stage")
        if department is not None:
            known = self.department_ids.get(department) if type(department) is str else None
            department_id = known or self._department(raw, where)
            if department_id:
                values["department_id"] = department_id
        if stage is not None:
            known = self.stage_ids.get(stage) if type(stage) is str else None
            stage_id = known or self._stage(raw, where)
            if stage_id:
                values["stage_id"] = stage_id
        for key in _STEP_TEXT:
            if key in raw:
                values[key] = text_of(raw, key, where)
        if not raw.keys().isdisjoint(_STEP_FIGURES):
            _read_step_figures(raw, where, values)
        if "personas" in raw:
            values["personas"] = read_step_personas(journey, raw["personas"], where)
        journey.add_step_values(step_id, values)

    def _department(self, raw: dict, where: str) -> str:
        """The id of the step's department, added when new ('' for a blank name)."""
        return self._named(raw, where, "department", self.department_ids, self._find_department)

    def _stage(self, raw: dict, where: str) -> str:
        return self._named(raw, where, "stage", self.stage_ids, self._find_stage)

    def _find_department(self, name: str):
        return self.journey.department_by_name(name) or self.journey.add_department(name)

    def _find_stage(self, name: str):
        return self.journey.stage_by_name(name) or self.journey.add_stage(name)

    @staticmethod
    def _named(raw: dict, where: str, key: str, seen: dict[str, str], find_or_add) -> str:
        name = text_of(raw, key, where).strip()
        if not name:
            return ""
        found = find_or_add(name).id
        if type(raw[key]) is str:
            seen[raw[key]] = found
        return found


_STEP_FIGURES = frozenset(("emotion", "entry", "terminal", "x", "y"))


def _read_step_figures(raw: dict, where: str, values: dict[str, object]) -> None:
    """Emotion, the entry and terminal flags and the position, checked into ``values``."""
    emotion = raw.get("emotion")
    if emotion is not None:
        if (
            isinstance(emotion, bool)
            or not isinstance(emotion, int)
            or not EMOTION_MIN <= emotion <= EMOTION_MAX
        ):
            raise DictFormError(
                where,
                _(
                    "has emotion {emotion!r}; it must be a whole number from "
                    "{EMOTION_MIN} to {EMOTION_MAX}."
                ).format(emotion=emotion, EMOTION_MIN=EMOTION_MIN, EMOTION_MAX=EMOTION_MAX),
            )
        values["emotion"] = emotion
    for flag in ("entry", "terminal"):
        value = raw.get(flag, False)
        if value is not False:
            if not isinstance(value, bool):
                raise DictFormError(
                    where,
                    _("has {flag!r} {value!r}; it must be true or false.").format(
                        flag=flag, value=value
                    ),
                )
            values[flag] = value
    x, y = raw.get("x"), raw.get("y")
    for axis, value in (("x", x), ("y", y)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise DictFormError(
                where,
                _("has {axis!r} {value!r}; it must be a number.").format(axis=axis, value=value),
            )
    if (x is None) != (y is None):
        raise DictFormError(where, _("has only one of 'x' and 'y'."))
    if x is not None:
        values["x"], values["y"] = x, y


def _read_link(journey: MapBuilder, raw: object, where: str) -> None:
    if not isinstance(raw, dict):
        raise DictFormError(where, _("must be an object with 'from' and 'to'."))
    if not raw.keys() <= _LINK_KEY_SET:
        no_unknown_keys(raw, LINK_KEYS, where)
    if "from" not in raw or "to" not in raw:
        raise DictFormError(
            where, _("has no {value!r}.").format(value="from" if "from" not in raw else "to")
        )
    source, target = raw["from"], raw["to"]
    if (
        type(source) is not str
        or type(target) is not str
        or not source.strip()
        or not target.strip()
    ):
        source = record_id(source, where, "from")
        target = record_id(target, where, "to")
    steps = journey.steps
    if source not in steps or target not in steps:
        key, end = ("from", source) if source not in steps else ("to", target)
        raise DictFormError(
            where, _("has {key!r} step {end!r}, which does not exist.").format(key=key, end=end)
        )
    if source == target:
        raise DictFormError(where, _("links step {source!r} to itself.").format(source=source))
    if journey.link_between(source, target) is not None:
        raise DictFormError(
            where,
            _("repeats the link from {source!r} to {target!r}.").format(
                source=source, target=target
            ),
        )
    if len(raw) == 2:  # only the ends: the common case
        journey.add_link(source, target)
        return
    texts = {key: text_of(raw, key, where) for key in ("label", "agreement", "sla") if key in raw}
    journey.add_link(source, target, **texts)
