"""Turn what SQLite and the operating system raise into one typed, true sentence.

SQLite's own words never reach the user as Laneway's: a constraint that fails names
no table the file's author chose, and a trigger's ``RAISE`` text is never shown (a map
with triggers is refused at open anyway).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from laneway.i18n import _
from laneway.store.errors import (
    StoreDamagedError,
    StoreDiskError,
    StoreError,
    StoreFullError,
    StoreGoneError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreRuleError,
    StoreWriteError,
)

#: SQLite primary result codes (https://www.sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN = 5, 6, 8, 10, 11, 13, 14
_TOOBIG, _CONSTRAINT, _NOTADB = 18, 19, 26

#: Before Python 3.11 sqlite3 errors carry no code: their fixed English texts instead.
_CODE_OF_TEXT = (
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("readonly database", _READONLY),
    ("disk i/o error", _IOERR),
    ("malformed", _CORRUPT),
    ("disk is full", _FULL),
    ("unable to open", _CANTOPEN),
    ("too big", _TOOBIG),
    ("constraint failed", _CONSTRAINT),
    ("not a database", _NOTADB),
)


def sqlite_code(error: sqlite3.Error) -> int | None:
    """The primary result code of an sqlite3 error (None when it has none)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(error).lower()
    for words, code in _CODE_OF_TEXT:
        if words in text:
            return code
    return None


def write_failure(
    path: Path, error: sqlite3.Error | OSError, *, new_file: bool = False
) -> StoreWriteError:
    """The error for an edit, a snapshot or (``new_file``) a new file that could not be
    written."""
    if isinstance(error, OSError):
        return os_failure(path, error)
    code = sqlite_code(error)
    if code in (_BUSY, _LOCKED):
        return locked(path, _("the change was not saved; try again in a moment"))
    if code == _READONLY:
        return StoreReadOnlyError(path, _("is read-only (the file, its folder or the disk)"))
    if code == _FULL:
        return full(path)
    if code in (_IOERR, _CANTOPEN):
        if not new_file and not path.exists():
            return gone(path)
        return StoreDiskError(
            path, _("could not be saved: the disk reported an input/output error")
        )
    if code == _CONSTRAINT:
        return StoreRuleError(path, _("refused a change that breaks the map's rules"))
    if code == _TOOBIG:
        return StoreRuleError(path, _("refused a change holding more text than a map can keep"))
    if code in (_CORRUPT, _NOTADB):
        return StoreDiskError(path, _("is damaged, so the change could not be saved"))
    return StoreDiskError(path, _("could not be saved (SQLite could not complete the write)"))


def read_failure(path: Path, error: sqlite3.Error | OSError) -> StoreError:
    """The error for a file that could not be opened or read."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOENT:
            return StoreError(path, _("no such file"))
        return StoreError(path, _("cannot be read ({os_words})").format(os_words=_os_words(error)))
    code = sqlite_code(error)
    if code in (_BUSY, _LOCKED):
        return locked(path, _("try again when the other program is done with it"))
    if code == _CANTOPEN:
        return StoreError(path, _("cannot be opened (the file or its folder is not accessible)"))
    if code == _IOERR:
        return StoreError(path, _("cannot be read: the disk reported an input/output error"))
    if code == _READONLY:
        return StoreReadOnlyError(path, _("cannot be opened here: it or its folder is read-only"))
    detail = " ".join(str(error).split())
    return StoreDamagedError(
        path, _("is damaged and cannot be read ({detail})").format(detail=detail)
    )


def not_unicode(path: Path) -> StoreRuleError:
    """Python text that cannot be stored (a lone surrogate, e.g. from a JSON escape)."""
    return StoreRuleError(path, _("refused text that is not valid Unicode (a lone surrogate)"))


def os_failure(path: Path, error: OSError) -> StoreWriteError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return full(path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreReadOnlyError(
            path, _("cannot be written ({os_words})").format(os_words=_os_words(error))
        )
    if error.errno == errno.ENOENT:
        return gone(path)
    return StoreDiskError(
        path, _("cannot be written ({os_words})").format(os_words=_os_words(error))
    )


def _os_words(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".")


def locked(path: Path, advice: str) -> StoreLockedError:
    return StoreLockedError(path, _("is locked by another program; {advice}").format(advice=advice))


def full(path: Path) -> StoreFullError:
    return StoreFullError(path, _("could not be saved because the disk is full"))


def gone(path: Path) -> StoreGoneError:
    return StoreGoneError(
        path, _("was deleted or moved while it was open; use Save a Copy to keep this map")
    )
