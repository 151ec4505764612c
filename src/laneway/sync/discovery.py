"""Finding sessions on the local network: python-zeroconf, ``_laneway._tcp.local.``.

The host announces its version, session id, map id, title and host name in the TXT
record, never the code (COLLAB.md "discovery"). Records from the network are parsed
defensively (``parse_service_info``): anyone on the Wi-Fi can announce anything.
zeroconf runs its own threads and ``get_service_info`` may block for seconds, so the
browser's callbacks arrive on a zeroconf thread: the app hands them to its GUI thread.
mDNS does not cross subnets and some access points drop it, hence the typed address.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from laneway.sync.extra import require
from laneway.sync.pairing import PROTOCOL_VERSION

SERVICE_TYPE = "_laneway._tcp.local."
#: Set to "1", nothing is announced or browsed (the test suite sets it).
OFF_SWITCH = "LANEWAY_NO_DISCOVERY"
TEXT_LIMIT = 120
#: A TXT entry is at most 255 bytes, key and "=" included.
ENTRY_BYTES = 240
INFO_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class SessionRecord:
    """A session someone announced: what the join dialog lists."""

    key: str
    title: str
    host_name: str
    address: str
    port: int
    map_id: str
    version: int

    @property
    def compatible(self) -> bool:
        return self.version == PROTOCOL_VERSION


def properties_for(*, session_id: str, map_id: str, title: str, host_name: str) -> dict[str, str]:
    """The TXT record of an announced session (never the code)."""
    return {
        "version": str(PROTOCOL_VERSION),
        "session": session_id,
        "map": map_id,
        "title": _fit(title),
        "host": _fit(host_name),
    }


def _fit(text: str) -> str:
    """At most TEXT_LIMIT characters that fit a TXT entry in UTF-8 (cut on a character)."""
    cut = text[:TEXT_LIMIT]
    while len(cut.encode()) > ENTRY_BYTES:
        cut = cut[:-1]
    return cut


def service_info(
    address: str, port: int, properties: dict[str, str], *, instance: str | None = None
) -> Any:
    """A zeroconf ServiceInfo announcing a session at ``address:port``."""
    zeroconf = require("zeroconf")
    name = instance or f"Laneway {properties['session'][:8]}"
    return zeroconf.ServiceInfo(
        SERVICE_TYPE,
        f"{name}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(address)],
        port=port,
        properties=properties,
        server=f"{socket.gethostname().split('.')[0] or 'laneway'}.local.",
    )


def _text(properties: dict, key: str) -> str:
    value = properties.get(key.encode()) or properties.get(key)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value[:TEXT_LIMIT].strip() if isinstance(value, str) else ""


def parse_service_info(info: Any) -> SessionRecord | None:
    """A SessionRecord from a resolved ServiceInfo, or None when it is not a usable one."""
    try:
        properties = dict(info.properties or {})
        addresses = info.parsed_addresses()
        port = int(info.port or 0)
    except (AttributeError, TypeError, ValueError):
        return None
    version_text = _text(properties, "version")
    map_id = _text(properties, "map")
    if not addresses or not 0 < port < 65536 or not version_text.isdigit() or not map_id:
        return None
    ipv4 = [a for a in addresses if ":" not in a]
    return SessionRecord(
        key=str(info.name),
        title=_text(properties, "title") or "Untitled journey",
        host_name=_text(properties, "host") or "Someone",
        address=(ipv4 or addresses)[0],
        port=port,
        map_id=map_id,
        version=int(version_text),
    )


def enabled() -> bool:
    return os.environ.get(OFF_SWITCH) != "1"


class Announcer:
    """Announce one hosted session until ``close`` (zeroconf's threads do the work)."""

    def __init__(self, address: str, port: int, *, map_id: str, title: str, host_name: str):
        zeroconf = require("zeroconf")
        properties = properties_for(
            session_id=uuid.uuid4().hex, map_id=map_id, title=title, host_name=host_name
        )
        self.info = service_info(address, port, properties)
        self.zeroconf = zeroconf.Zeroconf()
        self.zeroconf.register_service(self.info)

    def close(self) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


class Browser:
    """Watch for sessions; ``on_found(record)`` and ``on_lost(key)`` come on zeroconf's
    thread."""

    def __init__(
        self, on_found: Callable[[SessionRecord], None], on_lost: Callable[[str], None]
    ) -> None:
        zeroconf = require("zeroconf")
        self._on_found, self._on_lost = on_found, on_lost
        self.zeroconf = zeroconf.Zeroconf()
        self._state_change = zeroconf.ServiceStateChange
        self.browser = zeroconf.ServiceBrowser(
            self.zeroconf, SERVICE_TYPE, handlers=[self._changed]
        )

    def _changed(self, zeroconf: Any, service_type: str, name: str, state_change: Any) -> None:
        if state_change is self._state_change.Removed:
            self._on_lost(name)
            return
        info = zeroconf.get_service_info(service_type, name, timeout=INFO_TIMEOUT_MS)
        record = parse_service_info(info) if info is not None else None
        if record is not None:
            self._on_found(record)

    def close(self) -> None:
        self.browser.cancel()
        self.zeroconf.close()
