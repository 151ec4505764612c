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
    """A journey of ``steps`` steps flowing through six stages and six departments.

    Mostly forward links along the journey, a few jumps between departments (some
    agreed, some not), the odd loop back and some unowned steps. Positions are left
    to the tidy layout.
    """
    rng = random.Random(seed)
    journey = JourneyMap(MapInfo(title=f"Workshop journey ({steps} steps)"))
    departments = [journey.add_department(name).id for name in DEPARTMENTS]
    stages = [journey.add_stage(name).id for name in STAGES]
    ids = []
    for i in range(steps):
        stage = stages[min(len(stages) - 1, i * len(stages) // steps)]
        lane = departments[min(len(departments) - 1, (i * 3 // max(1, steps // 12)) % 6)]
        step = journey.add_step(
            f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
            department_id=None if rng.random() < unowned_share else lane,
            stage_id=stage,
            channel=rng.choice(CHANNELS),
            emotion=rng.choice([None, -2, -1, 0, 1, 2]),
            entry=i == 0,
            terminal=i == steps - 1,
        )
        ids.append(step.id)
    for i in range(1, steps):
        journey.add_link(
            ids[i - 1], ids[i], agreement=rng.choice(["", "", "Agreed: checklist done"])
        )
        if i > 5 and rng.random() < 0.15:
            j = rng.randrange(0, i - 2)
            if journey.link_between(ids[j], ids[i]) is None:
                journey.add_link(ids[j], ids[i])
    return journey
