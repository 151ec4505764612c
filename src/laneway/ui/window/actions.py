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

from laneway.i18n import N_, _
from laneway.ui.window.host import TEXT_SIZES, THEMES

Std = QKeySequence.StandardKey
SP = QStyle.StandardPixmap
Shortcut = Std | str | tuple[Std | str, ...] | None
#: A menu entry: an action's key, SEPARATOR, or a SUBMENU_* placeholder.
SEPARATOR = "-"
RECENT, THEME, TEXT_SIZE, DOCKS = "@recent", "@theme", "@text size", "@docks"
LANGUAGE = "@language"
#: View → Language: (setting, menu text); the languages are named in their own language.
LANGUAGE_CHOICES: tuple[tuple[str, str], ...] = (
    ("system", N_("System Default")),
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
)


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
    ActionSpec("new", N_("&New…"), Std.New, N_("Create a new map, empty or from a template"),
               SP.SP_FileIcon),
    ActionSpec("open", N_("&Open…"), Std.Open, N_("Open a map file"), SP.SP_DialogOpenButton),
    ActionSpec("import", N_("&Import…"), "Ctrl+I",
               N_("Read a CSV, JSON, BPMN or Mermaid file into a new map")),
    ActionSpec("save_copy", N_("Save a Cop&y…"), Std.SaveAs,
               N_("Save a copy of this map under a new name")),
    ActionSpec("export", N_("&Export…"), "Ctrl+E",
               N_("Export the map as an image, slides or data, with a preview")),
    ActionSpec("print", N_("&Print…"), Std.Print, N_("Print the map, with a preview of the pages")),
    ActionSpec("live_host", N_("&Host Live Session…"), None,
               N_("Let the laptops in the room join and edit this map with you")),
    ActionSpec("live_join", N_("&Join Live Session…"), None,
               N_("Join a map another laptop in the room shares, keeping your own copy")),
    ActionSpec("close", N_("&Close"), Std.Close, N_("Close this map's window")),
    ActionSpec("quit", N_("&Quit"), (Std.Quit, "Ctrl+Q"), N_("Close every map and quit Laneway")),
    ActionSpec("cut", N_("Cu&t"), Std.Cut, N_("Copy the selected steps and delete them"),
               edits=True),
    ActionSpec("copy", N_("&Copy"), Std.Copy,
               N_("Copy the selected steps (paste them into any map)")),
    ActionSpec("paste", N_("&Paste"), Std.Paste, N_("Paste steps from the clipboard"), edits=True),
    ActionSpec("delete", N_("&Delete"), (Std.Delete, "Backspace"),
               N_("Delete the selected steps and links"), edits=True),
    ActionSpec("select_all", N_("Select &All"), Std.SelectAll, N_("Select every step")),
    ActionSpec("copy_image", N_("Copy as &Image"), "Ctrl+Shift+C",
               N_("Copy the map (or the selection) as a picture for a slide")),
    ActionSpec("add_next", N_("Add &Next Step"), "Ctrl+Return",
               N_("Add a step after the selected one, linked to it, in the same lane and stage "
               "(with nothing selected: the first step, in the first lane and stage)"),
               edits=True),
    ActionSpec("add_next_stage", N_("Add Next Step in Next &Stage"), "Ctrl+Alt+Return",
               N_("Add a step after the selected one, linked to it, in the next stage"),
               edits=True),
    ActionSpec("add_below", N_("Add Step in Lane &Below"), "Ctrl+Shift+Return",
               N_("Add a step after the selected one, linked to it, in the lane below"),
               edits=True),
    ActionSpec("rename", N_("Rena&me Step"), "F2", N_("Type a new title for the selected step"),
               edits=True),
    ActionSpec("link_to", N_("&Link to Step…"), "Ctrl+K",
               N_("Link the selected step to another step, chosen by its title"), edits=True),
    ActionSpec("add_note", N_("Add Not&e…"), "Ctrl+Alt+N",
               N_("Add a note on the selected step or link (nothing selected: on the map)"),
               edits=True),
    ActionSpec("find", N_("&Find…"), Std.Find,
               N_("Find steps, links, lanes and stages by their text")),
    ActionSpec("find_next", N_("Find Ne&xt"), Std.FindNext,
               N_("Go to the next match and centre it")),
    ActionSpec("find_previous", N_("Find Pre&vious"), Std.FindPrevious,
               N_("Go to the previous match and centre it")),
    ActionSpec("zoom_in", N_("Zoom &In"), Std.ZoomIn, N_("Zoom in on the map")),
    ActionSpec("zoom_out", N_("Zoom &Out"), Std.ZoomOut, N_("Zoom out of the map")),
    ActionSpec("zoom_reset", N_("&Actual Size"), "Ctrl+0", N_("Show the map at 100 %")),
    ActionSpec("fit", N_("Fit to &Window"), "Ctrl+Shift+F", N_("Show the whole map in the window")),
    ActionSpec("present", N_("&Presentation Mode"), "F11",
               N_("Fill the screen with the map for the projector; walk the findings with → "
                  "(Esc leaves)")),
    ActionSpec("select_left", N_("Select Step to the &Left"), "Left",
               N_("Select the next card to the left in the lane"), scope="canvas"),
    ActionSpec("select_right", N_("Select Step to the &Right"), "Right",
               N_("Select the next card to the right in the lane"), scope="canvas"),
    ActionSpec("select_up", N_("Select Step &Above"), "Up",
               N_("Select the next card above in the stage"), scope="canvas"),
    ActionSpec("select_down", N_("Select Step Belo&w"), "Down",
               N_("Select the next card below in the stage"), scope="canvas"),
    ActionSpec("move_left", N_("Move to &Previous Stage"), "Alt+Left",
               N_("Move the selected cards one stage to the left"), edits=True, scope="canvas"),
    ActionSpec("move_right", N_("Move to &Next Stage"), "Alt+Right",
               N_("Move the selected cards one stage to the right"), edits=True, scope="canvas"),
    ActionSpec("move_up", N_("Move to Lane Abo&ve"), "Alt+Up",
               N_("Give the selected cards to the lane above"), edits=True, scope="canvas"),
    ActionSpec("move_down", N_("Move to Lane &Below"), "Alt+Down",
               N_("Give the selected cards to the lane below"), edits=True, scope="canvas"),
    ActionSpec("add_department", N_("Add &Department…"), "Ctrl+Shift+D",
               N_("Add a department: a new lane at the bottom"), edits=True),
    ActionSpec("add_stage", N_("Add S&tage…"), "Ctrl+Shift+T",
               N_("Add a stage: a new column at the end"), edits=True),
    ActionSpec("tidy", N_("T&idy Layout"), "Ctrl+L", N_("Arrange every card along the journey"),
               edits=True),
    ActionSpec("tidy_selection", N_("Tidy &Selection"), "Ctrl+Shift+L",
               N_("Arrange the selected cards along the journey"), edits=True),
    ActionSpec("snapshot", N_("Ta&ke Snapshot…"), None,
               N_("Freeze the map as it is now under a name, inside the file"), edits=True),
    ActionSpec("snapshots", N_("Snaps&hots…"), None,
               N_("List the snapshots: compare, restore as a new map, or delete them")),
    ActionSpec("properties", N_("&Map Properties…"), None,
               N_("Edit the map's title and description")),
    ActionSpec("shortcuts", N_("&Keyboard Shortcuts"), Std.HelpContents,
               N_("List every key of the app")),
    ActionSpec("about", N_("&About Laneway"), None, N_("Which Laneway this is")),
)  # fmt: skip

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("&File"), ("new", "open", RECENT, "import", SEPARATOR, "save_copy", "export", "print",
               SEPARATOR, "live_host", "live_join", SEPARATOR, "close", "quit")),
    (N_("&Edit"), ("undo", "redo", SEPARATOR, "cut", "copy", "paste", "copy_image", "delete",
               "select_all", SEPARATOR, "add_next", "add_next_stage", "add_below", "rename",
               "link_to", "add_note", SEPARATOR, "find", "find_next", "find_previous")),
    (N_("&View"), ("zoom_in", "zoom_out", "zoom_reset", "fit", SEPARATOR, "findings", "present",
               THEME, TEXT_SIZE, LANGUAGE, SEPARATOR, DOCKS)),
    (N_("&Map"), ("add_department", "add_stage", SEPARATOR, "select_left", "select_right",
              "select_up", "select_down", SEPARATOR, "move_left", "move_right", "move_up",
              "move_down", SEPARATOR, "tidy", "tidy_selection", SEPARATOR, "snapshot",
              "snapshots", SEPARATOR, "properties")),
    (N_("&Help"), ("shortcuts", "about")),
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
    #: View → Language: the setting, and what picking one does (None: no such menu).
    language: str = "system"
    set_language: Callable[[str], None] | None = None


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
        THEME: lambda menu: _choice_menu(menu, _("&Theme"), _("Choose the theme"), THEMES,
                                         choices.theme, choices.set_theme),
        TEXT_SIZE: lambda menu: _choice_menu(menu, _("Text &Size"), _("Choose the text size"),
                                             TEXT_SIZES, choices.font_scale,
                                             choices.set_font_scale),
        LANGUAGE: lambda menu: choices.set_language and _choice_menu(
            menu, _("&Language"), _("Choose the language of the app (from its next start)"),
            LANGUAGE_CHOICES, choices.language, choices.set_language),
        DOCKS: lambda menu: [menu.addAction(action) for action in dock_actions],
    }  # fmt: skip
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(_(title))
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
    action = QAction(_(spec.text), window)
    action.setObjectName(spec.key)
    action.setShortcuts(key_sequences(spec.shortcut))
    if spec.tip:
        tip = _(spec.tip)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setWhatsThis(tip)
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


def _choice_menu(menu: QMenu, title: str, tip: str, entries, current, pick: Callable) -> QMenu:
    """A submenu of checkable entries, one checked: (value, English text) each."""
    submenu = menu.addMenu(title)
    submenu.menuAction().setStatusTip(tip)
    group = QActionGroup(submenu)
    for value, english in entries:
        text = _(english)
        action = submenu.addAction(text)
        action.setStatusTip(text)
        action.setCheckable(True)
        action.setChecked(current == value)
        action.triggered.connect(lambda _checked=False, v=value: pick(v))
        group.addAction(action)
    return submenu


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
    KeyRow(N_("Canvas"), "Esc",
           N_("Cancel the gesture under way; else clear the selection and the search")),
    KeyRow(N_("Canvas"), N_("Menu or Shift+F10"), N_("Open the context menu of the selection")),
    KeyRow(N_("Canvas"), N_("Space+drag or middle drag"), N_("Pan the map")),
    KeyRow(N_("Canvas"), "Ctrl+wheel", N_("Zoom")),
    KeyRow(N_("Title in place"), "Enter", N_("Keep the title typed")),
    KeyRow(N_("Title in place"), "Esc", N_("Cancel (a new step keeps its first name)")),
    KeyRow(N_("Window"), N_("Tab / Shift+Tab"),
           N_("Canvas → inspector fields → findings and back")),
    KeyRow(N_("Inspector"), N_("Ctrl+Enter in Description, Pain points or Agreement"),
           N_("Finish the text (the map follows as you type anyway)")),
    KeyRow(N_("Lanes and stages"), "Del", N_("Delete the department or stage")),
    KeyRow(N_("Lanes and stages"), "F2", N_("Rename it")),
    KeyRow(N_("Lanes and stages"), "Ctrl+Up / Ctrl+Down", N_("Move it up or down")),
    KeyRow(N_("Inspector"), N_("[[ in Agreement, then Enter or Tab"),
           N_("Cite a defined term (Esc closes the list)")),
    KeyRow(N_("Definitions"), N_("F2 or double-click"), N_("Edit the term or its meaning")),
    KeyRow(N_("Definitions"), "Del", N_("Delete the term")),
    KeyRow(N_("Find bar"), N_("Enter / Shift+Enter"),
           N_("Next or previous match, selected and centred")),
    KeyRow(N_("Find bar"), "Esc", N_("Clear the marks and close the bar")),
    KeyRow(N_("Presentation mode"), N_("Esc or F11"), N_("Leave presentation mode")),
    KeyRow(N_("Presentation mode"), N_("Right or Space"),
           N_("Next finding: zoomed to, highlighted, its sentence large")),
    KeyRow(N_("Presentation mode"), "Left", N_("Previous finding")),
    KeyRow(N_("Presentation mode"), N_("Home / End"), N_("First / last finding")),
    KeyRow(N_("Presentation mode"), N_("PgDown / PgUp"),
           N_("Next / previous stage range (stage by stage)")),
    KeyRow(N_("Presentation mode"), "1 … 9", N_("That stage range")),
    KeyRow(N_("Presentation mode"), "S", N_("Stage by stage on or off")),
    KeyRow(N_("Presentation mode"), N_("F or 0"), N_("The whole map again")),
    KeyRow(N_("Presentation mode"), N_("Ctrl++ / Ctrl+- or wheel"), N_("Zoom")),
    KeyRow(N_("Presentation mode"), N_("Drag"), N_("Pan")),
)  # fmt: skip


_TEXTS = {**{spec.key: spec.text for spec in ACTIONS}, "undo": N_("Undo"), "redo": N_("Redo")}


def key_text(action: QAction, native: bool = True) -> str:
    """An action's keys as a user reads them ("Ctrl+Return", "Del or Backspace")."""
    form = (
        QKeySequence.SequenceFormat.NativeText
        if native
        else QKeySequence.SequenceFormat.PortableText
    )
    typed = [key for key in action.shortcuts() if not key.isEmpty() and _on_a_keyboard(key)]
    return _(" or ").join(key.toString(form) for key in typed)


def _on_a_keyboard(key: QKeySequence) -> bool:
    """False for the dedicated keys some keyboards have ("Open", "Undo", "Save"): they
    work, but a key map lists the keys everyone has."""
    return all(combination.key().value < Qt.Key.Key_Back.value for combination in key)


def key_map(actions: Mapping[str, QAction], native: bool = True) -> list[KeyRow]:
    """Every key of the window, menu by menu from the actions themselves (so the
    Keyboard Shortcuts dialog and the README cannot drift from them), then the rest."""
    rows: list[KeyRow] = []
    for title, entries in MENUS:
        menu = _(title).replace("&", "")
        for entry in entries:
            action = actions.get(entry)
            if action is None:
                continue
            keys = key_text(action, native)
            if keys:
                # undo's text names the last edit
                text = _(_TEXTS[entry]) if entry in _TEXTS else action.text()
                rows.append(KeyRow(menu, keys, text.replace("&", "").rstrip("…")))
    return [*rows, *(KeyRow(_(r.where), _(r.keys), _(r.what)) for r in OTHER_KEYS)]
