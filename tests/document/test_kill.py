"""Kill -9 in the middle of a stream of edits: the file opens with every committed edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from laneway.document import Document
from laneway.store import MapStore, create_map
from tests.conftest import build_map

WRITER = """
import sys
from laneway.document import Document
doc = Document.open(sys.argv[1])
i = 0
while True:
    with doc.edit("Add"):
        step = doc.journey.add_step(f"Step {i}", department_id="d1")
        if i:
            doc.journey.add_link(prev, step.id, agreement=f"Agreement {i}")
        doc.journey.set_info(description=f"{i} edits")
    prev = step.id
    print(i, flush=True)  # edit i is committed once this line is out
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.7])
def test_sigkill_during_edits_leaves_every_committed_edit(tmp_path, delay):
    path = tmp_path / "map.laneway"
    create_map(path, build_map(departments=("Sales",), stages=()))
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    first = process.stdout.readline()  # the writer is up (imports take a while) and writing
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    confirmed = len((first + rest).split())
    assert confirmed > 0, "the writer made no edit before it was killed"

    store = MapStore.open(path)  # readable, healthy (quick_check passes)
    try:
        journey = store.load()
    finally:
        store.close()
    steps = len(journey.steps)
    # every confirmed edit is there; at most the one in flight when killed is extra
    assert confirmed <= steps <= confirmed + 1
    # nothing half-done: each edit's step, link and description arrived together
    assert len(journey.links) == steps - 1
    assert journey.info.description == f"{steps - 1} edits"
    # A journal left by the kill is harmless and gone after the next edit.
    doc = Document.open(path)
    with doc.edit("One more"):
        doc.journey.add_step("After the crash")
    doc.close()
    assert not list(tmp_path.glob("*-journal")), "the rollback journal was resolved"
