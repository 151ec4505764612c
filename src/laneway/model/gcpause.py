"""Pausing Python's cyclic garbage collector around work that allocates a lot.

Reading or analysing a big map allocates hundreds of thousands of objects and frees
none in cycles; the collector would walk every one of them again and again (up to
half the time at 50,000 steps). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside; the collector is back as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
