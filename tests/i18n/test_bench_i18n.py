"""What speaking German costs (skipped in the normal run): `pytest tests/i18n --benchmark-only`.

The analysis builds every finding's sentence through the catalogue, and the terminal
report formats its shares with Babel in German (English takes the stdlib path).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from laneway.analysis import analyze, format_report
from laneway.i18n import _, set_language
from tests.support.maps import generated_journey

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.benchmark(group="i18n-analysis")
@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_bench_analysis_and_report_in_a_language(benchmark, language):
    journey = generated_journey(2_000)
    set_language(language)

    def run():
        return format_report(journey, analyze(journey))

    text = benchmark(run)
    assert ("Befunde" in text or "Fehler" in text) if language == "de" else True


@pytest.mark.benchmark(group="i18n-lookup")
@pytest.mark.parametrize("language", ["en", "de"])
def test_bench_one_lookup(benchmark, language):
    set_language(language)
    assert benchmark(_, "Findings") == {"en": "Findings", "de": "Befunde"}[language]


@pytest.mark.benchmark(group="i18n-process")
@pytest.mark.parametrize("language", ["C.UTF-8", "de_DE.UTF-8"])
def test_bench_laneway_analyze_process(benchmark, language):
    template = os.path.join(ROOT, "resources", "templates", "b2b.json")
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL")}
    env["LANG"] = language

    def run():
        return subprocess.run(
            [sys.executable, "-m", "laneway", "analyze", template],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip

    done = benchmark.pedantic(run, rounds=15, warmup_rounds=2)
    assert done.returncode == 1
    assert ("zuständig" in done.stdout) == language.startswith("de")
