"""Checks shared by the readers of the interchange dict form (dictform, dictcontent).

Every problem is one sentence naming the element (``links[3]``), raised as
``DictFormError``.
"""

from __future__ import annotations

import functools

from laneway.i18n import _
from laneway.model.invariants import ModelError


class DictFormError(ModelError):
    """One readable sentence about one element of an interchange document."""

    def __init__(self, element: str, problem: str) -> None:
        self.element = element
        self.problem = problem
        super().__init__(f"{element} {problem}" if element else problem)


def listed(data: dict, key: str) -> list:
    """``data[key]`` as a list (missing or null: empty)."""
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise DictFormError(f"'{key}'", _("must be a list."))
    return value


def text_of(item: dict, key: str, where: str, default: str = "") -> str:
    value = item.get(key, default)
    if type(value) is str:  # the common case, first
        return value
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise DictFormError(where, _("has a {key!r} that is not text.").format(key=key))
    return str(value)


def flag_of(item: dict, key: str, where: str) -> bool:
    value = item.get(key, False)
    if value is None or value is False:
        return False
    if not isinstance(value, bool):
        raise DictFormError(
            where,
            _("has {key!r} {value!r}; it must be true or false.").format(key=key, value=value),
        )
    return value


@functools.cache
def key_set(allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset(allowed)


def no_unknown_keys(item: dict, allowed: tuple[str, ...], where: str) -> None:
    if item.keys() <= key_set(allowed):
        return
    for key in item:
        if key not in allowed:
            raise DictFormError(
                where,
                _("has an unknown field {key!r} (allowed: {value}).").format(
                    key=key, value=", ".join(allowed)
                ),
            )


def record_id(value: object, where: str, key: str) -> str:
    """A step id (or another record's) as text: a string, or a whole number's digits."""
    if type(value) is str and value.strip():
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DictFormError(where, _("needs {key!r}: a text or whole-number id.").format(key=key))
    text = str(value)
    if not text.strip():
        raise DictFormError(where, _("has an empty {key!r}.").format(key=key))
    return text


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
