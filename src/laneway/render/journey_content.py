"""SPEC §7 in the exported picture: the persona filter and the emotion curve on the
scene, the note markers numbered, the numbered list of open notes under the legend, and
the personas named in the title block. The workshop version (findings on) carries the
notes; the clean version (``notes`` off, with the findings) leaves them out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from laneway.canvas import JourneyScene, Style
from laneway.canvas.content_layers import numbered_notes
from laneway.canvas.text import make_font
from laneway.i18n import _, ngettext, pgettext
from laneway.io.export_options import ExportOptions
from laneway.model import JourneyMap, Note, Persona

NOTES_TITLE_HEIGHT = 26.0
NOTE_LINE_HEIGHT = 17.0
NOTES_GAP = 12.0
#: More open notes than this are summed up in one line, so the picture stays a map.
MAX_LISTED_NOTES = 40


def chosen_persona(
    original: JourneyMap, part: JourneyMap, options: ExportOptions
) -> Persona | None:
    """The persona of ``options.persona`` (an id or a name of ``original``) in ``part``
    (an excerpt has its own ids)."""
    wanted = options.persona
    if not wanted:
        return None
    persona = original.personas.get(wanted) or original.persona_by_name(wanted)
    return part.persona_by_name(persona.name) if persona is not None else None


def prepare_scene(
    scene: JourneyScene, original: JourneyMap, part: JourneyMap, options: ExportOptions
) -> None:
    """Set the scene's persona filter, emotion band and note markers as exported."""
    persona = chosen_persona(original, part, options)
    scene.content.set_persona(persona.id if persona is not None else None)
    scene.content.set_curve_visible(options.emotion_curve)
    scene.content.set_notes_visible(options.notes, numbered=True)


def listed_notes(journey: JourneyMap, options: ExportOptions) -> list[Note]:
    return numbered_notes(journey) if options.notes else []


def notes_block_height(journey: JourneyMap, options: ExportOptions) -> float:
    notes = listed_notes(journey, options)
    if not notes:
        return 0.0
    lines = min(len(notes), MAX_LISTED_NOTES) + (len(notes) > MAX_LISTED_NOTES)
    return NOTES_GAP + NOTES_TITLE_HEIGHT + lines * NOTE_LINE_HEIGHT


def _subject(journey: JourneyMap, note: Note) -> str:
    kind, record_id = note.target
    if kind == "step" and record_id in journey.steps:
        return journey.steps[record_id].title
    if kind == "link" and record_id in journey.links:
        link = journey.links[record_id]
        return f"{journey.steps[link.source].title} → {journey.steps[link.target].title}"
    return pgettext("note subject", "the map")


def paint_notes_block(
    painter: QPainter, rect: QRectF, journey: JourneyMap, options: ExportOptions, style: Style
) -> None:
    """ "Open notes": one numbered line each (the numbers on the markers), who and on what."""
    notes = listed_notes(journey, options)
    if not notes:
        return
    y = rect.y() + NOTES_GAP
    painter.setPen(QColor(style.header_text))
    painter.setFont(make_font(style.font_family, 12, bold=True))
    painter.drawText(
        QRectF(rect.x(), y, rect.width(), NOTES_TITLE_HEIGHT),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        _("Open notes ({count})").format(count=len(notes)),
    )
    y += NOTES_TITLE_HEIGHT
    font = make_font(style.font_family, 9.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for number, note in enumerate(notes[:MAX_LISTED_NOTES], start=1):
        by = f" — {note.author}" if note.author else ""
        text = _("{number}.  {text}  (on {subject}{by})").format(
            number=number,
            text=note.text.replace(chr(10), " "),
            subject=_subject(journey, note),
            by=by,
        )
        painter.drawText(
            QRectF(rect.x(), y, rect.width(), NOTE_LINE_HEIGHT),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
        )
        y += NOTE_LINE_HEIGHT
    if len(notes) > MAX_LISTED_NOTES:
        painter.drawText(
            QRectF(rect.x(), y, rect.width(), NOTE_LINE_HEIGHT),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            ngettext(
                "… and {count} more open note in the map.",
                "… and {count} more open notes in the map.",
                len(notes) - MAX_LISTED_NOTES,
            ).format(count=len(notes) - MAX_LISTED_NOTES),
        )


def personas_line(original: JourneyMap, part: JourneyMap, options: ExportOptions) -> str:
    """The title block's words on personas: " · for A, B" or " · persona A (…dimmed)"."""
    persona = chosen_persona(original, part, options)
    if persona is not None:
        return _(" · persona {name} (other steps dimmed)").format(name=persona.name)
    names = [p.name for p in part.personas_in_order()]
    return _(" · for {names}").format(names=", ".join(names)) if names else ""
