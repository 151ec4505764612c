"""Shared test setup: headless Qt, isolated settings, and map fixtures."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from laneway.model import JourneyMap, MapInfo
from laneway.store import MapStore, create_map

# Headless (read when the QApplication is made, after this); settings and the log never
# touch the real user's folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("LANEWAY_CONFIG_DIR", tempfile.mkdtemp(prefix="laneway-test-config-"))
os.environ.setdefault("LANEWAY_LOG_DIR", tempfile.mkdtemp(prefix="laneway-test-log-"))
os.environ["LANEWAY_NO_DISCOVERY"] = "1"  # tests never start mDNS (COLLAB.md "Testing it")
# The tests read the English sentences whatever the machine's language; the translation
# tests choose theirs (tests/i18n). LANGUAGE is the variable only gettext reads.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _english():
    """Every test starts and ends in English (a test may switch with set_language)."""
    from laneway.i18n import set_language

    set_language("en")
    yield
    set_language("en")


# CI runs the same examples every time; a developer's machine keeps exploring.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPORA = REPO_ROOT.parent / "shared" / "corpora"


def build_map(
    departments: tuple[str, ...] = ("Marketing", "Sales"),
    stages: tuple[str, ...] = ("Awareness", "Purchase"),
    steps: tuple[tuple[str, str | None, str | None], ...] = (),
    links: tuple[tuple[str, str], ...] = (),
    title: str = "Test journey",
) -> JourneyMap:
    """A small map: steps are (title, department name, stage name); links by title."""
    journey = JourneyMap(MapInfo(title=title))
    for name in departments:
        journey.add_department(name)
    for name in stages:
        journey.add_stage(name)
    by_title: dict[str, str] = {}
    for step_title, department, stage in steps:
        step = journey.add_step(
            step_title,
            department_id=journey.department_by_name(department).id if department else None,
            stage_id=journey.stage_by_name(stage).id if stage else None,
        )
        by_title[step_title] = step.id
    for source, target in links:
        journey.add_link(by_title[source], by_title[target])
    return journey


@pytest.fixture
def sample_map() -> JourneyMap:
    return build_map(
        steps=(
            ("Reads blog", "Marketing", "Awareness"),
            ("Requests demo", "Marketing", "Awareness"),
            ("Qualify lead", "Sales", "Purchase"),
            ("Nobody calls", None, "Purchase"),
        ),
        links=(
            ("Reads blog", "Requests demo"),
            ("Requests demo", "Qualify lead"),
            ("Qualify lead", "Nobody calls"),
        ),
    )


@pytest.fixture
def map_file(tmp_path: Path, sample_map: JourneyMap) -> Path:
    path = tmp_path / "journey.laneway"
    create_map(path, sample_map)
    return path


@pytest.fixture
def document(map_file: Path):
    from laneway.document import Document

    doc = Document.open(map_file)
    yield doc
    doc.close()


def reopen(path: Path) -> JourneyMap:
    """Load the file afresh, read-only, as another process would."""
    store = MapStore.open(path, read_only=True)
    try:
        return store.load()
    finally:
        store.close()


@pytest.fixture
def reopened() -> Callable[[Path], JourneyMap]:
    return reopen


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Benchmarks run in one process (workers would time each other); tests use every core."""
    if config.getoption("benchmark_only", default=False):
        return 0
    return None
