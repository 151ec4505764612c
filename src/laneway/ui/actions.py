"""Menus, toolbar and shortcuts of the main window (standard keys wherever Qt has one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from laneway.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


def _action(window, text: str, slot, shortcut=None, tip: str = "", icon=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    c, s = window.controller, window.session
    SP = QStyle.StandardPixmap
    a: dict[str, QAction] = {}
    a["new"] = _action(
        window, "&New…", lambda: c.new_map_dialog(window), Std.New, icon=SP.SP_FileIcon
    )
    a["open"] = _action(
        window, "&Open…", lambda: c.open_dialog(window), Std.Open, icon=SP.SP_DialogOpenButton
    )
    a["import"] = _action(
        window, "&Import…", lambda: c.import_dialog(window), QKeySequence("Ctrl+I")
    )
    a["save_copy"] = _action(
        window, "Save a &Copy…", lambda: c.save_copy_dialog(window), Std.SaveAs
    )
    a["export"] = _action(
        window, "&Export…", lambda: c.export_dialog(window), QKeySequence("Ctrl+E")
    )
    a["snapshot"] = _action(window, "Take &Snapshot…", lambda: c.snapshot_dialog(window))
    a["close"] = _action(window, "&Close", window.close, Std.Close)
    a["quit"] = _action(window, "&Quit", c.quit, Std.Quit)

    a["undo"] = s.undo_stack.createUndoAction(window, "&Undo")
    a["undo"].setShortcut(Std.Undo)
    a["undo"].setIcon(window.style().standardIcon(SP.SP_ArrowBack))
    a["redo"] = s.undo_stack.createRedoAction(window, "&Redo")
    a["redo"].setShortcut(Std.Redo)
    a["redo"].setIcon(window.style().standardIcon(SP.SP_ArrowForward))
    window.addAction(a["undo"])
    window.addAction(a["redo"])
    a["cut"] = _action(window, "Cu&t", window.cut_selection, Std.Cut)
    a["copy"] = _action(window, "&Copy", window.copy_selection, Std.Copy)
    a["paste"] = _action(window, "&Paste", window.paste, Std.Paste)
    a["delete"] = _action(
        window,
        "&Delete",
        window.delete_selection,
        [QKeySequence(Std.Delete), QKeySequence("Backspace")],
    )
    a["select_all"] = _action(
        window, "Select &All", lambda: window.focus_items(s.journey.steps, []), Std.SelectAll
    )
    a["copy_image"] = _action(
        window, "Copy as &Image", lambda: c.copy_image(window), QKeySequence("Ctrl+Shift+C")
    )
    a["add_next"] = _action(
        window,
        "Add &Next Step",
        window.add_next,
        QKeySequence("Ctrl+Return"),
        "Add a step after the selected one, linked to it, in the same lane",
    )
    a["add_below"] = _action(
        window,
        "Add Step in Lane &Below",
        lambda: window.add_next(lane_below=True),
        QKeySequence("Ctrl+Shift+Return"),
        "Add a step after the selected one, in the lane below",
    )
    a["rename"] = _action(
        window,
        "&Rename Step",
        lambda: [window.begin_rename(x) for x in sorted(s.selected_step_ids)[:1]],
        QKeySequence("F2"),
    )

    a["zoom_in"] = _action(window, "Zoom &In", lambda: window.view.zoom_by(1.2), Std.ZoomIn)
    a["zoom_out"] = _action(window, "Zoom &Out", lambda: window.view.zoom_by(1 / 1.2), Std.ZoomOut)
    a["zoom_reset"] = _action(
        window, "&Actual Size", lambda: window.view.set_zoom(1.0), QKeySequence("Ctrl+0")
    )
    a["fit"] = _action(window, "&Fit to Window", window.view.fit_all, QKeySequence("Ctrl+Shift+F"))
    a["findings"] = _action(window, "Show &Findings on the Map", lambda: None)
    a["findings"].setCheckable(True)
    a["findings"].setChecked(c.settings.show_findings)
    a["findings"].toggled.connect(window.set_findings_visible)
    a["present"] = _action(
        window, "&Presentation Mode", window.toggle_presentation, QKeySequence("F11")
    )

    a["tidy"] = _action(window, "&Tidy Layout", lambda: window.tidy(False), QKeySequence("Ctrl+L"))
    a["tidy_selection"] = _action(
        window, "Tidy &Selection", lambda: window.tidy(True), QKeySequence("Ctrl+Shift+L")
    )

    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    for key in ("new", "open"):
        file_menu.addAction(a[key])
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: c.fill_recent_menu(window.recent_menu))
    for key in ("import", None, "save_copy", "export", "snapshot", None, "close", "quit"):
        file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
    edit_menu = menu.addMenu("&Edit")
    for key in ("undo", "redo", None, "cut", "copy", "paste", "copy_image", "delete", "select_all",
                None, "add_next", "add_below", "rename"):  # fmt: skip
        edit_menu.addSeparator() if key is None else edit_menu.addAction(a[key])
    view_menu = menu.addMenu("&View")
    for key in ("zoom_in", "zoom_out", "zoom_reset", "fit", None, "findings", "present"):
        view_menu.addSeparator() if key is None else view_menu.addAction(a[key])
    theme_menu = view_menu.addMenu("&Theme")
    themes = QActionGroup(window)
    for value, text in (("system", "Follow the System"), ("light", "Light"), ("dark", "Dark")):
        action = theme_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(c.settings.theme == value)
        action.triggered.connect(lambda _c=False, v=value: c.set_theme(v))
        themes.addAction(action)
    size_menu = view_menu.addMenu("Text &Size")
    sizes = QActionGroup(window)
    for value, text in zip(
        window.available_font_scales(), ("Normal", "Large (projector)", "Extra large"), strict=True
    ):
        action = size_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(c.settings.font_scale == value)
        action.triggered.connect(lambda _c=False, v=value: c.set_font_scale(v))
        sizes.addAction(action)
    view_menu.addSeparator()
    for dock in window.docks:
        view_menu.addAction(dock.toggleViewAction())
    map_menu = menu.addMenu("&Map")
    for key in ("tidy", "tidy_selection"):
        map_menu.addAction(a[key])
    help_menu = menu.addMenu("&Help")
    help_menu.addAction(_action(window, "&About Laneway", lambda: c.about(window)))

    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for key in (
        "new",
        "open",
        None,
        "undo",
        "redo",
        None,
        "add_next",
        "tidy",
        "fit",
        None,
        "export",
    ):
        toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
    window.toolbar = toolbar
    window.edit_actions = [
        a[k]
        for k in (
            "cut",
            "paste",
            "delete",
            "add_next",
            "add_below",
            "rename",
            "tidy",
            "tidy_selection",
            "snapshot",
        )
    ]
    return a
