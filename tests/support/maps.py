"""Realistic generated maps for benchmarks, screenshots and export checks."""

from __future__ import annotations

import random

from laneway.model import JourneyMap, MapInfo

DEPARTMENTS = ("Marketing", "Sales", "Customer Success", "Finance", "Legal", "Support")
STAGES = ("Awareness", "Consideration", "Purchase", "Onboarding", "Retention", "Advocacy")
VERBS = ("Reads", "Compares", "Requests", "Reviews", "Signs", "Pays", "Asks about", "Renews",
         "Downloads", "Books", "Joins", "Reports", "Recommends", "Escalates")  # fmt: skip
THINGS = ("pricing page", "case study", "demo", "proposal", "contract", "invoice",
          "onboarding plan", "training", "support ticket", "renewal quote", "webinar",
          "security questionnaire", "usage report", "referral programme")  # fmt: skip
CHANNELS = ("web", "email", "phone", "video call", "in product", "event", "chat")


def workshop_map(steps: int = 60, seed: int = 3, unowned_share: float = 0.08) -> JourneyMap:
    """A journey of ``steps`` steps through six stages and six departments.

    Each stage holds a few parallel tracks (a track is a short chain in one lane); the
    tracks of one stage lead into the next stage's, so the map has handoffs (some
    agreed, some not), parallel work and some unowned steps, like a real workshop
    map. Positions are left to the tidy layout.
    """
    rng = random.Random(seed)
    journey = JourneyMap(MapInfo(title=f"Workshop journey ({steps} steps)"))
    departments = [journey.add_department(name).id for name in DEPARTMENTS]
    stages = [journey.add_stage(name).id for name in STAGES]
    per_stage = [steps // len(stages) + (1 if i < steps % len(stages) else 0) for i in range(6)]
    previous_ends: list[str] = []
    first = True
    for stage, count in zip(stages, per_stage, strict=True):
        tracks = max(1, min(4, count // 3))
        lanes = rng.sample(departments, tracks)
        ends: list[str] = []
        made = 0
        for t, lane in enumerate(lanes):
            length = count // tracks + (1 if t < count % tracks else 0)
            prev = None
            for _ in range(length):
                step = journey.add_step(
                    f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
                    department_id=None if rng.random() < unowned_share else lane,
                    stage_id=stage,
                    channel=rng.choice(CHANNELS),
                    emotion=rng.choice([None, -2, -1, 0, 1, 2]),
                    entry=first,
                )
                first = False
                made += 1
                if prev is None:
                    for source in previous_ends[: 1 + rng.randrange(2)] or []:
                        _link(journey, rng, source, step.id)
                else:
                    _link(journey, rng, prev, step.id)
                prev = step.id
            if prev is not None:
                ends.append(prev)
        previous_ends = ends or previous_ends
    return journey


def _link(journey: JourneyMap, rng: random.Random, source: str, target: str) -> None:
    if journey.link_between(source, target) is None:
        journey.add_link(source, target, agreement=rng.choice(["", "", "Agreed: checklist done"]))
