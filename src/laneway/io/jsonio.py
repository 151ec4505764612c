"""Interchange JSON (SPEC §4): read and write ``.json`` maps.

Reading is strict about what JSON allows and what a map can hold: ``NaN`` and
``Infinity`` (not JSON), integers of more than 15 digits, numbers beyond a float,
lone surrogates (``"\\ud800"``), NUL characters, nesting deeper than ``MAX_DEPTH``,
more records or longer texts than the documented limits — each one sentence.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from laneway.i18n import _
from laneway.io.errors import InputError, read_text
from laneway.io.limits import check_map_limits
from laneway.model import JourneyMap, ModelError, map_from_dict, map_to_dict
from laneway.model.dictform import DictFormError
from laneway.model.limits import COUNT_LIMITS, MAX_DEPTH, MAX_ID, MAX_TEXT

#: Digits in the longest integer accepted (an id, an emotion, a coordinate).
MAX_INTEGER_DIGITS = 15
_ID_KEYS = {("steps", "id"), ("links", "from"), ("links", "to"), ("notes", "id")}
_COUNTED = {
    "steps": "step",
    "links": "link",
    "departments": "department",
    "stages": "stage",
    "personas": "persona",
    "definitions": "definition",
    "notes": "note",
}


class _Refused(ValueError):
    """Raised from inside the decoder for a number JSON maps never hold."""


def dumps(journey: JourneyMap, step_ids: set[str] | None = None) -> str:
    return json.dumps(map_to_dict(journey, step_ids), ensure_ascii=False, indent=2) + "\n"


def _constant(word: str) -> object:
    raise _Refused(_("holds {word}, which is not a JSON number").format(word=word))


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _Refused(
            _("holds an integer of {value:,} digits").format(value=len(text.lstrip("-")))
        )
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(_("holds the number {value}, which is too large").format(value=text[:20]))
    return value


def loads(text: str, path: str | Path | None = None) -> JourneyMap:
    data = _parse(text, path)
    _check_values(data, path)
    try:
        journey = map_from_dict(data)
    except DictFormError as error:
        raise InputError(path, error.problem, where=error.element or None) from None
    except ModelError as error:
        raise InputError(path, str(error)) from None
    check_map_limits(journey, path)
    return journey


def _parse(text: str, path: str | Path | None) -> object:
    try:
        return json.loads(text, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    except json.JSONDecodeError as error:
        raise InputError(
            path,
            _("is not valid JSON ({lower})").format(lower=error.msg.lower()),
            where=_("line {lineno}, column {colno}").format(lineno=error.lineno, colno=error.colno),
        ) from None
    except _Refused as error:
        raise InputError(path, str(error)) from None
    except RecursionError:
        raise InputError(
            path,
            _("nests JSON too deeply (Laneway reads {MAX_DEPTH} levels)").format(
                MAX_DEPTH=MAX_DEPTH
            ),
        ) from None


def _check_values(data: object, path: str | Path | None) -> None:
    """Depth, text and counts, checked without recursion before the map is built."""
    if isinstance(data, dict):
        for key, table in _COUNTED.items():
            items = data.get(key)
            if isinstance(items, list) and len(items) > COUNT_LIMITS[table]:
                raise InputError(
                    path,
                    _("has {value:,} {key}; Laneway reads maps of up to {value2:,}").format(
                        value=len(items), key=key, value2=COUNT_LIMITS[table]
                    ),
                )
    pending: list[tuple[object, tuple, int]] = [(data, (), 0)]
    while pending:
        value, where, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise InputError(
                path,
                _("nests JSON too deeply (Laneway reads {MAX_DEPTH} levels)").format(
                    MAX_DEPTH=MAX_DEPTH
                ),
            )
        if isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, where, path)
                pending.append((item, (*where, key), depth + 1))
        elif isinstance(value, list):
            pending.extend((item, (*where, index), depth + 1) for index, item in enumerate(value))
        elif isinstance(value, str):
            _check_text(value, where, path)


def _check_text(text: str, where: tuple, path: str | Path | None) -> None:
    is_id = len(where) == 3 and (where[0], where[2]) in _ID_KEYS
    limit = MAX_ID if is_id else MAX_TEXT
    if len(text) > limit:
        raise InputError(
            path,
            _("has a text of {value:,} characters; Laneway keeps at most {limit:,} there").format(
                value=len(text), limit=limit
            ),
            where=_element(where),
        )
    if "\x00" in text:
        raise InputError(path, _("holds a NUL character in a text"), where=_element(where))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            path,
            _("holds a lone surrogate (\\ud800…\\udfff), which is not text"),
            where=_element(where),
        ) from None


def _element(where: tuple) -> str | None:
    """('steps', 3, 'title') → 'steps[3].title'."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def read(path: str | Path) -> JourneyMap:
    return loads(read_text(path, what="JSON"), path)


def write_bytes(journey: JourneyMap) -> bytes:
    return dumps(journey).encode("utf-8")
