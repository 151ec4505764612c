"""Menus, toolbar and shortcuts of a map window, built from tables and returned as a value.

``build_actions`` makes one QAction per row of ``ACTIONS`` (standard keys wherever Qt
has one), wired to the command of the same key that the window passes in; ``MENUS`` and
``TOOLBAR`` say where each goes. Nothing is set on the window but the actions
themselves (added to it so their shortcuts work with the menu bar hidden).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QWidget

from laneway.i18n import _
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
    #: What it does, in one sentence: status tip, tooltip, and the description a screen
    #: reader gives (and the Keyboard Shortcuts dialog lists).
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    #: Changes the map: disabled while it is read-only.
    edits: bool = False
    #: "window": the key works anywhere in the window; "canvas": only while the canvas
    #: has the keyboard focus (plain arrows belong to the text fields elsewhere).
    scope: str = "window"


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "&New…", Std.New, "Create a new map, empty or from a template",
               SP.SP_FileIcon),
    ActionSpec("open", "&Open…", Std.Open, "Open a map file", SP.SP_DialogOpenButton),
    ActionSpec("import", "&Import…", "Ctrl+I",
               "Read a CSV, JSON, BPMN or Mermaid file into a new map"),
    ActionSpec("save_copy", "Save a Cop&y…", Std.SaveAs,
               "Save a copy of this map under a new name"),
    ActionSpec("export", "&Export…", "Ctrl+E",
               "Export the map as an image, slides or data, with a preview"),
    ActionSpec("print", "&Print…", Std.Print, "Print the map, with a preview of the pages"),
    ActionSpec("close", "&Close", Std.Close, "Close this map's window"),
    ActionSpec("quit", "&Quit", (Std.Quit, "Ctrl+Q"), "Close every map and quit Laneway"),
    ActionSpec("cut", "Cu&t", Std.Cut, "Copy the selected steps and delete them", edits=True),
    ActionSpec("copy", "&Copy", Std.Copy, "Copy the selected steps (paste them into any map)"),
    ActionSpec("paste", "&Paste", Std.Paste, "Paste steps from the clipboard", edits=True),
    ActionSpec("delete", "&Delete", (Std.Delete, "Backspace"),
               "Delete the selected steps and links", edits=True),
    ActionSpec("select_all", "Select &All", Std.SelectAll, "Select every step"),
    ActionSpec("copy_image", "Copy as &Image", "Ctrl+Shift+C",
               "Copy the map (or the selection) as a picture for a slide"),
    ActionSpec("add_next", "Add &Next Step", "Ctrl+Return",
               "Add a step after the selected one, linked to it, in the same lane and stage "
               "(with nothing selected: the first step, in the first lane and stage)",
               edits=True),
    ActionSpec("add_next_stage", "Add Next Step in Next &Stage", "Ctrl+Alt+Return",
               "Add a step after the selected one, linked to it, in the next stage",
               edits=True),
    ActionSpec("add_below", "Add Step in Lane &Below", "Ctrl+Shift+Return",
               "Add a step after the selected one, linked to it, in the lane below",
               edits=True),
    ActionSpec("rename", "Rena&me Step", "F2", "Type a new title for the selected step",
               edits=True),
    ActionSpec("link_to", "&Link to Step…", "Ctrl+K",
               "Link the selected step to another step, chosen by its title", edits=True),
    ActionSpec("find", "&Find…", Std.Find,
               "Find steps, links, lanes and stages by their text"),
    ActionSpec("find_next", "Find Ne&xt", Std.FindNext, "Go to the next match and centre it"),
    ActionSpec("find_previous", "Find Pre&vious", Std.FindPrevious,
               "Go to the previous match and centre it"),
    ActionSpec("zoom_in", "Zoom &In", Std.ZoomIn, "Zoom in on the map"),
    ActionSpec("zoom_out", "Zoom &Out", Std.ZoomOut, "Zoom out of the map"),
    ActionSpec("zoom_reset", "&Actual Size", "Ctrl+0", "Show the map at 100 %"),
    ActionSpec("fit", "Fit to &Window", "Ctrl+Shift+F", "Show the whole map in the window"),
    ActionSpec("present", "&Presentation Mode", "F11",
               "Fill the screen with the map for the projector (Esc leaves)"),
    ActionSpec("select_left", "Select Step to the &Left", "Left",
               "Select the next card to the left in the lane", scope="canvas"),
    ActionSpec("select_right", "Select Step to the &Right", "Right",
               "Select the next card to the right in the lane", scope="canvas"),
    ActionSpec("select_up", "Select Step &Above", "Up",
               "Select the next card above in the stage", scope="canvas"),
    ActionSpec("select_down", "Select Step Belo&w", "Down",
               "Select the next card below in the stage", scope="canvas"),
    ActionSpec("move_left", "Move to &Previous Stage", "Alt+Left",
               "Move the selected cards one stage to the left", edits=True, scope="canvas"),
    ActionSpec("move_right", "Move to &Next Stage", "Alt+Right",
               "Move the selected cards one stage to the right", edits=True, scope="canvas"),
    ActionSpec("move_up", "Move to Lane Abo&ve", "Alt+Up",
               "Give the selected cards to the lane above", edits=True, scope="canvas"),
    ActionSpec("move_down", "Move to Lane &Below", "Alt+Down",
               "Give the selected cards to the lane below", edits=True, scope="canvas"),
    ActionSpec("add_department", "Add &Department…", "Ctrl+Shift+D",
               "Add a department: a new lane at the bottom", edits=True),
    ActionSpec("add_stage", "Add S&tage…", "Ctrl+Shift+T",
               "Add a stage: a new column at the end", edits=True),
    ActionSpec("tidy", "T&idy Layout", "Ctrl+L", "Arrange every card along the journey",
               edits=True),
    ActionSpec("tidy_selection", "Tidy &Selection", "Ctrl+Shift+L",
               "Arrange the selected cards along the journey", edits=True),
    ActionSpec("snapshot", "Ta&ke Snapshot…", None,
               "Freeze the map as it is now under a name, inside the file", edits=True),
    ActionSpec("snapshots", "Snaps&hots…", None,
               "List the snapshots: compare, restore as a new map, or delete them"),
    ActionSpec("properties", "&Map Properties…", None,
               "Edit the map's title and description"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", Std.HelpContents,
               "List every key of the app"),
    ActionSpec("about", "&About Laneway", None, "Which Laneway this is"),
)  # fmt: skip

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new", "open", RECENT, "import", SEPARATOR, "save_copy", "export", "print",
               SEPARATOR, "close", "quit")),
    ("&Edit", ("undo", "redo", SEPARATOR, "cut", "copy", "paste", "copy_image", "delete",
               "select_all", SEPARATOR, "add_next", "add_next_stage", "add_below", "rename",
               "link_to", SEPARATOR, "find", "find_next", "find_previous")),
    ("&View", ("zoom_in", "zoom_out", "zoom_reset", "fit", SEPARATOR, "findings", "present",
               THEME, TEXT_SIZE, SEPARATOR, DOCKS)),
    ("&Map", ("add_department", "add_stage", SEPARATOR, "select_left", "select_right",
              "select_up", "select_down", SEPARATOR, "move_left", "move_right", "move_up",
              "move_down", SEPARATOR, "tidy", "tidy_selection", SEPARATOR, "snapshot",
              "snapshots", SEPARATOR, "properties")),
    ("&Help", ("shortcuts", "about")),
)  # fmt: skip


TOOLBAR = ("new", "open", SEPARATOR, "undo", "redo", SEPARATOR, "add_next", "tidy", "fit",
           SEPARATOR, "find", "export")  # fmt: skip


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
    canvas: QWidget | None = None,
) -> WindowActions:
    """Every action of ``ACTIONS`` wired to ``commands[key]``, in menus and a toolbar;
    the ``canvas`` scope's keys work while ``canvas`` has the focus."""
    actions = {spec.key: _action(window, spec, commands[spec.key], canvas) for spec in ACTIONS}
    actions.update(_undo_actions(window, undo_stack))
    actions["findings"] = _findings_action(window, choices)
    submenus: dict[str, Callable[[QMenu], None]] = {
        THEME: lambda menu: _choice_menu(menu, _("&Theme"), THEMES, choices.theme,
                                         choices.set_theme),
        TEXT_SIZE: lambda menu: _choice_menu(menu, _("Text &Size"), TEXT_SIZES,
                                             choices.font_scale, choices.set_font_scale),
        DOCKS: lambda menu: [menu.addAction(action) for action in dock_actions],
    }  # fmt: skip
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(title)
        menus[title] = menu
        for entry in entries:
            if entry == RECENT:
                menus[RECENT] = menu.addMenu(_("Open &Recent"))
                menus[RECENT].menuAction().setStatusTip(_("Open a map you worked on lately"))
            elif entry in submenus:
                submenus[entry](menu)
            elif entry == SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])
    return WindowActions(actions, menus, _toolbar(window, actions))


def _action(
    window: QMainWindow,
    spec: ActionSpec,
    command: Callable[[], object],
    canvas: QWidget | None = None,
) -> QAction:
    action = QAction(spec.text, window)
    action.setObjectName(spec.key)
    action.setShortcuts(key_sequences(spec.shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        action.setWhatsThis(spec.tip)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))
    action.triggered.connect(lambda _checked=False: command())
    if spec.scope == "canvas" and canvas is not None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        canvas.addAction(action)
    else:
        window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """Every key of a shortcut: a standard key brings all its bindings on this platform
    (Close is Ctrl+W and Ctrl+F4), without repeats."""
    keys: list[QKeySequence] = []
    entries = shortcut if isinstance(shortcut, tuple) else (shortcut,) if shortcut else ()
    for entry in entries:
        if isinstance(entry, str):
            found = [QKeySequence(entry)]
        else:
            found = QKeySequence.keyBindings(entry)
        keys.extend(key for key in found if not key.isEmpty() and key not in keys)
    return keys


def _undo_actions(window: QMainWindow, undo_stack: QUndoStack) -> dict[str, QAction]:
    made = {}
    for key, text, shortcut, icon, tip in (
        (
            "undo",
            _("&Undo"),
            Std.Undo,
            SP.SP_ArrowBack,
            _("Undo the last change (it is saved too)"),
        ),
        ("redo", _("&Redo"), Std.Redo, SP.SP_ArrowForward, _("Make the undone change again")),
    ):
        create = undo_stack.createUndoAction if key == "undo" else undo_stack.createRedoAction
        action = create(window, text)
        action.setObjectName(key)
        action.setShortcuts(key_sequences(shortcut))
        for set_tip in (action.setStatusTip, action.setToolTip, action.setWhatsThis):
            set_tip(tip)
        action.setIcon(window.style().standardIcon(icon))
        window.addAction(action)
        made[key] = action
    return made


def _findings_action(window: QMainWindow, choices: Choices) -> QAction:
    action = QAction(_("Show &Findings on the Map"), window)
    action.setObjectName("findings")
    action.setStatusTip(_("Show finding badges and handoff gaps on the cards and arrows"))
    action.setCheckable(True)
    action.setChecked(choices.show_findings)
    action.toggled.connect(choices.set_findings_shown)
    window.addAction(action)
    return action


def _choice_menu(menu: QMenu, title: str, entries, current, pick: Callable) -> None:
    """A submenu of checkable entries, one checked: (value, text) each."""
    submenu = menu.addMenu(title)
    submenu.menuAction().setStatusTip(
        _("Choose the {lower}").format(lower=title.replace("&", "").lower())
    )
    group = QActionGroup(submenu)
    for value, text in entries:
        action = submenu.addAction(text)
        action.setStatusTip(text)
        action.setCheckable(True)
        action.setChecked(current == value)
        action.triggered.connect(lambda _checked=False, v=value: pick(v))
        group.addAction(action)


def _toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar(_("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for key in TOOLBAR:
        toolbar.addSeparator() if key == SEPARATOR else toolbar.addAction(actions[key])
    return toolbar


@dataclass(frozen=True)
class KeyRow:
    """One line of the key map: where it works, the keys, what they do."""

    where: str
    keys: str
    what: str


#: Keys that are not menu commands: the canvas, the fields, the lists, the find bar.
OTHER_KEYS: tuple[KeyRow, ...] = (
    KeyRow("Canvas", "Esc",
           "Cancel the gesture under way; else clear the selection and the search"),
    KeyRow("Canvas", "Menu or Shift+F10", "Open the context menu of the selection"),
    KeyRow("Canvas", "Space+drag or middle drag", "Pan the map"),
    KeyRow("Canvas", "Ctrl+wheel", "Zoom"),
    KeyRow("Title in place", "Enter", "Keep the title typed"),
    KeyRow("Title in place", "Esc", "Cancel (a new step keeps its first name)"),
    KeyRow("Window", "Tab / Shift+Tab", "Canvas → inspector fields → findings and back"),
    KeyRow("Inspector", "Ctrl+Enter in Description, Pain points or Agreement",
           "Finish the text (the map follows as you type anyway)"),
    KeyRow("Lanes and stages", "Del", "Delete the department or stage"),
    KeyRow("Lanes and stages", "F2", "Rename it"),
    KeyRow("Lanes and stages", "Ctrl+Up / Ctrl+Down", "Move it up or down"),
    KeyRow("Find bar", "Enter / Shift+Enter", "Next or previous match, selected and centred"),
    KeyRow("Find bar", "Esc", "Clear the marks and close the bar"),
    KeyRow("Presentation mode", "Esc", "Leave presentation mode"),
)  # fmt: skip


_TEXTS = {**{spec.key: spec.text for spec in ACTIONS}, "undo": "Undo", "redo": "Redo"}


def key_text(action: QAction, native: bool = True) -> str:
    """An action's keys as a user reads them ("Ctrl+Return", "Del or Backspace")."""
    form = (
        QKeySequence.SequenceFormat.NativeText
        if native
        else QKeySequence.SequenceFormat.PortableText
    )
    typed = [key for key in action.shortcuts() if not key.isEmpty() and _on_a_keyboard(key)]
    return " or ".join(key.toString(form) for key in typed)


def _on_a_keyboard(key: QKeySequence) -> bool:
    """False for the dedicated keys some keyboards have ("Open", "Undo", "Save"): they
    work, but a key map lists the keys everyone has."""
    return all(combination.key().value < Qt.Key.Key_Back.value for combination in key)


def key_map(actions: Mapping[str, QAction], native: bool = True) -> list[KeyRow]:
    """Every key of the window, menu by menu from the actions themselves (so the
    Keyboard Shortcuts dialog and the README cannot drift from them), then the rest."""
    rows: list[KeyRow] = []
    for title, entries in MENUS:
        menu = title.replace("&", "")
        for entry in entries:
            action = actions.get(entry)
            if action is None:
                continue
            keys = key_text(action, native)
            if keys:
                text = _TEXTS.get(entry, action.text())  # undo's text names the last edit
                rows.append(KeyRow(menu, keys, text.replace("&", "").rstrip("…")))
    return [*rows, *OTHER_KEYS]
