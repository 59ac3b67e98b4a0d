"""Menu actions, made one way for every menu of the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def menu_action(
    parent: QObject,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: Callable[[], object],
    tip: str = "",
) -> QAction:
    """An action with its ``shortcut`` (a standard key gets every binding the platform gives it), status
    bar ``tip`` and ``slot``.

    Shortcuts go through ``setShortcuts``: PySide's ``setShortcut`` weighs an overload taking Qt's key
    enum, which loads the whole Qt enum namespace (some 25 ms) while the window is first built.
    """
    action = QAction(text, parent)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcuts([QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


T = TypeVar("T")


class _Starting(Protocol):
    def finish_start(self) -> None: ...


class AfterStart(Generic[T]):
    """An attribute the window's ``finish_start`` makes (stored with a leading underscore): asking
    for it before then finishes the start first."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._stored = f"_{name}"

    def __get__(self, window: _Starting | None, owner: type | None = None) -> T:
        if window is None:
            return self  # type: ignore[return-value]
        window.finish_start()
        value: T = getattr(window, self._stored)
        return value
