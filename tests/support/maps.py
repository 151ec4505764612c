"""Realistic generated maps for benchmarks, screenshots and export checks."""

from __future__ import annotations

import itertools
import random

from laneway.model import JourneyMap, MapInfo, map_from_dict

DEPARTMENTS = ("Marketing", "Sales", "Customer Success", "Finance", "Legal", "Support")
STAGES = ("Awareness", "Consideration", "Purchase", "Onboarding", "Retention", "Advocacy")
VERBS = ("Reads", "Compares", "Requests", "Reviews", "Signs", "Pays", "Asks about", "Renews",
         "Downloads", "Books", "Joins", "Reports", "Recommends", "Escalates")  # fmt: skip
THINGS = ("pricing page", "case study", "demo", "proposal", "contract", "invoice",
          "onboarding plan", "training", "support ticket", "renewal quote", "webinar",
          "security questionnaire", "usage report", "referral programme")  # fmt: skip
CHANNELS = ("web", "email", "phone", "video call", "in product", "event", "chat")
#: The generated journeys' glossary, and agreements that cite it (and one term it lacks).
DEFINITIONS = (
    {"term": "MQL", "meaning": "Score >= 50 and a confirmed budget"},
    {"term": "SQL", "meaning": "Sales accepted the lead after a first call"},
)
AGREEMENTS = (
    "Agreed: checklist done",
    "[[MQL]] reached, budget confirmed",
    "Only an [[ sql ]] with a named buyer",
    "[[SAL]] accepted by the account team",
)


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


# ------------------------------------------------------- maps that exercise every rule
#: The generated journeys' stages: "Evaluation" stays empty (``empty-stage``).
JOURNEY_STAGES = (
    "Awareness",
    "Consideration",
    "Evaluation",
    "Purchase",
    "Onboarding",
    "Retention",
    "Advocacy",
)
#: "IT" owns no step (``idle-department``); "Partners" is only ever handed customers
#: (``one-way-handoff``).
JOURNEY_DEPARTMENTS = (*DEPARTMENTS, "Partners", "IT")
_USED_STAGES = tuple(s for s in JOURNEY_STAGES if s != "Evaluation")
_HUB_STAGE = "Purchase"
_AFTER_HUB = ("Onboarding", "Retention", "Advocacy")


class _JourneyWriter:
    """Collects interchange-form steps and links, one id per step (``s1``, ``s2`` …)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.steps: list[dict] = []
        self.links: list[dict] = []
        self.pairs: set[tuple[str, str]] = set()
        self.owner: dict[str, str | None] = {}

    def step(self, stage: str, department: str | None, owned: bool = False, **extra: object) -> str:
        rng = self.rng
        step_id = f"s{len(self.steps) + 1}"
        if not owned and rng.random() < 0.05:
            department = None  # nobody owns it (unowned-step)
        item: dict = {
            "id": step_id,
            "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
            "department": department,
            "stage": stage,
            "channel": rng.choice(CHANNELS),
        }
        if rng.random() < 0.5:
            item["emotion"] = rng.randint(-2, 2)
        if rng.random() < 0.1:
            item["pain_points"] = "Waits for an answer nobody owns"
        item.update(extra)
        self.steps.append(item)
        self.owner[step_id] = department
        return step_id

    def link(self, source: str, target: str) -> None:
        if source == target or (source, target) in self.pairs:
            return
        self.pairs.add((source, target))
        item: dict = {"from": source, "to": target}
        a, b = self.owner[source], self.owner[target]
        if a is not None and b is not None and a != b and self.rng.random() < 0.5:
            # Some agreements cite the glossary (SAL is never defined: undefined-term).
            item["agreement"] = self.rng.choice(AGREEMENTS)
            if self.rng.random() < 0.5:
                item["sla"] = "within 24 h"
        self.links.append(item)

    def notes(self) -> list[dict]:
        """The room's open questions: on about one step in 40, a link in 60, the map."""
        rng = self.rng
        notes: list[dict] = [{"text": "Retention is out of scope today", "on": "map"}]
        for step in self.steps[:: max(1, len(self.steps) // 25)]:
            notes.append({"text": f"Who owns '{step['title']}'?", "on": {"step": step["id"]},
                          "author": "Ana", "resolved": rng.random() < 0.3})  # fmt: skip
        for link in self.links[:: max(1, len(self.links) // 16)]:
            on = {"link": [link["from"], link["to"]]}
            when = "2026-12-01T10:02:00Z"
            notes.append({"text": "Agree the wording", "on": on, "created": when,
                          "resolved": rng.random() < 0.3})  # fmt: skip
        return notes


def journey_dict(steps: int = 1_000, seed: int = 7) -> dict:
    """A big, realistic journey in interchange form that every SPEC §2 rule has work in.

    Parallel tracks (short chains in one lane) run through each stage and branch into
    the next stage's tracks; every route converges on one contract step in Purchase
    (``bottleneck``) and fans out again; some steps have nobody (``unowned-step``),
    half the handoffs no agreement (``handoff-gap``); customers are bounced between
    two departments and back (``handoff-loop``), rework loops stay in one lane;
    referrals go back from Advocacy to Awareness and escalations from Retention to
    Onboarding (loop-back links); a few steps after the contract lead nowhere
    (``dead-end``), a few are reached by nothing (``unreachable-step``); entries are
    the first stage's steps, as SPEC §2 finds them (none is flagged); the chain of
    handoffs is long (``long-handoff-chain``); "Evaluation" is empty and IT owns nothing.
    Agreements cite the glossary (one term is never defined, ``undefined-term``), half
    have no SLA (``agreement-without-sla``), some department pairs only ever hand one way
    (``one-way-handoff``), and open questions sit on steps, links and the map (``open-note``).
    """
    rng = random.Random(seed)
    out = _JourneyWriter(rng)
    orphans = max(1, steps // 100)
    budget = steps - 2 - orphans  # the contract step and the partner step aside
    share = [budget // len(_USED_STAGES)] * len(_USED_STAGES)
    share[0] += budget - sum(share)
    heads_by_stage: dict[str, list[str]] = {}
    previous_ends: list[str] = []
    for stage, count in zip(_USED_STAGES, share, strict=True):
        if stage == _HUB_STAGE:
            hub = out.step(stage, "Sales", owned=True, title="Signs the contract")
            for end in previous_ends:
                out.link(end, hub)  # converging routes
            previous_ends = [hub]
        heads, ends = _stage_tracks(out, stage, count, previous_ends)
        heads_by_stage[stage] = heads
        previous_ends = ends
    for end in previous_ends:  # the final stage: half of its ends are marked as ends
        if rng.random() < 0.5:
            out.steps[int(end[1:]) - 1]["terminal"] = True
    _loop_backs(out, heads_by_stage)
    advocates = [s["id"] for s in out.steps if s["stage"] == "Advocacy" and s["department"]]
    partner = out.step("Advocacy", "Partners", owned=True, title="Partner takes the referral")
    if advocates:  # handed on to a partner, who never hands anyone back
        out.link(advocates[0], partner)
    for _ in range(orphans):  # reached by nothing: unreachable (and dead ends)
        out.step(rng.choice(_USED_STAGES[1:]), rng.choice(DEPARTMENTS))
    return {
        "laneway": 1,
        "title": f"Generated journey ({steps} steps)",
        "departments": [{"name": name} for name in JOURNEY_DEPARTMENTS],
        "stages": list(JOURNEY_STAGES),
        "definitions": list(DEFINITIONS),
        "steps": out.steps,
        "links": out.links,
        "notes": out.notes(),
    }


def _stage_tracks(
    out: _JourneyWriter, stage: str, count: int, previous_ends: list[str]
) -> tuple[list[str], list[str]]:
    """Tracks filling ``count`` steps of ``stage``, fed by ``previous_ends``; (heads, ends)."""
    rng = out.rng
    heads: list[str] = []
    ends: list[str] = []
    made = 0
    tracks = max(1, count // 4)
    while made < count:
        length = min(count - made, rng.randint(2, 6))
        lane = rng.choice(DEPARTMENTS)
        track = [out.step(stage, lane) for _ in range(length)]
        made += length
        for a, b in itertools.pairwise(track):
            out.link(a, b)
        if length >= 3 and rng.random() < 0.05:
            out.link(track[2], track[1])  # rework: a loop inside one lane
        if made < count and stage != _USED_STAGES[0] and rng.random() < 0.08:
            other = rng.choice([d for d in DEPARTMENTS if d != lane])
            bounce = out.step(stage, other)  # bounced to another department and back
            made += 1
            out.link(track[0], bounce)
            out.link(bounce, track[0])
        if previous_ends:  # fed by one or two ends of the stage before, near its place
            at = len(heads) * len(previous_ends) // tracks
            for source in {previous_ends[min(at, len(previous_ends) - 1)],
                           rng.choice(previous_ends)}:  # fmt: skip
                out.link(source, track[0])
        if heads and rng.random() < 0.15:
            out.link(track[0], heads[-1])  # a branch across to a parallel track
        heads.append(track[0])
        ends.append(track[-1])
    fed = {link["from"] for link in out.links}
    for end in previous_ends:  # every route goes on (dead ends come after the contract)
        if end not in fed:
            out.link(end, rng.choice(heads))
    if stage in _AFTER_HUB[:-1]:  # after the contract some routes lead nowhere
        ends = [end for end in ends if rng.random() > 0.03 or end in fed]
    return heads, ends


def _loop_backs(out: _JourneyWriter, heads_by_stage: dict[str, list[str]]) -> None:
    """Referrals from Advocacy to Awareness, escalations from Retention to Onboarding."""
    rng = out.rng
    for source_stage, target_stage, share in (
        ("Advocacy", "Awareness", 0.1),
        ("Retention", "Onboarding", 0.05),
    ):
        sources = [s["id"] for s in out.steps if s["stage"] == source_stage]
        targets = heads_by_stage.get(target_stage) or []
        for source in sources:
            if targets and rng.random() < share:
                out.link(source, rng.choice(targets))


def complete_journey_dict(steps: int = 150) -> dict:
    """Every step linked to every other, over three stages, the first step flagged entry."""
    stages = JOURNEY_STAGES[:3]
    return {
        "title": f"Complete graph ({steps} steps)",
        "departments": [{"name": name} for name in DEPARTMENTS],
        "stages": list(stages),
        "steps": [
            {
                "id": f"s{i}",
                "title": f"Step {i}",
                "department": DEPARTMENTS[i % len(DEPARTMENTS)],
                "stage": stages[i * len(stages) // steps],
                "entry": i == 0,
            }
            for i in range(steps)
        ],
        "links": [
            {"from": f"s{i}", "to": f"s{j}"} for i in range(steps) for j in range(steps) if i != j
        ],
    }


def generated_journey(steps: int = 1_000, seed: int = 7) -> JourneyMap:
    """``journey_dict`` as a map."""
    return map_from_dict(journey_dict(steps, seed))


def complete_journey(steps: int = 150) -> JourneyMap:
    return map_from_dict(complete_journey_dict(steps))
