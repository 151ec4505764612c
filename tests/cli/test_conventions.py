"""Command-line conventions (issue 11, item 5): what opens the app, --force, the input is
never the output, permissions, '-' for standard input and output, the format list,
plurals and the one 'laneway:' prefix."""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from laneway.cli import main
from laneway.store import create_map
from tests.conftest import build_map, reopen

ONE_OF_EACH = build_map(
    departments=("Sales",),
    stages=("Purchase",),
    steps=(("Call", "Sales", "Purchase"), ("Close", "Sales", "Purchase")),
    links=(("Call", "Close"),),
)


@pytest.fixture
def opened_app(monkeypatch):
    """Run the command line with an app that records what it was asked to open."""
    calls: list[tuple[list[str], bool]] = []

    def open_app(paths, demo=False):
        calls.append((list(paths), demo))
        return 0

    def run(*args: object) -> int:
        return main([str(a) for a in args], open_app=open_app)

    run.calls = calls  # type: ignore[attr-defined]
    return run


@pytest.fixture
def b2b(laneway, tmp_path) -> Path:
    path = tmp_path / "b2b.laneway"
    assert laneway("new", path, "--template", "b2b").code == 0
    return path


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --------------------------------------------------------- what opens the app
def test_a_mistyped_command_is_an_error_with_a_suggestion_never_the_app(
    opened_app, capsys, tmp_path
):
    assert opened_app("expotr", tmp_path / "m.laneway") == 2
    err = capsys.readouterr().err
    assert (
        err
        == "laneway: 'expotr' is not a command; did you mean 'export'? (see 'laneway --help').\n"
    )
    assert opened_app("analyse", "m.laneway") == 2
    assert "did you mean 'analyze'?" in capsys.readouterr().err
    assert opened_app.calls == []


def test_a_mistyped_command_does_not_start_the_app_without_a_display(tmp_path):
    """Before, 'laneway expotr m.laneway' started the app (and aborted without a display)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["WAYLAND_DISPLAY"] = ""
    result = subprocess.run(
        [sys.executable, "-m", "laneway", "expotr", "m.laneway"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("laneway: 'expotr' is not a command; did you mean 'export'?")
    assert result.stdout == ""


def test_only_laneway_paths_open_the_app(opened_app, capsys, tmp_path):
    missing = tmp_path / "not-yet.laneway"
    assert opened_app(missing, tmp_path / "B.LANEWAY") == 0
    assert opened_app() == 0
    assert opened_app("demo") == 0
    assert opened_app.calls == [
        ([str(missing), str(tmp_path / "B.LANEWAY")], False),
        ([], False),
        ([], True),
    ]
    notes = tmp_path / "notes.json"
    notes.write_text("{}", encoding="utf-8")
    assert opened_app(notes) == 2
    assert "notes.json: the app opens .laneway maps only; make one with 'laneway import" in (
        capsys.readouterr().err
    )
    assert opened_app(tmp_path / "typo.lanewya") == 2
    assert "typo.lanewya: no such file, and not a command" in capsys.readouterr().err
    assert opened_app("m.laneway", "--dark") == 2
    assert opened_app("frobnicate") == 2
    assert "'frobnicate' is not a command (the commands: new, templates, analyze" in (
        capsys.readouterr().err
    )
    assert len(opened_app.calls) == 3


def test_argument_errors_are_one_sentence_with_one_prefix(laneway, capsys):
    with pytest.raises(SystemExit) as stopped:
        laneway("export", "m.laneway")
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        "laneway: export: the following arguments are required: -o/--output "
        "(see 'laneway export --help').\n"
    )


# ---------------------------------------------------------------------- --force
@pytest.mark.parametrize("command", ["new", "import", "export"])
def test_no_command_replaces_an_existing_file_without_force(laneway, tmp_path, command):
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"steps": [{"id": "a", "title": "A"}]}), encoding="utf-8")
    if command == "export":
        args, output = ["export", create_map(tmp_path / "m.laneway", ONE_OF_EACH)], "out.json"
    else:
        args, output = ([command] if command == "new" else [command, source]), "out.laneway"
    target = tmp_path / output
    target.write_bytes(b"precious")
    flag = [] if command == "new" else ["-o"]
    refused = laneway(*args, *flag, target)
    assert refused.code == 2
    assert (
        refused.err == f"laneway: {output}: already exists; choose another name or pass --force.\n"
    )
    assert target.read_bytes() == b"precious"
    assert laneway(*args, *flag, target, "--force").code == 0
    assert target.read_bytes() != b"precious"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _help(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as stopped:
        main([*args, "--help"])
    assert stopped.value.code == 0
    return " ".join(out.getvalue().split())


def test_force_means_the_same_in_the_help_of_every_command_that_writes():
    for command in ("new", "import", "export"):
        text = _help(command)
        assert "--force replace OUT if it exists (never a read-only file, never the input)" in (
            text
        ), command
    assert "No command replaces an existing file without --force" in _help()


# --------------------------------------------------------- input is not output
def test_the_input_map_is_never_the_output_also_through_links(laneway, b2b, tmp_path):
    before = b2b.read_bytes()
    symlink = tmp_path / "alias.json"
    symlink.symlink_to(b2b)
    hardlink = tmp_path / "hard.csv"
    os.link(b2b, hardlink)
    for output in (symlink, hardlink):
        result = laneway("export", b2b, "-o", output, "--force")
        assert result.code == 2, output
        assert "is the input itself (or a link to it)" in result.err
    assert b2b.read_bytes() == before
    assert reopen(b2b).info.title == "B2B lead to renewal"


def test_import_never_writes_over_its_source_through_a_link(laneway, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"steps": [{"id": "a", "title": "A"}]}), encoding="utf-8")
    target = tmp_path / "out.laneway"
    target.symlink_to(source)
    result = laneway("import", source, "-o", target, "--force")
    assert result.code == 2 and "is the input itself" in result.err
    assert json.loads(source.read_text(encoding="utf-8"))["steps"][0]["id"] == "a"


# ----------------------------------------------------------------- permissions
def test_a_replaced_file_keeps_its_permissions(laneway, b2b, tmp_path):
    output = tmp_path / "private.json"
    output.write_text("old", encoding="utf-8")
    output.chmod(0o600)
    assert laneway("export", b2b, "-o", output, "--force").code == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert json.loads(output.read_text(encoding="utf-8"))["laneway"] == 1
    shared = tmp_path / "shared.png"
    shared.write_bytes(b"old")
    shared.chmod(0o664)
    assert laneway("export", b2b, "-o", shared, "--force").code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    assert shared.read_bytes().startswith(b"\x89PNG")


def test_a_read_only_file_is_refused_even_with_force(laneway, b2b, tmp_path):
    output = tmp_path / "final.csv"
    output.write_text("the signed-off version", encoding="utf-8")
    output.chmod(0o444)
    result = laneway("export", b2b, "-o", output, "--force")
    assert result.code == 2
    assert result.err == "laneway: final.csv: is read-only; Laneway does not replace it.\n"
    assert output.read_text(encoding="utf-8") == "the signed-off version"
    assert stat.S_IMODE(output.stat().st_mode) == 0o444


def test_a_symbolic_link_output_is_written_through(laneway, b2b, tmp_path):
    real = tmp_path / "deck" / "map.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert laneway("export", b2b, "-o", link, "--force").code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["title"] == "B2B lead to renewal"


def test_a_folder_is_not_an_output(laneway, b2b, tmp_path):
    (tmp_path / "out.json").mkdir()
    result = laneway("export", b2b, "-o", tmp_path / "out.json", "--force")
    assert result.code == 2
    assert "out.json: is a folder; choose a file name for the output." in result.err


# -------------------------------------------------------------- standard input
def test_analyze_reads_standard_input_and_sniffs_the_format(laneway, monkeypatch, tmp_path):
    data = {
        "steps": [{"id": 1, "title": "Reads blog"}, {"id": 2, "title": "Calls"}],
        "links": [{"from": 1, "to": 2}],
    }
    _stdin(monkeypatch, json.dumps(data).encode())
    result = laneway("analyze", "-", "--json")
    assert result.code == 1, result.err  # two unowned steps: error findings
    assert json.loads(result.out)["summary"]["steps"] == 2
    _stdin(monkeypatch, create_map(tmp_path / "m.laneway", ONE_OF_EACH).read_bytes())
    result = laneway("analyze", "-")
    assert result.code == 0, result.err
    assert "Steps            2 (1 link, 1 department)" in result.out


def test_import_reads_csv_and_mermaid_from_standard_input(laneway, monkeypatch, tmp_path):
    _stdin(
        monkeypatch, b"id,title,department,next\n1,Downloads guide,Marketing,2\n2,Calls,Sales,\n"
    )
    result = laneway("import", "-", "-o", tmp_path / "csv.laneway")
    assert result.code == 0, result.err
    assert result.out.startswith("Imported 2 steps, 1 link, 2 departments and 0 stages into")
    journey_text = (
        b"---\ntitle: Onboarding\n---\njourney\n  section Start\n    Signs up: 5: Sales\n"
    )
    _stdin(monkeypatch, journey_text)
    assert laneway("import", "-", "-o", tmp_path / "sniffed.laneway").code == 0
    assert reopen(tmp_path / "sniffed.laneway").info.title == "Onboarding"
    _stdin(monkeypatch, journey_text)
    assert laneway("import", "-", "--format", "mermaid", "-o", tmp_path / "named.laneway").code == 0
    assert [s.title for s in reopen(tmp_path / "named.laneway").steps.values()] == ["Signs up"]


def test_bad_standard_input_names_standard_input(laneway, monkeypatch, tmp_path):
    _stdin(monkeypatch, b'{"steps": [{"id": "a"}]}')
    result = laneway("import", "-", "-o", tmp_path / "out.laneway")
    assert result.code == 2
    assert result.err.startswith("laneway: standard input, ")
    assert "stdin" not in result.err and result.err.count("\n") == 1
    assert not (tmp_path / "out.laneway").exists()
    _stdin(monkeypatch, b"")
    assert laneway("analyze", "-").err == "laneway: standard input: is empty.\n"
    result = laneway("analyze", tmp_path / "m.json", "--format", "json")
    assert result.code == 2 and "--format is for '-'" in result.err


# ------------------------------------------------------------- standard output
@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("json", lambda text: json.loads(text)["title"] == "B2B lead to renewal"),
        ("csv", lambda text: text.lstrip("\ufeff").startswith("kind,id,title,")),
        ("mmd", lambda text: "flowchart" in text),
        ("graphml", lambda text: "<graphml" in text),
        ("svg", lambda text: "<svg" in text and "</svg>" in text),
    ],
)
def test_export_writes_text_formats_to_standard_output(b2b, name, check, tmp_path, monkeypatch):
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["export", str(b2b), "-o", "-", "--format", name]) == 0
    assert check(stdout.buffer.getvalue().decode("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b2b.laneway"]


def test_binary_formats_go_to_a_pipe_but_not_to_a_terminal(laneway, b2b, monkeypatch):
    piped = subprocess.run(
        [sys.executable, "-m", "laneway", "export", str(b2b), "-o", "-", "--format", "png"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    refused = laneway("export", b2b, "-o", "-", "--format", "pptx")
    assert refused.code == 2
    assert refused.err.startswith("laneway: PPTX is binary and would garble the terminal;")
    assert laneway("export", b2b, "-o", "-").err.startswith(
        "laneway: -o -: say which format to write with --format (csv, graphml, json,"
    )


def test_a_full_disk_is_said_once_with_one_prefix(b2b):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "laneway", "export", str(b2b), "-o", "-", "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "laneway: standard output: No space left on device.\n"


def test_a_full_disk_while_writing_a_file_names_the_file(laneway, b2b, tmp_path, monkeypatch):
    import errno

    real_write = Path.write_bytes

    def disk_full(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    result = laneway("export", b2b, "-o", tmp_path / "out.json")
    monkeypatch.setattr(Path, "write_bytes", real_write)
    assert result.err == "laneway: out.json: could not be saved because the disk is full.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b2b.laneway"]


# --------------------------------------------------------- formats and plurals
def test_the_unsupported_format_error_lists_every_export(laneway, b2b, tmp_path):
    result = laneway("export", b2b, "-o", tmp_path / "m.docx")
    assert result.code == 2
    assert result.err == (
        "laneway: m.docx: Laneway cannot export .docx; it can export .csv, .graphml, .json, "
        ".mermaid, .mmd, .pdf, .png, .pptx, .svg.\n"
    )


def test_counts_use_the_singular_for_one(laneway, tmp_path, monkeypatch):
    source = tmp_path / "one.json"
    source.write_text(
        json.dumps(
            {"steps": [{"id": "a", "title": "Call", "department": "Sales", "stage": "Purchase"}]}
        ),
        encoding="utf-8",
    )
    result = laneway("import", source, "-o", tmp_path / "one.laneway")
    assert "Imported 1 step, 0 links, 1 department and 1 stage into" in result.out
    created = laneway("new", tmp_path / "empty.laneway")
    assert created.out.endswith("(0 steps).\n")
    analysis = laneway("analyze", tmp_path / "one.laneway")
    assert "Steps            1 (0 links, 1 department)" in analysis.out
    assert "(1 of 1 step owned)" in analysis.out
