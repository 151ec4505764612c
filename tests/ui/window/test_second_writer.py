"""The app and a second writer: an edit made before the poll shows the other commit too."""

from __future__ import annotations

from laneway.document import Document
from tests.conftest import reopen
from tests.ui.conftest import step_id


def test_an_edit_after_another_programs_commit_shows_both(main_window, map_file):
    window = main_window
    other = Document.open(map_file)
    with other.edit("Elsewhere"):
        added = other.journey.add_step("Added by the other program").id
    other.close()
    sid = step_id(window, "Reads blog")
    assert window.session.run_edit("Rename", lambda j: j.update_step(sid, title="Renamed here"))
    assert window.scene.step_item(added).step.title == "Added by the other program"
    assert window.scene.step_item(sid).step.title == "Renamed here"
    assert reopen(map_file).same_content(window.session.journey)
    assert window.session.undo_stack.count() == 1, "the edit is undoable"
    window.session.undo_stack.undo()
    assert reopen(map_file).steps[sid].title == "Reads blog"
    assert added in reopen(map_file).steps, "undo takes back only this edit"
