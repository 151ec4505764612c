"""The wheel holds exactly the tree: every module of src/laneway, every file of resources/.

The expected list is read from the tree, so a package or template added tomorrow is
expected too; ``pip install .`` then works the way the editable install does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import REPO_ROOT, wheel_names, wheel_text

SOURCE = REPO_ROOT / "src" / "laneway"
RESOURCES = REPO_ROOT / "resources"


def _tree_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def expected_in_wheel() -> set[str]:
    """Wheel paths of every file under src/laneway and resources/, as the tree has them."""
    modules = {f"laneway/{p.relative_to(SOURCE).as_posix()}" for p in _tree_files(SOURCE)}
    data = {
        f"laneway/resources/{p.relative_to(RESOURCES).as_posix()}" for p in _tree_files(RESOURCES)
    }
    return modules | data


def required_python() -> str:
    """pyproject.toml's requires-python (read without tomllib, which Python 3.10 lacks)."""
    text = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^requires-python = "([^"]+)"$', text, re.MULTILINE)
    assert found, "pyproject.toml states no requires-python"
    return found.group(1)


def test_the_wheel_ships_every_module_and_resource_of_the_tree_and_nothing_else(wheel):
    shipped = {name for name in wheel_names(wheel) if ".dist-info/" not in name}
    expected = expected_in_wheel()
    assert any(name.startswith("laneway/resources/templates/") for name in expected)
    missing = sorted(expected - shipped)
    extra = sorted(shipped - expected)
    assert not missing, f"{wheel.name} lacks {len(missing)} files of the tree: {missing}"
    assert not extra, f"{wheel.name} ships files the tree does not hold: {extra}"


def test_the_wheel_installs_both_commands_and_states_the_python_it_needs(wheel):
    entry_points = wheel_text(wheel, "entry_points.txt")
    assert re.search(r"\[console_scripts\]\s+laneway = laneway.__main__:main", entry_points)
    assert re.search(r"\[gui_scripts\]\s+laneway-app = laneway.__main__:main", entry_points)
    assert f"Requires-Python: {required_python()}" in wheel_text(wheel, "METADATA")


def _run_installed(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Python with the installed wheel first on the path (dependencies from this venv)."""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )


def test_templates_load_through_importlib_resources_from_the_installed_wheel(installed, tmp_path):
    code = (
        "import importlib.resources, json, laneway\n"
        "from laneway.io.templates import load_template, template_names\n"
        f"assert laneway.__file__.startswith({str(installed)!r}), laneway.__file__\n"
        "folder = importlib.resources.files('laneway.resources') / 'templates'\n"
        "data = json.loads((folder / 'b2b.json').read_text(encoding='utf-8'))\n"
        "for name in template_names():\n"
        "    print(name, len(load_template(name).steps))\n"
        "print('b2b.json', len(data['steps']))\n"
    )
    result = _run_installed(installed, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    counts = dict(line.split() for line in result.stdout.splitlines())
    assert {"b2b", "ecommerce", "support"} <= counts.keys()
    assert counts["b2b"] == counts["b2b.json"] == "19"


def test_the_installed_command_creates_and_analyzes_a_map_from_a_template(installed, tmp_path):
    """The issue's first failure: the wheel lacked laneway.analysis.rules."""
    created = _run_installed(
        installed, "-m", "laneway", "new", "x.laneway", "--template", "b2b", cwd=tmp_path
    )
    assert created.returncode == 0, created.stderr
    analyzed = _run_installed(installed, "-m", "laneway", "analyze", "x.laneway", cwd=tmp_path)
    assert analyzed.returncode in (0, 1), analyzed.stderr  # 1: the map has error findings
    assert "handoff" in analyzed.stdout.lower()
