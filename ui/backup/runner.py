"""Backups in the background: the chair never waits for one.

Every minute the runner reads the practice's audit head (a one-row read on the screen's thread) and,
in a worker thread, looks at each backup place and makes a backup when one is due (changes since the
last good backup, and the interval passed). SQLite copies and checks with Python's global lock
released, so clicks at the chair are handled while a large practice is being backed up.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from acuchart import clock
from acuchart.backup.make import AUTOMATIC, BY_HAND, ON_QUITTING, BackupReport, back_up
from acuchart.backup.settings import BackupSettings
from acuchart.backup.status import (
    Head,
    PlaceStatus,
    changed_since,
    is_due,
    newest_in,
    place_statuses,
    practice_head,
)
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.practice import Practice

log = logging.getLogger("acuchart.backup")

TICK_MS = 60_000
"""How often the runner looks whether a backup is due and whether each place is there."""
FIRST_TICK_MS = 2_000
"""The first look, soon after the window appears (a missing second place is said at once)."""


class BackupRunner(QObject):
    """Makes the practice's backups in a worker thread: when due, by hand, and says how each place is."""

    started = Signal(str)
    """A backup started (its reason)."""
    progressed = Signal(float, str)
    """How far the running backup is (0 to 1), in words."""
    finished = Signal(object)
    """A backup ended: its :class:`BackupReport`."""
    failed = Signal(str)
    """A backup could not run at all (the practice file unreadable, another copy busy): why."""
    statuses_changed = Signal(object)
    """The places' states were looked at again: a list of :class:`PlaceStatus`."""
    idle = Signal()
    """The worker is done with what it was given (a backup, or a look at the places)."""

    def __init__(self, practice: Practice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.statuses: list[PlaceStatus] = []
        self.last_report: BackupReport | None = None
        self.running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.finished.connect(self._remember)
        self.idle.connect(self._ended)

    @property
    def path(self) -> Path | None:
        """The practice file backed up (None for a practice in memory: nothing to back up)."""
        return self.practice.path

    def start(self, first_ms: int = FIRST_TICK_MS, every_ms: int = TICK_MS) -> None:
        """Begin looking every ``every_ms`` (the first time after ``first_ms``)."""
        if self.path is None:
            return
        self._timer.setInterval(every_ms)
        self._timer.start()
        QTimer.singleShot(first_ms, self, self.tick)

    def tick(self) -> None:
        """Look whether a backup is due (and make it), and how the places are, in the background."""
        if self.path is None or self.practice.store.closed:
            self._timer.stop()
            return
        if self.running:
            return
        settings, head = self._read()
        self._launch(lambda: self._due_work(settings, head))

    def back_up_now(self, reason: str = BY_HAND) -> bool:
        """Start a backup now in the background; False when one is already running."""
        if self.path is None or self.running or self.practice.store.closed:
            return False
        settings, _head = self._read()
        self.started.emit(reason)
        self._launch(lambda: self._backup_work(settings, reason))
        return True

    def shutdown(self) -> None:
        """Stop looking and wait for a backup still running (the window is closing)."""
        self._timer.stop()
        self._pool.waitForDone()

    def settings(self) -> BackupSettings:
        """The practice's backup settings."""
        return self.practice.backups.settings()

    def final_read(self) -> tuple[BackupSettings, Head | None]:
        """What a backup on quitting needs, read while the practice is still open."""
        return self._read()

    # --- worker side (runs in the pool's thread; talks back only through signals) -----------------
    def _read(self) -> tuple[BackupSettings, Head | None]:
        return self.practice.backups.settings(), practice_head(self.practice.store)

    def _launch(self, work: Callable[[], None]) -> None:
        self.running = True

        def run() -> None:
            yield_to_the_chair()
            try:
                work()
            finally:
                self.idle.emit()

        self._pool.start(run)

    def _due_work(self, settings: BackupSettings, head: Head | None) -> None:
        assert self.path is not None
        try:
            statuses = place_statuses(self.path, settings, clock.now())
            if is_due(head, newest_in(statuses), settings, clock.now()):
                self.started.emit(AUTOMATIC)
                self._backup_work(settings, AUTOMATIC)
                return
            self.statuses_changed.emit(statuses)
        except Exception:  # a worker must never take the app down; the log has the details
            log.error("Looking for a due backup failed\n%s", traceback.format_exc())

    def _backup_work(self, settings: BackupSettings, reason: str) -> None:
        assert self.path is not None
        try:
            report = back_up(self.path, reason, settings=settings, progress=self.progressed.emit)
            statuses = place_statuses(self.path, settings, clock.now())
        except AcuChartError as exc:
            self.failed.emit(str(exc))
            return
        except Exception:
            log.error("Backup failed unexpectedly\n%s", traceback.format_exc())
            self.failed.emit(
                _(
                    "The backup failed unexpectedly; the practice is untouched. The details are in the log file."
                )
            )
            return
        self.statuses_changed.emit(statuses)
        self.finished.emit(report)

    # --- back on the screen's thread ---------------------------------------------------------------
    def _remember(self, report: BackupReport) -> None:
        self.last_report = report

    def _ended(self) -> None:
        self.running = False


def yield_to_the_chair() -> None:
    """Give the calling (worker) thread the lowest CPU priority, so that on a busy machine the screen's
    thread is served first: a click repaints at once while a backup runs (Linux: per-thread niceness)."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def back_up_on_quitting(path: Path, settings: BackupSettings, head: Head | None) -> BackupReport | None:
    """After the window closed and the practice file was closed: back up if anything changed since the
    last good backup (the chair has gone; nothing waits for this but the process's exit)."""
    try:
        newest = newest_in(place_statuses(path, settings, clock.now()))
        if not changed_since(head, newest):
            return None
        return back_up(path, ON_QUITTING, settings=settings)
    except AcuChartError as exc:
        log.warning("No backup on quitting: %s", exc)
    except Exception:
        log.error("Backup on quitting failed\n%s", traceback.format_exc())
    return None
