"""Which gesture a press or a double-click on the canvas starts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laneway.ui.gestures.base import Canvas, Gesture, Pointer
from laneway.ui.gestures.card_drag import CardDrag
from laneway.ui.gestures.link_drag import LinkDrag
from laneway.ui.gestures.pan import Pan
from laneway.ui.gestures.rubber_band import RubberBand
from laneway.ui.gestures.title_gestures import CreateInCell, RenameInPlace


def gesture_for_press(
    canvas: Canvas,
    pointer: Pointer,
    button: Qt.MouseButton,
    *,
    space_held: bool,
    editable: bool,
) -> Gesture | None:
    """The gesture a press starts, or None to leave the press to Qt (e.g. an arrow's
    selection click). Panning works on a read-only map too; the others edit."""
    left = button == Qt.MouseButton.LeftButton
    if button == Qt.MouseButton.MiddleButton or (left and space_held):
        return Pan(canvas)
    if not left or not editable:
        return None
    scene = canvas.scene
    card = scene.step_at(pointer.scene_pos)
    if card is not None:
        if card.handle_contains(pointer.scene_pos):
            return LinkDrag(canvas, card.step_id)
        return CardDrag(canvas, card.step_id)
    if scene.link_at(pointer.scene_pos) is not None:
        return None
    return RubberBand(canvas)


def gesture_for_double_click(canvas: Canvas, pointer: Pointer) -> Gesture | None:
    """On a card: rename it; in a cell: create a step there; elsewhere nothing."""
    scene = canvas.scene
    card = scene.step_at(pointer.scene_pos)
    if card is not None:
        return RenameInPlace(canvas, card.step_id)
    if scene.cell_at(pointer.scene_pos) is not None:
        return CreateInCell(canvas)
    return None
