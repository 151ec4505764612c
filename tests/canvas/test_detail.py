"""Level of detail: zoomed out, cards are plain blocks (no text) that still show findings;
at a readable size, and in exports, the full card is drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from laneway.analysis import analyze
from laneway.canvas import JourneyScene
from laneway.canvas.detail import READABLE_LOD
from laneway.canvas.style import LIGHT
from laneway.layout import Metrics
from tests.conftest import build_map

METRICS = Metrics()


@pytest.fixture
def scene(qapp):
    journey = build_map(
        departments=("Marketing", "Sales"),
        stages=("Awareness", "Purchase"),
        steps=(
            ("Reads the long pricing page", "Marketing", "Awareness"),
            ("Nobody owns this step", None, "Purchase"),
        ),
        links=(("Reads the long pricing page", "Nobody owns this step"),),
    )
    scene = JourneyScene(journey, metrics=METRICS, interactive=False)
    scene.set_report(analyze(journey))
    return scene


def _card(scene, title: str):
    return next(item for item in scene.step_items() if item.step.title == title)


def _render(scene, item, scale: float, on_screen: bool = True) -> QImage:
    """The card's rectangle drawn at ``scale``: as a view at that zoom paints it (with
    its viewport as the widget), or as an export does (the scene rendered, no widget)."""
    rect = item.mapRectToScene(item.card_rect())
    image = QImage(
        max(1, round(rect.width() * scale)),
        max(1, round(rect.height() * scale)),
        QImage.Format.Format_ARGB32,
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    if on_screen:
        painter.scale(scale, scale)
        option = QStyleOptionGraphicsItem()
        option.exposedRect = item.card_rect()
        item.paint(painter, option, _viewport())
    else:
        scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


_widgets: list[QWidget] = []


def _viewport() -> QWidget:
    if not _widgets:
        _widgets.append(QWidget())
    return _widgets[0]


def _colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def test_zoomed_out_a_card_is_a_block_without_text(scene):
    card = _card(scene, "Reads the long pricing page")
    far = _render(scene, card, READABLE_LOD * 0.6)
    near = _render(scene, card, 1.0)
    # A block: its fill, the lane strip and maybe an arrow's pixel; text would add
    # dozens of antialiased greys.
    assert len(_colours(far)) <= 6, len(_colours(far))
    assert len(_colours(near)) > 20
    lane = QColor(scene.journey.department_by_name("Marketing").color).rgb()
    assert lane in _colours(far)


def test_zoomed_out_an_unowned_card_still_shows_its_finding(scene):
    card = _card(scene, "Nobody owns this step")
    assert card.worst_severity() == "error"
    far = _render(scene, card, READABLE_LOD * 0.6)
    assert QColor(LIGHT.error).rgb() in _colours(far)


def test_at_readable_sizes_the_full_card_is_drawn(scene):
    card = _card(scene, "Reads the long pricing page")
    just_readable = _render(scene, card, READABLE_LOD * 1.2)
    assert len(_colours(just_readable)) > 20


def test_an_export_at_any_scale_draws_the_full_card(scene):
    card = _card(scene, "Reads the long pricing page")
    small_export = _render(scene, card, READABLE_LOD * 0.6, on_screen=False)
    assert len(_colours(small_export)) > 20


def test_arrows_zoomed_out_are_thin_lines_without_a_caption(scene):
    link = next(iter(scene.journey.links))
    item = scene.link_item(link)
    rect = item.sceneBoundingRect()
    far = QImage(
        round(rect.width() * 0.2) + 1, round(rect.height() * 0.2) + 1, QImage.Format.Format_ARGB32
    )
    far.fill(Qt.GlobalColor.white)
    painter = QPainter(far)
    item.paint(painter, _option(item, painter, 0.2), _viewport())
    painter.end()
    assert len(_colours(far)) <= 3  # white and the line's colour: no antialiasing, no head


def _option(item, painter: QPainter, scale: float):
    painter.scale(scale, scale)
    painter.translate(-item.boundingRect().topLeft())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.boundingRect()
    return option
