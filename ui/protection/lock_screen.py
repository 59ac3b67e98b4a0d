"""The lock: after a set time without input, or when asked, every window hides the records behind a cover.

Nothing is closed and nothing is saved or thrown away by locking: each window keeps exactly what it
showed (a half-typed note stays half-typed), under a cover that fills it. While the practice is locked
the application drops every key press, click and shortcut not aimed at a cover, so nothing can be read
or typed into what lies beneath, and window titles (which may name a client) read "AcuChart (locked)".

The window in front, or the dialog that was waiting for an answer, carries the unlock form: the
passphrase of a protected practice, or the PIN when one is set. A practice with neither is unlocked
with a click; the form says how to make the lock mean more. Lock, unlock and a refused unlock each go
in the audit trail.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from ui.protection.cover import Cover

if TYPE_CHECKING:
    from acuchart.practice import Practice
    from acuchart.services.access import LockReason, UnlockMethod

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 5000
"""How often the idle time is compared with the last input (the lock may come up to this much late)."""
_INPUT = frozenset(
    (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    )
)
_BLOCKED = _INPUT | frozenset(
    (
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.ContextMenu,
        QEvent.Type.Drop,
        QEvent.Type.DragEnter,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
    )
)
FAILURES_BEFORE_DELAY = 3
LONGEST_DELAY_S = 30


def retry_delay(failures: int) -> int:
    """Seconds the unlock form waits after ``failures`` wrong tries in a row: none for the first few, then
    doubling (2, 4, 8…) up to half a minute."""
    if failures < FAILURES_BEFORE_DELAY:
        return 0
    return min(LONGEST_DELAY_S, 2 ** (failures - FAILURES_BEFORE_DELAY + 1))


class Lock(QObject):
    """Watches for input, locks every window when idle or asked, and unlocks them.

    One per open practice; it installs itself as an application-wide event filter and removes itself when
    the practice closes (``stop``).
    """

    locked_changed = Signal(bool)

    def __init__(self, practice: Practice, main_window: QWidget) -> None:
        super().__init__(main_window)
        self._practice = practice
        self._main = main_window
        self._covers: list[Cover] = []
        self._titles: dict[QWidget, str] = {}
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None
        self._last_input = time.monotonic()
        self._idle_seconds = 60.0 * practice.access.lock_after_minutes()
        self.failures = 0
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_idle)
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- settings ---------------------------------------------------------------------------------
    def set_idle_minutes(self, minutes: float) -> None:
        """Lock after ``minutes`` without input (0: never); the clock starts again now."""
        self._idle_seconds = 60.0 * minutes
        self._last_input = time.monotonic()

    @property
    def idle_seconds(self) -> float:
        return self._idle_seconds

    @property
    def locked(self) -> bool:
        return bool(self._covers)

    def stop(self) -> None:
        """Stop watching (the practice is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- input ------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self._last_input = time.monotonic()
        if self._covers and kind in _BLOCKED and self._beneath(watched, kind):
            return True
        if self._covers and kind == QEvent.Type.Resize and isinstance(watched, QWidget):
            for cover in self._covers:
                if cover.parentWidget() is watched:
                    cover.fit()
        return False

    def _beneath(self, watched: QObject, kind: QEvent.Type) -> bool:
        """True when an input event is aimed at something under a cover (and must not reach it).

        A key or click reaches a window (QWindow) first, which hands it to the widget it is for, and that
        delivery is judged here again: so a window's own event passes. A shortcut is delivered to its
        QAction, which no cover holds: it is stopped."""
        if not isinstance(watched, QWidget):
            return kind == QEvent.Type.Shortcut or not isinstance(watched, QWindow)
        return not any(cover is watched or cover.isAncestorOf(watched) for cover in self._covers)

    def check_idle(self) -> None:
        """Lock if the idle time has passed since the last input (called every few seconds)."""
        if (
            self._idle_seconds > 0
            and not self.locked
            and time.monotonic() - self._last_input >= self._idle_seconds
        ):
            self.lock("idle")

    # --- locking ----------------------------------------------------------------------------------
    def lock(self, reason: LockReason = "asked") -> None:
        """Hide every window's contents behind a cover; the front one carries the unlock form."""
        if self.locked:
            return
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        popup = app.activePopupWidget()
        while popup is not None:  # an open menu or completer would float above the covers
            popup.close()
            popup = app.activePopupWidget()
        self._focus = app.focusWidget()
        front = app.activeModalWidget() or app.activeWindow() or self._main
        windows = [
            w for w in app.topLevelWidgets() if w.isWindow() and w.isVisible() and not isinstance(w, Cover)
        ]
        if front not in windows:
            front = self._main
        for window in windows:
            self._titles[window] = window.windowTitle()
            window.setWindowTitle(_("AcuChart (locked)"))
            for child in window.findChildren(QWidget, options=_direct()):
                if child.isEnabled() and not child.isWindow():
                    child.setEnabled(False)
                    self._disabled.append(child)
            cover = Cover(window, self._practice, with_form=window is front, lock=self)
            self._covers.append(cover)
            cover.fit()
            cover.show()
            cover.raise_()
        for cover in self._covers:
            if cover.has_form:
                cover.activate()
        self._audit(lambda: self._practice.access.record_locked(reason))
        self.locked_changed.emit(True)

    def unlock(self, method: UnlockMethod) -> None:
        """Take the covers away and give every window back as it was."""
        if not self.locked:
            return
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        for child in self._disabled:
            child.setEnabled(True)
        self._disabled.clear()
        for window, title in self._titles.items():
            window.setWindowTitle(title)
        self._titles.clear()
        self.failures = 0
        self._last_input = time.monotonic()
        if self._focus is not None:
            focus, self._focus = self._focus, None
            focus.window().activateWindow()
            focus.setFocus()
        self._audit(lambda: self._practice.access.record_unlocked(method))
        self.locked_changed.emit(False)

    def refused(self, method: UnlockMethod) -> int:
        """Count a wrong passphrase or PIN, audit it; returns the seconds to wait before the next try."""
        self.failures += 1
        self._audit(lambda: self._practice.access.record_refused(method))
        return retry_delay(self.failures)

    def _audit(self, write: object) -> None:
        """Write an audit entry; the lock works even when the file cannot take it (a full disk)."""
        try:
            write()  # type: ignore[operator]
        except AcuChartError:
            log.warning("The lock could not write its audit entry", exc_info=True)


def _direct() -> Qt.FindChildOption:
    return Qt.FindChildOption.FindDirectChildrenOnly
