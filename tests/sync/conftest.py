"""Live-session test setup: tmpfs folders (synchronous=FULL is slow on a real disk)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pycrdt", reason="the live-session extra (laneway[collab]) is not installed")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A fresh folder on tmpfs where there is one (COLLAB.md "Testing it")."""
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        path = Path(tempfile.mkdtemp(prefix="laneway-sync-", dir="/dev/shm"))
        yield path
        shutil.rmtree(path, ignore_errors=True)
    else:
        yield tmp_path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("LANEWAY_SLOW_SYNC") == "1":
        return
    skip = pytest.mark.skip(reason="long live-session run: set LANEWAY_SLOW_SYNC=1 to run it")
    for item in items:
        if "slow_sync" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def room(folder: Path):
    """A host and two joiners (Ana, Bo), connected and in sync."""
    from tests.sync.harness import Room, assert_converged

    room = Room(folder)
    assert_converged(room.peers)
    yield room
    room.close()
