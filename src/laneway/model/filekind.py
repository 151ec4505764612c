"""What a path names, in words: shared by the store and the readers (siblings that may
not import each other), which read regular files only."""

from __future__ import annotations

import stat

from laneway.i18n import _


def kind_of_file(mode: int) -> str | None:
    """'a folder', 'a named pipe (FIFO)'… for ``os.stat().st_mode``; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")
