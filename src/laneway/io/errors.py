"""InputError: bad input described in one sentence, never a traceback."""

from __future__ import annotations

from pathlib import Path


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


#: Largest input file any reader accepts; bigger files are refused before parsing.
MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_text(path: str | Path, *, what: str) -> str:
    """Read a whole text file as UTF-8 (with or without BOM) within the size limit."""
    return decode_utf8(read_bytes(path, what=what), Path(path), what=what)


def read_bytes(path: str | Path, *, what: str) -> bytes:
    """Read a whole file within the size limit (for formats that decode themselves)."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise InputError(file, "no such file") from None
    except OSError as error:
        raise InputError(file, f"cannot be read ({error.strerror or error})") from None
    if file.is_dir():
        raise InputError(file, f"is a folder, not a {what} file")
    if size > MAX_INPUT_BYTES:
        raise InputError(
            file,
            f"is {size / 1_048_576:.0f} MB; Laneway reads {what} files up to "
            f"{MAX_INPUT_BYTES // 1_048_576} MB",
        )
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(file, f"cannot be read ({error.strerror or error})") from None


def decode_utf8(raw: bytes, path: str | Path | None, *, what: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            path,
            f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save the {what} file as UTF-8",
            where=f"line {line}",
        ) from None
    if "\x00" in text:
        raise InputError(path, f"holds NUL bytes, so it is not a {what} text file")
    return text
