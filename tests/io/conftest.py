"""The long fuzz run is skipped unless asked for with ``-m fuzz``."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config, items):
    if "fuzz" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="the long fuzz run: select it with -m fuzz")
    for item in items:
        if item.get_closest_marker("fuzz"):
            item.add_marker(skip)
