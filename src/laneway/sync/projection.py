"""The projection: any merged shared state → a valid JourneyMap, the same on every peer.

The shared document enforces nothing: two laptops may both create "Sales", link the
same two steps, or delete a lane while another moves a step into it. Instead of
refusing such states, every peer applies these pure rules to whatever it holds
(COLLAB.md "Invariants are projected"), and the map in memory and in the file is
always this projection:

- a value of the wrong type or out of range reads as its default (tables.py);
- duplicate unique names (departments ignoring case and outer spaces, stages
  exactly): the smallest id keeps the name, the others show "Name (2)", "Name (3)"…;
- a reference to a missing department or stage reads as none (unowned, no stage);
- a link whose step is missing is hidden (and shows again if the step comes back),
  a self-link is hidden, and of two links on one ordered pair the smallest id shows;
- a step's personas that are missing are left out of its list;
- a note on a missing step or link is hidden (it shows again when that comes back),
  and so is one that names both a step and a link; duplicate persona names and terms
  are renamed as departments are ("Buyer (2)").
"""

from __future__ import annotations

from typing import Any

from laneway.model import JourneyMap, MapInfo, map_from_records
from laneway.sync.ids_order import id_order
from laneway.sync.tables import INFO_TABLE, TABLES, TableSpec, read_info

#: table name → {record id → field values}
Records = dict[str, dict[str, dict[str, Any]]]


def project(raw: dict[str, Any]) -> JourneyMap:
    """The valid map that the shared state ``raw`` (``SharedMap.read()``) stands for."""
    return build_map(read_info(raw.get(INFO_TABLE)), project_records(raw))


def project_records(raw: dict[str, Any]) -> Records:
    kept: Records = {}
    for spec in TABLES.values():
        table = raw.get(spec.name)
        records: dict[str, dict[str, Any]] = {}
        if isinstance(table, dict):
            for record_id in sorted(table, key=id_order):
                values = spec.read_record(table[record_id])
                if values is not None and record_id and _resolve(spec, values, kept):
                    records[record_id] = values
        if spec.unique is not None:
            _rename_duplicates(records, *spec.unique)
        if spec.distinct_pair is not None:
            _hide_repeated_pairs(records, spec.distinct_pair)
        kept[spec.name] = records
    return kept


def build_map(info: dict[str, str], records: Records) -> JourneyMap:
    def made(spec: TableSpec) -> list:
        return [spec.record_type(id=i, **v) for i, v in records[spec.name].items()]

    return map_from_records(
        MapInfo(**info),
        made(TABLES["department"]),
        made(TABLES["stage"]),
        made(TABLES["step"]),
        made(TABLES["link"]),
        made(TABLES["persona"]),
        made(TABLES["definition"]),
        made(TABLES["note"]),
    )


def _resolve(spec: TableSpec, values: dict[str, Any], kept: Records) -> bool:
    """Clear references to missing records; False when a required one is missing."""
    if spec.one_target and not _on_one_target(spec, values, kept):
        return False
    for field in spec.fields:
        if field.refers_to is None:
            continue
        existing = kept.get(field.refers_to, {})
        value = values[field.name]
        if field.many:
            values[field.name] = tuple(item for item in value if item in existing)
            continue
        if value is not None and value in existing:
            continue
        if field.name in spec.required_references:
            return False
        values[field.name] = None
    return True


def _on_one_target(spec: TableSpec, values: dict[str, Any], kept: Records) -> bool:
    """At most one of the target references is set, and it names an existing record."""
    chosen = [name for name in spec.one_target if values[name] is not None]
    if len(chosen) > 1:
        return False
    for name in chosen:
        target = spec.fields[spec.field_names.index(name)].refers_to
        if values[name] not in kept.get(target or "", {}):
            return False
    return True


def _rename_duplicates(records: dict[str, dict[str, Any]], field: str, key_of) -> None:
    """Records are in id order: the first of each key keeps its name."""
    taken: set[str] = set()
    repeats: list[dict[str, Any]] = []
    for values in records.values():
        key = key_of(values[field])
        if key in taken:
            repeats.append(values)
        else:
            taken.add(key)
    for values in repeats:
        name = values[field]
        number = 2
        while key_of(f"{name} ({number})") in taken:
            number += 1
        values[field] = f"{name} ({number})"
        taken.add(key_of(values[field]))


def _hide_repeated_pairs(records: dict[str, dict[str, Any]], pair: tuple[str, str]) -> None:
    first, second = pair
    seen: set[tuple[Any, Any]] = set()
    for record_id in list(records):
        values = records[record_id]
        ends = (values[first], values[second])
        if ends[0] == ends[1] or ends in seen:
            del records[record_id]
        else:
            seen.add(ends)
