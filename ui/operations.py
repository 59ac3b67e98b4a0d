"""The one runner of operations: every change the front end asks of the core goes through :class:`Operations`.

The way Anki's front end runs a ``CollectionOp``: call the core once (one transaction), show a plain
message if the core refuses, and publish what changed, once, naming who asked. Every screen listens
here and refreshes from that one notice; the screen that made the change may skip a refresh it has
already done. A listener that fails is logged and the others still hear the change.
"""

from __future__ import annotations

import logging
import traceback
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from acuchart.changes import Changes, OpResult
from acuchart.errors import AcuChartError

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from acuchart.practice import Practice

T = TypeVar("T")
Listener = Callable[[Changes, object], None]
"""Hears ``(changes, initiator)`` after each operation; ``initiator`` is whoever ran it, or None."""

log = logging.getLogger("acuchart.ui")


class Operations:
    """Runs operations and tells every listener what they changed: one per open practice.

    Every screen showing a practice asks for its runner with :meth:`of`, so they all hear the same
    notices and nobody has to hand the runner down through the widgets in between.
    """

    _of_practice: ClassVar[weakref.WeakKeyDictionary[Practice, Operations]] = weakref.WeakKeyDictionary()

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    @classmethod
    def of(cls, practice: Practice) -> Operations:
        """The runner of ``practice`` (made on first use, gone with the practice)."""
        found = cls._of_practice.get(practice)
        if found is None:
            found = cls._of_practice[practice] = cls()
        return found

    # --- listening -------------------------------------------------------------------------
    def subscribe(self, listener: Listener, owner: QObject | None = None) -> None:
        """Hear every change from now on; with an ``owner``, until that Qt object is destroyed."""
        self._listeners.append(listener)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self.unsubscribe(listener))

    def unsubscribe(self, listener: Listener) -> None:
        """Stop hearing changes."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        """Tell every listener what changed. One that raises is logged; the rest still hear it."""
        if not changes.anything:
            return
        for listener in list(self._listeners):
            try:
                listener(changes, initiator)
            except Exception:
                log.error("A screen failed to refresh after a change\n%s", traceback.format_exc())

    # --- running ---------------------------------------------------------------------------
    def apply(self, operation: Callable[[], OpResult[T]], initiator: object = None) -> T:
        """Run ``operation`` and publish what it changed; a refusal (:class:`AcuChartError`) propagates.

        For callers that show a refusal in their own way (an undo command, a form's field messages).
        """
        result = operation()
        self.publish(result.changes, initiator)
        return result.value

    def run(
        self,
        operation: Callable[[], OpResult[T]],
        parent: QWidget | None,
        initiator: object = None,
    ) -> OpResult[T] | None:
        """Run ``operation``; on a refusal show its message over ``parent`` and return None.

        Returns:
            The operation's result (its value and changes), already published.
        """
        try:
            result = operation()
        except AcuChartError as exc:
            from ui.messages import warn

            warn(parent, str(exc))
            return None
        self.publish(result.changes, initiator)
        return result
