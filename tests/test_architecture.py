"""The layer rules of ARCHITECTURE.md, checked by import-linter's contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_layers_and_qt_free_core_contracts_hold(monkeypatch, capsys):
    monkeypatch.chdir(REPO_ROOT)
    exit_code = lint_imports(config_filename=str(REPO_ROOT / "pyproject.toml"), no_cache=True)
    output = capsys.readouterr().out
    assert exit_code == 0, output
    assert "Contracts: 2 kept, 0 broken." in output


def test_command_line_starts_without_loading_qt():
    code = (
        "import sys, laneway.cli\n"
        "laneway.cli.main(['templates'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "b2b" in result.stdout
