"""Reading a map from a file or standard input, and writing an export to standard output.

``-`` as an input is standard input: its format is ``--format`` or, when left out,
guessed from its first bytes (an SQLite map, JSON, XML for BPMN, a Mermaid ``journey``,
else CSV). The bytes go to a private temporary file read by the ordinary readers, and
a problem names "standard input" instead of that file. ``-`` as an output is standard
output: text formats always, binary ones only when it is not a terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from laneway.cli.errors import CommandError, loaded_store_error, tell
from laneway.i18n import N_, _
from laneway.io.errors import MAX_INPUT_BYTES, InputError
from laneway.model import JourneyMap

STDIN_NAME = N_("standard input")
STDOUT_NAME = N_("standard output")
SQLITE_HEADER = b"SQLite format 3\x00"


def load_any(path: str | Path) -> JourneyMap:
    """A .laneway map (opened read-only) or any importable file, as a JourneyMap."""
    file = Path(path)
    if file.suffix.lower() == ".laneway":
        from laneway.store import MapStore  # sqlite-utils: only for maps, not other files

        store = MapStore.open(file, read_only=True)
        try:
            tell(store.notices)
            return store.load()
        finally:
            store.close()
    from laneway.io.formats import read_map

    return read_map(file)


def sniff_suffix(data: bytes) -> str:
    """The suffix of the format these bytes look like (CSV when nothing else fits)."""
    if data.startswith(SQLITE_HEADER):
        return ".laneway"
    text = data[:8192].decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith(("{", "[")):
        return ".json"
    if text.startswith("<"):
        return ".bpmn"
    if _first_mermaid_word(text) == "journey":
        return ".mmd"
    return ".csv"


def _first_mermaid_word(text: str) -> str:
    lines = iter(text.splitlines())
    for line in lines:
        stripped = line.strip()
        if stripped == "---":  # front matter: skip to its end
            for inner in lines:
                if inner.strip() == "---":
                    break
            continue
        if not stripped or stripped.startswith("%%"):
            continue
        return stripped.split()[0].lower()
    return ""


@contextlib.contextmanager
def standard_input_file(suffix: str | None) -> Iterator[Path]:
    """Standard input saved to a temporary file with the format's suffix.

    ``InputError``s and ``StoreError``s raised while it is read name standard input.
    """
    data = _read_standard_input()
    with tempfile.TemporaryDirectory(prefix="laneway-stdin-") as folder:
        path = Path(folder) / f"stdin{suffix or sniff_suffix(data)}"
        path.write_bytes(data)
        try:
            yield path
        except InputError as error:
            raise InputError(Path(_(STDIN_NAME)), error.problem, where=error.where) from None
        except Exception as error:
            store_error = loaded_store_error()
            if store_error is None or not isinstance(error, store_error):
                raise
            raise store_error(Path(_(STDIN_NAME)), error.problem) from None


def _read_standard_input() -> bytes:
    stream = sys.stdin
    if stream is None or stream.isatty():
        raise CommandError(
            _(
                "{STDIN_NAME} is a terminal; pipe a file in (for example: "
                "laneway analyze - < map.json)."
            ).format(STDIN_NAME=_(STDIN_NAME))
        )
    data = stream.buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            Path(_(STDIN_NAME)),
            _("is over {value} MB, the most Laneway reads").format(
                value=MAX_INPUT_BYTES // 1_048_576
            ),
        )
    if not data.strip():
        raise InputError(Path(_(STDIN_NAME)), _("is empty"))
    return data


def check_standard_output(suffix: str) -> None:
    """Refuse a binary export to a terminal before it is made."""
    from laneway.operations.exporting import TEXT_SUFFIXES

    if suffix not in TEXT_SUFFIXES and sys.stdout.isatty():
        raise CommandError(
            _(
                "{upper} is binary and would garble the terminal; redirect "
                "{STDOUT_NAME} to a file (> map{suffix}) or pipe it, or give "
                "-o a file name."
            ).format(upper=suffix[1:].upper(), STDOUT_NAME=_(STDOUT_NAME), suffix=suffix)
        )


def write_standard_output(data: bytes) -> None:
    """The export's bytes on standard output; a full disk is one sentence."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        silence_standard_output()
    except OSError as error:
        raise CommandError(f"{_(STDOUT_NAME)}: {error.strerror or error}.") from None


def silence_standard_output() -> None:
    """The reader went away (``| head``): stop quietly, and keep Python from complaining
    again when it flushes standard output at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
