"""A map whose departments are alarm red is drawn in other colours; its file keeps them."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QLabel

from laneway.document import Document
from laneway.model import JourneyMap, MapInfo, palette
from laneway.operations.creating import create_map_file


def test_red_departments_are_recoloured_on_display_only(controller, qtbot, tmp_path):
    journey = JourneyMap(MapInfo(title="Red lanes"))
    sales = journey.add_department("Sales", color="#eb5757").id
    legal = journey.add_department("Legal", color="#eb5757").id
    blue = journey.add_department("Marketing", color="#2f80ed").id
    stage = journey.add_stage("Contract").id
    journey.add_step("Sends the draft", department_id=sales, stage_id=stage)
    journey.add_step("Returns redlines", department_id=legal, stage_id=stage)
    path = tmp_path / "red.laneway"
    create_map_file(path, journey)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    window = controller.open_path(path)
    qtbot.waitExposed(window)
    lanes = {lane.department_id: lane.color for lane in window.scene.grid.lanes}
    assert not palette.is_alarm_like(lanes[sales]) and not palette.is_alarm_like(lanes[legal])
    assert len({lanes[sales], lanes[legal], lanes[blue]}) == 3  # still told apart
    assert lanes[blue] == "#2f80ed"
    card = next(i for i in window.scene.step_items() if i.step.department_id == sales)
    assert card._lane_color == lanes[sales]
    window.close()

    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    document = Document.open(path, read_only=True)
    try:
        colors = {d.name: d.color for d in document.journey.departments.values()}
    finally:
        document.close()
    assert colors == {"Sales": "#eb5757", "Legal": "#eb5757", "Marketing": "#2f80ed"}


def test_the_status_bar_explains_the_badges(main_window):
    legend = main_window.badge_legend
    assert legend.isVisible()
    for shape in ("Diamond", "Triangle", "Circle"):
        assert shape in legend.toolTip()
    for severity in ("error", "warning", "info"):
        icon = legend.findChild(QLabel, f"badge-{severity}")
        assert icon is not None and not icon.pixmap().isNull()


def test_a_big_map_routes_what_the_window_shows_first(controller, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from tests.support.maps import workshop_map

    path = tmp_path / "big.laneway"
    create_map_file(path, workshop_map(420))
    window = controller.open_path(path)
    window.resize(1200, 800)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    scene, view = window.scene, window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    on_screen = [
        link
        for link in scene.journey.links.values()
        if shown.intersects(scene.step_item(link.source).sceneBoundingRect())
        and shown.intersects(scene.step_item(link.target).sceneBoundingRect())
    ]
    assert on_screen
    assert all(scene.link_item(link.id).route is not None for link in on_screen)
    qtbot.waitUntil(lambda: not scene.routing.pending, timeout=20_000)
    assert all(scene.link_item(k).route is not None for k in scene.journey.links)
    window.close()
