"""Random edit / undo / redo sequences: the file always equals memory (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laneway.document import Document
from laneway.model import ModelError
from laneway.store import create_map
from tests.conftest import build_map, reopen

TITLES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


def _pick(items, index):
    items = sorted(items)
    return items[index % len(items)] if items else None


def perform(doc: Document, action: tuple, undo_stack: list, redo_stack: list) -> None:
    kind, a, b, text = action
    journey = doc.journey
    if kind == "undo":
        if undo_stack:
            changeset = undo_stack.pop()
            doc.revert(changeset)
            redo_stack.append(changeset)
        return
    if kind == "redo":
        if redo_stack:
            changeset = redo_stack.pop()
            doc.apply(changeset)
            undo_stack.append(changeset)
        return
    try:
        with doc.edit(kind) as result:
            step, other = _pick(journey.steps, a), _pick(journey.steps, b)
            department = _pick(journey.departments, a)
            stage = _pick(journey.stages, b)
            if kind == "add_step":
                journey.add_step(text, department_id=department, stage_id=stage, x=a, y=b)
            elif kind == "retitle" and step:
                journey.update_step(step, title=text, emotion=(a % 5) - 2)
            elif kind == "move" and step:
                journey.update_step(step, department_id=department, stage_id=stage, x=b)
            elif kind == "remove_step" and step:
                journey.remove_step(step)
            elif kind == "link" and step and other:
                journey.add_link(step, other, agreement=text)
            elif kind == "agree" and journey.links:
                journey.update_link(_pick(journey.links, a), agreement=text, sla=text[:3])
            elif kind == "add_department" and text.strip():
                journey.add_department(text)
            elif kind == "merge" and len(journey.departments) > 1:
                first, second = _pick(journey.departments, a), _pick(journey.departments, a + 1)
                journey.merge_departments(first, second)
            elif kind == "remove_stage" and stage:
                journey.remove_stage(stage)
            else:
                _edit_content(journey, kind, a, b, text)
    except ModelError:
        return
    if result.changeset:
        undo_stack.append(result.changeset)
        redo_stack.clear()


def _edit_content(journey, kind: str, a: int, b: int, text: str) -> None:
    """Personas, definitions and notes (SPEC §7)."""
    step, persona = _pick(journey.steps, a), _pick(journey.personas, b)
    definition, note = _pick(journey.definitions, a), _pick(journey.notes, b)
    if kind == "add_persona":
        journey.add_persona(text or "Buyer", description=text)
    elif kind == "name_personas" and step:
        journey.update_step(step, personas=sorted(journey.personas)[: a % 3])
    elif kind == "remove_persona" and persona:
        journey.remove_persona(persona)
    elif kind == "add_definition":
        journey.add_definition(text or "MQL", text)
        if journey.links:  # and an agreement cites it
            link = _pick(journey.links, b)
            journey.update_link(link, agreement=f"[[{text.strip() or 'MQL'}]] reached")
    elif kind == "rename_term" and definition:
        journey.update_definition(definition, term=text or "SQL")
    elif kind == "remove_definition" and definition:
        journey.remove_definition(definition)
    elif kind == "add_note":
        target = [{}, {"step_id": step}, {"link_id": _pick(journey.links, a)}][b % 3]
        journey.add_note(text or "Why?", author=text[:4], **{k: v for k, v in target.items() if v})
    elif kind == "resolve_note" and note:
        (journey.reopen_note if journey.notes[note].resolved else journey.resolve_note)(note)
    elif kind == "remove_note" and note:
        journey.remove_note(note)


ACTIONS = st.tuples(
    st.sampled_from(
        [
            "add_step",
            "retitle",
            "move",
            "remove_step",
            "link",
            "agree",
            "add_department",
            "merge",
            "remove_stage",
            "add_persona",
            "name_personas",
            "remove_persona",
            "add_definition",
            "rename_term",
            "remove_definition",
            "add_note",
            "resolve_note",
            "remove_note",
            "undo",
            "undo",
            "redo",
        ]
    ),
    st.integers(0, 50),
    st.integers(0, 50),
    TITLES,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(ACTIONS, min_size=1, max_size=25))
def test_file_equals_memory_after_every_step_and_undo_all_restores_start(tmp_path_factory, actions):
    path: Path = tmp_path_factory.mktemp("seq") / "map.laneway"
    start = build_map(
        departments=("Marketing", "Sales", "Legal"),
        stages=("Awareness", "Purchase"),
        steps=(("A", "Marketing", "Awareness"), ("B", "Sales", "Purchase"), ("C", None, None)),
        links=(("A", "B"), ("B", "C")),
    )
    create_map(path, start)
    doc = Document.open(path)
    undo_stack: list = []
    redo_stack: list = []
    try:
        for action in actions:
            perform(doc, action, undo_stack, redo_stack)
            assert reopen(path).same_content(doc.journey), action
        while undo_stack:
            doc.revert(undo_stack.pop())
        assert doc.journey.same_content(start)
        assert reopen(path).same_content(start)
    finally:
        doc.close()
