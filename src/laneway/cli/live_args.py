"""The arguments of ``laneway host`` and ``laneway join``.

Apart from ``cli.live`` so building the parser for any command does not import asyncio
(about 30 ms of every command's start-up); ``cli.live`` is imported only to run them.
"""

from __future__ import annotations

import argparse

from laneway.i18n import _


def add_live_commands(commands: argparse._SubParsersAction) -> None:
    host = commands.add_parser(
        "host",
        help=_("share a map in a live session on the local network (until Ctrl+C)"),
    )
    host.add_argument("map", metavar="MAP.laneway")
    host.add_argument(
        "--listen", metavar="HOST:PORT", help=_("where to listen (default 0.0.0.0:47474)")
    )
    host.add_argument("--code", metavar="CODE", help=_("the 6-digit code (default: a random one)"))
    host.add_argument("--name", metavar="NAME", help=_("your name, as others see it"))
    join = commands.add_parser(
        "join", help=_("join a live session and keep a copy of its map in sync (until Ctrl+C)")
    )
    join.add_argument("address", metavar="HOST:PORT", help=_("the address the host shows"))
    join.add_argument("--code", required=True, metavar="CODE", help=_("the host's 6-digit code"))
    join.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="COPY.laneway",
        help=_("where to keep the copy (an existing copy of this session joins again)"),
    )
    join.add_argument("--name", metavar="NAME", help=_("your name, as others see it"))
