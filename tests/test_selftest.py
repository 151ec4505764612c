"""``laneway --self-test``: every template through file, analysis and every export."""

from __future__ import annotations

import io
import zipfile

import pytest

from laneway import selftest
from laneway.__main__ import main
from laneway.io.templates import template_names
from tests.conftest import reopen


def test_the_self_test_exports_every_template_to_every_format_and_passes(tmp_path):
    out = io.StringIO()
    assert selftest.run(str(tmp_path), out) == 0
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("Self-test passed in ")
    for name in template_names():
        (line,) = [line for line in lines if line.startswith(f"{name}: ")]
        assert "PNG" in line and "PDF" in line and "PPTX" in line and "GraphML" in line
        for suffix in (".png", ".pdf", ".svg", ".pptx", ".json", ".csv", ".mmd", ".graphml"):
            assert (tmp_path / f"{name}{suffix}").stat().st_size > 0, suffix
        assert len(reopen(tmp_path / f"{name}.laneway").steps) >= 10


def test_the_self_test_is_reached_through_the_command(monkeypatch):
    asked = []
    monkeypatch.setattr(selftest, "run", lambda folder=None: asked.append(folder) or 7)
    assert main(["--self-test"]) == 7
    assert main(["--self-test", "kept"]) == 7
    assert asked == [None, "kept"]


def test_a_broken_export_fails_the_self_test_and_says_which(tmp_path, monkeypatch):
    import laneway.render

    def blank_image(journey, path, suffix, options):
        path.write_bytes(b"")

    monkeypatch.setattr(laneway.render, "export_image", blank_image)
    out = io.StringIO()
    assert selftest.run(str(tmp_path), out) == 1
    assert "b2b: FAILED: SelfTestFailure: b2b.png is not a PNG image" in out.getvalue()
    assert out.getvalue().splitlines()[-1].startswith("Self-test FAILED (3 failed)")


def test_missing_templates_fail_the_self_test(tmp_path, monkeypatch):
    import laneway.io.templates

    monkeypatch.setattr(laneway.io.templates, "template_names", list)
    out = io.StringIO()
    assert selftest.run(str(tmp_path), out) == 1
    assert "no built-in template was found" in out.getvalue()


@pytest.mark.parametrize(
    ("check", "content", "problem"),
    [
        (selftest.check_png, b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "is not a PNG image"),
        (selftest.check_pdf, b"%PDF-1.4\n1 0 obj", "is not a complete PDF"),
        (selftest.check_svg, b"<svg>", "is not an SVG image"),
        (selftest.check_pptx, b"PK not really", "is not a PowerPoint file"),
    ],
)
def test_each_check_refuses_a_damaged_file(tmp_path, check, content, problem):
    path = tmp_path / "out.bin"
    path.write_bytes(content)
    with pytest.raises(selftest.SelfTestFailure, match=problem):
        check(path)


def test_a_presentation_without_slides_is_refused(tmp_path):
    path = tmp_path / "empty.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    with pytest.raises(selftest.SelfTestFailure, match="has no slide"):
        selftest.check_pptx(path)


def test_the_self_test_says_whether_live_sessions_are_in_this_build(tmp_path, monkeypatch):
    from laneway.sync import extra

    out = io.StringIO()
    assert selftest.run(str(tmp_path / "a"), out) == 0
    assert "live sessions: available" in out.getvalue().splitlines()  # the test extra has it
    monkeypatch.setattr(extra, "available", lambda: False)
    out = io.StringIO()
    assert selftest.run(str(tmp_path / "b"), out) == 0  # a plain pip install is no failure
    assert f"live sessions: not installed ({extra.INSTALL_HINT})" in out.getvalue()
