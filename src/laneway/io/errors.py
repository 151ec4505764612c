"""InputError: bad input described in one sentence, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from laneway.i18n import _
from laneway.model.filekind import kind_of_file


class InputError(Exception):
    """A file that cannot be read as what it claims to be.

    ``str(error)`` is the whole sentence: the file, where (line or element) and what
    is wrong. The command line prints it and exits with status 2; the app shows it
    in a dialog.
    """

    def __init__(self, path: str | Path | None, problem: str, *, where: str | None = None):
        self.path = None if path is None else Path(path)
        self.where = where
        self.problem = problem.rstrip()
        if not self.problem.endswith((".", "?", "!")):
            self.problem += "."
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path.name)
        if self.where:
            parts.append(self.where)
        prefix = ", ".join(parts)
        return f"{prefix}: {self.problem}" if prefix else self.problem


def shown(text: str, limit: int = 40) -> str:
    """Text from a file, as a sentence quotes it: printable, short, in quotes."""
    clean = "".join(c if c.isprintable() else "?" for c in text[: limit + 1])
    return f"'{clean[:limit]}…'" if len(clean) > limit else f"'{clean}'"


#: Largest input file any reader accepts; bigger files are refused before parsing.
MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_text(path: str | Path, *, what: str) -> str:
    """Read a whole text file as UTF-8 (with or without BOM) within the size limit."""
    return decode_utf8(read_bytes(path, what=what), Path(path), what=what)


def read_bytes(path: str | Path, *, what: str) -> bytes:
    """Read a whole regular file within the size limit (for formats that decode themselves).

    A folder, a FIFO, a device or a socket is refused at once: the file is opened
    without blocking and checked before a byte is read, so a named pipe never hangs.
    """
    file = Path(path)
    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(file, _("no such file")) from None
    except IsADirectoryError:
        raise InputError(file, _("is a folder, not a {what} file").format(what=what)) from None
    except OSError as error:
        raise InputError(file, _("cannot be read ({words})").format(words=_words(error))) from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            info = os.fstat(descriptor)
            kind = kind_of_file(info.st_mode)
            if kind:
                raise InputError(
                    file, _("is {kind}, not a {what} file").format(kind=kind, what=what)
                )
            if info.st_size > MAX_INPUT_BYTES:
                raise InputError(
                    file,
                    _("is {value:.0f} MB; Laneway reads {what} files up to {value2} MB").format(
                        value=info.st_size / 1_048_576,
                        what=what,
                        value2=MAX_INPUT_BYTES // 1_048_576,
                    ),
                )
            data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(
                file, _("cannot be read ({words})").format(words=_words(error))
            ) from None
    if len(data) > MAX_INPUT_BYTES:  # it grew while being read
        raise InputError(
            file,
            _("is larger than the {value} MB Laneway reads").format(
                value=MAX_INPUT_BYTES // 1_048_576
            ),
        )
    return data


def _words(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".")


def decode_utf8(raw: bytes, path: str | Path | None, *, what: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            path,
            _("is not UTF-8 text (byte 0x{value:02x}); save the {what} file as UTF-8").format(
                value=raw[error.start], what=what
            ),
            where=_("line {line}").format(line=line),
        ) from None
    if "\x00" in text:
        raise InputError(
            path, _("holds NUL bytes, so it is not a {what} text file").format(what=what)
        )
    return text
