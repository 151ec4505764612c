"""Real crashes for the store's tests: a writer killed with SIGKILL inside a transaction."""

from __future__ import annotations

import os
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
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}


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
