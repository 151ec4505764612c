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


def _card_fills(deck) -> dict[str, str]:
    fills = {}
    for view in map_slides(deck):
        for name, shape in view.named("Step ").items():
            fills[name.removeprefix("Step ")] = str(shape.fill.fore_color.rgb)
    return fills


def test_a_deck_for_one_persona_dims_the_other_personas_steps(tmp_path, capsys):
    from laneway.io.templates import load_template

    journey = load_template("b2b")
    source = tmp_path / "b2b.json"
    source.write_text(dumps(journey))
    plain, for_buyer = tmp_path / "plain.pptx", tmp_path / "buyer.pptx"
    assert _run(capsys, "export", source, "-o", plain)[0] == 0
    assert _run(capsys, "export", source, "-o", for_buyer, "--persona", "economic BUYER")[0] == 0
    before, after = _card_fills(Presentation(str(plain))), _card_fills(Presentation(str(for_buyer)))
    buyer = journey.persona_by_name("Economic buyer").id
    others = {s.id for s in journey.steps.values() if not s.concerns(buyer)}
    assert others and set(after) == set(before) == set(journey.steps)
    assert {k for k in after if after[k] != before[k]} == others


def test_an_unknown_persona_is_one_sentence_and_writes_nothing(tmp_path, capsys):
    from laneway.io.templates import load_template

    source = tmp_path / "b2b.json"
    source.write_text(dumps(load_template("b2b")))
    out = tmp_path / "deck.pptx"
    code, err = _run(capsys, "export", source, "-o", out, "--persona", "Procurement")
    assert code == 2 and not out.exists()
    assert "no persona 'Procurement'" in err and "Economic buyer" in err
    assert len(err.strip().splitlines()) == 1


def test_the_emotion_curve_from_the_command_line_makes_room_above_the_lanes(tmp_path, capsys):
    from PySide6.QtGui import QImage

    from laneway.io.templates import load_template

    source = tmp_path / "b2b.json"
    source.write_text(dumps(load_template("b2b")))
    flat, curved = tmp_path / "flat.png", tmp_path / "curved.png"
    assert _run(capsys, "export", source, "-o", flat, "--scale", 1)[0] == 0
    assert _run(capsys, "export", source, "-o", curved, "--scale", 1, "--emotion-curve")[0] == 0
    a, b = QImage(str(flat)), QImage(str(curved))
    assert b.height() / b.width() > a.height() / a.width()  # the band adds height
