"""One Qt signal for every change the core reports, so any screen can refresh on it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from acuchart.changes import Changes
from acuchart.practice import Practice


class ChangeRelay(QObject):
    """Re-emits the practice's change notifications as the ``changed`` signal."""

    changed = Signal(object)

    def __init__(self, practice: Practice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        practice.subscribe(self._relay)
        self.destroyed.connect(lambda *_: practice.unsubscribe(self._relay))

    def _relay(self, changes: Changes) -> None:
        self.changed.emit(changes)
