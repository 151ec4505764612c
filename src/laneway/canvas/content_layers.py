"""The journey content of SPEC §7 on the scene: persona dimming, the emotion band, note
markers, and the meanings of cited terms in the arrows' tooltips.

``JourneyScene`` owns one ``ContentLayers`` and calls ``refresh`` after it has placed the
cards and arrows (a rebuild or a reconcile), and ``top_room`` to leave space for the band
above the lanes. The app and the exports set what is shown; both see the same items.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsItem

from laneway.canvas.emotion_band import BAND_GAP, EmotionBand
from laneway.canvas.link_item import LinkItem
from laneway.canvas.note_marks import NoteMarker, NoteMarks
from laneway.canvas.step_item import StepItem
from laneway.canvas.style import Style
from laneway.i18n import _
from laneway.layout import Grid, Metrics
from laneway.layout.emotion_curve import EMOTION_BAND_HEIGHT, emotion_curve
from laneway.model import ChangeSet, JourneyMap, Note
from laneway.model.terms import cited_terms


class _Scene(Protocol):
    """What this needs of ``JourneyScene`` (which imports this module)."""

    journey: JourneyMap
    style: Style
    metrics: Metrics
    interactive: bool

    @property
    def grid(self) -> Grid: ...

    def step_items(self) -> list[StepItem]: ...

    def step_item(self, step_id: str) -> StepItem | None: ...

    def link_item(self, link_id: str) -> LinkItem | None: ...

    def addItem(self, item: QGraphicsItem) -> None: ...

    def relayout_frame(self) -> None: ...


#: How opaque the steps of other personas are while a persona filter is on.
DIMMED_OPACITY = 0.22
#: How long after a burst of edits the app's curve is redrawn (ms): the journey order
#: behind it takes ~0.1 s at 2,000 steps, too long to redo inside every keystroke.
CURVE_DELAY_MS = 80
#: The tables whose change can move or redraw the curve.
_CURVE_TABLES = ("step", "stage", "persona", "department", "link")


def numbered_notes(journey: JourneyMap) -> list[Note]:
    """The open notes as an export numbers them: the map's first, then by time."""
    return sorted(journey.open_notes(), key=lambda n: (n.target[0] != "map", n.created, n.id))


class ContentLayers:
    def __init__(self, scene: _Scene) -> None:
        self.scene = scene
        #: The persona whose steps stay bright (an id), or None: every step as it is.
        self.persona_id: str | None = None
        self.curve_visible = False
        self.notes_visible = True
        #: Markers say the notes' numbers in ``numbered_notes`` (exports), not their count.
        self.numbered = False
        self._dimmed: set[str] = set()
        self.band = EmotionBand(scene.style)
        self.band.setVisible(False)
        scene.addItem(self.band)
        self.marks = NoteMarks()
        scene.addItem(self.marks)
        #: The app's scene redraws the curve once per burst of edits; an export's at once.
        self._band_timer: QTimer | None = None
        if scene.interactive:
            self._band_timer = QTimer(scene)  # type: ignore[arg-type]  # goes with the scene
            self._band_timer.setSingleShot(True)
            self._band_timer.setInterval(CURVE_DELAY_MS)
            self._band_timer.timeout.connect(self._refresh_band)

    # ------------------------------------------------------------------ settings
    def top_room(self) -> float:
        """The height the band needs above the lanes (0 while it is hidden)."""
        if not self.curve_visible:
            return 0.0
        return (EMOTION_BAND_HEIGHT + BAND_GAP) * self.scene.metrics.scale

    def set_persona(self, persona_id: str | None) -> None:
        if persona_id is not None and persona_id not in self.scene.journey.personas:
            persona_id = None
        self.persona_id = persona_id
        self._apply_dimming(force=True)
        self._refresh_band()

    def set_curve_visible(self, visible: bool) -> None:
        if visible != self.curve_visible:
            self.curve_visible = visible
            self.scene.relayout_frame()
            self._refresh_band()

    def set_notes_visible(self, visible: bool, numbered: bool = False) -> None:
        self.notes_visible, self.numbered = visible, numbered
        self._refresh_marks()

    # ------------------------------------------------------------------ refresh
    def refresh(self, changeset: ChangeSet | None = None) -> None:
        """After the scene placed its cards and arrows (``changeset``: what changed)."""
        if self.persona_id is not None and self.persona_id not in self.scene.journey.personas:
            self.persona_id = None
        if changeset is None or changeset.keys("step") or changeset.keys("persona"):
            self._apply_dimming(force=changeset is None)
        if changeset is None:
            self._refresh_band()
        elif self.curve_visible and any(changeset.keys(t) for t in _CURVE_TABLES):
            if self._band_timer is not None:
                self._band_timer.start()
            else:
                self._refresh_band()
        self._refresh_marks()
        if changeset is None or changeset.keys("definition") or changeset.keys("link"):
            self._refresh_terms(None if changeset is None or changeset.keys("definition")
                                else changeset.keys("link"))  # fmt: skip

    def _apply_dimming(self, force: bool = False) -> None:
        journey, persona_id = self.scene.journey, self.persona_id
        if persona_id is None and not self._dimmed and not force:
            return
        dimmed: set[str] = set()
        if persona_id is not None:
            dimmed = {s.id for s in journey.steps.values() if not s.concerns(persona_id)}
        for item in self.scene.step_items():
            item.setOpacity(DIMMED_OPACITY if item.step_id in dimmed else 1.0)
        self._dimmed = dimmed

    def dimmed_step_ids(self) -> set[str]:
        return set(self._dimmed)

    def _refresh_band(self) -> None:
        if self._band_timer is not None:
            self._band_timer.stop()
        scene = self.scene
        if not self.curve_visible:
            self.band.set_curve(None, scene.style, 0.0)
            return
        grid = scene.grid
        chosen = [self.persona_id] if self.persona_id is not None else None
        curve = emotion_curve(
            scene.journey,
            grid,
            band_top=-self.top_room(),
            band_height=EMOTION_BAND_HEIGHT * grid.metrics.scale,
            persona_ids=chosen,
        )
        self.band.set_curve(curve, scene.style, grid.metrics.lane_header_width)

    def _refresh_marks(self) -> None:
        scene = self.scene
        if not self.notes_visible:
            self.marks.set_markers([], scene.style)
            return
        journey = scene.journey
        texts: dict[tuple[str, str], list[str]] = {}
        notes = numbered_notes(journey) if self.numbered else journey.open_notes()
        for number, note in enumerate(notes, start=1):
            kind, record_id = note.target
            if record_id is not None:
                texts.setdefault((kind, record_id), []).append(str(number))
        markers = []
        for target, numbers in texts.items():
            at = self._marker_place(target)
            if at is not None:
                text = ", ".join(numbers) if self.numbered else str(len(numbers))
                markers.append(NoteMarker(target, at, text))
        self.marks.set_markers(markers, scene.style)

    def _marker_place(self, target: tuple[str, str]) -> tuple[float, float] | None:
        kind, record_id = target
        if kind == "step":
            item = self.scene.step_item(record_id)
            if item is None:
                return None
            corner = item.mapToScene(item.card_rect().topRight())
            # left of the finding badge that sits on the corner itself
            return (corner.x() - 30 * self.scene.style.font_scale, corner.y())
        item = self.scene.link_item(record_id)
        if item is None:
            return None
        scale = self.scene.style.font_scale
        caption = item.caption_rect()
        if not caption.isEmpty():  # just after the caption's end, not over its words
            box = item.mapRectToScene(caption)
            return (box.right() + 10 * scale, box.top())
        middle = item.mapToScene(item.path().pointAtPercent(0.5))
        return (middle.x() + 14 * scale, middle.y() - 14 * scale)

    def _refresh_terms(self, link_ids: set[str] | None) -> None:
        """Each cited term's meaning in its arrow's tooltip (or that it is not defined)."""
        journey = self.scene.journey
        defined = journey.defined_terms()
        ids = journey.links if link_ids is None else link_ids
        for link_id in ids:
            item = self.scene.link_item(link_id)
            link = journey.links.get(link_id)
            if item is None or link is None:
                continue
            lines = []
            for citation in cited_terms(link.agreement):
                definition = defined.get(citation.key)
                lines.append(
                    f"{definition.term}: {definition.meaning or _('(no meaning written yet)')}"
                    if definition is not None
                    else _("{term}: not defined — add it under Definitions").format(
                        term=citation.term
                    )
                )
            item.set_term_lines(list(dict.fromkeys(lines)))
