"""Operations: what one user action changed, returned with its result (Anki's ``OpChanges``).

Every method of a service that changes a record is an *operation*: one call, one transaction,
and an :class:`OpResult` back, carrying the operation's value (the new mark, the signed session…)
and a :class:`Changes` naming the kinds of record it touched. The core never publishes anything
itself: the front end runs the operation, and publishes its changes once (``ui/operations.py``),
so every screen refreshes from one notice, and the screen that asked for the change knows it did.
"""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


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
    photos: bool = False
    client_id: int | None = None
    session_id: int | None = None

    @property
    def anything(self) -> bool:
        """True when the operation touched any record at all (a refused or empty one touches none)."""
        return any(self[: self._fields.index("client_id")])


NOTHING = Changes()
"""What an operation that found nothing to do changed."""


class OpResult(NamedTuple, Generic[T]):
    """What an operation returns: its ``value`` and the ``changes`` it made."""

    value: T
    changes: Changes
