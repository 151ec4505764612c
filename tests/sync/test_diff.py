"""The diff: map in memory → projection, as one ChangeSet the file accepts."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.document import Document
from laneway.model import JourneyMap, ModelError
from laneway.store import create_map
from laneway.sync.diff import diff
from tests.conftest import build_map, reopen
from tests.sync.random_edits import EDITS


def _apply(path: Path, target: JourneyMap) -> Document:
    document = Document.open(path)
    document.apply(diff(document.journey, target), "remote")
    return document


def test_a_rename_swap_and_a_freed_name_commit_in_one_write(folder: Path):
    start = build_map(departments=("Sales", "Marketing", "Ops"), stages=("Buy", "Use"))
    path = create_map(folder / "m.laneway", start)
    target = start.copy()
    sales, marketing, ops = (target.department_by_name(n).id for n in ("Sales", "Marketing", "Ops"))
    buy, use = target.stage_by_name("Buy").id, target.stage_by_name("Use").id
    target.update_department(sales, name="tmp")
    target.update_department(marketing, name="Sales")
    target.update_department(sales, name="Marketing")
    target.remove_department(ops)
    target.add_department("ops", department_id="d0")  # a smaller id takes the freed name
    target.rename_stage(buy, "tmp")
    target.rename_stage(use, "Buy")
    target.rename_stage(buy, "Use")
    document = _apply(path, target)
    try:
        assert document.journey.same_content(target)
        assert reopen(path).same_content(target)
    finally:
        document.close()


def test_changes_come_in_foreign_key_order(folder: Path):
    start = build_map(
        departments=("Sales",),
        steps=(("a", "Sales", "Awareness"), ("b", "Sales", None)),
        links=(("a", "b"),),
    )
    target = start.copy()
    a, b = (next(s.id for s in target.steps.values() if s.title == t) for t in "ab")
    sales = target.department_by_name("Sales").id
    target.remove_step(b)
    target.add_department("Legal", department_id="d9")
    target.update_step(a, department_id="d9")
    target.remove_department(sales)
    changes = diff(start, target).changes
    order = [(c.table, c.kind) for c in changes]
    assert order.index(("link", "delete")) < order.index(("step", "delete"))
    assert order.index(("department", "insert")) < order.index(("step", "update"))
    assert order.index(("step", "update")) < order.index(("department", "delete"))


def test_a_link_whose_steps_change_is_deleted_and_inserted(folder: Path):
    start = build_map(
        steps=(("a", None, None), ("b", None, None), ("c", None, None)),
        links=(("a", "b"), ("b", "c")),
    )
    target = start.copy()
    # the two links swap their pairs (only a malformed peer could write this)
    first, second = sorted(target.links.values(), key=lambda k: k.id)
    target._put("link", first.id, type(first)(first.id, second.source, second.target))
    target._put("link", second.id, type(second)(second.id, first.source, first.target))
    path = create_map(folder / "m.laneway", start)
    changes = diff(start, target).changes
    assert [c.kind for c in changes] == ["delete", "delete", "insert", "insert"]
    document = _apply(path, target)
    try:
        assert reopen(path).same_content(target)
    finally:
        document.close()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 40))
def test_the_diff_of_any_two_valid_maps_writes_the_target(tmp_path_factory, seed, count):
    rng = random.Random(seed)
    start = build_map(
        departments=("Sales", "Legal", "Ops"),
        stages=("Buy", "Use"),
        steps=(("a", "Sales", "Buy"), ("b", "Legal", "Use"), ("c", None, None)),
        links=(("a", "b"), ("b", "c")),
    )
    target = start.copy()
    kinds, weights = zip(*EDITS, strict=True)
    for _ in range(count):
        try:
            rng.choices(kinds, weights)[0](rng, target)
        except ModelError:
            pass
    path = create_map(tmp_path_factory.mktemp("diff") / "m.laneway", start)
    document = _apply(path, target)
    try:
        assert document.journey.same_content(target)
        assert reopen(path).same_content(target)
        assert not diff(document.journey, target)
    finally:
        document.close()
