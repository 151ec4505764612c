"""``laneway host`` and ``laneway join``: a live session without the app (SPEC §8).

Both run the sync core over asyncio streams (``sync.aio``) until interrupted (Ctrl+C
or SIGTERM), and both watch their file: a change another program makes to it is
merged into the session like an edit. ``host`` prints the address and the code and
writes every merged change to its map; ``join`` keeps a copy in sync, reconnecting
when the connection drops, and exits 2 with one sentence when the host refuses the
code, speaks another version or shares a different map. An existing ``-o`` copy
joins again from the session state stored in it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from pathlib import Path

from laneway.cli.errors import EXIT_OK, CommandError, say
from laneway.i18n import _

#: How often the file is checked for another program's changes, and how long to wait
#: before connecting again after the connection dropped.
WATCH_SECONDS = 0.25
RETRY_SECONDS = 1.0


def _reason(error: OSError) -> str:
    """An OSError in a few lower-case words ("connection refused")."""
    words = os.strerror(error.errno) if error.errno else (error.strerror or str(error))
    return words.rstrip(".").lower()


def _out(line: str) -> None:
    print(line, flush=True)


def _require_collab() -> None:
    from laneway.sync.extra import CollabUnavailable, require

    try:
        for name in ("pycrdt", "spake2", "cryptography"):
            require(name)
    except CollabUnavailable as missing:
        raise CommandError(str(missing)) from None


def _check_code(code: str | None) -> None:
    from laneway.sync.pairing import is_code

    if code is not None and not is_code(code):
        raise CommandError(
            _("--code {code!r} is not a session code: it is six digits.").format(code=code)
        )


def _address(text: str) -> tuple[str, int]:
    from laneway.sync.addresses import DEFAULT_PORT, AddressError, parse_address

    try:
        return parse_address(text, default_port=DEFAULT_PORT)
    except AddressError as error:
        raise CommandError(str(error)) from None


def _stop_event() -> tuple[asyncio.Event, Callable[[], None]]:
    """An event set by Ctrl+C or SIGTERM; and how to stop listening for them."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    installed: list[int] = []
    for number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, stop.set)
            installed.append(number)

    def restore() -> None:
        for number in installed:
            loop.remove_signal_handler(number)

    return stop, restore


async def _watch(document_of: Callable[[], object], stop: asyncio.Event) -> None:
    """Until ``stop``: merge what another program writes to the file."""
    while not stop.is_set():
        document = document_of()
        if document is not None:
            document.reload_if_changed_elsewhere()  # type: ignore[attr-defined]
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), WATCH_SECONDS)


# ------------------------------------------------------------------------ host
def cmd_host(args: argparse.Namespace) -> int:
    _require_collab()
    _check_code(args.code)
    listen_host, port = _address(args.listen) if args.listen else ("0.0.0.0", None)
    from laneway.document import Document
    from laneway.sync.addresses import DEFAULT_PORT, colour_for, default_name
    from laneway.sync.sessions import start_hosting

    name = args.name or default_name()
    document = Document.open(args.map)
    try:
        hosting = start_hosting(document, name=name, colour=colour_for(name), code=args.code)
        return asyncio.run(_serve(hosting, listen_host, DEFAULT_PORT if port is None else port))
    finally:
        document.close()


async def _serve(hosting, listen_host: str, port: int) -> int:
    from laneway.sync.addresses import reachable_address, show_address
    from laneway.sync.aio import AsyncHost

    session, document = hosting.session, hosting.live.document
    server = AsyncHost(session)
    try:
        _bound, bound_port = await server.start(listen_host, port)
    except OSError as error:
        hosting.live.close()
        where = show_address(listen_host, port)
        raise CommandError(
            _("cannot listen on {where} ({reason}).").format(where=where, reason=_reason(error))
        ) from None
    session.on_code_changed = lambda code: _out(
        _("Five wrong codes were tried; new code: {code}").format(code=code)
    )
    session.on_participants_changed = lambda: _out(
        _("In the session: ")
        + (", ".join(p.name for p in session.participants()) or _("nobody yet"))
    )
    hosting.live.on_problem = say
    _out(
        _("Hosting {title!r} ({name})").format(
            title=document.journey.info.title, name=document.path.name
        )
    )
    _out(_("Address: {address}").format(address=reachable_address(listen_host, bound_port)))
    _out(_("Code: {code}").format(code=session.code))
    stop, restore = _stop_event()
    try:
        await _watch(lambda: document, stop)
    finally:
        restore()
        await server.stop()
        hosting.live.close()
    _out(_("The session ended; {name} holds every change.").format(name=document.path.name))
    return EXIT_OK


# ------------------------------------------------------------------------ join
def cmd_join(args: argparse.Namespace) -> int:
    _require_collab()
    _check_code(args.code)
    host, port = _address(args.address)
    output = Path(args.output)
    if output.suffix != ".laneway":
        raise CommandError(
            _("{name}: the copy is a map, so its name ends in .laneway.").format(name=output.name)
        )
    from laneway.sync.addresses import colour_for, default_name

    name = args.name or default_name()
    return asyncio.run(_follow(output, host, port, args.code, name, colour_for(name)))


class _Following:
    """One ``laneway join``: the session and, once it exists, the copy's live map."""

    def __init__(self, output: Path, code: str, name: str, colour: str) -> None:
        from laneway.document import Document
        from laneway.sync.sessions import rejoin, start_joining

        self.output = output
        self.live = None
        self.fatal: str | None = None
        if output.exists():
            again = rejoin(Document.open(output), code=code, name=name, colour=colour)
            self.session, self.live = again.session, again.live
            self.session.on_synced = lambda: _out(
                _("Joined again; {name} is in sync.").format(name=output.name)
            )
        else:
            joining = start_joining(output, code=code, name=name, colour=colour)
            self.session = joining.session
            joining.on_copy = self._copied
        self.session.on_closed = self._closed

    def _copied(self, live) -> None:
        self.live = live
        title = live.document.journey.info.title
        _out(
            _("Copied {title!r} to {name}; keeping it in sync (Ctrl+C to stop).").format(
                title=title, name=self.output.name
            )
        )

    def _closed(self, reason: str, fatal: bool) -> None:
        if fatal:
            self.fatal = reason
        elif not self.session.host_ended:
            say(reason)

    def document(self):
        return None if self.live is None else self.live.document

    def close(self) -> None:
        self.session.on_closed = None  # leaving is no news
        self.session.leave()
        if self.live is not None:
            self.live.close()
            self.live.document.close()


async def _follow(output: Path, host: str, port: int, code: str, name: str, colour: str) -> int:
    from laneway.sync.addresses import show_address
    from laneway.sync.aio import connect

    where = show_address(host, port)
    following = _Following(output, code, name, colour)
    stop, restore = _stop_event()
    watcher = asyncio.create_task(_watch(following.document, stop))
    try:
        while not stop.is_set():
            try:
                _connection, pumping = await connect(following.session, host, port)
            except OSError as error:
                if not following.session.synced:
                    raise CommandError(
                        _(
                            "no session answers at {where} ({reason}); check the address the host "
                            "shows."
                        ).format(where=where, reason=_reason(error))
                    ) from None
                await _pause(stop, RETRY_SECONDS)
                continue
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({pumping, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if following.fatal is not None:
                raise CommandError(following.fatal)
            if following.session.host_ended:
                _out(
                    _("The host ended the session; {name} stays as it is, editable.").format(
                        name=output.name
                    )
                )
                break
            if not following.session.synced and not stop.is_set():
                raise CommandError(
                    _("the host at {where} closed the connection before the copy.").format(
                        where=where
                    )
                )
            if not stop.is_set():
                say(_("Connection to {where} lost; connecting again.").format(where=where))
                await _pause(stop, RETRY_SECONDS)
    finally:
        stop.set()
        restore()
        with contextlib.suppress(Exception):
            await watcher
        following.close()
    if output.exists():
        _out(_("Left the session; {name} keeps everything merged so far.").format(name=output.name))
    return EXIT_OK


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
