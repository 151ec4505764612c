"""Titles wrap inside their card, in scripts written with and without spaces."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from laneway.canvas import LIGHT, StepItem
from laneway.canvas.text import make_font, tokens, wrap_all, wrap_lines
from laneway.layout import Metrics
from laneway.model import Step

TITLES = {
    "japanese": "見積もりを依頼して契約書に署名し請求書を受け取ります",
    "chinese": "客户在线提交采购申请并等待财务部门审批付款",
    "mixed": "Sends the 見積書 quote to procurement for approval",
}


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_a_title_without_spaces_wraps_inside_the_card(title):
    metrics = Metrics()
    item = StepItem(Step(id="s1", title=title), None, LIGHT, metrics, interactive=False)
    font = make_font(LIGHT.font_family, LIGHT.pt(10.5), bold=True)
    inner = metrics.card_width - 24
    lines = item._title_lines
    assert len(lines) >= 2
    advance = QFontMetricsF(font).horizontalAdvance
    assert all(advance(line) <= inner for line in lines), lines
    shown = "".join(lines).replace(" ", "")
    if len(lines) < 3 or "…" not in lines[-1]:
        assert shown == title.replace(" ", "")


@pytest.mark.usefixtures("qapp")
def test_wrapping_breaks_between_wide_characters_and_keeps_closing_punctuation():
    assert [piece for piece, _spaced in tokens("署名する。")] == ["署", "名", "す", "る。"]
    font = make_font(LIGHT.font_family, 10)
    lines = wrap_all("受け取ります、ありがとう。" * 3, font, 60)
    assert len(lines) > 3
    assert not any(line.startswith(("、", "。")) for line in lines)
    assert "".join(lines) == "受け取ります、ありがとう。" * 3
    latin = wrap_lines("Reads the pricing page carefully", font, 80, 5)
    assert " ".join(latin) == "Reads the pricing page carefully"
