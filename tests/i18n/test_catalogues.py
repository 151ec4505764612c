"""The German and French catalogues: complete, safe to format, compiled, current."""

from __future__ import annotations

import gettext
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from laneway.i18n import LANGUAGES, SOURCE_LANGUAGE, load_translation

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _script():
    """packaging/update_translations.py, the one command that maintains the catalogues."""
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def _catalog(language: str) -> Catalog:
    return SCRIPT.read_catalog(SCRIPT.po_path(language), language)


def _messages(catalog: Catalog):
    return [message for message in catalog if message.id]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_sentence_is_translated(language):
    catalog = _catalog(language)
    assert len(_messages(catalog)) > 900
    assert SCRIPT.untranslated(catalog) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_mnemonics_and_plural_forms(language):
    catalog = _catalog(language)
    problems = []
    for message in _messages(catalog):
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple):
            assert len(strings) == catalog.num_plurals, message.id
        for index, text in enumerate(strings):
            source = sources[min(index, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append((source, text))
            if "&" in source and ";;" not in source and "&" not in text:
                problems.append((source, text))  # the menu entry lost its mnemonic
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_translations_format_with_the_values_the_code_passes(language):
    """Each brace placeholder of a translation formats like its English sentence."""
    catalog = _catalog(language)
    for message in _messages(catalog):
        if "python-brace-format" not in message.flags:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        names = {
            name.split("!")[0].split(":")[0] for name in re.findall(r"\{([^{}]*)\}", sources[0])
        }
        values = {name: 1234 if name in ("n", "count", "value") else 5 for name in names}
        try:
            sources[0].format(**values)
        except (KeyError, IndexError, ValueError):
            continue  # braces that are text, never formatted ({"step": ID})
        for text in strings:
            try:
                text.format(**values)
            except (KeyError, IndexError, ValueError) as error:  # a broken brace
                raise AssertionError(f"{text!r}: {error}") from None


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_is_the_po_file(language):
    """The shipped .mo holds exactly the .po's translations (compile again after editing)."""
    catalog = _catalog(language)
    with SCRIPT.mo_path(language).open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    for message in _messages(catalog):
        if isinstance(message.id, tuple):
            for n, expected in ((1, message.string[0]), (2, message.string[-1])):
                assert compiled.ngettext(*message.id, n) == expected, message.id
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string
        else:
            assert compiled.gettext(message.id) == message.string, message.id


def test_the_catalogues_hold_every_sentence_the_code_marks():
    """A sentence wrapped in _() after the last update is missing: run
    ``python packaging/update_translations.py`` (README "Languages")."""
    marked = {message.id for message in SCRIPT.extract() if message.id}
    for language in TRANSLATED:
        held = {message.id for message in _messages(_catalog(language))}
        assert marked - held == set(), language
        assert held - marked == set(), language


def test_the_package_loads_the_catalogues_from_its_resources():
    german = load_translation("de")
    assert german.gettext("Findings") == "Befunde"
    assert load_translation("fr").gettext("Findings") == "Constats"
    assert load_translation("en").gettext("Findings") == "Findings"


def test_untranslated_sentences_are_listed_and_filled(tmp_path, monkeypatch):
    """The lead's pass: --untranslated lists what a language lacks, --fill puts it in."""
    import shutil

    shutil.copytree(SCRIPT.LOCALE, tmp_path / "locale")
    monkeypatch.setattr(SCRIPT, "LOCALE", tmp_path / "locale")
    catalog = _catalog("fr")
    for message in catalog:
        if message.id == "Findings":
            message.string = ""
        if message.id == ("{n} gap", "{n} gaps"):
            message.string = ("", "", "")
    SCRIPT.po_path("fr").write_bytes(SCRIPT.po_bytes(catalog))
    assert SCRIPT.untranslated_lines("fr") == ["1\tFindings", "2\t{n} gap || {n} gaps"]
    given = tmp_path / "fr.txt"
    given.write_text("1\tConstats\n2\t{n} écart || {n} écarts\n", encoding="utf-8")
    assert SCRIPT.fill("fr", given) == 2
    assert SCRIPT.untranslated(_catalog("fr")) == []
    with SCRIPT.mo_path("fr").open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    assert compiled.gettext("Findings") == "Constats"
    assert compiled.ngettext("{n} gap", "{n} gaps", 3) == "{n} écarts"
