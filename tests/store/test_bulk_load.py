"""Loading a map checks every record against the model's invariants (the bulk path)."""

from __future__ import annotations

import sqlite3

import pytest

from laneway.store import MapStore, StoreError, create_map
from tests.conftest import build_map


def _damaged(tmp_path, *statements: str):
    path = tmp_path / "damaged.laneway"
    journey = build_map(
        steps=(("Reads blog", "Marketing", "Awareness"), ("Calls", "Sales", "Purchase")),
        links=(("Reads blog", "Calls"),),
    )
    create_map(path, journey)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")  # what another tool could do
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("statements", "sentence"),
    [
        (["UPDATE step SET department_id = 'd99' WHERE title = 'Calls'"],
         "step 's2' belongs to a department that does not exist"),
        (["UPDATE link SET to_step = 'gone'"], "link 'l1' ends at a step that does not exist"),
        (["UPDATE department SET name = 'MARKETING', name_key = 'other' WHERE name = 'Sales'"],
         "department 'd2' repeats another department's name (ignoring case)"),
    ],
)  # fmt: skip
def test_a_map_whose_records_break_an_invariant_is_refused_in_one_sentence(
    tmp_path, statements, sentence
):
    path = _damaged(tmp_path, *statements)
    with pytest.raises(StoreError) as caught:  # refused as it opens, before anything is read
        MapStore.open(path, read_only=True).close()
    message = str(caught.value)
    assert sentence in message and "damaged.laneway" in message
    assert "\n" not in message


def test_a_sound_map_loads_as_it_was_written(tmp_path):
    path = _damaged(tmp_path)
    store = MapStore.open(path, read_only=True)
    try:
        loaded = store.load()
    finally:
        store.close()
    assert [s.title for s in loaded.steps.values()] == ["Reads blog", "Calls"]
    assert len(loaded.links) == 1
