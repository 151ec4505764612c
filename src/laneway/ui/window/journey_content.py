"""The window's part of SPEC §7: the Personas tab, the Definitions and Notes docks, the
persona filter on the toolbar, View → Emotion Curve, and adding a note.

``MainWindow`` makes one ``JourneyContentUi`` after its own docks and hands it the
chrome once the actions are built; everything else of the journey content lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMainWindow

from laneway.i18n import N_, _, pgettext
from laneway.model import ChangeSet
from laneway.ui.editing import content
from laneway.ui.panels.definitions import DefinitionsPanel
from laneway.ui.panels.notes import NotesPanel
from laneway.ui.panels.personas import PersonasPanel
from laneway.ui.widgets import prompts
from laneway.ui.widgets.accessible import describe

if TYPE_CHECKING:
    from laneway.ui.window.actions import WindowActions

EVERYONE = N_("Every persona")


class JourneyContentUi:
    def __init__(self, window: QMainWindow) -> None:
        """``window`` is the map's MainWindow (not imported: it imports this module)."""
        self.window = window
        session = window.session
        self.personas = PersonasPanel(session)
        window.lanes_tabs.addTab(self.personas, _("Personas"))
        self.definitions = DefinitionsPanel(session)
        self.notes = NotesPanel(session)
        area = Qt.DockWidgetArea.LeftDockWidgetArea
        self.definitions_dock = window.add_dock(_("Definitions"), self.definitions, area)
        self.notes_dock = window.add_dock(pgettext("workshop notes", "Notes"), self.notes, area)
        # Below the lanes and stages (added docks stack there): the glossary and the
        # parking lot, one tab each.
        window.tabifyDockWidget(self.definitions_dock, self.notes_dock)
        window.docks[2].raise_()
        self.notes_dock.raise_()
        window.resizeDocks([window.docks[2], self.notes_dock], [560, 320], Qt.Orientation.Vertical)
        self.notes.add_requested.connect(self.add_note)
        self.filter = QComboBox()
        self.filter.setObjectName("personaFilter")
        describe(
            self.filter,
            _("Persona filter"),
            _("Dim the steps that do not concern the chosen persona, on the canvas and in exports"),
        )
        self.filter.activated.connect(lambda _i: self.set_persona_filter(self.filter.currentData()))
        self.curve_action = QAction(_("&Emotion Curve"), window)
        self.curve_action.setObjectName("emotion_curve")
        self.curve_action.setCheckable(True)
        self.curve_action.setStatusTip(
            _("Show the emotion curve above the lanes: how the journey feels, per persona")
        )
        self.curve_action.setChecked(window.appearance.emotion_curve)
        self.curve_action.toggled.connect(self.set_curve_visible)
        window.scene.content.set_curve_visible(self.curve_action.isChecked())
        session.changed.connect(self._on_changed)
        self._fill_filter()

    def install(self, chrome: WindowActions) -> None:
        """Put the curve toggle in the View menu and the persona filter on the toolbar."""
        view_menu = chrome.menus["&View"]
        view_menu.insertAction(chrome.actions["present"], self.curve_action)
        self.window.addAction(self.curve_action)
        chrome.toolbar.addSeparator()
        label = QLabel(" Persona ")
        label.setBuddy(self.filter)
        chrome.toolbar.addWidget(label)
        chrome.toolbar.addWidget(self.filter)

    # ------------------------------------------------------------ persona filter
    @property
    def persona_filter(self) -> str | None:
        return self.window.scene.content.persona_id

    def set_persona_filter(self, persona_id: str | None) -> None:
        self.window.scene.content.set_persona(persona_id)
        self._fill_filter()

    def _fill_filter(self) -> None:
        journey = self.window.session.journey
        current = self.persona_filter
        blocked = self.filter.blockSignals(True)
        try:
            self.filter.clear()
            self.filter.addItem(_(EVERYONE), None)
            for persona in journey.personas_in_order():
                self.filter.addItem(persona.name, persona.id)
            self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        finally:
            self.filter.blockSignals(blocked)
        self.filter.setEnabled(bool(journey.personas))

    def _on_changed(self, changeset: ChangeSet, origin: str) -> None:
        if origin == "reload":
            scene = self.window.scene.content
            scene.set_persona(scene.persona_id)  # the new map object may lack it
        if changeset.keys("persona") or origin == "reload":
            self._fill_filter()

    # --------------------------------------------------------------- the curve
    def set_curve_visible(self, visible: bool) -> None:
        self.window.scene.content.set_curve_visible(visible)
        self.window.host.set_preference("emotion_curve", visible)
        if self.curve_action.isChecked() != visible:
            self.curve_action.setChecked(visible)

    def export_choices(self) -> dict[str, object]:
        """What the canvas shows that an export should too: the filter, the curve."""
        persona_id = self.persona_filter
        return {"persona": persona_id, "emotion_curve": self.curve_action.isChecked()}

    # ------------------------------------------------------------------- notes
    def note_target(self) -> tuple[str | None, str | None, str]:
        """(step id, link id, what in words) of the note to add: the selected step, else
        the selected link, else the map."""
        session = self.window.session
        journey = session.journey
        if session.selected_step_ids:
            step_id = sorted(session.selected_step_ids)[0]
            return step_id, None, _("the step {title}").format(title=journey.steps[step_id].title)
        if session.selected_link_ids:
            link_id = sorted(session.selected_link_ids)[0]
            link = journey.links[link_id]
            ends = f"{journey.steps[link.source].title} → {journey.steps[link.target].title}"
            return None, link_id, _("the link {ends}").format(ends=ends)
        return None, None, pgettext("note subject", "the map")

    def author(self) -> str | None:
        """Who writes the notes: asked the first time, then remembered."""
        host = self.window.host
        known = str(host.preference("note_author") or "")
        if known:
            return known
        name = prompts.ask_name(
            self.window, _("Your name"), _("Your name, shown on the notes you add (asked once):")
        )
        if name is not None:
            host.set_preference("note_author", name)
        return name

    def add_note(
        self, step_id: str | None = None, link_id: str | None = None, subject: str = ""
    ) -> str | None:
        """Ask for a note's text and add it (by default on the selection, or the map)."""
        window = self.window
        if window.session.read_only:
            return None
        if not subject:
            step_id, link_id, subject = self.note_target()
        text, ok = QInputDialog.getMultiLineText(
            window, _("Add note"), _("A note on {subject}:").format(subject=subject)
        )
        if not ok or not text.strip():
            return None
        author = self.author()
        if author is None:
            return None
        added = content.add_note(
            window.session, text.strip(), author, step_id=step_id, link_id=link_id
        )
        if added is not None:
            self.notes_dock.show()
            self.notes_dock.raise_()
            self.notes.select(added)
        return added
