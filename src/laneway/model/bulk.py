"""Building a whole map at once, as a file is read: the bulk path beside the mutation API.

The readers (JSON and CSV through ``map_from_dict``, BPMN, Mermaid, the store's
``load``) add every record once. The builder checks each record against the
invariants with the mutation API's own sentences (``invariants``), but records no
change events and finds departments and stages by name in constant time, so reading
a map costs time linear in its size. Get one with ``JourneyMap.bulk(info)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from laneway.model import invariants
from laneway.model.changes import Table
from laneway.model.entities import (
    DEPARTMENT_PALETTE,
    Department,
    Link,
    MapInfo,
    Stage,
    Step,
    field_names,
)
from laneway.model.invariants import name_key
from laneway.model.journey import JourneyMap

_STEP_VALUES = tuple(name for name in field_names(Step) if name not in ("id", "title"))


class MapBuilder:
    """Adds records to a new map, then hands it over with ``build()``.

    ``add_*`` take the arguments of the mutation API's methods of the same names;
    ``put_*`` take a stored record as it is (the store's ``load``).
    """

    def __init__(self, info: MapInfo | None = None) -> None:
        self._map = JourneyMap(info)
        self._department_by_key: dict[str, Department] = {}
        self._stage_by_name: dict[str, Stage] = {}
        self._next_order: dict[str, int | None] = {"department": None, "stage": None}

    # ------------------------------------------------------------------ queries
    @property
    def info(self) -> MapInfo:
        return self._map.info

    @property
    def departments(self) -> Mapping[str, Department]:
        return self._map.departments

    @property
    def stages(self) -> Mapping[str, Stage]:
        return self._map.stages

    @property
    def steps(self) -> Mapping[str, Step]:
        return self._map.steps

    @property
    def links(self) -> Mapping[str, Link]:
        return self._map.links

    def department_by_name(self, name: str) -> Department | None:
        return self._department_by_key.get(name_key(name))

    def stage_by_name(self, name: str) -> Stage | None:
        return self._stage_by_name.get(name.strip())

    def link_between(self, source: str, target: str) -> Link | None:
        return self._map.link_between(source, target)

    # ------------------------------------------------------------------ records
    def set_info(self, **values: str) -> None:
        self._map.set_info(**values)

    def add_department(
        self,
        name: str,
        color: str | None = None,
        *,
        department_id: str | None = None,
        order: int | None = None,
    ) -> Department:
        clean = invariants.department_name(name, self.department_by_name, None)
        new_id = self._claim("department", department_id)
        if not color:
            color = DEPARTMENT_PALETTE[len(self._map.departments) % len(DEPARTMENT_PALETTE)]
        department = Department(
            new_id, clean, invariants.color(color), self._order(order, "department")
        )
        self._department_by_key[name_key(clean)] = department
        self._put("department", department)
        return department

    def add_stage(
        self, name: str, *, stage_id: str | None = None, order: int | None = None
    ) -> Stage:
        clean = invariants.stage_name(name, self.stage_by_name, None)
        stage = Stage(self._claim("stage", stage_id), clean, self._order(order, "stage"))
        self._stage_by_name[clean] = stage
        self._put("stage", stage)
        return stage

    def add_step(self, title: str = "", *, step_id: str | None = None, **values: object) -> Step:
        new_id = self._claim("step", step_id)
        values["title"] = title
        step = Step(
            new_id, **invariants.step_values(values, self._map.departments, self._map.stages)
        )
        self._put("step", step)
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
        taken = self._map.link_between(source, target) is not None
        invariants.check_link(self._map.steps, source, target, taken)
        link = Link(
            self._claim("link", link_id), source, target, str(label), str(agreement), str(sla)
        )
        self._put("link", link)
        return link

    def put_department(self, department: Department) -> Department:
        return self.add_department(
            department.name,
            department.color,
            department_id=department.id,
            order=int(department.order),
        )

    def put_stage(self, stage: Stage) -> Stage:
        return self.add_stage(stage.name, stage_id=stage.id, order=int(stage.order))

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
        """The map, with its indexes; the builder must not be used afterwards."""
        journey, self._map = self._map, JourneyMap()
        return journey

    # ----------------------------------------------------------------- helpers
    def _claim(self, table: Table, wanted: str | None) -> str:
        records = self._map._table(table)
        return self._map._ids.claim(table, invariants.check_new_id(table, wanted, records))

    def _order(self, order: int | None, table: str) -> int:
        """The order given, or the next after the highest so far (as the mutation API)."""
        highest_next = self._next_order[table]
        if order is None:
            order = 0 if highest_next is None else highest_next
        self._next_order[table] = (
            order + 1 if highest_next is None else max(highest_next, order + 1)
        )
        return order

    def _put(self, table: Table, record: Department | Stage | Step | Link) -> None:
        # The map's own write keeps its link indexes and id allocator; no change event.
        self._map._put(table, record.id, record)
