"""Keep the garbage collector's full passes off the edit path.

A full collection walks every object Python tracks: with a 2,000-step map open
that is some 50 ms, paid by whichever edit happens to trigger it (one in six or
so). What is alive once a map is open stays alive while it is open, so it is
frozen out of the collector's sight; after a window closes, everything is
unfrozen and collected once, so the closed map's cycles are still found.
"""

from __future__ import annotations

import gc


def settle() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
