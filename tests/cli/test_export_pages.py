"""``laneway export`` to pages: --page, --slides N, posters; a too-large PNG says so."""

from __future__ import annotations

from pypdf import PdfReader


def test_slides_and_pages_from_the_command_line(laneway, tmp_path):
    source = tmp_path / "m.laneway"
    laneway("new", source, "--template", "b2b")
    deck = tmp_path / "deck.pdf"
    assert laneway("export", source, "-o", deck, "--page", "16:9", "--slides", "2").code == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(deck).pages)
    assert "page 1 of 2" in text and "page 2 of 2" in text and "of 3" not in text
    poster = tmp_path / "poster.pdf"
    assert laneway("export", source, "-o", poster, "--page", "a1").code == 0
    box = PdfReader(poster).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (2384, 1684)
    clean = tmp_path / "clean.pdf"
    run = laneway("export", source, "-o", clean, "--no-findings", "--findings-info")
    assert run.code == 0 and clean.exists()


def test_a_bad_slide_count_is_one_sentence_and_writes_nothing(laneway, tmp_path):
    source = tmp_path / "m.laneway"
    laneway("new", source, "--template", "support")
    result = laneway("export", source, "-o", tmp_path / "d.pdf", "--slides", "0")
    assert result.code == 2
    assert "number of slides must be between 1 and 100" in result.err
    assert result.err.count("\n") == 1
    assert not (tmp_path / "d.pdf").exists()


def test_a_png_beyond_the_pixel_limit_is_made_smaller_and_says_so(laneway, tmp_path):
    source = tmp_path / "m.laneway"
    laneway("new", source, "--template", "b2b")
    out = tmp_path / "big.png"
    result = laneway("export", source, "-o", out, "--width", "20000")
    assert result.code == 0 and out.exists()
    said = [line for line in result.out.splitlines() if "pixels" in line]
    assert len(said) == 1 and "the most it can be" in said[0]
