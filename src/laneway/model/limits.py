"""The documented limits of a map (README "Limits"), shared by every reader and the store.

A map beyond them is refused in one sentence when it is imported or opened, and an edit
that would cross one is refused before it is written, so Laneway never writes a file it
would then refuse to open. They are far above any workshop's map and low enough that no
file can make the app hang or run out of memory.
"""

from __future__ import annotations

from laneway.i18n import N_, _

#: Characters in an id (step, link, department, stage, persona, definition or note).
MAX_ID = 200
#: Characters in a name: a title, a department or stage name, a channel, a label…
MAX_NAME = 1_000
#: Characters in a long text: a description, customer action, pain points, agreement.
MAX_TEXT = 20_000
#: The largest distance of a card from its cell's corner, in pixels (either axis).
MAX_COORDINATE = 10_000_000.0

MAX_STEPS = 20_000
MAX_LINKS = 100_000
MAX_DEPARTMENTS = 500
MAX_STAGES = 500
MAX_PERSONAS = 200
MAX_DEFINITIONS = 5_000
MAX_NOTES = 20_000
MAX_SNAPSHOTS = 1_000
#: Characters in one snapshot (the interchange JSON of the map when it was taken).
MAX_SNAPSHOT = 50 * 1024 * 1024
#: Bytes of text in all of a map's records together (snapshots aside).
MAX_MAP_TEXT_BYTES = 256 * 1024 * 1024
#: Rows of map information (title, description, dates and a few markers).
MAX_INFO_ROWS = 100
#: How deeply an imported file may nest (BPMN lanes, XML elements, JSON values).
MAX_DEPTH = 64

#: Field → longest text, for every text field of every record.
TEXT_LIMITS: dict[str, dict[str, int]] = {
    "info": {"title": MAX_NAME, "description": MAX_TEXT, "created": MAX_ID, "modified": MAX_ID},
    "department": {"id": MAX_ID, "name": MAX_NAME, "color": MAX_ID},
    "stage": {"id": MAX_ID, "name": MAX_NAME},
    "step": {
        "id": MAX_ID,
        "title": MAX_NAME,
        "department_id": MAX_ID,
        "stage_id": MAX_ID,
        "channel": MAX_NAME,
        "description": MAX_TEXT,
        "customer_action": MAX_TEXT,
        "pain_points": MAX_TEXT,
        "kpi": MAX_NAME,
        "responsible": MAX_NAME,
    },
    "link": {
        "id": MAX_ID,
        "source": MAX_ID,
        "target": MAX_ID,
        "label": MAX_NAME,
        "agreement": MAX_TEXT,
        "sla": MAX_NAME,
    },
    "persona": {"id": MAX_ID, "name": MAX_NAME, "description": MAX_TEXT, "color": MAX_ID},
    "definition": {"id": MAX_ID, "term": MAX_NAME, "meaning": MAX_TEXT},
    "note": {
        "id": MAX_ID,
        "text": MAX_TEXT,
        "author": MAX_NAME,
        "created": MAX_ID,
        "step_id": MAX_ID,
        "link_id": MAX_ID,
    },
}

COUNT_LIMITS: dict[str, int] = {
    "step": MAX_STEPS,
    "link": MAX_LINKS,
    "department": MAX_DEPARTMENTS,
    "stage": MAX_STAGES,
    "persona": MAX_PERSONAS,
    "definition": MAX_DEFINITIONS,
    "note": MAX_NOTES,
}

#: Each record table's plural, for sentences.
PLURAL = {
    "step": N_("steps"),
    "link": N_("links"),
    "department": N_("departments"),
    "stage": N_("stages"),
    "persona": N_("personas"),
    "definition": N_("definitions"),
    "note": N_("notes"),
}
_FIELD_WORDS = {
    "customer_action": N_("customer action"),
    "pain_points": N_("pain points"),
    "kpi": N_("KPI"),
}


def field_words(field: str) -> str:
    """'pain_points' → 'pain points', for sentences."""
    return _(_FIELD_WORDS.get(field, field.replace("_", " ")))


def text_problem(table: str, field: str, value: object) -> str | None:
    """Why ``value`` cannot be the ``field`` of a ``table`` record, or None when it can."""
    limit = TEXT_LIMITS.get(table, {}).get(field)
    if limit is None or not isinstance(value, str) or len(value) <= limit:
        return None
    return _("its {field_words} has {value:,} characters; Laneway keeps at most {limit:,}").format(
        field_words=field_words(field), value=len(value), limit=limit
    )


def count_problem(table: str, count: int) -> str | None:
    """Why a map cannot hold ``count`` records of ``table``, or None when it can."""
    limit = COUNT_LIMITS.get(table)
    if limit is None or count <= limit:
        return None
    return _("has {count:,} {value}; Laneway opens maps of up to {limit:,}").format(
        count=count, value=_(PLURAL[table]), limit=limit
    )


def coordinate_problem(value: object) -> str | None:
    """Why ``value`` cannot be a card's x or y, or None when it can (None is no position)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _("has a position that is not a number")
    if not -MAX_COORDINATE <= value <= MAX_COORDINATE:  # also refuses NaN and infinity
        return _("has a position beyond {MAX_COORDINATE:,.0f} pixels").format(
            MAX_COORDINATE=MAX_COORDINATE
        )
    return None


def record_problem(table: str, record: object) -> str | None:
    """The first limit a department, stage, step or link crosses, or None."""
    for field in TEXT_LIMITS.get(table, {}):
        problem = text_problem(table, field, getattr(record, field, None))
        if problem:
            return problem
    if table == "step":
        for axis in ("x", "y"):
            problem = coordinate_problem(getattr(record, axis))
            if problem:
                return problem
    return None


def map_problem(journey) -> tuple[str, str] | None:
    """(element, problem) for the first limit a whole map crosses, or None.

    ``element`` names the record ("step 's4'", "the map") for the sentence.
    """
    for field in ("title", "description"):
        problem = text_problem("info", field, getattr(journey.info, field))
        if problem:
            return _("the map"), problem
    for table, records in (
        ("department", journey.departments),
        ("stage", journey.stages),
        ("step", journey.steps),
        ("link", journey.links),
        ("persona", journey.personas),
        ("definition", journey.definitions),
        ("note", journey.notes),
    ):
        problem = count_problem(table, len(records))
        if problem:
            return _("the map"), problem
        for record_id, record in records.items():
            problem = record_problem(table, record)
            if problem:
                return f"{table} {str(record_id)[:MAX_ID]!r}", problem
    return None
