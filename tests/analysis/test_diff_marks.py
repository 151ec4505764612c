"""The snapshot diff by record (what the app marks on the canvas)."""

from __future__ import annotations

from laneway.analysis.diff import diff_maps
from laneway.analysis.diff_marks import diff_marks
from tests.conftest import build_map


def test_marks_name_the_records_the_diff_is_about():
    before = build_map(
        departments=("Marketing", "Sales", "Legal"),
        steps=(
            ("Reads blog", "Marketing", "Awareness"),
            ("Requests demo", "Marketing", "Awareness"),
            ("Qualify lead", "Sales", "Purchase"),
            ("Checks contract", "Legal", "Purchase"),
            ("Old step", "Sales", "Purchase"),
        ),
        links=(
            ("Reads blog", "Requests demo"),
            ("Requests demo", "Qualify lead"),
            ("Qualify lead", "Checks contract"),
            ("Qualify lead", "Old step"),
        ),
    )
    after = before.copy()
    ids = {s.title: s.id for s in after.steps.values()}
    gap = after.link_between(ids["Requests demo"], ids["Qualify lead"])
    after.update_link(gap.id, agreement="MQL: score >= 50")  # a gap closed
    after.remove_step(ids["Old step"])  # a step and its link removed
    new = after.add_step("Signs", department_id=after.department_by_name("Legal").id)
    link = after.add_link(ids["Checks contract"], new.id)  # not a handoff: Legal to Legal
    marketing = after.department_by_name("Marketing").id
    after.update_step(ids["Qualify lead"], department_id=after.department_by_name("Legal").id)
    after.update_step(ids["Reads blog"], department_id=marketing)  # the same owner
    opened = after.add_link(ids["Reads blog"], ids["Checks contract"])  # a gap opened
    marks = diff_marks(before, after)
    assert marks.steps_added == {new.id}
    assert [s.title for s in marks.steps_removed] == ["Old step"]
    assert marks.steps_reowned == {ids["Qualify lead"]}
    assert marks.links_added == {link.id, opened.id}
    assert marks.links_removed == ((ids["Qualify lead"], ids["Old step"]),)
    assert gap.pair in marks.gaps_closed  # agreed now
    assert (ids["Reads blog"], ids["Checks contract"]) in marks.gaps_opened
    diff = diff_maps(before, after, "Workshop")
    assert len(marks.gaps_closed) == len(diff.gaps_closed)
    assert len(marks.gaps_opened) == len(diff.gaps_opened)
    assert not marks.empty and diff_marks(before, before.copy()).empty
