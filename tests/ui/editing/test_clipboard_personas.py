"""Pasting steps into another map brings the personas they concern, matched by name."""

from __future__ import annotations

from laneway.document import Document
from laneway.io.templates import load_template
from laneway.store import create_map
from laneway.ui.editing.clipboard import copy_text, paste_text
from laneway.ui.editing.session import MapSession
from tests.conftest import reopen


def test_pasted_steps_keep_their_personas_in_the_other_map(session, map_file, tmp_path):
    source_path = create_map(tmp_path / "b2b.laneway", load_template("b2b"))
    source = MapSession(Document.open(source_path))
    try:
        demo = next(s for s in source.journey.steps.values() if s.title == "Product demo")
        text = copy_text(source, [demo.id])
    finally:
        source.close()
    [new_id] = paste_text(session, text)
    pasted = reopen(map_file).steps[new_id]
    names = [reopen(map_file).personas[p].name for p in pasted.personas]
    assert names == ["Technical evaluator", "Economic buyer"]
    again = paste_text(session, text)  # the personas exist now: matched, not added twice
    assert len(reopen(map_file).personas) == 2 and len(again) == 1
