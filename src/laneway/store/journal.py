"""Does the rollback journal beside a map belong to that file's unfinished transaction?

SQLite plays a "hot" journal back into whatever database file sits beside it. After a
crash that is right; after the user restored a backup or copied another map into its
place it corrupts a healthy file. So before SQLite sees the file, Laneway reads the
journal (format: https://www.sqlite.org/fileformat2.html#the_rollback_journal) and
compares it with the database:

- every Laneway write journals page 1 first (``MapStore`` touches the header), so the
  journal holds the header as it was when the transaction began; its file change
  counter (offset 24) must be the database's counter (page 1 not yet rewritten, and
  then page 1 must be exactly that image) or one more (page 1 already rewritten);
- a journal without page 1 (written by another program) must at least start from the
  database's size in pages;
- the map's identity (a ``map_id`` row written at creation) found in the journal's
  pages must be the database's own.

A journal that fails any of these is never played: the store sets it aside (or, when
only reading, reads the map without it).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from laneway.i18n import _

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: SQLite's lock bytes (os_unix.c): a writer holds a write lock on RESERVED_BYTE.
PENDING_BYTE = 0x40000000
RESERVED_BYTE = PENDING_BYTE + 1
_MAP_ID = re.compile(rb"map_id([0-9a-f]{32})")

Verdict = Literal["none", "live", "own", "foreign"]


@dataclass(frozen=True)
class JournalCheck:
    verdict: Verdict
    journal: Path
    #: Why a foreign journal does not belong (a clause for a sentence).
    reason: str = ""


@dataclass(frozen=True)
class _Journal:
    page_size: int
    original_pages: int
    page_one: bytes | None


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def check_journal(path: Path, header: bytes) -> JournalCheck:
    """Classify the journal beside ``path`` (whose first 100 bytes are ``header``)."""
    journal = journal_path(path)
    try:
        with journal.open("rb") as handle:
            first = handle.read(1)
    except FileNotFoundError:
        return JournalCheck("none", journal)
    except OSError:
        return JournalCheck("live", journal)  # cannot look: leave it to SQLite
    if not first or first == b"\x00":
        return JournalCheck("none", journal)  # SQLite ignores an empty or zeroed journal
    if writer_holds_lock(path):
        return JournalCheck("live", journal)  # another program is in a transaction
    reason = _foreign_reason(path, journal, header)
    return JournalCheck("foreign" if reason else "own", journal, reason or "")


def _foreign_reason(path: Path, journal: Path, header: bytes) -> str | None:
    with _mapped(journal) as data:
        parsed = _parse(data)
        if parsed is None:
            return None  # no valid header: SQLite plays nothing back, and nothing was written
        journal_ids = set(_MAP_ID.findall(data))
    if parsed.page_size != _page_size(header):
        return _("it was written for a database with pages of another size")
    counter, pages = _be32(header, 24), _be32(header, 28)
    image = parsed.page_one
    if image is not None:
        started = _be32(image, 24)
        if counter < started:
            return _("the map is older than the journal's unfinished change")
        if counter > started + 1:
            return _("the map was saved again after the journal's unfinished change")
        if counter == started and _first_page(path, parsed.page_size) != image:
            return _("the map's first page is not the one the journal started from")
    elif pages != parsed.original_pages:
        return _("the map is not the size the journal's unfinished change started from")
    if journal_ids:
        with _mapped(path) as data:
            map_ids = set(_MAP_ID.findall(data))
        if map_ids and not map_ids & journal_ids:
            return _("it belongs to another map")
    return None


def _parse(data: bytes | mmap.mmap) -> _Journal | None:
    """The journal's page size, original size and page-1 image, as SQLite would play it."""
    offset, first, page_one = 0, None, None
    while offset + 28 <= len(data) and data[offset : offset + 8] == JOURNAL_MAGIC:
        records, nonce, original, sector, page_size = struct.unpack_from(">IIIII", data, offset + 8)
        if not _power_of_two(sector, 32, 65536) or not _power_of_two(page_size, 512, 65536):
            break
        if first is None:
            first = _Journal(page_size, original, None)
        position, played = offset + sector, 0
        while position + page_size + 8 <= len(data) and (records == 0xFFFFFFFF or played < records):
            number = _be32(data, position)
            page = bytes(data[position + 4 : position + 4 + page_size])
            if _checksum(nonce, page) != _be32(data, position + 4 + page_size):
                return _Journal(first.page_size, first.original_pages, page_one)
            if number == 1 and page_one is None:
                page_one = page
            position += page_size + 8
            played += 1
        if records == 0 or played == 0:
            break
        offset = -(-position // sector) * sector
    if first is None:
        return None
    return _Journal(first.page_size, first.original_pages, page_one)


def _checksum(nonce: int, page: bytes) -> int:
    total, index = nonce, len(page) - 200
    while index > 0:
        total += page[index]
        index -= 200
    return total & 0xFFFFFFFF


def _power_of_two(value: int, low: int, high: int) -> bool:
    return low <= value <= high and value & (value - 1) == 0


def _be32(data, offset: int) -> int:
    return struct.unpack_from(">I", data, offset)[0]


def _page_size(header: bytes) -> int:
    size = struct.unpack_from(">H", header, 16)[0]
    return 65536 if size == 1 else size


def _first_page(path: Path, page_size: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(page_size)


@contextlib.contextmanager
def _mapped(path: Path):
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            yield b""
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            yield data


def writer_holds_lock(path: Path) -> bool:
    """True while another process holds SQLite's RESERVED lock on ``path`` (POSIX only).

    Only called before this process opens the file: closing the probe descriptor drops
    every POSIX lock this process holds on it, and it holds none yet.
    """
    try:
        import fcntl
    except ImportError:  # Windows: an open journal cannot be renamed there anyway
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, RESERVED_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, RESERVED_BYTE)
        return False
    finally:
        os.close(descriptor)


def set_aside(journal: Path) -> Path:
    """Rename a foreign journal out of SQLite's way; return its new name."""
    for number in range(1, 1000):
        suffix = ".set-aside" if number == 1 else f".set-aside-{number}"
        target = journal.with_name(journal.name + suffix)
        if not target.exists():
            os.replace(journal, target)
            return target
    raise FileExistsError(journal)
