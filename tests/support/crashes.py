"""Real crashes for the store's tests: a writer killed with SIGKILL inside a transaction."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Opens the map, rewrites every step and adds ``N`` more in one transaction with a tiny
#: page cache (so pages spill into the file before the commit), then waits to be killed.
_HOLD_TRANSACTION = """
import sys, time
from laneway.store import MapStore
store = MapStore.open(sys.argv[1])
store.db.execute("PRAGMA cache_size = 8")
journey = store.load()
with journey.record("Unfinished") as recording:
    for step_id in list(journey.steps):
        journey.update_step(step_id, description="rewritten " * 40)
    for i in range(int(sys.argv[2])):
        journey.add_step(f"Unfinished {i}", description="y" * 400)
with store.transaction() as transaction:
    transaction.write(recording.changeset, "2030-01-01T00:00:00+00:00")
    print("written", flush=True)
    time.sleep(600)
"""


def subprocess_env() -> dict[str, str]:
    """A child process that finds ``tests.support`` in this checkout and ``laneway`` where
    the suite finds it (the installed package, as a user has it)."""
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT)}


def big_edit(journey, number: int) -> None:
    """Edit ``number`` of a stream: hundreds of rows inserted, updated and deleted.

    Deterministic given the map it starts from, so a log of committed edit numbers can
    be replayed to the content the file must hold.
    """
    rng = random.Random(number)
    existing = sorted(journey.steps)
    for step_id in rng.sample(existing, min(len(existing), 60)):
        journey.update_step(
            step_id, description=f"Edit {number} says " + "d" * rng.randrange(50, 600)
        )
    for step_id in rng.sample(existing, min(len(existing), 25)):
        journey.remove_step(step_id)
    added = [
        journey.add_step(
            f"Edit {number} step {i}",
            department_id=rng.choice(["d1", None]),
            description="n" * rng.randrange(100, 900),
            emotion=rng.choice([None, -2, 1]),
            x=float(rng.randrange(0, 4000)),
            y=float(rng.randrange(0, 900)),
        ).id
        for i in range(150)
    ]
    steps = sorted(journey.steps)
    for source in added:
        target = rng.choice(steps)
        if target != source and journey.link_between(source, target) is None:
            journey.add_link(source, target, agreement=f"Agreed in edit {number}")
    journey.set_info(description=f"{number + 1} edits")


def content_digest(journey) -> str:
    """What a map holds, as a short fingerprint (the modified stamp aside)."""
    from laneway.model import map_to_dict

    text = json.dumps(map_to_dict(journey), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def leave_hot_journal(path: Path, new_steps: int = 300) -> Path:
    """Kill a writer in the middle of a large transaction on ``path``; return the journal."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD_TRANSACTION, str(path), str(new_steps)],
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    try:
        assert process.stdout.readline().strip() == "written"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.communicate()
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0, "the killed writer left its journal"
    return journal
