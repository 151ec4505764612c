"""The command line of SPEC §3: new, templates, import, export, snapshot, diff."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from laneway import __version__
from tests.conftest import reopen


def test_version(laneway):
    result = laneway("--version")
    assert result.code == 0
    assert result.out == f"laneway {__version__}\n"


def test_version_from_the_installed_command_and_module():
    for command in ([sys.executable, "-m", "laneway", "--version"],):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0
        assert result.stdout.strip() == f"laneway {__version__}"


def test_templates_lists_the_built_in_templates(laneway):
    result = laneway("templates")
    assert result.code == 0
    for name in ("b2b", "ecommerce", "support"):
        assert name in result.out


def test_new_empty_map(laneway, tmp_path):
    path = tmp_path / "empty.laneway"
    result = laneway("new", path, "--title", "Kick-off workshop")
    assert result.code == 0, result.err
    journey = reopen(path)
    assert journey.info.title == "Kick-off workshop"
    assert not journey.steps


def test_new_from_template_has_every_step_placed(laneway, tmp_path):
    path = tmp_path / "b2b.laneway"
    assert laneway("new", path, "--template", "b2b").code == 0
    journey = reopen(path)
    assert len(journey.steps) == 19
    assert all(step.x is not None for step in journey.steps.values())


def test_new_does_not_replace_an_existing_map_without_force(laneway, tmp_path):
    path = tmp_path / "m.laneway"
    laneway("new", path, "--template", "support")
    before = path.read_bytes()
    result = laneway("new", path)
    assert result.code == 2
    assert "already exists" in result.err
    assert path.read_bytes() == before
    assert laneway("new", path, "--force").code == 0
    assert not reopen(path).steps


def test_new_with_unknown_template(laneway, tmp_path):
    result = laneway("new", tmp_path / "m.laneway", "--template", "nope")
    assert result.code == 2
    assert "no template called 'nope'" in result.err
    assert not list(tmp_path.iterdir())


def test_json_round_trip_through_a_map_is_exact(laneway, tmp_path):
    """The "Done when" of the foundation issue, step by step."""
    m, m_json = tmp_path / "m.laneway", tmp_path / "m.json"
    n, n_json = tmp_path / "n.laneway", tmp_path / "n.json"
    assert laneway("new", m, "--template", "b2b").code == 0
    assert laneway("export", m, "-o", m_json).code == 0
    assert laneway("import", m_json, "-o", n).code == 0
    assert laneway("export", n, "-o", n_json).code == 0
    assert m_json.read_text(encoding="utf-8") == n_json.read_text(encoding="utf-8")
    data = json.loads(m_json.read_text(encoding="utf-8"))
    assert data["laneway"] == 1 and len(data["steps"]) == 19


def test_import_reports_counts(laneway, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "steps": [
                    {"id": "a", "title": "A", "department": "Sales", "stage": "One"},
                    {"id": "b", "title": "B"},
                ],
                "links": [{"from": "a", "to": "b"}],
            }
        )
    )
    result = laneway("import", source, "-o", tmp_path / "out.laneway")
    assert result.code == 0
    assert "2 steps, 1 link, 1 department and 1 stage into" in result.out
    assert set(reopen(tmp_path / "out.laneway").steps) == {"a", "b"}


BAD_JSON = {
    "truncated": '{"steps": [{"id": "a", "title": "A"}',
    "missing title": '{"steps": [{"id": "a"}]}',
    "unknown step": '{"steps": [{"id": "a", "title": "A"}], "links": [{"from": "a", "to": "b"}]}',
    "self link": '{"steps": [{"id": "a", "title": "A"}], "links": [{"from": "a", "to": "a"}]}',
    "duplicate link": (
        '{"steps": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],'
        ' "links": [{"from": "a", "to": "b"}, {"from": "a", "to": "b"}]}'
    ),
    "emotion": '{"steps": [{"id": "a", "title": "A", "emotion": -3}]}',
}


@pytest.mark.parametrize("case", sorted(BAD_JSON))
@pytest.mark.parametrize("command", ["import", "export", "analyze"])
def test_bad_json_is_one_sentence_exit_2_and_touches_nothing(laneway, tmp_path, case, command):
    source = tmp_path / "bad.json"
    source.write_text(BAD_JSON[case], encoding="utf-8")
    before = source.read_bytes()
    output = tmp_path / ("out.laneway" if command == "import" else "out.json")
    args = [command, source] + ([] if command == "analyze" else ["-o", output])
    result = laneway(*args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("laneway: bad.json")
    assert "Traceback" not in result.err
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"], "no output left behind"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"hello, this is text", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "damaged"),
    ],
)
def test_bad_map_files_are_one_sentence_exit_2(laneway, tmp_path, content, problem):
    source = tmp_path / "bad.laneway"
    source.write_bytes(content)
    for args in (
        ["export", source, "-o", tmp_path / "out.json"],
        ["analyze", source],
        ["diff", source, "x"],
    ):
        result = laneway(*args)
        assert result.code == 2, args
        assert problem in result.err
        assert result.err.count("\n") == 1
    assert source.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.laneway"]


def test_missing_input_file(laneway, tmp_path):
    result = laneway("export", tmp_path / "nope.laneway", "-o", tmp_path / "x.json")
    assert result.code == 2 and "nope.laneway: no such file" in result.err
    assert not (tmp_path / "nope.laneway").exists()


def test_export_to_an_unknown_format(laneway, tmp_path):
    laneway("new", tmp_path / "m.laneway", "--template", "support")
    result = laneway("export", tmp_path / "m.laneway", "-o", tmp_path / "m.docx")
    assert result.code == 2 and "cannot export .docx" in result.err
    assert not (tmp_path / "m.docx").exists()


def test_import_requires_a_laneway_output(laneway, tmp_path):
    source = tmp_path / "in.json"
    source.write_text('{"steps": []}')
    result = laneway("import", source, "-o", tmp_path / "out.db")
    assert result.code == 2 and "must end in .laneway" in result.err


def test_export_only_selected_steps(laneway, tmp_path):
    laneway("new", tmp_path / "m.laneway", "--template", "b2b")
    assert laneway("export", tmp_path / "m.laneway", "-o", tmp_path / "s.json", "--steps", "s3,s5")
    data = json.loads((tmp_path / "s.json").read_text())
    assert [s["id"] for s in data["steps"]] == ["s3", "s5"]
    assert "[[MQL]]" in data["links"][0]["agreement"]
    assert {d["term"] for d in data["definitions"]} >= {"MQL", "SQL"}  # the glossary goes along
    bad = laneway("export", tmp_path / "m.laneway", "-o", tmp_path / "t.json", "--steps", "zz")
    assert bad.code == 2 and "no step with id 'zz'" in bad.err


def test_snapshot_then_diff_shows_closed_and_opened_gaps(laneway, tmp_path):
    from laneway.document import Document

    path = tmp_path / "m.laneway"
    laneway("new", path, "--template", "b2b")
    assert laneway("snapshot", path, "Workshop 1").code == 0
    doc = Document.open(path)
    try:
        with doc.edit("Close a gap and open another"):
            doc.journey.update_link(
                doc.journey.link_between("s4", "s5").id, agreement="Demo request with use case"
            )
            finance = doc.journey.department_by_name("Finance").id
            doc.journey.update_step("s14", department_id=finance)
            doc.journey.add_step("Calls support", department_id="d5")
    finally:
        doc.close()
    result = laneway("diff", path, "Workshop 1")
    assert result.code == 0, result.err
    assert "Gaps closed" in result.out and "'Requests a demo' → 'Qualify lead'" in result.out
    assert "'Asks about a billing error': nobody → Finance" in result.out
    assert "Unowned steps: 1 → 0" in result.out
    data = json.loads(laneway("diff", path, "Workshop 1", "--json").out)
    assert data["steps_added"] == ["'Calls support' (Customer Success)"]
    assert "'Renewal invoice' → 'Asks about a billing error'" not in data["gaps_closed"]
    duplicate = laneway("snapshot", path, "Workshop 1")
    assert duplicate.code == 2 and "already has a snapshot" in duplicate.err
    missing = laneway("diff", path, "Workshop 9")
    assert missing.code == 2 and "no snapshot called 'Workshop 9'" in missing.err


# ------------------------------------------------------------------- analyze
def test_analyze_json_has_the_spec_shape_and_exit_1_on_errors(laneway, tmp_path):
    laneway("new", tmp_path / "m.laneway", "--template", "b2b")
    result = laneway("analyze", tmp_path / "m.laneway", "--json")
    assert result.code == 1  # the template has an unowned step: an error finding
    data = json.loads(result.out)
    assert set(data["summary"]) == {
        "steps", "links", "departments", "owned_steps", "ownership_coverage", "handoffs",
        "agreed_handoffs", "handoff_coverage", "longest_handoff_chain", "handoff_matrix",
    }  # fmt: skip
    gap = next(f for f in data["findings"] if f["rule"] == "handoff-gap")
    assert set(gap) == {"rule", "severity", "message", "steps", "links"}
    assert gap["severity"] == "warning"
    assert [s["id"] for s in gap["steps"]] == [gap["links"][0]["from"], gap["links"][0]["to"]]
    stage_or_department = [f for f in data["findings"] if "department" in f or "stage" in f]
    assert all(f["steps"] == [] and f["links"] == [] for f in stage_or_department)


def test_analyze_exit_0_without_errors_and_readable_text(laneway, tmp_path):
    source = tmp_path / "ok.json"
    source.write_text(
        json.dumps(
            {
                "departments": [{"name": "Marketing"}, {"name": "Sales"}],
                "steps": [
                    {"id": 1, "title": "Reads blog", "department": "Marketing"},
                    {"id": 2, "title": "Qualify lead", "department": "Sales"},
                ],
                "links": [{"from": 1, "to": 2}],
            }
        ),
        encoding="utf-8",
    )
    result = laneway("analyze", source)
    assert result.code == 0
    assert "Handoff matrix" in result.out
    assert "Nobody agreed what Marketing hands to Sales at 'Reads blog' → 'Qualify lead'." in (
        result.out
    )
    data = json.loads(laneway("analyze", source, "--json").out)
    assert data["findings"][0]["steps"] == [
        {"id": "1", "title": "Reads blog"},
        {"id": "2", "title": "Qualify lead"},
    ]


def test_analyze_handoff_threshold(laneway, tmp_path):
    laneway("new", tmp_path / "m.laneway", "--template", "b2b")

    def chain_findings(threshold: str) -> int:
        out = laneway("analyze", tmp_path / "m.laneway", "--json", "--handoff-threshold", threshold)
        return sum(f["rule"] == "long-handoff-chain" for f in json.loads(out.out)["findings"])

    assert chain_findings("3") == 1
    assert chain_findings("50") == 0


def test_the_command_lines_clean_version_leaves_the_notes_out(laneway, tmp_path):
    source = tmp_path / "m.laneway"
    assert laneway("new", source, "--template", "b2b").code == 0
    workshop, clean = tmp_path / "workshop.svg", tmp_path / "clean.svg"
    assert laneway("export", source, "-o", workshop).code == 0
    assert laneway("export", source, "-o", clean, "--no-findings").code == 0
    assert "Open notes" in workshop.read_text(encoding="utf-8")
    assert "Open notes" not in clean.read_text(encoding="utf-8")
