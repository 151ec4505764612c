"""Starting a live session in one call each: what the app and the command line use.

- ``start_hosting(document, …)``: the facilitator's map becomes the shared map;
  ``Hosting.session.accept(wire)`` for each incoming connection.
- ``start_joining(copy_path, …)``: a fresh copy; ``Joining.session.connect(wire)``
  once connected; the copy file is made at the first full sync (``on_copy``).
- ``join_again(live, presence, …)``: a copy that is already in the session (the host
  changed, or a new code) joins a host with its own map identity and id tag;
  ``host_again(live, presence)``: such a copy hosts (the host left: anyone can host).
- ``rejoin(document, …)``: a copy reopened from its file (the app quit, the laptop
  slept) joins again; the session state stored in the file (format 3) merges with the
  host's both ways, so edits made meanwhile, in a session or not, are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from laneway.document import Document
from laneway.model.ids import new_site_tag
from laneway.sync.host import HostSession
from laneway.sync.join import JoinSession
from laneway.sync.live import LiveMap
from laneway.sync.presence import Presence
from laneway.sync.shared import SharedMap


@dataclass
class Hosting:
    live: LiveMap
    presence: Presence
    session: HostSession

    def end(self) -> None:
        """End the session; the map stays an ordinary, editable map."""
        self.session.close()
        self.live.close()


def start_hosting(
    document: Document, *, name: str, colour: str, code: str | None = None
) -> Hosting:
    shared = SharedMap()
    live = LiveMap(document, shared)
    presence = Presence(shared, name, colour)
    return Hosting(live, presence, host_again(live, presence, code=code))


def host_again(live: LiveMap, presence: Presence, *, code: str | None = None) -> HostSession:
    """Host the session on a map that is already in it (the host left; anyone can host)."""
    session = HostSession(
        live.shared,
        presence,
        map_id=live.map_id,
        title=live.document.journey.info.title,
        site_tag=live.site_tag,
        code=code,
    )
    session.on_merged = live.refresh
    session.on_joined = lambda who: live.remember_peer(who.site_tag, who.name, who.colour)
    return session


@dataclass
class Joining:
    shared: SharedMap
    presence: Presence
    session: JoinSession
    copy_path: Path
    #: Set at the first full sync: the copy, following the session.
    live: LiveMap | None = None
    #: Called with the LiveMap once the copy exists (the app opens its window then).
    on_copy: Callable[[LiveMap], None] | None = field(default=None, repr=False)

    def leave(self) -> None:
        self.session.leave()
        if self.live is not None:
            self.live.close()

    def _make_copy(self) -> None:
        assert self.session.map_id is not None
        self.live = LiveMap.new_copy(
            self.copy_path, self.shared, self.session.map_id, site_tag=self.session.site_tag
        )
        self.session.on_merged = self.live.refresh
        if self.on_copy is not None:
            self.on_copy(self.live)


def start_joining(copy_path: str | Path, *, code: str, name: str, colour: str) -> Joining:
    """Join with a new copy at ``copy_path`` (refused later if the file exists)."""
    shared = SharedMap()
    presence = Presence(shared, name, colour)
    # The copy's id tag is chosen now, so the host knows who joined (and refuses a twin).
    session = JoinSession(
        shared, presence, code=code, name=name, colour=colour, site_tag=new_site_tag()
    )
    joining = Joining(shared, presence, session, Path(copy_path))
    session.on_synced = joining._make_copy
    return joining


def join_again(
    live: LiveMap, presence: Presence, *, code: str, name: str, colour: str
) -> JoinSession:
    """A copy already in the session joins a (new) host: same map, same id tag."""
    session = JoinSession(
        live.shared,
        presence,
        code=code,
        name=name,
        colour=colour,
        map_id=live.map_id,
        site_tag=live.site_tag,
    )
    session.on_merged = live.refresh
    return session


@dataclass
class Rejoining:
    live: LiveMap
    presence: Presence
    session: JoinSession

    def leave(self) -> None:
        self.session.leave()
        self.live.close()


def rejoin(document: Document, *, code: str, name: str, colour: str) -> Rejoining:
    """A copy that was in a session joins it again from its file."""
    live = LiveMap(document, SharedMap())
    presence = Presence(live.shared, name, colour)
    return Rejoining(
        live, presence, join_again(live, presence, code=code, name=name, colour=colour)
    )
