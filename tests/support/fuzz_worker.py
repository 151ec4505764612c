"""The fuzz test's worker: reads input paths on stdin, reports one outcome line for each.

Runs in its own process under a memory limit (``RLIMIT_AS``) and a CPU-time limit per
input (``ITIMER_PROF``), so an input that makes Laneway hang or balloon is reported,
not suffered. For each input it runs what a user would: ``laneway import IN -o OUT``
(and, for a map, ``laneway analyze`` and opening it for editing). The outcome is
``{"ok": true}`` when every command gave a map (which then opens) or one sentence
naming the file, else ``{"ok": false, "why": …}``.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import shutil
import signal
import sys
import tempfile
from pathlib import Path


class OverTime(BaseException):  # not an Exception: no handler may swallow it
    pass


def _over_time(_number, _frame):
    raise OverTime


def _run(arguments: list[str]) -> tuple[int, str]:
    from laneway.cli import main

    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = main(arguments)
    return code, errors.getvalue()


def _judge(name: str, code: int, err: str, allowed: tuple[int, ...]) -> str | None:
    lines = err.strip().splitlines()
    if code not in allowed:
        return f"exit status {code}: {err.strip()[:300]}"
    if code == 2:
        if len(lines) != 1 or not lines[0].startswith(f"laneway: {name}"):
            return f"not one sentence naming {name}: {err.strip()[:300]}"
        if "Unexpected problem" in lines[0] or "memory available" in lines[0]:
            return lines[0][:300]
    return None


def check(path: Path, scratch: Path) -> str | None:
    """Why ``path`` made Laneway misbehave, or None."""
    from laneway.document import Document
    from laneway.store import MapStore, StoreError

    output = scratch / "out.laneway"
    output.unlink(missing_ok=True)
    code, err = _run(["import", str(path), "-o", str(output)])
    problem = _judge(path.name, code, err, (0, 2))
    if problem:
        return f"import: {problem}"
    if code == 0:
        try:
            MapStore.open(output).close()  # Laneway never writes a map it would refuse
        except StoreError as error:
            return f"import wrote a map that does not open: {error}"
    if path.suffix == ".laneway":
        code, err = _run(["analyze", str(path), "--json"])
        problem = _judge(path.name, code, err, (0, 1, 2))
        if problem:
            return f"analyze: {problem}"
        copy = scratch / path.name
        shutil.copyfile(path, copy)
        try:
            Document.open(copy).close()
        except StoreError as error:
            if "\n" in str(error) or not str(error).startswith(copy.name):
                return f"open: not one sentence: {error}"
    return None


def main() -> None:
    memory, seconds = int(sys.argv[1]), float(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    signal.signal(signal.SIGPROF, _over_time)
    scratch = Path(tempfile.mkdtemp(prefix="laneway-fuzz-"))
    try:
        for line in sys.stdin:
            signal.setitimer(signal.ITIMER_PROF, seconds)
            try:
                problem = check(Path(line.strip()), scratch)
            except OverTime:
                problem = f"took more than {seconds} s of CPU time"
            except MemoryError:
                problem = f"needed more than {memory // 2**20} MB"
            except BaseException as error:  # a traceback would have reached the user
                problem = f"{type(error).__name__}: {str(error)[:300]}"
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            print(json.dumps({"ok": problem is None, "why": problem}), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
