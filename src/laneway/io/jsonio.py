"""Interchange JSON (SPEC §4): read and write ``.json`` maps."""

from __future__ import annotations

import json
from pathlib import Path

from laneway.io.errors import InputError, read_text
from laneway.model import JourneyMap, map_from_dict, map_to_dict
from laneway.model.dictform import DictFormError


def dumps(journey: JourneyMap, step_ids: set[str] | None = None) -> str:
    return json.dumps(map_to_dict(journey, step_ids), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: str | Path | None = None) -> JourneyMap:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            path,
            f"is not valid JSON ({error.msg.lower()})",
            where=f"line {error.lineno}, column {error.colno}",
        ) from None
    except RecursionError:
        raise InputError(path, "nests JSON too deeply to be a Laneway map") from None
    try:
        return map_from_dict(data)
    except DictFormError as error:
        return _raise_element(path, error)


def _raise_element(path: str | Path | None, error: DictFormError) -> JourneyMap:
    raise InputError(path, error.problem, where=error.element or None) from None


def read(path: str | Path) -> JourneyMap:
    return loads(read_text(path, what="JSON"), path)


def write_bytes(journey: JourneyMap) -> bytes:
    return dumps(journey).encode("utf-8")
