"""Building a whole map at once, as a file is read: the bulk path beside the mutation API.

The readers (JSON and CSV through ``map_from_dict``, BPMN, Mermaid, the store's
``load``) add every record once. The builder checks each record against the
invariants with the mutation API's own sentences (``invariants``), but records no
change events, finds departments and stages by name in constant time and builds the
map's indexes once at the end, so reading a map costs time linear in its size.
Get one with ``MapBuilder(info)``; ``map_from_records`` builds a map from stored records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING, fields, replace

from laneway.i18n import _
from laneway.model import invariants
from laneway.model.changes import RECORD_TABLES, Table
from laneway.model.content import utc_now
from laneway.model.entities import (
    DEPARTMENT_PALETTE,
    PERSONA_PALETTE,
    Definition,
    Department,
    Link,
    MapInfo,
    Note,
    Persona,
    Stage,
    Step,
    field_names,
)
from laneway.model.gcpause import paused_gc
from laneway.model.ids import IdAllocator
from laneway.model.invariants import ModelError, name_key
from laneway.model.journey import JourneyMap
from laneway.model.terms import term_key

_STEP_VALUES = tuple(name for name in field_names(Step) if name not in ("id", "title"))
#: Every field of a step, in order, with its default (the id and title have none).
_STEP_TEMPLATE = {f.name: None if f.default is MISSING else f.default for f in fields(Step)}
_INFO_FIELDS = frozenset(field_names(MapInfo))


class MapBuilder:
    """Adds records to a new map, then hands it over with ``build()``.

    ``add_*`` take the arguments of the mutation API's methods of the same names;
    ``put_*`` take a stored record as it is (the store's ``load``). The record
    dictionaries are readable as ``departments``, ``stages``, ``steps``, ``links``,
    ``personas``, ``definitions`` and ``notes``.
    """

    def __init__(self, info: MapInfo | None = None) -> None:
        self._start(info)

    def _start(self, info: MapInfo | None) -> None:
        """An empty map to build (again: ``build`` hands the records over)."""
        self.info = info or MapInfo()
        self.departments: dict[str, Department] = {}
        self.stages: dict[str, Stage] = {}
        self.steps: dict[str, Step] = {}
        self.links: dict[str, Link] = {}
        self.personas: dict[str, Persona] = {}
        self.definitions: dict[str, Definition] = {}
        self.notes: dict[str, Note] = {}
        self._department_by_key: dict[str, Department] = {}
        self._stage_by_name: dict[str, Stage] = {}
        self._persona_by_key: dict[str, Persona] = {}
        self._definition_by_key: dict[str, Definition] = {}
        self._link_by_pair: dict[tuple[str, str], str] = {}
        self._next_order: dict[str, int | None] = dict.fromkeys(
            ("department", "stage", "persona", "definition")
        )
        self._ids = IdAllocator()
        #: Ids given by the caller and not yet noted by the allocator (noted in bulk).
        self._unnoted: dict[str, list[str]] = {table: [] for table in RECORD_TABLES}

    # ------------------------------------------------------------------ queries
    def department_by_name(self, name: str) -> Department | None:
        return self._department_by_key.get(name_key(name))

    def stage_by_name(self, name: str) -> Stage | None:
        return self._stage_by_name.get(name.strip())

    def link_between(self, source: str, target: str) -> Link | None:
        link_id = self._link_by_pair.get((source, target))
        return self.links[link_id] if link_id else None

    def persona_by_name(self, name: str) -> Persona | None:
        return self._persona_by_key.get(name_key(name))

    def definition_by_term(self, term: str) -> Definition | None:
        return self._definition_by_key.get(term_key(term))

    # ------------------------------------------------------------------ records
    def set_info(self, **values: str) -> None:
        unknown = set(values) - _INFO_FIELDS
        if unknown:
            raise ModelError(_("Map info has no field {value!r}.").format(value=sorted(unknown)[0]))
        self.info = replace(self.info, **{key: str(value) for key, value in values.items()})

    def add_department(
        self,
        name: str,
        color: str | None = None,
        *,
        department_id: str | None = None,
        order: int | None = None,
    ) -> Department:
        clean = invariants.department_name(name, self.department_by_name, None)
        new_id = self._claim("department", department_id, self.departments)
        if not color:
            color = DEPARTMENT_PALETTE[len(self.departments) % len(DEPARTMENT_PALETTE)]
        department = Department(
            new_id, clean, invariants.color(color), self._order("department", order)
        )
        self.departments[new_id] = self._department_by_key[name_key(clean)] = department
        return department

    def add_stage(
        self, name: str, *, stage_id: str | None = None, order: int | None = None
    ) -> Stage:
        clean = invariants.stage_name(name, self.stage_by_name, None)
        new_id = self._claim("stage", stage_id, self.stages)
        stage = Stage(new_id, clean, self._order("stage", order))
        self.stages[new_id] = self._stage_by_name[clean] = stage
        return stage

    def add_step(self, title: str = "", *, step_id: str | None = None, **values: object) -> Step:
        values["title"] = title
        return self.add_step_values(step_id, values)

    def add_step_values(self, step_id: str | None, values: dict[str, object]) -> Step:
        """``add_step`` with the fields (the title among them) in one dict, as a reader
        has them."""
        new_id = self._claim("step", step_id, self.steps)
        fields_of_step = _STEP_TEMPLATE.copy()
        fields_of_step["id"] = new_id
        invariants.step_values(
            values, self.departments, self.stages, into=fields_of_step, personas=self.personas
        )
        step = _record(Step, fields_of_step)
        self.steps[new_id] = step
        return step

    def add_link(
        self,
        source: str,
        target: str,
        *,
        link_id: str | None = None,
        label: str = "",
        agreement: str = "",
        sla: str = "",
    ) -> Link:
        pair = (source, target)
        steps = self.steps
        if source not in steps or target not in steps or source == target:
            invariants.check_link(steps, source, target, pair in self._link_by_pair)
        elif pair in self._link_by_pair:
            invariants.check_link(steps, source, target, True)
        new_id = self._claim("link", link_id, self.links)
        link = _record(
            Link,
            {
                "id": new_id,
                "source": source,
                "target": target,
                "label": label if type(label) is str else str(label),
                "agreement": agreement if type(agreement) is str else str(agreement),
                "sla": sla if type(sla) is str else str(sla),
            },
        )
        self.links[new_id] = link
        self._link_by_pair[pair] = new_id
        return link

    def add_persona(
        self,
        name: str,
        color: str | None = None,
        *,
        description: str = "",
        persona_id: str | None = None,
        order: int | None = None,
    ) -> Persona:
        clean = invariants.persona_name(name, self.persona_by_name, None)
        new_id = self._claim("persona", persona_id, self.personas)
        if not color:
            color = PERSONA_PALETTE[len(self.personas) % len(PERSONA_PALETTE)]
        persona = Persona(
            new_id,
            clean,
            invariants.text(description),
            invariants.color(color),
            self._order("persona", order),
        )
        self.personas[new_id] = self._persona_by_key[name_key(clean)] = persona
        return persona

    def add_definition(
        self,
        term: str,
        meaning: str = "",
        *,
        definition_id: str | None = None,
        order: int | None = None,
    ) -> Definition:
        clean = invariants.definition_term(term, self.definition_by_term, None)
        new_id = self._claim("definition", definition_id, self.definitions)
        definition = Definition(
            new_id, clean, invariants.text(meaning), self._order("definition", order)
        )
        self.definitions[new_id] = self._definition_by_key[term_key(clean)] = definition
        return definition

    def add_note(
        self,
        text: str,
        *,
        author: str = "",
        created: str | None = None,
        step_id: str | None = None,
        link_id: str | None = None,
        resolved: bool = False,
        note_id: str | None = None,
    ) -> Note:
        invariants.note_target(step_id, link_id, self.steps, self.links)
        body = invariants.text(text)
        if not body.strip():
            raise ModelError(_("A note needs some text."))
        new_id = self._claim("note", note_id, self.notes)
        note = Note(
            new_id,
            body,
            invariants.text(author),
            utc_now() if created is None else invariants.note_created(created),
            step_id,
            link_id,
            bool(resolved),
        )
        self.notes[new_id] = note
        return note

    def put_persona(self, persona: Persona) -> Persona:
        return self.add_persona(
            persona.name,
            persona.color,
            description=persona.description,
            persona_id=persona.id,
            order=persona.order,
        )

    def put_definition(self, definition: Definition) -> Definition:
        return self.add_definition(
            definition.term,
            definition.meaning,
            definition_id=definition.id,
            order=definition.order,
        )

    def put_note(self, note: Note) -> Note:
        return self.add_note(
            note.text,
            author=note.author,
            created=note.created,
            step_id=note.step_id,
            link_id=note.link_id,
            resolved=note.resolved,
            note_id=note.id,
        )

    def put_department(self, department: Department) -> Department:
        return self.add_department(
            department.name, department.color, department_id=department.id, order=department.order
        )

    def put_stage(self, stage: Stage) -> Stage:
        return self.add_stage(stage.name, stage_id=stage.id, order=stage.order)

    def put_step(self, step: Step) -> Step:
        values = {name: getattr(step, name) for name in _STEP_VALUES}
        return self.add_step(step.title, step_id=step.id, **values)

    def put_link(self, link: Link) -> Link:
        return self.add_link(
            link.source,
            link.target,
            link_id=link.id,
            label=link.label,
            agreement=link.agreement,
            sla=link.sla,
        )

    def build(self) -> JourneyMap:
        """The map; the builder is empty afterwards."""
        for table, ids in self._unnoted.items():
            self._ids.note_all(table, ids)
        records = {
            "department": self.departments,
            "stage": self.stages,
            "step": self.steps,
            "link": self.links,
            "persona": self.personas,
            "definition": self.definitions,
            "note": self.notes,
        }
        journey = JourneyMap._assembled(self.info, records, self._link_by_pair, self._ids)
        self._start(None)  # the map owns the records now
        return journey

    # ----------------------------------------------------------------- helpers
    def _claim(self, table: Table, wanted: str | None, records: dict) -> str:
        """``wanted`` checked, or a fresh id as the mutation API would hand out."""
        unnoted = self._unnoted[table]
        if wanted is not None:
            if type(wanted) is not str or not wanted.strip() or wanted in records:
                wanted = invariants.check_new_id(table, wanted, records)  # says what is wrong
            unnoted.append(wanted)  # type: ignore[arg-type]
            return wanted  # type: ignore[return-value]
        if unnoted:
            self._ids.note_all(table, unnoted)
            unnoted.clear()
        return self._ids.claim(table)

    def _order(self, table: str, order: int | None) -> int:
        """The order given, or one after the highest so far (as the mutation API)."""
        highest_next = self._next_order[table]
        if order is None:
            order = 0 if highest_next is None else highest_next
        self._next_order[table] = (
            order + 1 if highest_next is None else max(highest_next, order + 1)
        )
        return order


def _record(kind: type, values: dict[str, object]):  # -> an instance of ``kind``
    """A frozen record from checked values of every one of its fields.

    The same value ``kind(**values)`` gives, made without the generated ``__init__``,
    which sets each field through ``object.__setattr__``: on a 20,000-step map that
    alone is a quarter of reading it.
    """
    record = object.__new__(kind)
    object.__setattr__(record, "__dict__", values)
    return record


def map_from_records(
    info: MapInfo,
    departments: Iterable[Department],
    stages: Iterable[Stage],
    steps: Iterable[Step],
    links: Iterable[Link],
    personas: Iterable[Persona] = (),
    definitions: Iterable[Definition] = (),
    notes: Iterable[Note] = (),
) -> JourneyMap:
    """A map holding stored records, each checked against the invariants (a damaged
    file raises ModelError); loading emits no changes."""
    builder = MapBuilder(info)
    with paused_gc():  # many records, no reference cycles
        for department in departments:
            builder.put_department(department)
        for stage in stages:
            builder.put_stage(stage)
        for persona in personas:
            builder.put_persona(persona)
        for definition in definitions:
            builder.put_definition(definition)
        for step in steps:
            builder.put_step(step)
        for link in links:
            builder.put_link(link)
        for note in notes:
            builder.put_note(note)
        return builder.build()
