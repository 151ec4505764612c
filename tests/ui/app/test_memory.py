"""A closed window frees its map, scene and caches: ten opens and closes of one map
leave memory where the first left it."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from laneway.canvas import JourneyScene
from laneway.model import JourneyMap
from laneway.operations.creating import create_map_file
from laneway.ui.editing.session import MapSession
from tests.support.maps import generated_journey


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def _alive(kind: type) -> int:
    return sum(isinstance(o, kind) for o in gc.get_objects())


def _open_and_close(controller, path, qtbot) -> None:
    window = controller.open_path(path)
    window.show()
    QApplication.processEvents()  # what opening a map queues (fit to the window...)
    window.session.refresh_report()
    window.close()
    del window
    qtbot.wait(50)  # the event loop deletes the closed window
    gc.unfreeze()
    gc.collect()


def test_ten_opens_and_closes_return_memory_to_the_first(controller, tmp_path, qtbot):
    path = tmp_path / "map.laneway"
    create_map_file(path, generated_journey(300))  # big enough to see a leak in RSS
    gc.unfreeze()
    gc.collect()
    before = {kind: _alive(kind) for kind in (JourneyMap, JourneyScene, MapSession)}
    objects: list[int] = []
    rss: list[float] = []
    for _ in range(10):
        _open_and_close(controller, path, qtbot)
        objects.append(len(gc.get_objects()))
        rss.append(_rss_mb())
    assert {kind: _alive(kind) for kind in before} == before  # nothing of the map is left
    assert objects[-1] <= objects[0] * 1.10, objects
    assert rss[-1] <= rss[0] * 1.10, rss
    gc.freeze()
