"""Presence: who is in the session and what each person selects or edits.

Built on pycrdt's Awareness (the y-protocols awareness format, so it travels in the
same y-sync stream): each laptop's state is ``{name, colour, selection, editing}``.
States from the network are made safe on reading (any peer may send anything).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from laneway.i18n import _
from laneway.sync.extra import require
from laneway.sync.shared import LOCAL, SharedMap
from laneway.sync.tables import as_color

NAME_LIMIT = 60
SELECTION_LIMIT = 500
#: A state not renewed for this long is dropped (pycrdt's default: 30 s).
OUTDATED_MS = 30_000
PresenceListener = Callable[[bytes, object], None]


@dataclass(frozen=True)
class Person:
    client_id: int
    name: str
    colour: str
    selection: tuple[str, ...] = ()
    editing: str | None = None


def person_from_state(client_id: int, state: Any) -> Person | None:
    if not isinstance(state, dict):
        return None
    name = state.get("name")
    name = name.strip()[:NAME_LIMIT] if isinstance(name, str) else ""
    selection = state.get("selection")
    ids = (
        tuple(s for s in selection[:SELECTION_LIMIT] if isinstance(s, str))
        if isinstance(selection, list)
        else ()
    )
    editing = state.get("editing")
    return Person(
        client_id,
        name or _("Someone"),
        as_color(state.get("colour"), "#6f7d8c"),
        ids,
        editing if isinstance(editing, str) else None,
    )


class Presence:
    def __init__(self, shared: SharedMap, name: str, colour: str) -> None:
        awareness_type = require("pycrdt").Awareness
        self.awareness = awareness_type(shared.doc, outdated_timeout=OUTDATED_MS)
        self._listeners: list[PresenceListener] = []
        self._changed: list[Callable[[], None]] = []
        self.awareness.observe(self._on_awareness)
        state = {"name": name[:NAME_LIMIT], "colour": as_color(colour)}
        self.awareness.set_local_state({**state, "selection": [], "editing": None})

    @property
    def client_id(self) -> int:
        return self.awareness.client_id

    # ------------------------------------------------------------------ mine
    def set_selection(self, ids: Iterable[str]) -> None:
        self.awareness.set_local_state_field("selection", sorted(ids)[:SELECTION_LIMIT])

    def set_editing(self, record_id: str | None) -> None:
        self.awareness.set_local_state_field("editing", record_id)

    def me(self) -> Person:
        person = person_from_state(self.client_id, self.awareness.get_local_state())
        assert person is not None
        return person

    # ---------------------------------------------------------------- others
    def others(self) -> dict[int, Person]:
        people = {}
        for client_id, state in self.awareness.states.items():
            if client_id != self.client_id:
                person = person_from_state(client_id, state)
                if person is not None:
                    people[client_id] = person
        return people

    # -------------------------------------------------------------- network
    def add_listener(self, listener: PresenceListener) -> None:
        """``listener(message, source)`` for every change to pass on (y awareness message)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: PresenceListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def add_change_callback(self, callback: Callable[[], None]) -> None:
        """Called when someone's state changes (to repaint outlines)."""
        self._changed.append(callback)

    def _on_awareness(self, topic: str, event: tuple[dict[str, list[int]], Any]) -> None:
        changes, origin = event
        if topic == "change":
            for callback in list(self._changed):
                callback()
            return
        clients = changes["added"] + changes["updated"] + changes["removed"]
        if not clients:
            return
        message = self.message_for(clients)
        source = LOCAL if origin == "local" else origin
        for listener in list(self._listeners):
            listener(message, source)

    def message_for(self, client_ids: list[int]) -> bytes:
        pycrdt = require("pycrdt")
        return pycrdt.create_awareness_message(self.awareness.encode_awareness_update(client_ids))

    def everyone_message(self) -> bytes:
        return self.message_for(list(self.awareness.states))

    def apply(self, message: bytes, source: object) -> list[int]:
        """Apply an awareness message from ``source``; the client ids it spoke about."""
        pycrdt = require("pycrdt")
        update = pycrdt.read_message(message[1:])
        clients = _client_ids(update)
        self.awareness.apply_awareness_update(update, source)
        return clients

    def forget(self, client_ids: Iterable[int], source: object) -> None:
        """People gone with a lost connection."""
        gone = [c for c in client_ids if c != self.client_id and c in self.awareness.states]
        if gone:
            self.awareness.remove_awareness_states(gone, source)

    def forget_everyone(self, source: object) -> None:
        self.forget(list(self.awareness.states), source)

    def tick(self, now_ms: int | None = None) -> None:
        """Renew my state and drop states not renewed for ``OUTDATED_MS`` (call every few s)."""
        now = int(time.time() * 1000) if now_ms is None else now_ms
        meta = self.awareness.meta
        local = self.awareness.get_local_state()
        if local is not None and now - meta[self.client_id]["lastUpdated"] >= OUTDATED_MS / 2:
            self.awareness.set_local_state(local)
        outdated = [
            client_id
            for client_id, info in meta.items()
            if client_id != self.client_id
            and now - info["lastUpdated"] >= OUTDATED_MS
            and client_id in self.awareness.states
        ]
        if outdated:
            self.awareness.remove_awareness_states(outdated, "timeout")


def _client_ids(update: bytes) -> list[int]:
    pycrdt = require("pycrdt")
    decoder = pycrdt.Decoder(update)
    clients = []
    for _client in range(decoder.read_var_uint()):
        clients.append(decoder.read_var_uint())
        decoder.read_var_uint()
        json.loads(decoder.read_var_string() or "null")
    return clients
