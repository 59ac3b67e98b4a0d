"""Menu actions, made one way for every menu of the main window."""

from __future__ import annotations

from collections.abc import Callable

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
