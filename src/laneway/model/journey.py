"""JourneyMap: the one mutation API of the domain.

Every change goes through a method here (or of its mixin ``JourneyContent``, the
personas, definitions and notes of SPEC §7, in model/content.py). The methods keep the
invariants of SPEC §1 (department names unique ignoring case, at most one link per
ordered pair, no self-links, a step's notes and links go before the step) and emit a ``Change``
for each record they touch, recorded by ``transaction()`` / ``record(label)`` into
change sets; nothing outside this module writes the record dictionaries.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from laneway.i18n import _
from laneway.model import invariants
from laneway.model.changes import RECORD_TABLES, Change, ChangeSet, Table
from laneway.model.content import JourneyContent
from laneway.model.entities import (
    DEPARTMENT_PALETTE,
    Definition,
    Department,
    Link,
    MapInfo,
    Note,
    NoteTarget,
    Persona,
    Stage,
    Step,
    field_names,
)
from laneway.model.ids import IdAllocator
from laneway.model.invariants import ModelError, name_key

__all__ = ["JourneyMap", "ModelError", "OutsideTransactionError", "name_key"]


class OutsideTransactionError(RuntimeError):
    """The map requires edits inside ``transaction()`` and one was made outside."""


_LINK_FIELDS = {"label", "agreement", "sla"}
_INFO_FIELDS = set(field_names(MapInfo))


class JourneyMap(JourneyContent):
    def __init__(self, info: MapInfo | None = None) -> None:
        self.info = info or MapInfo()
        self.departments: dict[str, Department] = {}
        self.stages: dict[str, Stage] = {}
        self.steps: dict[str, Step] = {}
        self.links: dict[str, Link] = {}
        self.personas: dict[str, Persona] = {}
        self.definitions: dict[str, Definition] = {}
        self.notes: dict[str, Note] = {}
        self._notes_by_target: dict[NoteTarget, dict[str, None]] = {}
        self._link_by_pair: dict[tuple[str, str], str] = {}
        self._out_links: dict[str, set[str]] = {}
        self._in_links: dict[str, set[str]] = {}
        self._ids = IdAllocator()
        self._recorders: list[list[Change]] = []
        #: When True (a document sets it), any edit outside ``transaction()`` raises.
        self.require_transaction = False

    # ------------------------------------------------------------------ queries
    def departments_in_order(self) -> list[Department]:
        return sorted(self.departments.values(), key=lambda d: (d.order, d.id))

    def stages_in_order(self) -> list[Stage]:
        return sorted(self.stages.values(), key=lambda s: (s.order, s.id))

    def department_by_name(self, name: str) -> Department | None:
        key = name_key(name)
        for department in self.departments.values():
            if name_key(department.name) == key:
                return department
        return None

    def stage_by_name(self, name: str) -> Stage | None:
        for stage in self.stages.values():
            if stage.name == name.strip():
                return stage
        return None

    def link_between(self, source: str, target: str) -> Link | None:
        link_id = self._link_by_pair.get((source, target))
        return self.links[link_id] if link_id else None

    def links_of(self, step_id: str) -> list[Link]:
        ids = self._out_links.get(step_id, set()) | self._in_links.get(step_id, set())
        return [self.links[i] for i in sorted(ids)]

    def outgoing(self, step_id: str) -> list[Link]:
        return [self.links[i] for i in sorted(self._out_links.get(step_id, ()))]

    def incoming(self, step_id: str) -> list[Link]:
        return [self.links[i] for i in sorted(self._in_links.get(step_id, ()))]

    def is_handoff(self, link: Link) -> bool:
        a = self.steps[link.source].department_id
        b = self.steps[link.target].department_id
        return a is not None and b is not None and a != b

    def is_gap(self, link: Link) -> bool:
        """A handoff gap: a handoff between two departments that nobody agreed."""
        return not link.agreed and self.is_handoff(link)

    def department_name(self, department_id: str | None) -> str | None:
        return self.departments[department_id].name if department_id else None

    def stage_name(self, stage_id: str | None) -> str | None:
        return self.stages[stage_id].name if stage_id else None

    @property
    def site_tag(self) -> str | None:
        """The live-session tag new ids end with (None: plain ``s1, s2, …``)."""
        return self._ids.site_tag

    def use_site_tag(self, site_tag: str) -> None:
        """Make every id created from now on end with ``.site_tag`` (model/ids.py)."""
        self._ids.use_site_tag(site_tag)

    def stamp_modified(self, stamp: str) -> None:
        """Record when the file was last written: metadata, not an (undoable) edit."""
        self.info = replace(self.info, modified=stamp)

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[list[Change]]:
        """Record every change made inside; on an exception, undo them and re-raise.

        The recorded list is yielded; ``record(label)`` wraps it into a labelled ChangeSet.
        """
        recorded: list[Change] = []
        self._recorders.append(recorded)
        try:
            yield recorded
        except BaseException:
            self._recorders.remove(recorded)
            self._apply_raw(c.inverse() for c in reversed(recorded))
            raise
        else:
            self._recorders.remove(recorded)

    @contextlib.contextmanager
    def record(self, label: str) -> Iterator[Recording]:
        """``with m.record("Add step") as rec: ...`` then ``rec.changeset``."""
        recording = Recording(ChangeSet(label))
        with self.transaction() as recorded:
            yield recording
        recording.changeset = ChangeSet(label, tuple(recorded))

    def apply(self, changeset: ChangeSet) -> None:
        """Apply recorded changes verbatim (redo, or undo with ``inverse()``)."""
        self._check_transaction_allowed()
        self._apply_raw(changeset.changes)

    def _apply_raw(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self._put(change.table, change.key, change.new)
            self._emit(change)

    def _check_transaction_allowed(self) -> None:
        if self.require_transaction and not self._recorders:
            raise OutsideTransactionError(_("Edits to this map must happen inside a transaction."))

    def _emit(self, change: Change) -> None:
        for recorder in self._recorders:
            recorder.append(change)

    def _change(self, table: Table, key: str, new: object | None) -> None:
        self._check_transaction_allowed()
        old = self._get(table, key)
        if old == new:
            return
        self._put(table, key, new)
        self._emit(Change(table, key, old, new))

    def _get(self, table: Table, key: str) -> object | None:
        if table == "info":
            return getattr(self.info, key)
        return self._table(table).get(key)

    def _table(self, table: Table) -> dict:
        if table == "step":
            return self.steps
        if table == "link":
            return self.links
        if table == "department":
            return self.departments
        if table == "stage":
            return self.stages
        return self.personas if table == "persona" else self._content_table(table)

    def _content_table(self, table: Table) -> dict:
        if table == "definition":
            return self.definitions
        if table == "note":
            return self.notes
        raise ModelError(_("A map has no table {table!r}.").format(table=table))

    def _put(self, table: Table, key: str, new: object | None) -> None:
        """Write one record (or delete it when ``new is None``), keeping the indexes."""
        if table == "info":
            self.info = replace(self.info, **{key: new})
            return
        records = self._table(table)
        # An update keeps the record's place: memory iterates in creation order, like
        # the file (rowid order), so results that break ties by order do not drift.
        old = records.get(key) if new is not None else records.pop(key, None)
        if table == "link" and isinstance(old, Link):
            self._link_by_pair.pop(old.pair, None)
            self._out_links.get(old.source, set()).discard(key)
            self._in_links.get(old.target, set()).discard(key)
        if table == "step" and new is None:
            self._out_links.pop(key, None)
            self._in_links.pop(key, None)
        if table == "note":
            self._index_note(key, old, new)
        if new is None:
            return
        records[key] = new
        self._ids.note(table, key)
        if isinstance(new, Link):
            self._link_by_pair[new.pair] = key
            self._out_links.setdefault(new.source, set()).add(key)
            self._in_links.setdefault(new.target, set()).add(key)

    def _index_note(self, key: str, old: Note | None, new: Note | None) -> None:
        if old is not None:
            self._notes_by_target.get(old.target, {}).pop(key, None)
        if new is not None:
            self._notes_by_target.setdefault(new.target, {})[key] = None

    # -------------------------------------------------------------------- info
    def set_info(self, **values: str) -> None:
        unknown = set(values) - _INFO_FIELDS
        if unknown:
            raise ModelError(_("Map info has no field {value!r}.").format(value=sorted(unknown)[0]))
        for key, value in values.items():
            self._change("info", key, str(value))

    # ------------------------------------------------------------- departments
    def add_department(
        self,
        name: str,
        color: str | None = None,
        *,
        department_id: str | None = None,
        order: int | None = None,
    ) -> Department:
        clean = self._valid_department_name(name, None)
        new_id = self._claim("department", department_id)
        if order is None:
            order = max((d.order for d in self.departments.values()), default=-1) + 1
        if not color:
            color = DEPARTMENT_PALETTE[len(self.departments) % len(DEPARTMENT_PALETTE)]
        department = Department(new_id, clean, invariants.color(color), order)
        self._change("department", new_id, department)
        return department

    def update_department(
        self, department_id: str, *, name: str | None = None, color: str | None = None
    ) -> Department:
        department = self._existing(self.departments, department_id, "department")
        changes: dict[str, object] = {}
        if name is not None:
            changes["name"] = self._valid_department_name(name, department_id)
        if color is not None:
            changes["color"] = invariants.color(color)
        updated = replace(department, **changes)
        self._change("department", department_id, updated)
        return updated

    def reorder_departments(self, ordered_ids: list[str]) -> None:
        self._reorder(self.departments, "department", ordered_ids)

    def remove_department(self, department_id: str) -> None:
        """Delete a department; its steps become unowned (they are never deleted)."""
        self._existing(self.departments, department_id, "department")
        for step in list(self.steps.values()):
            if step.department_id == department_id:
                self._change("step", step.id, replace(step, department_id=None))
        self._change("department", department_id, None)

    def merge_departments(self, source_id: str, target_id: str) -> None:
        """Move every step of ``source_id`` to ``target_id`` and delete ``source_id``."""
        self._existing(self.departments, source_id, "department")
        self._existing(self.departments, target_id, "department")
        if source_id == target_id:
            raise ModelError(_("A department cannot be merged into itself."))
        for step in list(self.steps.values()):
            if step.department_id == source_id:
                self._change("step", step.id, replace(step, department_id=target_id))
        self._change("department", source_id, None)

    def _valid_department_name(self, name: str, own_id: str | None) -> str:
        return invariants.department_name(name, self.department_by_name, own_id)

    # ------------------------------------------------------------------ stages
    def add_stage(
        self, name: str, *, stage_id: str | None = None, order: int | None = None
    ) -> Stage:
        clean = self._valid_stage_name(name, None)
        new_id = self._claim("stage", stage_id)
        if order is None:
            order = max((s.order for s in self.stages.values()), default=-1) + 1
        stage = Stage(new_id, clean, order)
        self._change("stage", new_id, stage)
        return stage

    def rename_stage(self, stage_id: str, name: str) -> Stage:
        stage = self._existing(self.stages, stage_id, "stage")
        updated = replace(stage, name=self._valid_stage_name(name, stage_id))
        self._change("stage", stage_id, updated)
        return updated

    def reorder_stages(self, ordered_ids: list[str]) -> None:
        self._reorder(self.stages, "stage", ordered_ids)

    def remove_stage(self, stage_id: str) -> None:
        """Delete a stage; its steps keep their place but lose the stage."""
        self._existing(self.stages, stage_id, "stage")
        for step in list(self.steps.values()):
            if step.stage_id == stage_id:
                self._change("step", step.id, replace(step, stage_id=None))
        self._change("stage", stage_id, None)

    def _valid_stage_name(self, name: str, own_id: str | None) -> str:
        return invariants.stage_name(name, self.stage_by_name, own_id)

    def _reorder(self, records: dict, table: Table, ordered_ids: list[str]) -> None:
        if sorted(ordered_ids) != sorted(records):
            raise ModelError(
                _("A new {table} order must list every {table} exactly once.").format(table=table)
            )
        for position, record_id in enumerate(ordered_ids):
            record = records[record_id]
            if record.order != position:
                self._change(table, record_id, replace(record, order=position))

    # ------------------------------------------------------------------- steps
    def add_step(self, title: str = "", *, step_id: str | None = None, **values: object) -> Step:
        new_id = self._claim("step", step_id)
        step = self._valid_step(Step(id=new_id, title=""), {"title": title, **values})
        self._change("step", new_id, step)
        return step

    def update_step(self, step_id: str, **values: object) -> Step:
        step = self._existing(self.steps, step_id, "step")
        updated = self._valid_step(step, values)
        self._change("step", step_id, updated)
        return updated

    def remove_step(self, step_id: str) -> None:
        """Delete a step and, first, every link that touches it and every note on them."""
        self._existing(self.steps, step_id, "step")
        for link in self.links_of(step_id):
            self._remove_notes_on("link", link.id)
            self._change("link", link.id, None)
        self._remove_notes_on("step", step_id)
        self._change("step", step_id, None)

    def _valid_step(self, step: Step, values: dict[str, object]) -> Step:
        checked = invariants.step_values(
            values, self.departments, self.stages, personas=self.personas
        )
        return replace(step, **checked)

    # ------------------------------------------------------------------- links
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
        invariants.check_link(self.steps, source, target, (source, target) in self._link_by_pair)
        new_id = self._claim("link", link_id)
        link = Link(new_id, source, target, str(label), str(agreement), str(sla))
        self._change("link", new_id, link)
        return link

    def update_link(self, link_id: str, **values: str) -> Link:
        link = self._existing(self.links, link_id, "link")
        unknown = set(values) - _LINK_FIELDS
        if unknown:
            raise ModelError(_("A link has no field {value!r}.").format(value=sorted(unknown)[0]))
        updated = replace(link, **{k: "" if v is None else str(v) for k, v in values.items()})
        self._change("link", link_id, updated)
        return updated

    def remove_link(self, link_id: str) -> None:
        """Delete a link and, first, the notes on it."""
        self._existing(self.links, link_id, "link")
        self._remove_notes_on("link", link_id)
        self._change("link", link_id, None)

    # ----------------------------------------------------------------- helpers
    def _claim(self, table: Table, wanted: str | None) -> str:
        return self._ids.claim(table, invariants.check_new_id(table, wanted, self._table(table)))

    @staticmethod
    def _existing(records: dict, record_id: str, what: str):
        try:
            return records[record_id]
        except KeyError:
            raise ModelError(
                _("There is no {what} with id {record_id!r}.").format(
                    what=what, record_id=record_id
                )
            ) from None

    @classmethod
    def _assembled(
        cls,
        info: MapInfo,
        records: dict[str, dict],
        link_by_pair: dict[tuple[str, str], str],
        ids: IdAllocator,
    ) -> JourneyMap:
        """A map of records the bulk builder checked (``records``: table → id → record),
        its link indexes built in one pass."""
        journey = cls(info)
        journey.departments = records["department"]
        journey.stages = records["stage"]
        journey.steps = records["step"]
        journey.links = records["link"]
        journey.personas = records.get("persona", {})
        journey.definitions = records.get("definition", {})
        journey.notes = records.get("note", {})
        for key, note in journey.notes.items():
            journey._notes_by_target.setdefault(note.target, {})[key] = None
        journey._link_by_pair = link_by_pair
        journey._ids = ids
        out_links, in_links = journey._out_links, journey._in_links
        for key, link in journey.links.items():
            out_links.setdefault(link.source, set()).add(key)
            in_links.setdefault(link.target, set()).add(key)
        return journey

    def copy(self) -> JourneyMap:
        """An independent map with the same records."""
        twin = JourneyMap(self.info)
        if self.site_tag:
            twin.use_site_tag(self.site_tag)
        for table in RECORD_TABLES:
            for key, record in self._table(table).items():
                twin._put(table, key, record)
        return twin

    def same_content(self, other: JourneyMap) -> bool:
        return (
            self.info.title == other.info.title
            and self.info.description == other.info.description
            and self.departments == other.departments
            and self.stages == other.stages
            and self.steps == other.steps
            and self.links == other.links
            and self.personas == other.personas
            and self.definitions == other.definitions
            and self.notes == other.notes
        )


@dataclass
class Recording:
    """What ``record(label)`` collects: the change set, complete once the block ends."""

    changeset: ChangeSet
