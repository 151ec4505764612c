"""Menus, toolbar and shortcuts of a map window, built from tables and returned as a value.

``build_actions`` makes one QAction per row of ``ACTIONS`` (standard keys wherever Qt
has one), wired to the command of the same key that the window passes in; ``MENUS`` and
``TOOLBAR`` say where each goes. Nothing is set on the window but the actions
themselves (added to it so their shortcuts work with the menu bar hidden).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from laneway.ui.window.host import TEXT_SIZES, THEMES

Std = QKeySequence.StandardKey
SP = QStyle.StandardPixmap
Shortcut = Std | str | tuple[Std | str, ...] | None
#: A menu entry: an action's key, SEPARATOR, or a SUBMENU_* placeholder.
SEPARATOR = "-"
RECENT, THEME, TEXT_SIZE, DOCKS = "@recent", "@theme", "@text size", "@docks"


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: Shortcut = None
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    #: Changes the map: disabled while it is read-only.
    edits: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "&New…", Std.New, icon=SP.SP_FileIcon),
    ActionSpec("open", "&Open…", Std.Open, icon=SP.SP_DialogOpenButton),
    ActionSpec("import", "&Import…", "Ctrl+I"),
    ActionSpec("save_copy", "Save a &Copy…", Std.SaveAs),
    ActionSpec("export", "&Export…", "Ctrl+E"),
    ActionSpec("snapshot", "Take &Snapshot…", edits=True),
    ActionSpec("close", "&Close", Std.Close),
    ActionSpec("quit", "&Quit", Std.Quit),
    ActionSpec("cut", "Cu&t", Std.Cut, edits=True),
    ActionSpec("copy", "&Copy", Std.Copy),
    ActionSpec("paste", "&Paste", Std.Paste, edits=True),
    ActionSpec("delete", "&Delete", (Std.Delete, "Backspace"), edits=True),
    ActionSpec("select_all", "Select &All", Std.SelectAll),
    ActionSpec("copy_image", "Copy as &Image", "Ctrl+Shift+C"),
    ActionSpec(
        "add_next",
        "Add &Next Step",
        "Ctrl+Return",
        "Add a step after the selected one, linked to it, in the same lane",
        edits=True,
    ),
    ActionSpec(
        "add_below",
        "Add Step in Lane &Below",
        "Ctrl+Shift+Return",
        "Add a step after the selected one, in the lane below",
        edits=True,
    ),
    ActionSpec("rename", "&Rename Step", "F2", edits=True),
    ActionSpec("zoom_in", "Zoom &In", Std.ZoomIn),
    ActionSpec("zoom_out", "Zoom &Out", Std.ZoomOut),
    ActionSpec("zoom_reset", "&Actual Size", "Ctrl+0"),
    ActionSpec("fit", "&Fit to Window", "Ctrl+Shift+F"),
    ActionSpec("present", "&Presentation Mode", "F11"),
    ActionSpec("tidy", "&Tidy Layout", "Ctrl+L", edits=True),
    ActionSpec("tidy_selection", "Tidy &Selection", "Ctrl+Shift+L", edits=True),
    ActionSpec("about", "&About Laneway"),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new", "open", RECENT, "import", SEPARATOR, "save_copy", "export", "snapshot",
               SEPARATOR, "close", "quit")),
    ("&Edit", ("undo", "redo", SEPARATOR, "cut", "copy", "paste", "copy_image", "delete",
               "select_all", SEPARATOR, "add_next", "add_below", "rename")),
    ("&View", ("zoom_in", "zoom_out", "zoom_reset", "fit", SEPARATOR, "findings", "present",
               THEME, TEXT_SIZE, SEPARATOR, DOCKS)),
    ("&Map", ("tidy", "tidy_selection")),
    ("&Help", ("about",)),
)  # fmt: skip

TOOLBAR = ("new", "open", SEPARATOR, "undo", "redo", SEPARATOR, "add_next", "tidy", "fit",
           SEPARATOR, "export")  # fmt: skip


@dataclass(frozen=True)
class WindowActions:
    """What ``build_actions`` made: every action by key, the menus, the toolbar."""

    actions: Mapping[str, QAction]
    menus: Mapping[str, QMenu]
    toolbar: QToolBar

    @property
    def edit_actions(self) -> list[QAction]:
        """The actions that change the map (disabled while it is read-only)."""
        return [self.actions[spec.key] for spec in ACTIONS if spec.edits]


@dataclass(frozen=True)
class Choices:
    """The View menu's settings: the current values and what picking one does."""

    theme: str
    font_scale: float
    show_findings: bool
    set_theme: Callable[[str], None]
    set_font_scale: Callable[[float], None]
    set_findings_shown: Callable[[bool], None]


def build_actions(
    window: QMainWindow,
    commands: Mapping[str, Callable[[], object]],
    undo_stack: QUndoStack,
    choices: Choices,
    dock_actions: Sequence[QAction],
) -> WindowActions:
    """Every action of ``ACTIONS`` wired to ``commands[key]``, in menus and a toolbar."""
    actions = {spec.key: _action(window, spec, commands[spec.key]) for spec in ACTIONS}
    actions.update(_undo_actions(window, undo_stack))
    actions["findings"] = _findings_action(window, choices)
    submenus: dict[str, Callable[[QMenu], None]] = {
        THEME: lambda menu: _choice_menu(menu, "&Theme", THEMES, choices.theme,
                                         choices.set_theme),
        TEXT_SIZE: lambda menu: _choice_menu(menu, "Text &Size", TEXT_SIZES,
                                             choices.font_scale, choices.set_font_scale),
        DOCKS: lambda menu: [menu.addAction(action) for action in dock_actions],
    }  # fmt: skip
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(title)
        menus[title] = menu
        for entry in entries:
            if entry == RECENT:
                menus[RECENT] = menu.addMenu("Open &Recent")
            elif entry in submenus:
                submenus[entry](menu)
            elif entry == SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])
    return WindowActions(actions, menus, _toolbar(window, actions))


def _action(window: QMainWindow, spec: ActionSpec, command: Callable[[], object]) -> QAction:
    action = QAction(spec.text, window)
    if isinstance(spec.shortcut, tuple):
        action.setShortcuts([QKeySequence(key) for key in spec.shortcut])
    elif spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))
    action.triggered.connect(lambda _checked=False: command())
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def _undo_actions(window: QMainWindow, undo_stack: QUndoStack) -> dict[str, QAction]:
    made = {}
    for key, text, shortcut, icon in (
        ("undo", "&Undo", Std.Undo, SP.SP_ArrowBack),
        ("redo", "&Redo", Std.Redo, SP.SP_ArrowForward),
    ):
        create = undo_stack.createUndoAction if key == "undo" else undo_stack.createRedoAction
        action = create(window, text)
        action.setShortcut(shortcut)
        action.setIcon(window.style().standardIcon(icon))
        window.addAction(action)
        made[key] = action
    return made


def _findings_action(window: QMainWindow, choices: Choices) -> QAction:
    action = QAction("Show &Findings on the Map", window)
    action.setCheckable(True)
    action.setChecked(choices.show_findings)
    action.toggled.connect(choices.set_findings_shown)
    window.addAction(action)
    return action


def _choice_menu(menu: QMenu, title: str, entries, current, pick: Callable) -> None:
    """A submenu of checkable entries, one checked: (value, text) each."""
    submenu = menu.addMenu(title)
    group = QActionGroup(submenu)
    for value, text in entries:
        action = submenu.addAction(text)
        action.setCheckable(True)
        action.setChecked(current == value)
        action.triggered.connect(lambda _checked=False, v=value: pick(v))
        group.addAction(action)


def _toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for key in TOOLBAR:
        toolbar.addSeparator() if key == SEPARATOR else toolbar.addAction(actions[key])
    return toolbar
