"""Random edits of every kind, as people in a workshop make them (names collide on
purpose: Sales / sales / SALES), plus undo and redo."""

from __future__ import annotations

import random

from laneway.model import DEPARTMENT_PALETTE, JourneyMap
from tests.sync.harness import Peer, assert_projection_is_memory, edit

DEPARTMENT_NAMES = ("Sales", "sales", " SALES ", "Legal", "Ops", "Finance", "Sales (2)")
STAGE_NAMES = ("Onboarding", "Renewal", "Awareness", "Purchase", "Renewal (2)")
TITLES = ("Call back", "Send quote", "Sign", "Pay", "Escalate", "")
PERSONA_NAMES = ("Buyer", "buyer", "Champion", "Procurement lead", "Buyer (2)")
TERMS = ("MQL", " mql ", "SQL", "Closed won", "MQL (2)")
NOTE_TEXTS = ("Who calls back?", "Out of scope", "Agree the wording")


def _pick(rng: random.Random, records: dict) -> str | None:
    return rng.choice(sorted(records)) if records else None


def _department_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.departments)
    roll = rng.random()
    if chosen is None or roll < 0.3:
        j.add_department(rng.choice(DEPARTMENT_NAMES))
    elif roll < 0.5:
        j.update_department(chosen, name=rng.choice(DEPARTMENT_NAMES))
    elif roll < 0.6:
        j.update_department(chosen, color=rng.choice(DEPARTMENT_PALETTE))
    elif roll < 0.75:
        j.remove_department(chosen)
    elif roll < 0.85 and len(j.departments) > 1:
        other = rng.choice([d for d in sorted(j.departments) if d != chosen])
        j.merge_departments(chosen, other)
    else:
        order = sorted(j.departments)
        rng.shuffle(order)
        j.reorder_departments(order)


def _stage_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.stages)
    roll = rng.random()
    if chosen is None or roll < 0.35:
        j.add_stage(rng.choice(STAGE_NAMES))
    elif roll < 0.6:
        j.rename_stage(chosen, rng.choice(STAGE_NAMES))
    elif roll < 0.8:
        j.remove_stage(chosen)
    else:
        order = sorted(j.stages)
        rng.shuffle(order)
        j.reorder_stages(order)


def _step_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.steps)
    roll = rng.random()
    lane = rng.choice([None, *sorted(j.departments)])
    column = rng.choice([None, *sorted(j.stages)])
    if chosen is None or roll < 0.3:
        j.add_step(
            rng.choice(TITLES),
            department_id=lane,
            stage_id=column,
            emotion=rng.choice([None, -2, 0, 2]),
            x=float(rng.randrange(0, 2000)),
            y=float(rng.randrange(0, 900)),
        )
    elif roll < 0.45:
        j.update_step(chosen, department_id=lane, stage_id=column)
    elif roll < 0.6:
        j.update_step(chosen, x=rng.uniform(0, 2000), y=rng.uniform(0, 900))
    elif roll < 0.8:
        field = rng.choice(("title", "channel", "kpi", "emotion", "entry", "terminal"))
        value = {
            "emotion": rng.choice([None, -1, 1]),
            "entry": rng.random() < 0.5,
            "terminal": rng.random() < 0.5,
        }.get(field, rng.choice(TITLES))
        j.update_step(chosen, **{field: value})
    else:
        j.remove_step(chosen)


def _link_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.links)
    roll = rng.random()
    if chosen is None or roll < 0.5:
        if len(j.steps) >= 2:
            source, target = rng.sample(sorted(j.steps), 2)
            j.add_link(source, target, label=rng.choice(("", "lead", "quote")))
    elif roll < 0.8:
        j.update_link(chosen, agreement=rng.choice(("", "24 h", "same day")))
    else:
        j.remove_link(chosen)


def _persona_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.personas)
    roll = rng.random()
    if chosen is None or roll < 0.35:
        j.add_persona(rng.choice(PERSONA_NAMES))
    elif roll < 0.5:
        j.update_persona(chosen, name=rng.choice(PERSONA_NAMES))
    elif roll < 0.7 and j.steps:
        step_id = _pick(rng, j.steps)
        count = rng.randint(0, min(2, len(j.personas)))
        j.update_step(step_id, personas=rng.sample(sorted(j.personas), count))
    elif roll < 0.85:
        j.remove_persona(chosen)
    else:
        order = sorted(j.personas)
        rng.shuffle(order)
        j.reorder_personas(order)


def _definition_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.definitions)
    roll = rng.random()
    if chosen is None or roll < 0.4:
        j.add_definition(rng.choice(TERMS), "What both sides agreed")
    elif roll < 0.7:
        j.update_definition(chosen, term=rng.choice(TERMS))  # rewrites citing agreements
    elif roll < 0.85 and j.links:
        term = j.definitions[chosen].term
        j.update_link(_pick(rng, j.links), agreement=f"[[{term}]] reached")
    else:
        j.remove_definition(chosen)


def _note_edit(rng: random.Random, j: JourneyMap) -> None:
    chosen = _pick(rng, j.notes)
    roll = rng.random()
    if chosen is None or roll < 0.45:
        target = rng.choice(("map", "step", "link"))
        on: dict[str, str | None] = {}
        if target == "step" and j.steps:
            on["step_id"] = _pick(rng, j.steps)
        elif target == "link" and j.links:
            on["link_id"] = _pick(rng, j.links)
        j.add_note(rng.choice(NOTE_TEXTS), author="Ana", **on)
    elif roll < 0.7:
        (j.reopen_note if j.notes[chosen].resolved else j.resolve_note)(chosen)
    elif roll < 0.85:
        j.update_note(chosen, text=rng.choice(NOTE_TEXTS))
    else:
        j.remove_note(chosen)


def _info_edit(rng: random.Random, j: JourneyMap) -> None:
    j.set_info(title=rng.choice(("Journey", "Workshop map", "B2B")))


EDITS = (
    (_department_edit, 3),
    (_stage_edit, 2),
    (_step_edit, 5),
    (_link_edit, 3),
    (_persona_edit, 2),
    (_definition_edit, 2),
    (_note_edit, 2),
    (_info_edit, 1),
)


def random_edit(peer: Peer, rng: random.Random) -> str:
    """One random edit, undo or redo on ``peer``; returns what it tried."""
    roll = rng.random()
    if roll < 0.1:
        assert peer.live is not None
        peer.live.undo()
        assert_projection_is_memory(peer)
        return "undo"
    if roll < 0.15:
        assert peer.live is not None
        peer.live.redo()
        assert_projection_is_memory(peer)
        return "redo"
    kinds, weights = zip(*EDITS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    edit(peer, kind.__name__, lambda j: kind(rng, j))
    return kind.__name__
