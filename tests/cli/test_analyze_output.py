"""``laneway analyze --json``: compact by default, indented on request, and a start-up
that loads only what the input needs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from laneway.store import create_map
from tests.support.maps import generated_journey, journey_dict


@pytest.fixture
def journey_file(tmp_path):
    path = tmp_path / "journey.json"
    path.write_text(json.dumps(journey_dict(120, seed=4)), encoding="utf-8")
    return path


def test_json_is_one_compact_line_by_default(laneway, journey_file):
    result = laneway("analyze", journey_file, "--json")
    assert result.code == 1  # the generated journey has unowned steps
    [line] = result.out.splitlines()
    data = json.loads(line)
    assert line == json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # no spaces
    assert data["summary"]["steps"] == 120


def test_indent_gives_the_same_object_for_people(laneway, journey_file):
    compact = json.loads(laneway("analyze", journey_file, "--json").out)
    result = laneway("analyze", journey_file, "--json", "--indent", "2")
    assert json.loads(result.out) == compact
    lines = result.out.splitlines()
    assert lines[0] == "{" and lines[1].startswith('  "summary": {')


def test_non_ascii_stays_readable_in_compact_json(laneway, tmp_path):
    data = journey_dict(30, seed=2)
    data["steps"][0]["title"] = "Lädt Preisliste herunter 営業"
    data["steps"][0]["department"] = None
    path = tmp_path / "unicode.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = laneway("analyze", path, "--json").out
    assert "Lädt Preisliste herunter 営業" in out


def test_a_negative_indent_is_refused(laneway, journey_file, capsys):
    with pytest.raises(SystemExit) as stopped:
        laneway("analyze", journey_file, "--json", "--indent", "-1")
    assert stopped.value.code == 2
    assert "-1 is negative" in capsys.readouterr().err


def _modules_loaded_by_analyze(path) -> list[str]:
    code = (
        "import sys, io, contextlib\n"
        "from laneway.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['analyze', {str(path)!r}, '--json'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'networkx', 'sqlite_utils',"
        " 'PySide6'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.replace("'", '"'))


def test_analyzing_a_json_file_loads_neither_networkx_nor_sqlite_utils(journey_file):
    assert _modules_loaded_by_analyze(journey_file) == []


def test_analyzing_a_map_file_loads_sqlite_utils_but_not_networkx(tmp_path):
    path = tmp_path / "map.laneway"
    create_map(path, generated_journey(60, seed=1))
    assert _modules_loaded_by_analyze(path) == ["sqlite_utils"]
