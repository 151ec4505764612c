"""Personas, definitions and notes in the file: rows, write-through, snapshots, salvage."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from laneway.cli import main
from laneway.document import Document
from laneway.io.templates import load_template
from laneway.model import Change, ChangeSet
from laneway.store import MapStore, create_map
from laneway.store.salvage import read_salvage
from tests.conftest import reopen


def _rows(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_new_map_holds_the_templates_content_row_for_row(tmp_path):
    journey = load_template("b2b")
    path = create_map(tmp_path / "b2b.laneway", journey)
    assert reopen(path).same_content(journey)
    named = sum(len(step.personas) for step in journey.steps.values())
    assert _rows(path, "SELECT count(*) FROM step_persona") == [(named,)]
    assert _rows(path, "SELECT term, term_key FROM definition ORDER BY ord")[0] == ("MQL", "mql")
    assert len(_rows(path, "SELECT id FROM note WHERE resolved = 0")) == len(journey.notes)


def test_edits_to_a_steps_personas_and_to_notes_are_written_through_and_undone(tmp_path):
    path = create_map(tmp_path / "b2b.laneway", load_template("b2b"))
    document = Document.open(path)
    try:
        journey = document.journey
        buyer = journey.persona_by_name("Economic buyer").id
        user = journey.persona_by_name("Day-to-day user").id
        with document.edit("Name personas") as first:
            journey.update_step("s1", personas=[user, buyer])
        assert _rows(path, "SELECT persona_id, ord FROM step_persona WHERE step_id = 's1' "
                           "ORDER BY ord") == [(user, 0), (buyer, 1)]  # fmt: skip
        with document.edit("Delete the persona") as second:
            journey.remove_persona(buyer)
        assert reopen(path).same_content(journey)
        assert _rows(path, f"SELECT count(*) FROM step_persona WHERE persona_id = '{buyer}'") == [
            (0,)
        ]
        with document.edit("Resolve") as third:
            note = journey.open_notes()[0]
            journey.resolve_note(note.id)
        with document.edit("Delete a step with notes") as fourth:
            journey.remove_step("s5")  # its note and its links' go with it
        assert reopen(path).same_content(journey)
        for edit in (fourth, third, second, first):
            document.revert(edit.changeset)
            assert reopen(path).same_content(document.journey)
        assert reopen(path).same_content(load_template("b2b"))
    finally:
        document.close()


def test_two_personas_or_terms_can_swap_names_in_one_write(tmp_path):
    """A live-session merge can swap unique names; the store parks them first."""
    path = create_map(tmp_path / "b2b.laneway", load_template("b2b"))
    store = MapStore.open(path)
    try:
        journey = store.load()
        a, b = journey.personas_in_order()[:2]
        mql, sql_term = journey.definitions_in_order()[:2]
        store.write(
            ChangeSet(
                "Swap",
                (
                    Change("persona", a.id, a, replace(a, name=b.name)),
                    Change("persona", b.id, b, replace(b, name=a.name)),
                    Change("definition", mql.id, mql, replace(mql, term=sql_term.term)),
                    Change("definition", sql_term.id, sql_term, replace(sql_term, term=mql.term)),
                ),
            )
        )
    finally:
        store.close()
    again = reopen(path)
    assert again.personas[a.id].name == b.name and again.personas[b.id].name == a.name
    assert again.definitions[mql.id].term == "SQL"


def test_a_snapshot_freezes_the_content_and_diff_reports_what_changed(tmp_path, capsys):
    path = create_map(tmp_path / "b2b.laneway", load_template("b2b"))
    store = MapStore.open(path)
    store.take_snapshot("Workshop 1")
    frozen = store.snapshot_content("Workshop 1")
    store.close()
    assert [d["term"] for d in frozen["definitions"]] == ["MQL", "SQL", "Closed won"]
    assert len(frozen["notes"]) == 4 and frozen["personas"]
    document = Document.open(path)
    with document.edit("Workshop 2"):
        journey = document.journey
        journey.update_definition(journey.definition_by_term("MQL").id, meaning="Score >= 60")
        journey.add_definition("Health score", "Usage, tickets and NPS in one number")
        journey.resolve_note(journey.open_notes()[0].id)
        journey.add_note("Who owns the renewal call?", step_id="s16")
    document.close()
    assert main(["diff", str(path), "Workshop 1"]) == 0
    out = capsys.readouterr().out
    assert "Definitions added (1):\n    - Health score: Usage, tickets and NPS in one number" in out
    assert "Definitions changed (1):\n    - MQL: Score >= 60" in out
    assert "Notes resolved (1):" in out
    assert "Notes added (1):\n    - On 'Renewal quote': Who owns the renewal call?" in out
    assert main(["diff", str(path), "Workshop 1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["definitions_added"] == ["Health score: Usage, tickets and NPS in one number"]
    assert data["notes_resolved"] and data["notes_removed"] == []


def test_salvage_keeps_the_content_of_a_healthy_map(tmp_path):
    journey = load_template("support")
    path = create_map(tmp_path / "support.laneway", journey)
    result = read_salvage(path)
    assert result.journey.same_content(journey) and result.dropped == []
