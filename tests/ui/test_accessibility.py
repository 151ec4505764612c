"""Accessible (issue 14, item 9): every widget and action has a name and a description
a screen reader can say; the Steps list walks the canvas's cards in journey order.

The walk covers whatever the window, its docks, its dialogs and its menus hold — a
widget added later without a name fails here without a new test.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from laneway.ui.dialogs.export_dialog import ExportDialog
from laneway.ui.dialogs.import_summary import ImportSummaryDialog
from laneway.ui.dialogs.map_properties import MapPropertiesDialog
from laneway.ui.dialogs.print_preview import PrintPreview, print_options
from laneway.ui.dialogs.shortcuts import ShortcutsDialog
from laneway.ui.dialogs.snapshots import SnapshotsDialog
from laneway.ui.dialogs.template_gallery import TemplateGallery
from laneway.ui.widgets.prompts import TypedChoice
from laneway.ui.window.actions import key_map
from tests.ui.conftest import step_id
from tests.ui.window.test_menus import all_menus

Name, Description = QAccessible.Text.Name, QAccessible.Text.Description


def qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets, spoken through them (a combo's popup and
    line, a line edit's clear button, a scroll area's viewport, the tab scrollers)."""
    name = widget.objectName()
    if name.startswith("qt_") or name in ("ScrollLeftButton", "ScrollRightButton"):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QLineEdit | QComboBox):
        return True
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return True
    return "PrivateContainer" in widget.window().metaObject().className()


def unnamed(root: QWidget) -> list[str]:
    """Every widget under ``root`` a user can reach that lacks a name or a description."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        reachable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(
            widget, QAbstractButton
        )
        if not reachable or qt_internal(widget):
            continue
        spoken = QAccessible.queryAccessibleInterface(widget)
        name = spoken.text(Name) if spoken else ""
        description = (spoken.text(Description) if spoken else "") or (
            widget.accessibleDescription()
        )
        if not name.strip() or not description.strip():
            label = f"{type(widget).__name__} {widget.objectName()!r} in "
            missing.append(label + (widget.parentWidget().objectName() or "?"))
    return missing


def test_every_widget_of_the_window_and_its_docks_is_named(main_window, qtbot):
    window = main_window
    window.tools.search.open()
    window.tools.comparison_dock.show()
    for dock in window.docks:
        dock.show()
    QApplication.processEvents()
    assert unnamed(window) == []


def test_every_dialog_is_named(main_window, tmp_path, qtbot):
    window = main_window
    document = window.session.document
    document.take_snapshot("Workshop 1")
    from laneway.io.formats import import_file

    source = tmp_path / "in.mmd"
    source.write_text("journey\n  section Awareness\n    Reads: 7: Me\n", encoding="utf-8")
    result = import_file(source)
    dialogs = [
        ExportDialog(window, document, set()),
        SnapshotsDialog(window, document),
        MapPropertiesDialog(window, "Title", "Description"),
        ShortcutsDialog(window, key_map(window.chrome.actions)),
        TemplateGallery(window),
        PrintPreview(window, window.session.journey, print_options(True)),
        TypedChoice(window, "Link to step", "Link to:", ["A", "B"]),
        ImportSummaryDialog(window, source, result, tmp_path / "out.laneway"),
    ]
    try:
        for dialog in dialogs:
            dialog.show()
            qtbot.waitExposed(dialog)
            assert unnamed(dialog) == [], type(dialog).__name__
            assert dialog.accessibleName() or dialog.windowTitle()
    finally:
        for dialog in dialogs:
            dialog.close()


def test_every_action_of_every_menu_says_what_it_does(main_window):
    from tests.ui.window.test_menus import context_menus, window_menus

    window = main_window
    silent = []
    menus = [*window_menus(window), *context_menus(window)]
    for menu in [m for top in menus for m in all_menus(top)]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if not action.text().strip() or not action.statusTip().strip():
                silent.append(f"{menu.title() or menu.objectName()}: {action.text()!r}")
    assert silent == []


def test_the_steps_list_reads_the_journey_and_selects_on_the_canvas(main_window, qtbot):
    window = main_window
    steps = window.tools.steps
    dock = next(d for d in window.docks if d.widget() is steps)
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: steps.list.count() == len(window.session.journey.steps))
    journey = window.session.journey
    order = [journey.steps[s] for s in steps.step_ids()]
    stage_rank = {s.id: i for i, s in enumerate(journey.stages_in_order())}
    assert [stage_rank[s.stage_id] for s in order] == sorted(stage_rank[s.stage_id] for s in order)
    nobody = step_id(window, "Nobody calls")
    row = steps.step_ids().index(nobody)
    item = steps.list.item(row)
    assert item.text().startswith("Nobody calls — Unassigned, Purchase · 1 finding")
    spoken = item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Nobody calls, owned by nobody, in Purchase. Error: ")
    steps.list.setCurrentRow(row)
    assert window.session.selected_step_ids == {nobody}
    assert window.scene.step_item(nobody).isSelected()
    qualify = step_id(window, "Qualify lead")
    window.focus_items([qualify], [])
    assert [i.data(Qt.ItemDataRole.UserRole) for i in steps.list.selectedItems()] == [qualify]
    window.session.run_edit("Rename", lambda j: j.update_step(qualify, title="Qualifies"))
    qtbot.waitUntil(  # the list follows the map as it is edited
        lambda: any(
            steps.list.item(i).text().startswith("Qualifies") for i in range(steps.list.count())
        )
    )
