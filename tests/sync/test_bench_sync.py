"""Benchmarks of live sessions (skipped in the normal run; ``--benchmark-only``).

- projection + diff of a 1,000-record map after one remote change (target < 50 ms);
- edit on the host → applied (written to the joiner's file, its observers told) on a
  joiner over loopback asyncio sockets, 500-step map (the app's target is < 100 ms
  to repaint; this is the core's share).
"""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from laneway.sync.aio import AsyncHost, connect
from laneway.sync.diff import diff
from laneway.sync.projection import project
from laneway.sync.shared import SharedMap
from tests.support.maps import workshop_map
from tests.sync.harness import host_peer, joiner_peer


def _thousand_records():
    journey = workshop_map(steps=490, seed=5)
    return journey, len(journey.departments) + len(journey.stages) + len(journey.steps) + len(
        journey.links
    )


@pytest.mark.benchmark(group="sync: projection + diff, 1,000 records")
def test_projection_and_diff_of_a_thousand_records(benchmark):
    journey, records = _thousand_records()
    assert 950 <= records <= 1050, records
    shared = SharedMap()
    shared.load(journey)
    step_id = sorted(journey.steps)[10]
    counter = itertools.count()

    def one_remote_change():
        # what a joiner does when an update arrives: read, project, diff
        shared.write_changes(_retitle(journey, step_id, f"Retitled {next(counter)}"))
        return diff(journey, project(shared.read()))

    changes = benchmark(one_remote_change)
    assert len(changes.changes) == 1


@pytest.mark.benchmark(group="sync: projection + diff, 1,000 records")
def test_projection_alone_of_a_thousand_records(benchmark):
    journey, _ = _thousand_records()
    shared = SharedMap()
    shared.load(journey)
    raw = shared.read()
    assert benchmark(project, raw).same_content(journey)


@pytest.mark.benchmark(group="sync: projection + diff, 1,000 records")
def test_reading_the_shared_state_of_a_thousand_records(benchmark):
    journey, _ = _thousand_records()
    shared = SharedMap()
    shared.load(journey)
    benchmark(shared.read)


def _retitle(journey, step_id, title):
    from dataclasses import replace

    from laneway.model import Change, ChangeSet

    old = journey.steps[step_id]
    return ChangeSet("Retitle", (Change("step", step_id, old, replace(old, title=title)),))


@pytest.mark.benchmark(group="sync: edit → applied on another peer, 500 steps")
def test_edit_to_applied_on_a_joiner_over_loopback(benchmark, folder: Path):
    loop = asyncio.new_event_loop()
    host = host_peer(folder, workshop_map(steps=500, seed=5))
    joiner = joiner_peer(folder, host, "joiner")
    server = AsyncHost(host.session)
    arrived: list[asyncio.Future] = []

    async def start():
        address = await server.start("127.0.0.1", 0)
        await connect(joiner.session, *address)
        for _ in range(1000):
            if joiner.live is not None:
                break
            await asyncio.sleep(0.01)
        joiner.document.add_observer(
            lambda _c, origin: arrived and origin == "remote" and arrived[-1].set_result(True)
        )

    loop.run_until_complete(start())
    step_id = sorted(host.journey.steps)[10]
    counter = itertools.count()

    async def edit_and_wait():
        arrived.append(loop.create_future())
        with host.document.edit("Move"):
            host.journey.update_step(step_id, x=float(next(counter)))
        await asyncio.wait_for(arrived[-1], 5)

    try:
        benchmark.pedantic(
            lambda: loop.run_until_complete(edit_and_wait()), rounds=60, warmup_rounds=3
        )
        assert joiner.journey.steps[step_id] == host.journey.steps[step_id]
    finally:
        loop.run_until_complete(server.stop())
        loop.close()
        host.close()
        joiner.close()
