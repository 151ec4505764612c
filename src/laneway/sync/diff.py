"""The diff: how to turn the map in memory into the projection, as one ChangeSet.

The document writes it through like any edit (origin "remote"), and the canvas
reconciles it like any edit. Changes come in an order the file's foreign keys
accept: links that go away first (so a pair or a step is free), then inserts and
updates table by table in foreign-key order (a step's new lane exists before the
step moves in), then the remaining deletes in reverse order (a lane is empty before
it goes). Unique names that move between records are handled by the store, which
parks them first (store/unique_names.py). A link whose steps change is deleted and
inserted again, so no pair is ever taken twice mid-way.
"""

from __future__ import annotations

from laneway.model import Change, ChangeSet, JourneyMap
from laneway.sync.tables import INFO_TABLE, SHARED_INFO_FIELDS, TABLES, TableSpec, records_of


def diff(current: JourneyMap, target: JourneyMap, label: str = "Live session") -> ChangeSet:
    """The changes that make ``current`` hold exactly ``target``'s content."""
    changes: list[Change] = [
        Change(INFO_TABLE, name, getattr(current.info, name), getattr(target.info, name))
        for name in SHARED_INFO_FIELDS
        if getattr(current.info, name) != getattr(target.info, name)
    ]
    plans = {name: _plan(spec, current, target) for name, spec in TABLES.items()}
    for plan in plans.values():
        if plan.pair_fields:
            changes += plan.deletes
    for plan in plans.values():
        changes += plan.inserts + plan.updates
    for plan in reversed(plans.values()):
        if not plan.pair_fields:
            changes += plan.deletes
    return ChangeSet(label, tuple(changes))


class _Plan:
    def __init__(self, pair_fields: tuple[str, str] | None) -> None:
        self.pair_fields = pair_fields
        self.inserts: list[Change] = []
        self.updates: list[Change] = []
        self.deletes: list[Change] = []


def _plan(spec: TableSpec, current: JourneyMap, target: JourneyMap) -> _Plan:
    now, wanted = records_of(current, spec.name), records_of(target, spec.name)
    plan = _Plan(spec.distinct_pair)
    for key, record in now.items():
        if key not in wanted:
            plan.deletes.append(Change(spec.name, key, record, None))
    for key, record in wanted.items():
        old = now.get(key)
        if old is None:
            plan.inserts.append(Change(spec.name, key, None, record))
        elif old != record:
            if spec.distinct_pair and _ends(old, spec) != _ends(record, spec):
                plan.deletes.append(Change(spec.name, key, old, None))
                plan.inserts.append(Change(spec.name, key, None, record))
            else:
                plan.updates.append(Change(spec.name, key, old, record))
    return plan


def _ends(record: object, spec: TableSpec) -> tuple:
    assert spec.distinct_pair is not None
    return tuple(getattr(record, name) for name in spec.distinct_pair)
