"""The layer rules of ARCHITECTURE.md, checked by import-linter's contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import networkx
import pytest
from importlinter.cli import lint_imports

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_layers_and_qt_free_core_contracts_hold(monkeypatch, capsys):
    monkeypatch.chdir(REPO_ROOT)
    exit_code = lint_imports(config_filename=str(REPO_ROOT / "pyproject.toml"), no_cache=True)
    output = capsys.readouterr().out
    assert exit_code == 0, output
    assert "Contracts: 3 kept, 0 broken." in output


def test_no_module_imports_itself_through_others():
    """No import circle anywhere in the package (also the ones a type hint would hide)."""
    graph = grimp.build_graph("laneway", cache_dir=None)
    imports = networkx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            imports.add_edge(module, imported)
    circles = [sorted(c) for c in networkx.strongly_connected_components(imports) if len(c) > 1]
    assert circles == []


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("['templates']", "b2b"),
        ("['new', OUT, '--template', 'b2b']", "Created"),
        ("['analyze', OUT]", "Ownership"),
    ],
)
def test_command_line_runs_without_loading_qt(tmp_path, command, expected):
    out = str(tmp_path / "b2b.laneway")
    code = (
        "import sys, laneway.cli\n"
        f"OUT = {out!r}\n"
        f"laneway.cli.main({command})\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    if "analyze" in command:
        subprocess.run(
            [sys.executable, "-m", "laneway", "new", out, "--template", "b2b"], check=True
        )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
