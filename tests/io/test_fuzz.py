"""Fuzzing: mutated corpus files and mutated maps give a map or one sentence, in bounded
time and memory.

Each input runs in a worker process limited to 500 MB of address space and 2 s of CPU
time (``tests/support/fuzz_worker.py``). The normal run tries a fixed sample; the long
run (``pytest -m fuzz tests/io/test_fuzz.py``, ``LANEWAY_FUZZ_INPUTS`` inputs, default
3,000, seed ``LANEWAY_FUZZ_SEED``) explores.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from laneway.io import csvio, jsonio
from laneway.io.templates import load_template
from laneway.store import create_map
from tests.conftest import CORPORA
from tests.support.crashes import subprocess_env
from tests.support.hostile import HOSTILE_MAPS

MEMORY = 500 * 2**20
CPU_SECONDS = 2.0
#: Wall-clock backstop for an input that blocks without using CPU (a FIFO, a lock).
WALL_SECONDS = 30.0
SUFFIXES = (".bpmn", ".xml", ".mmd", ".json", ".csv", ".laneway")

FRAGMENTS = [b"<", b">", b"&", b"&#0;", b"&lt;", b"<br/>", b"\x00", b"\xff\xfe", b"\r", b'"',
             b"NaN", b"Infinity", b"1e999", b"9" * 400, b"\\ud800", b"[" * 80, b"{\"a\":" * 80,
             b"<lane><childLaneSet>" * 40, b"section ", b":", b";", b",", b"=HYPERLINK(1)",
             b"< " + b" " * 3000, b"<" * 3000, b"journey\n", b"---\n", b"%%", b"accDescr {",
             b"kind,from,to\nlink,1,1\n"]  # fmt: skip


def _seeds(folder: Path) -> list[Path]:
    """Files to mutate: the public corpora and Laneway's own exports of the templates."""
    seeds = []
    if CORPORA.is_dir():
        seeds += sorted(
            p for p in CORPORA.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
        )
    for name in ("b2b", "support"):
        journey = load_template(name)
        (folder / f"{name}.json").write_text(jsonio.dumps(journey), encoding="utf-8")
        (folder / f"{name}.csv").write_bytes(csvio.write_bytes(journey))
        create_map(folder / f"{name}.laneway", journey)
        seeds += [folder / f"{name}.json", folder / f"{name}.csv", folder / f"{name}.laneway"]
    return seeds


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["flip", "cut", "copy", "insert", "truncate"])
        at = rng.randrange(len(data) + 1)
        if kind == "flip" and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif kind == "cut":
            del data[at : at + rng.randint(1, 400)]
        elif kind == "copy" and data:
            start = rng.randrange(len(data))
            data[at:at] = data[start : start + rng.randint(1, 2000)] * rng.randint(1, 20)
        elif kind == "insert":
            data[at:at] = rng.choice(FRAGMENTS) * rng.randint(1, 30)
        else:
            del data[at:]
    return bytes(data)


_COLUMNS = {"step": ["id", "title", "department_id", "emotion", "x", "entry", "description"],
            "link": ["from_step", "to_step", "agreement"], "department": ["name", "color", "ord"],
            "stage": ["name", "ord"], "map_info": ["value"]}  # fmt: skip
_VALUES = [
    "NULL", "X'00ff'", "''", "' '", "-3", "99", "1.5", "9e999", "'text'", "'s1'", "'ghost'",
    "replace(hex(zeroblob(3000)), '0', 'x')", "CAST(zeroblob(9) AS TEXT)",
]  # fmt: skip


def _mutate_map(path: Path, rng: random.Random) -> None:
    """Another program's SQL on a healthy map: hostile objects or wrong values."""
    if rng.random() < 0.3:
        hostile = HOSTILE_MAPS[rng.choice(sorted(set(HOSTILE_MAPS) - {"fifo", "symlink-loop"}))]
        try:
            hostile[0](path)
        except sqlite3.IntegrityError:
            pass  # its rows clash with this map's own (a template's note n1): left healthy
        return
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for _ in range(rng.randint(1, 3)):
            table = rng.choice(sorted(_COLUMNS))
            column = rng.choice(_COLUMNS[table])
            value = rng.choice(_VALUES)
            try:
                conn.execute(
                    f"UPDATE {table} SET {column} = {value} WHERE rowid IN "
                    f"(SELECT rowid FROM {table} ORDER BY random() LIMIT {rng.randint(1, 3)})"
                )
            except sqlite3.DatabaseError:
                pass  # the mutation itself broke a rule SQLite enforces: keep the file as is
    finally:
        conn.close()


def _inputs(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    seeds = _seeds(folder)
    made = []
    for number in range(count):
        seed_file = rng.choice(seeds)
        target = folder / f"input{number}{seed_file.suffix.lower()}"
        if seed_file.suffix == ".laneway" and rng.random() < 0.7:
            shutil.copyfile(seed_file, target)
            _mutate_map(target, rng)
        else:
            target.write_bytes(_mutate_bytes(seed_file.read_bytes(), rng))
        made.append(target)
    return made


class _Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.fuzz_worker", str(MEMORY), str(CPU_SECONDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )

    def check(self, path: Path) -> str | None:
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], WALL_SECONDS)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.stop()
            return f"no answer within {WALL_SECONDS:.0f} s (hung or killed by a limit)"
        outcome = json.loads(line)
        return None if outcome["ok"] else outcome["why"]

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate()


def _fuzz(folder: Path, count: int, seed: int) -> list[str]:
    failures = []
    worker = _Worker()
    try:
        for path in _inputs(folder, count, seed):
            problem = worker.check(path)
            if problem:
                kept = folder.parent / f"fuzz-failure-{path.name}"
                shutil.copyfile(path, kept)
                failures.append(f"{kept}: {problem}")
                if worker.process.poll() is not None:
                    worker = _Worker()
    finally:
        worker.stop()
    return failures


needs_posix = pytest.mark.skipif(
    not hasattr(__import__("signal"), "setitimer"), reason="needs setitimer and rlimits"
)


@needs_posix
def test_a_short_fuzz_run_gives_maps_and_sentences(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    assert _fuzz(folder, 80, seed=12) == []


@needs_posix
@pytest.mark.fuzz
def test_a_long_fuzz_run_gives_maps_and_sentences(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    count = int(os.environ.get("LANEWAY_FUZZ_INPUTS", "3000"))
    seed = int(os.environ.get("LANEWAY_FUZZ_SEED", str(random.randrange(2**32))))
    failures = _fuzz(folder, count, seed)
    assert failures == [], f"seed {seed}: {len(failures)} of {count} inputs failed"
