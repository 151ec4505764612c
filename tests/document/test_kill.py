"""Kill -9 in the middle of a stream of large edits: the file holds exactly what was committed.

Each edit writes hundreds of rows through a page cache of a few pages, so SQLite spills
pages into the file before the commit; the writer logs each committed edit with a
fingerprint of the map. After the kill the reopened file must hold exactly the content
of the last logged edit (or of the one in flight, if its commit finished before the
log line) — compared by content, replayed from the log, not by counting rows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from laneway.document import Document
from laneway.store import create_map
from tests.conftest import build_map, reopen
from tests.support.crashes import big_edit, content_digest, subprocess_env

WRITER = """
import sys, time
from laneway.document import Document
from tests.support.crashes import big_edit, content_digest
doc = Document.open(sys.argv[1])
pause = float(sys.argv[2])
doc.store.db.execute("PRAGMA cache_size = 10")  # pages spill into the file mid-transaction
if len(sys.argv) > 3:  # only for checking this test by hand: e.g. journal_mode = OFF
    doc.store.db.execute(f"PRAGMA journal_mode = {sys.argv[3]}")
write = doc.store.write


def announced_write(changeset, **options):
    print("writing", flush=True)  # the rows go into the file from here on
    stamp = write(changeset, **options)
    if pause:
        print("written", flush=True)  # every row written, spilled pages in the file,
        time.sleep(pause)  # and the commit still to come
    return stamp


doc.store.write = announced_write
number = 0
print("ready", flush=True)
while True:
    with doc.edit(f"Edit {number}"):
        big_edit(doc.journey, number)
    print(number, content_digest(doc.journey), flush=True)  # committed once printed
    number += 1
"""


def _start_map(path) -> None:
    create_map(path, build_map(departments=("Sales",), stages=(), steps=tuple(
        (f"Start {i}", "Sales", None) for i in range(80)
    )))  # fmt: skip


def _replay(path_of_start, count: int) -> list:
    """The map after 0, 1, …, ``count`` edits, replayed in memory."""
    journey = reopen(path_of_start)
    states = [journey.copy()]
    for number in range(count):
        with journey.record("Replay"):
            big_edit(journey, number)
        states.append(journey.copy())
    return states


#: (kill after this announcement, how many of them, then after how long)
KILLS = [("written", 1, 0.0), ("written", 3, 0.0), ("writing", 2, 0.002), ("writing", 3, 0.05)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize(("moment", "times", "delay"), KILLS)
def test_sigkill_during_large_edits_leaves_exactly_the_committed_content(
    tmp_path, moment, times, delay
):
    path = tmp_path / "map.laneway"
    start = tmp_path / "start.laneway"
    _start_map(path)
    start.write_bytes(path.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "0.3" if moment == "written" else "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    lines = [process.stdout.readline().strip()]
    while lines.count(moment) < times:
        lines.append(process.stdout.readline().strip())
        assert lines[-1], "the writer stopped"
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    lines += rest.splitlines()
    log = [line.split() for line in lines if line not in ("ready", "writing", "written")]
    assert [int(number) for number, _digest in log] == list(range(len(log)))

    states = _replay(start, len(log) + 1)
    for (number, digest), state in zip(log, states[1:], strict=False):
        assert content_digest(state) == digest, f"the replay of edit {number} is the logged one"
    candidates = [content_digest(states[len(log)]), content_digest(states[len(log) + 1])]

    on_disk = reopen(path)  # read-only: recovers a private copy, writes nothing
    assert content_digest(on_disk) in candidates, "the file holds exactly the committed edits"
    doc = Document.open(path)  # read-write: recovers the file itself
    try:
        assert content_digest(doc.journey) == content_digest(on_disk)
        with doc.edit("One more"):
            doc.journey.add_step("After the crash")
    finally:
        doc.close()
    assert not list(tmp_path.glob("*-journal")), "the rollback journal was resolved"
