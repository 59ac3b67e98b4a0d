"""What a service call changed, so screens can refresh only what they show (Anki's ``OpChanges``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Changes(NamedTuple):
    """The kinds of record one operation touched, and the client and session it concerned.

    A named tuple, like the other values the client list needs at start-up: a dataclass costs some
    milliseconds to create, and the window should appear at once.
    """

    clients: bool = False
    sessions: bool = False
    marks: bool = False
    reactions: bool = False
    courses: bool = False
    settings: bool = False
    protocols: bool = False
    consents: bool = False
    ratings: bool = False
    amendments: bool = False
    client_id: int | None = None
    session_id: int | None = None


Listener = Callable[[Changes], None]


class ChangeHub:
    """Calls every listener after each successful operation, once per operation."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every change from now on."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, changes: Changes) -> None:
        """Tell every listener what changed."""
        for listener in list(self._listeners):
            listener(changes)
