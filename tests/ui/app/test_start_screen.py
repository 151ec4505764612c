"""The start screen and the template gallery: they ask, with signals; clicks drive them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QListWidget

from laneway.io.templates import list_templates, load_template
from laneway.store import create_map
from laneway.ui.app.start_screen import StartScreen
from laneway.ui.dialogs.template_gallery import NAME_ROLE, TemplateGallery


@pytest.fixture
def recent(tmp_path: Path, sample_map) -> list[Path]:
    present = tmp_path / "workshop.laneway"
    create_map(present, sample_map)
    return [present, tmp_path / "gone" / "old workshop.laneway"]


@pytest.fixture
def screen(recent, qtbot) -> StartScreen:
    widget = StartScreen(recent)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_row(qtbot, widget: QListWidget, row: int, double: bool = False) -> None:
    rect = widget.visualItemRect(widget.item(row))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_buttons_emit_their_requests(screen: StartScreen, qtbot) -> None:
    with qtbot.waitSignal(screen.new_requested) as new:
        qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert new.args == [None]
    with qtbot.waitSignal(screen.open_dialog_requested):
        qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.import_requested):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)


def test_double_clicking_a_recent_map_opens_it(screen, recent, qtbot):
    with qtbot.waitSignal(screen.open_requested) as opened:
        _click_row(qtbot, screen.recent, 0, double=True)
    assert opened.args == [recent[0]]


def test_missing_map_is_dimmed_and_not_opened(screen, recent, qtbot):
    missing = screen.recent.item(1)
    disabled = screen.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert missing.foreground().color() == disabled
    assert "no longer there" in missing.toolTip()
    with qtbot.assertNotEmitted(screen.open_requested):
        _click_row(qtbot, screen.recent, 1, double=True)


def test_forget_removes_a_recent_map(screen, recent, qtbot):
    _click_row(qtbot, screen.recent, 1)
    with qtbot.waitSignal(screen.forget_recent) as forgotten:
        qtbot.mouseClick(screen.forget_button, Qt.MouseButton.LeftButton)
    assert forgotten.args == [recent[1]]
    assert screen.recent_paths() == [recent[0]]
    screen.recent.setFocus()
    screen.recent.setCurrentRow(0)
    with qtbot.waitSignal(screen.forget_recent):
        qtbot.keyClick(screen.recent, Qt.Key.Key_Delete)
    assert screen.recent_paths() == []
    assert screen.no_recent.isVisible()
    assert not screen.forget_button.isEnabled()


def test_no_recent_maps_shows_a_hint(qtbot):
    widget = StartScreen([])
    qtbot.addWidget(widget)
    widget.show()
    assert widget.no_recent.isVisible() and not widget.recent.isVisible()


def test_templates_are_offered_and_double_click_creates(screen, qtbot):
    names = [screen.templates.item(r).data(NAME_ROLE) for r in range(screen.templates.count())]
    assert names == [info.name for info in list_templates()]
    row = names.index("b2b")
    with qtbot.waitSignal(screen.new_requested) as new:
        _click_row(qtbot, screen.templates, row, double=True)
    assert new.args == ["b2b"]
    _click_row(qtbot, screen.templates, 0)
    with qtbot.waitSignal(screen.new_requested) as new:
        qtbot.mouseClick(screen.use_button, Qt.MouseButton.LeftButton)
    assert new.args == [names[0]]


def test_gallery_cards_show_counts(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    texts = [gallery.list.item(r).text() for r in range(gallery.list.count())]
    assert texts[0].startswith("Empty map")
    b2b = load_template("b2b")
    card = next(t for t in texts if t.startswith(b2b.info.title))
    assert f"{len(b2b.steps)} steps" in card
    assert f"{len(b2b.departments)} departments" in card
    assert f"{len(b2b.stages)} stages" in card
    assert all(not gallery.list.item(r).icon().isNull() for r in range(gallery.list.count()))


def test_gallery_empty_map_is_the_default(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    assert gallery.chosen() is None
    assert "blank canvas" in gallery.description.text()


def test_gallery_choosing_a_template_by_double_click(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    row = next(
        r for r in range(gallery.list.count()) if gallery.list.item(r).data(NAME_ROLE) == "support"
    )
    _click_row(qtbot, gallery.list, row, double=True)
    assert gallery.result() == QDialog.DialogCode.Accepted
    assert gallery.chosen() == "support"
    assert "Support" in gallery.description.text() or "support" in gallery.description.text()


def test_gallery_keyboard_choice_and_cancel(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.list.setFocus()
    qtbot.keyClick(gallery.list, Qt.Key.Key_Right)
    assert gallery.chosen() == gallery.list.item(1).data(NAME_ROLE)
    qtbot.keyClick(gallery, Qt.Key.Key_Escape)
    assert gallery.result() == QDialog.DialogCode.Rejected
