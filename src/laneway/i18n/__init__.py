"""The language Laneway speaks: one gettext catalogue for the core, the command line and the app.

Every user-visible sentence is written in English in the code and looked up at the moment
it is shown: ``_("Steps")``, ``ngettext("{n} step", "{n} steps", n)``, and ``N_`` to mark
a sentence kept in a table at import time (it is translated where it is shown). The
catalogues are ``resources/locale/<language>/LC_MESSAGES/laneway.po`` (compiled to
``.mo`` next to them by ``packaging/update_translations.py``).

The language is chosen once per process with ``set_language`` (the command line: from
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; the app: View → Language or the
system's). Standard library only, so every layer may use it.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources

DOMAIN = "laneway"
#: The languages with a catalogue, and their names in their own language (View → Language).
LANGUAGES: Mapping[str, str] = {"en": "English", "de": "Deutsch", "fr": "Français"}
SOURCE_LANGUAGE = "en"
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_state: dict[str, object] = {
    "language": SOURCE_LANGUAGE,
    "translation": _gettext.NullTranslations(),
}


def _(message: str) -> str:
    """``message`` in the current language."""
    return _translation().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (tables built at import)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence for ``count`` in the current language (its plural rules)."""
    return _translation().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (a word that translates differently elsewhere)."""
    return _translation().pgettext(context, message)


def current_language() -> str:
    """The code of the language in use: "en", "de" or "fr"."""
    return str(_state["language"])


def set_language(language: str | None) -> str:
    """Speak ``language`` ("de", "fr_FR.UTF-8", "en", …) from now on; None: the system's.

    Unknown languages fall back to English. Returns the code chosen.
    """
    code = supported(language) if language else system_language()
    _state["language"] = code
    _state["translation"] = load_translation(code)
    return code


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Use ``language`` inside the block, then the previous one (machine output, tests)."""
    previous = current_language()
    try:
        yield set_language(language or SOURCE_LANGUAGE)
    finally:
        set_language(previous)


def supported(language: str) -> str:
    """The catalogue for a locale name ("de_AT.UTF-8" → "de"); English when there is none."""
    base = language.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else SOURCE_LANGUAGE


def system_language(environ: Mapping[str, str] | None = None, preferred: Iterable[str] = ()) -> str:
    """The first supported language the system asks for.

    The environment as gettext reads it (``LANGUAGE`` may list several, "de:fr"; the
    first non-empty variable decides; "C" and "POSIX" are English), then ``preferred``
    (the app passes the desktop's ui languages, for Windows and macOS where no variable is set).
    """
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT_VARIABLES:
        value = environ.get(variable, "")
        if value:
            for name in value.split(":"):
                if name and name not in ("C", "POSIX") and not name.startswith("C."):
                    code = supported(name)
                    if code != SOURCE_LANGUAGE or name.lower().startswith("en"):
                        return code
            if variable != "LANGUAGE":
                return SOURCE_LANGUAGE
    for name in preferred:
        code = supported(name)
        if code != SOURCE_LANGUAGE or name.lower().startswith("en"):
            return code
    return SOURCE_LANGUAGE


def load_translation(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language`` from the package resources (English: none)."""
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    path = resources.files("laneway.resources").joinpath(
        "locale", language, "LC_MESSAGES", f"{DOMAIN}.mo"
    )
    try:
        with path.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    except OSError:
        return _gettext.NullTranslations()


def _translation() -> _gettext.NullTranslations:
    return _state["translation"]  # type: ignore[return-value]
