"""What every gesture is: press, move, finish or cancel, on one canvas.

Modelled on the Orange canvas core's interaction objects: the view creates the gesture
that a press (or a double-click, or a key) starts, hands it every move until the
button is released, and cancels it on Esc. A gesture writes nothing until it finishes,
then makes at most one edit through the editing room; the scene only shows its
previews in the meantime.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsView

from laneway.canvas import JourneyScene
from laneway.ui.editing.session import MapSession


@dataclass(frozen=True)
class Pointer:
    """Where the pointer is, in the view's viewport and in the scene."""

    view_pos: QPointF
    scene_pos: QPointF
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier


@dataclass(frozen=True)
class Canvas:
    """What a gesture works on: the view it happens in, its scene, the map's session."""

    view: QGraphicsView
    scene: JourneyScene
    session: MapSession


class Gesture:
    """One gesture from its press to its finish or cancel.

    Subclasses override ``press``, ``move``, ``finish`` and ``cancel``; ``finish`` and
    ``cancel`` end the gesture (``done``), whichever comes first, once.
    """

    #: A drag follows the pointer until the button is released; an in-place editor
    #: follows the keyboard instead, and the view leaves the mouse to Qt meanwhile.
    follows_pointer = True
    #: The scene also sees the press and the release (a card's own selection click).
    shares_clicks_with_scene = False

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.done = False

    @property
    def scene(self) -> JourneyScene:
        return self.canvas.scene

    @property
    def session(self) -> MapSession:
        return self.canvas.session

    def press(self, pointer: Pointer | None) -> None:
        """The gesture starts (``None`` when a key, not the mouse, started it)."""

    def move(self, pointer: Pointer) -> None:
        """The pointer moved with the button held."""

    def finish(self, pointer: Pointer | None) -> None:
        """Release (or Enter): make the edit, if any, and end."""
        self.done = True

    def cancel(self) -> None:
        """Esc (or the map changed under it): undo every preview, write nothing, end."""
        self.done = True
