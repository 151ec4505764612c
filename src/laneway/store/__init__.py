"""The .laneway file: SQLite schema, opening and validation, row-level writes, snapshots."""

from laneway.store.errors import (
    StoreConflictError,
    StoreDamagedError,
    StoreDiskError,
    StoreError,
    StoreForeignError,
    StoreFullError,
    StoreGoneError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreReplacedError,
    StoreRuleError,
    StoreWriteError,
)
from laneway.store.files import (
    atomic_output,
    check_output,
    create_map,
    is_same_file,
    save_copy,
    write_bytes_atomically,
)
from laneway.store.mapstore import MapStore, SnapshotInfo
from laneway.store.schema import APPLICATION_ID, FORMAT_VERSION

__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "MapStore",
    "SnapshotInfo",
    "StoreConflictError",
    "StoreDamagedError",
    "StoreDiskError",
    "StoreError",
    "StoreForeignError",
    "StoreFullError",
    "StoreGoneError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "StoreReplacedError",
    "StoreRuleError",
    "StoreWriteError",
    "atomic_output",
    "check_output",
    "create_map",
    "is_same_file",
    "save_copy",
    "write_bytes_atomically",
]
