"""The command line speaks the language of LANGUAGE / LC_ALL / LC_MESSAGES / LANG."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from laneway.store import create_map
from tests.conftest import build_map

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def unowned_map(tmp_path):
    """A map with one step nobody owns (an error finding) and an unagreed handoff."""
    journey = build_map(
        steps=(("Sees the ad", "Marketing", "Awareness"), ("Asks for a quote", None, "Purchase"),
               ("Calls back", "Sales", "Purchase")),
        links=(("Sees the ad", "Calls back"),),
    )  # fmt: skip
    path = tmp_path / "m.laneway"
    create_map(path, journey)
    return path


def _laneway(*args: object, **variables: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "-m", "laneway", *map(str, args)],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip


def test_a_german_system_gets_the_analysis_in_german(unowned_map):
    done = _laneway("analyze", unowned_map, LANG="de_DE.UTF-8")
    assert done.returncode == 1  # an error finding, as in English
    assert "Niemand ist für 'Asks for a quote' in Purchase zuständig. [unowned-step]" in done.stdout
    assert "Niemand hat vereinbart, was Marketing bei 'Sees the ad' → 'Calls back'" in done.stdout
    assert "Zuständigkeit          67\u00a0% (zuständig für 2 von 3 Schritte)" in done.stdout
    assert "Nobody" not in done.stdout


def test_a_french_system_gets_it_in_french_and_language_goes_first(unowned_map):
    done = _laneway("analyze", unowned_map, LANG="de_DE.UTF-8", LANGUAGE="fr_FR:de")
    assert "Personne n’est responsable de 'Asks for a quote' dans Purchase." in done.stdout


def test_lc_all_overrides_lang_and_c_means_english(unowned_map):
    assert "Niemand ist" in _laneway("analyze", unowned_map, LANG="C", LC_ALL="de_AT.UTF-8").stdout
    english = _laneway("analyze", unowned_map, LANG="de_DE.UTF-8", LC_ALL="C.UTF-8").stdout
    assert "Nobody owns 'Asks for a quote' in Purchase." in english


def test_machine_output_stays_english(unowned_map):
    done = _laneway("analyze", unowned_map, "--json", LANG="de_DE.UTF-8")
    report = json.loads(done.stdout)
    rules = [finding["rule"] for finding in report["findings"]]
    assert "unowned-step" in rules
    assert report["findings"][0]["message"] == "Nobody owns 'Asks for a quote' in Purchase."


def test_errors_and_help_are_translated(tmp_path):
    missing = _laneway("analyze", tmp_path / "none.laneway", LANG="fr_FR.UTF-8")
    assert missing.returncode == 2
    assert "none.laneway" in missing.stderr
    assert "Traceback" not in missing.stderr
    typo = _laneway("analyse", LANG="de_DE.UTF-8")
    assert typo.returncode == 2
    assert "'analyse' ist kein Befehl; meinten Sie 'analyze'?" in typo.stderr
    helped = _laneway("--help", LANG="de_DE.UTF-8")
    assert "eine Karte erstellen, leer oder aus einer eingebauten Vorlage" in helped.stdout
