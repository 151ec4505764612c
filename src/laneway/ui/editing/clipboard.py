"""Copy, cut and paste: the clipboard holds interchange JSON, so steps paste between maps.

Pasted steps get new ids and keep their arrangement, shifted off any card they would
cover; their departments, stages and personas are matched by name and added when missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from laneway.i18n import _
from laneway.io.errors import InputError
from laneway.io.jsonio import dumps, loads
from laneway.layout import paste_spots
from laneway.model import JourneyMap, ModelError, Step
from laneway.model.dictform import STEP_KEYS
from laneway.model.wording import plural
from laneway.ui.editing.session import MapSession

CLIPBOARD_MIME = "application/x-laneway+json"
#: The step fields a pasted step takes over as they are (its id is new, its lane, stage,
#: personas and place are matched to this map).
COPIED_FIELDS = tuple(
    key
    for key in STEP_KEYS
    if key not in ("id", "title", "department", "stage", "x", "y", "personas")
)


def copy_text(session: MapSession, step_ids: Iterable[str]) -> str | None:
    """The interchange JSON of the chosen steps and the links between them."""
    chosen = {s for s in step_ids if s in session.journey.steps}
    return dumps(session.journey, chosen) if chosen else None


def copy_to_clipboard(session: MapSession, step_ids: Iterable[str]) -> bool:
    """Put the steps on the system clipboard (as JSON and as text); False when none."""
    text = copy_text(session, step_ids)
    if text is None:
        return False
    data = QMimeData()
    data.setText(text)
    data.setData(CLIPBOARD_MIME, text.encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(data)
    return True


def clipboard_text() -> str:
    """The clipboard's Laneway selection, or its plain text ("" when it holds neither)."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return ""
    if mime.hasFormat(CLIPBOARD_MIME):
        return bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8")
    return mime.text()


def paste_text(session: MapSession, text: str) -> list[str]:
    """Add the steps of an interchange JSON text (from this or another map).

    Returns the new step ids (empty when the text is not a Laneway selection).
    """
    try:
        pasted = loads(text)
    except (InputError, ModelError):
        return []  # any other text on the clipboard (or a broken selection) pastes nothing
    if not pasted.steps:
        return []
    created: list[str] = []

    def change(journey: JourneyMap) -> None:
        created.extend(_add_pasted(journey, pasted))

    label = _("Paste {value}").format(value=plural(len(pasted.steps), "step"))
    return created if session.run_edit(label, change) else []


def _add_pasted(journey: JourneyMap, pasted: JourneyMap) -> list[str]:
    departments = _matching(
        pasted.departments_in_order(),
        {step.department_id for step in pasted.steps.values()},
        journey.department_by_name,
        lambda record: journey.add_department(record.name, color=record.color),
    )
    stages = _matching(
        pasted.stages_in_order(),
        {step.stage_id for step in pasted.steps.values()},
        journey.stage_by_name,
        lambda record: journey.add_stage(record.name),
    )
    personas = _matching(
        pasted.personas_in_order(),
        {p for step in pasted.steps.values() for p in step.personas},
        journey.persona_by_name,
        lambda record: journey.add_persona(
            record.name, record.color, description=record.description
        ),
    )
    placed = [
        Step(
            id=step.id,
            title=step.title,
            department_id=departments.get(step.department_id),
            stage_id=stages.get(step.stage_id),
            x=step.x,
            y=step.y,
        )
        for step in pasted.steps.values()
    ]
    spots = paste_spots(journey, placed)
    new_ids: dict[str, str] = {}
    for step, record in zip(pasted.steps.values(), placed, strict=True):
        x, y = spots[step.id]
        copied = {name: getattr(step, name) for name in COPIED_FIELDS}
        new = journey.add_step(
            step.title,
            department_id=record.department_id,
            stage_id=record.stage_id,
            x=x,
            y=y,
            personas=[personas[p] for p in step.personas],
            **copied,
        )
        new_ids[step.id] = new.id
    for link in pasted.links.values():
        journey.add_link(
            new_ids[link.source],
            new_ids[link.target],
            label=link.label,
            agreement=link.agreement,
            sla=link.sla,
        )
    return list(new_ids.values())


def _matching(records: list, used: set, find: Callable, add: Callable) -> dict[str, str]:
    """Pasted department (stage) id → this map's one of that name, added when missing;
    only for the records the pasted steps use."""
    found: dict[str, str] = {}
    for record in records:
        if record.id not in used:
            continue
        own = find(record.name)
        found[record.id] = (own if own is not None else add(record)).id
    return found
