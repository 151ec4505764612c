"""Severity badges differ in shape, not only in colour, and a legend names the shapes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from laneway.canvas.badges import badge_path, describe_badges, paint_badge
from laneway.canvas.style import LIGHT


def _silhouette(severity: str) -> set[tuple[int, int]]:
    """The pixels a badge covers, drawn in black on white (colour plays no part)."""
    style = replace(LIGHT, error="#000000", warning="#000000", info="#000000", card_fill="#000000")
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_badge(painter, style, severity, QPointF(24, 24), 16, "")
    painter.end()
    return {
        (x, y) for x in range(48) for y in range(48) if QColor(image.pixel(x, y)).lightness() < 128
    }


@pytest.mark.usefixtures("qapp")
def test_error_warning_and_info_badges_have_different_shapes():
    shapes = {severity: _silhouette(severity) for severity in ("error", "warning", "info")}
    for a in shapes:
        for b in shapes:
            if a < b:
                differing = len(shapes[a] ^ shapes[b])
                assert differing > 40, f"{a} and {b} badges look alike ({differing} px differ)"
    # the diamond has four corners, the triangle three
    assert badge_path("error", QPointF(0, 0), 10).toFillPolygon().count() == 5
    assert badge_path("warning", QPointF(0, 0), 10).toFillPolygon().count() == 4


def test_the_legend_describes_every_badge():
    kinds = describe_badges()
    assert [k.severity for k in kinds] == ["error", "warning", "info"]
    assert [k.shape for k in kinds] == ["diamond", "triangle", "circle"]
    assert all(k.legend.startswith(k.shape.capitalize()) for k in kinds)
