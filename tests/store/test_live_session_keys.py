"""The store side of live sessions: moving unique names in one write, and the two
map_info keys (site tag, map identity) kept in the file."""

from __future__ import annotations

from pathlib import Path

from laneway.document import Document
from laneway.model import Change, ChangeSet, Department, Stage
from laneway.store import MapStore, create_map
from laneway.store.session_keys import (
    MAP_ID_KEY,
    SITE_TAG_KEY,
    ensure_map_id,
    ensure_site_tag,
    read_key,
    write_key,
)
from tests.conftest import build_map, reopen


def _store(tmp_path: Path, **kwargs) -> MapStore:
    return MapStore.open(create_map(tmp_path / "m.laneway", build_map(**kwargs)))


def test_two_departments_swap_names_in_one_write(tmp_path: Path):
    store = _store(tmp_path, departments=("Sales", "Marketing"))
    journey = store.load()
    sales, marketing = journey.department_by_name("Sales"), journey.department_by_name("Marketing")
    swap = ChangeSet(
        "Swap",
        (
            Change(
                "department", sales.id, sales, Department(sales.id, "Marketing", sales.color, 0)
            ),
            Change(
                "department",
                marketing.id,
                marketing,
                Department(marketing.id, "sales", marketing.color, 1),
            ),
        ),
    )
    store.write(swap)
    store.close()
    names = {d.id: d.name for d in reopen(tmp_path / "m.laneway").departments.values()}
    assert names == {sales.id: "Marketing", marketing.id: "sales"}


def _renamed(key: str, old: str, new: str) -> tuple[Department, Department]:
    return Department(key, old, "#2f80ed", 3), Department(key, new, "#2f80ed", 3)


def test_a_name_moves_to_another_record_while_its_owner_is_renamed_or_deleted(tmp_path: Path):
    store = _store(tmp_path, departments=("Marketing", "Sales"), stages=("Buy", "Use"))
    journey = store.load()
    sales = journey.department_by_name("Sales")
    buy, use = journey.stage_by_name("Buy"), journey.stage_by_name("Use")
    store.write(
        ChangeSet(
            "Merge",
            (
                Change("department", "d9", None, Department("d9", "sales (2)", "#2f80ed", 3)),
                Change("department", "d9", *_renamed("d9", "sales (2)", "SALES")),
                Change("department", sales.id, sales, None),
                Change("stage", use.id, use, Stage(use.id, "Buy", use.order)),
                Change("stage", buy.id, buy, Stage(buy.id, "Use", buy.order)),
            ),
        )
    )
    store.close()
    stored = reopen(tmp_path / "m.laneway")
    assert {d.name for d in stored.departments.values()} == {"Marketing", "SALES"}
    assert stored.stages[use.id].name == "Buy" and stored.stages[buy.id].name == "Use"


def test_a_refused_write_leaves_no_placeholder_behind(tmp_path: Path):
    store = _store(tmp_path, departments=("Sales", "Legal"))
    journey = store.load()
    sales, legal = journey.department_by_name("Sales"), journey.department_by_name("Legal")
    clash = ChangeSet(
        "Clash",
        (Change("department", sales.id, sales, Department(sales.id, "legal", "#2f80ed", 0)),),
    )
    try:
        store.write(clash)
    except Exception as error:  # StoreWriteError: the names still clash at the end
        assert "rules" in str(error)
    else:
        raise AssertionError("a real clash must be refused")
    store.close()
    names = {d.name for d in reopen(tmp_path / "m.laneway").departments.values()}
    assert names == {"Sales", "Legal"} and legal.name == "Legal"


def test_the_site_tag_is_chosen_once_and_kept_in_the_file(tmp_path: Path):
    store = _store(tmp_path)
    assert read_key(store.db, SITE_TAG_KEY) is None
    tag = ensure_site_tag(store)
    assert ensure_site_tag(store) == tag
    assert not store.changed_by_another_process()  # our own write is not someone else's
    store.close()
    document = Document.open(tmp_path / "m.laneway")
    try:
        assert document.journey.site_tag == tag
        with document.edit("Add") as result:
            document.journey.add_step("After a session")
        (change,) = result.changeset.changes
        assert change.key.endswith(f".{tag}")
    finally:
        document.close()
    assert reopen(tmp_path / "m.laneway").site_tag == tag


def test_a_damaged_site_tag_is_ignored_on_opening_and_replaced(tmp_path: Path):
    store = _store(tmp_path)
    write_key(store, SITE_TAG_KEY, "NOT A TAG; DROP TABLE step")
    store.close()
    store = MapStore.open(tmp_path / "m.laneway")
    assert store.load().site_tag is None
    assert ensure_site_tag(store) != "NOT A TAG; DROP TABLE step"
    store.close()


def test_the_map_identity_is_created_when_missing_and_then_kept(tmp_path: Path):
    store = _store(tmp_path)
    first = ensure_map_id(store)
    assert len(first) == 32 and ensure_map_id(store) == first
    write_key(store, MAP_ID_KEY, "from-the-host")
    assert ensure_map_id(store) == "from-the-host"
    store.close()
    # neither key is map content: the interchange form and same_content ignore them
    assert reopen(tmp_path / "m.laneway").same_content(build_map())
