"""``laneway host`` and two ``laneway join`` in their own processes over 127.0.0.1:
edits made to any of the three files reach the other two; a wrong code, a copy of
another map and bad arguments exit 2 with one sentence and write nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from laneway.document import Document
from laneway.model import JourneyMap
from laneway.store import StoreError, create_map
from tests.conftest import build_map, reopen

pytest.importorskip("pycrdt", reason="the live-session extra (laneway[collab]) is not installed")

CODE = "482913"


def _laneway(*args: object) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "laneway", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _line(process: subprocess.Popen, starts: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(starts):
            return line.strip()
    raise AssertionError(f"no line {starts!r}; stderr: {process.stderr.read()}")


def _until(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except StoreError:  # caught between a writer's steps: read again
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _edit(path: Path, change: Callable[[JourneyMap], object]) -> None:
    """Another program (this test) edits a file a laneway process keeps in the session."""
    document = Document.open(path)
    try:
        with document.edit("From outside"):
            change(document.journey)
    finally:
        document.close()


def _stop(process: subprocess.Popen) -> tuple[int, str, str]:
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    return process.returncode, out, err


def _has_stage(path: Path, name: str) -> bool:
    return name in {s.name for s in reopen(path).stages.values()}


def test_a_host_and_two_joins_in_their_own_processes_keep_three_equal_files(tmp_path: Path):
    original = create_map(
        tmp_path / "room.laneway", build_map(steps=(("Call", "Sales", "Purchase"),))
    )
    host = _laneway("host", original, "--listen", "127.0.0.1:0", "--code", CODE, "--name", "Fa")
    copies = [tmp_path / "ana.laneway", tmp_path / "bo.laneway"]
    joins: list[subprocess.Popen] = []
    try:
        address = _line(host, "Address: ").removeprefix("Address: ")
        assert _line(host, "Code: ") == f"Code: {CODE}"
        for copy, name in zip(copies, ("Ana", "Bo"), strict=True):
            joins.append(_laneway("join", address, "--code", CODE, "-o", copy, "--name", name))
            assert "keeping it in sync" in _line(joins[-1], "Copied ")
        _edit(original, lambda j: j.add_stage("From the host"))
        _until(lambda: all(_has_stage(c, "From the host") for c in copies), "the host's edit")
        _edit(copies[0], lambda j: j.add_department("Legal"))
        _until(
            lambda: all(
                "Legal" in {d.name for d in reopen(p).departments.values()}
                for p in (original, copies[1])
            ),
            "Ana's edit",
        )
        wrong = _laneway("join", address, "--code", "000000", "-o", tmp_path / "bad.laneway")
        _out, err = wrong.communicate(timeout=20)
        assert wrong.returncode == 2 and "refused the code" in err and len(err.splitlines()) == 1
        assert not (tmp_path / "bad.laneway").exists()
    finally:
        results = [_stop(p) for p in (*joins, host)]
    assert [code for code, _out, _err in results] == [0, 0, 0], results
    files = [reopen(path) for path in (original, *copies)]
    assert all(f.same_content(files[0]) for f in files)
    assert _has_stage(original, "From the host") and len(files[0].steps) == 1


def test_joining_with_a_copy_of_another_map_exits_2(tmp_path: Path):
    shared = create_map(tmp_path / "shared.laneway", build_map(steps=(("A", "Sales", None),)))
    other = create_map(tmp_path / "other.laneway", build_map(steps=(("B", "Sales", None),)))
    before = reopen(other)
    host = _laneway("host", shared, "--listen", "127.0.0.1:0", "--code", CODE)
    try:
        address = _line(host, "Address: ").removeprefix("Address: ")
        join = _laneway("join", address, "--code", CODE, "-o", other)
        _out, err = join.communicate(timeout=20)
    finally:
        _stop(host)
    assert join.returncode == 2 and "different map" in err and len(err.splitlines()) == 1
    assert reopen(other).same_content(before)  # the copy keeps its own map
    assert [s.title for s in reopen(shared).steps.values()] == ["A"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("join", "127.0.0.1:1", "--code", "12345", "-o", "c.laneway"), "six digits"),
        (("join", "127.0.0.1:x", "--code", "123456", "-o", "c.laneway"), "not a port"),
        (("join", "127.0.0.1:9", "--code", "123456", "-o", "c.json"), "ends in .laneway"),
        (("join", "127.0.0.1:1", "--code", "123456", "-o", "c.laneway"), "no session answers"),
        (("host", "missing.laneway", "--listen", "127.0.0.1:0"), "no such file"),
    ],
)
def test_bad_arguments_exit_2_with_one_sentence(tmp_path: Path, args, said: str):
    process = subprocess.run(
        [sys.executable, "-m", "laneway", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=30,
    )
    assert process.returncode == 2 and said in process.stderr, process.stderr
    assert len(process.stderr.strip().splitlines()) == 1 and "Traceback" not in process.stderr
    assert not (tmp_path / "c.laneway").exists()
