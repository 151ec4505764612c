"""Live sessions, Qt-free (SPEC §8, COLLAB.md).

- ``tables``: the tables and fields as the shared document holds them, declared once;
- ``shared.SharedMap``: the pycrdt document of one map;
- ``projection.project`` and ``diff.diff``: merged state → valid map → ChangeSet;
- ``undo`` and ``live.LiveMap``: a Document in a session, with per-person undo;
- ``pairing``, ``framing``: the 6-digit code, SPAKE2, encrypted length-limited frames;
- ``presence``: who selects and edits what;
- ``endpoint``, ``host``, ``join``: the sans-IO protocol; ``aio``: over asyncio streams.

The optional packages (``laneway[collab]``) are imported on first use (``extra``).
"""
