"""The README's Quick start installs as a user does, and CI runs exactly its test command."""

from __future__ import annotations

import re

from tests.packaging.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    found = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert found, f"the README has no '## {title}' section"
    return found.group(1)


def _commands(section: str) -> list[str]:
    blocks = re.findall(r"^```sh\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_quick_start_has_two_commands_that_install_without_editable_mode():
    demo, tests = _commands(_section("Quick start"))  # exactly two
    assert "pip install . " in demo and demo.endswith("laneway demo")
    assert 'pip install ".[test]"' in tests and tests.endswith("-m pytest")
    assert " -e " not in demo + tests


def test_ci_runs_the_quick_start_test_command_as_written():
    _, tests = _commands(_section("Quick start"))
    assert f"'{tests}'" in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_install_section_covers_each_way_to_get_the_app():
    install = _section("Install")
    for way in ("Windows", "macOS", "Linux", "pip"):
        assert f"**{way}" in install or f"**With {way}" in install, way
    assert "--self-test" in install


def test_development_says_to_install_in_editable_mode():
    assert 'pip install -e ".[test]"' in _section("Development")
