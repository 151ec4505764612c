"""Where a session listens and how people name it: ``HOST:PORT``, this laptop's address
in the room, and a default name and colour for the person at it."""

from __future__ import annotations

import getpass
import hashlib
import socket

from laneway.i18n import _

#: The port a session listens on unless told otherwise.
DEFAULT_PORT = 47474
#: Colours people get by default (distinct on the light and the dark theme).
PALETTE = ("#e74c3c", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#c0392b")


class AddressError(ValueError):
    """A ``HOST:PORT`` that cannot be used; the message is one sentence."""


def parse_address(text: str, *, default_port: int | None = None) -> tuple[str, int]:
    """``"192.168.1.5:47474"`` → ``("192.168.1.5", 47474)``; ``[::1]:7`` for IPv6."""
    value = text.strip()
    host, sep, port_text = value.rpartition(":")
    if not sep:
        host, port_text = value, ""
    host = host.strip("[]")
    if not host:
        raise AddressError(
            _("{text!r} names no host; write it as HOST:PORT (192.168.1.5:47474).").format(
                text=text
            )
        )
    if not port_text:
        if default_port is None:
            raise AddressError(_("{text!r} has no port; write it as HOST:PORT.").format(text=text))
        return host, default_port
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise AddressError(
            _("{port_text!r} is not a port number (0-65535).").format(port_text=port_text)
        )
    return host, int(port_text)


def show_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def room_address() -> str:
    """This laptop's address on the local network (what others type), or 127.0.0.1.

    Asks the system which interface would route to a private address; a UDP socket
    "connected" that way sends nothing.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def reachable_address(listen_host: str, port: int) -> str:
    """The address to tell joiners for a server listening on ``listen_host``."""
    wildcard = listen_host in ("", "0.0.0.0", "::")
    return show_address(room_address() if wildcard else listen_host, port)


def default_name() -> str:
    try:
        return getpass.getuser() or socket.gethostname()
    except Exception:  # no user name on this system (getpass raises several kinds)
        return socket.gethostname() or _("Someone")


def colour_for(name: str) -> str:
    digest = hashlib.sha256(name.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]
