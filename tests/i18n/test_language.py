"""Choosing the language, its plurals, and dates and numbers written its way."""

from __future__ import annotations

from datetime import date

import pytest

from laneway.i18n import (
    _,
    current_language,
    ngettext,
    set_language,
    speaking,
    supported,
    system_language,
)
from laneway.i18n.formatting import format_day, format_number, format_percent
from laneway.model.wording import plural


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "pt_BR:fr:de", "LANG": "de_DE.UTF-8"}, "fr"),
        ({"LANGUAGE": "en_US:de", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "en"),  # no catalogue: English
        ({}, "en"),
    ],
)
def test_the_system_language_follows_gettext_s_variables(environ, expected):
    assert system_language(environ) == expected


def test_the_desktop_languages_count_when_no_variable_is_set():
    assert system_language({}, preferred=["fr-FR", "en-US"]) == "fr"
    assert system_language({}, preferred=["ja-JP", "de-CH"]) == "de"
    assert system_language({"LANG": "en_US.UTF-8"}, preferred=["de-DE"]) == "en"


def test_locale_names_map_to_catalogues():
    assert [supported(n) for n in ("de_AT.UTF-8", "fr-BE", "DE", "es_ES", "de@euro")] == [
        "de", "fr", "de", "en", "de",
    ]  # fmt: skip


def test_set_language_switches_every_sentence_and_speaking_restores():
    set_language("de")
    assert current_language() == "de"
    assert _("Findings") == "Befunde"
    with speaking("fr"):
        assert _("Findings") == "Constats"
    assert _("Findings") == "Befunde"
    set_language("xx_YY")
    assert _("Findings") == "Findings"


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {0: "0 steps", 1: "1 step", 2: "2 steps"}),
        ("de", {0: "0 Schritte", 1: "1 Schritt", 2: "2 Schritte"}),
        ("fr", {0: "0 étape", 1: "1 étape", 2: "2 étapes"}),  # French: 0 is singular
    ],
)
def test_plurals_follow_each_language_s_rules(language, counts):
    set_language(language)
    assert {n: plural(n, "step") for n in counts} == counts
    assert ngettext("{n} gap", "{n} gaps", 1).format(n=1) in ("1 gap", "1 Lücke", "1 écart")


@pytest.mark.parametrize(
    ("language", "day", "share", "number"),
    [
        ("en", "1 December 2026", "75%", "12,345.5"),
        ("de", "1. Dezember 2026", "75\u00a0%", "12.345,5"),
        ("fr", "1 décembre 2026", "75\u00a0%", "12\u202f345,5"),
    ],
)
def test_dates_and_numbers_are_written_the_language_s_way(language, day, share, number):
    set_language(language)
    assert format_day(date(2026, 12, 1)) == day
    assert format_percent(0.75) == share
    assert format_number(12345.5, 1) == number
