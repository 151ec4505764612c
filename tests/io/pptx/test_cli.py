"""The command line's PPTX options: --slides N, --findings-info, --dark, --no-findings."""

from __future__ import annotations

from pptx import Presentation

from laneway.cli import main
from laneway.io.jsonio import dumps
from tests.io.pptx.deck import all_text, map_slides
from tests.support.maps import workshop_map


def _run(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


def test_slides_and_clean_from_the_command_line(tmp_path, capsys):
    source = tmp_path / "map.json"
    source.write_text(dumps(workshop_map(60)))
    out = tmp_path / "deck.pptx"
    code, _err = _run(capsys, "export", source, "-o", out, "--slides", 2, "--no-findings")
    assert code == 0
    deck = Presentation(str(out))
    assert len(map_slides(deck)) == 2
    assert [s.shapes.title.text_frame.text.split(": ")[-1] for s in list(deck.slides)[2:]] == [
        "how the customer feels"
    ]
    assert "nobody owns" not in all_text(deck)


def test_a_bad_slide_count_is_one_sentence_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "map.json"
    source.write_text(dumps(workshop_map(20)))
    out = tmp_path / "deck.pptx"
    code, err = _run(capsys, "export", source, "-o", out, "--slides", 0)
    assert code == 2
    assert err.strip().endswith("The number of slides must be between 1 and 100.")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_slides_are_made_without_qt(tmp_path):
    """The text is measured from a table, not by Qt: a PPTX export never loads it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from laneway.io.export_options import ExportOptions\n"
        "from laneway.io.pptxio import write_pptx\n"
        "from laneway.io.templates import load_template\n"
        f"write_pptx(load_template('b2b'), Path({str(tmp_path / 'm.pptx')!r}), ExportOptions())\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m.pptx").stat().st_size > 0
