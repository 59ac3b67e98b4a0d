"""SQLite's ``quick_check`` of the practice file, once per opening, so a damaged file is never written to.

The check reads the whole file (about 20 ms for 10,000 clients, half a second for 150,000 sessions), so
it runs in a thread of its own on a read-only connection: the window appears without waiting for it,
and the first change waits for its verdict only if it is not in yet. SQLite releases Python's global
lock while it checks, so the screen's thread keeps running beside it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from acuchart.errors import DamagedFileError, StoreError
from acuchart.i18n import _
from acuchart.storage import faults
from acuchart.storage.cipher import database_errors, sql_errors_and
from acuchart.storage.connections import Connector, connector_for

log = logging.getLogger("acuchart.storage")


class OpenCheck:
    """The quick check of one practice file, started on first need and run once."""

    def __init__(self, path: Path, connect: Connector | None = None) -> None:
        self.path = path
        self._connect = connect
        self._guard = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self.findings: tuple[str, ...] = ()
        """What the check found wrong, one line each; empty when the file is sound (or not checked yet)."""
        self.failure = ""
        """Why the check could not run (a disk error, say), when it could not; the file is not judged then."""
        self.seconds = 0.0
        """How long the check took."""

    def start(self) -> None:
        """Start the check in the background (once; later calls do nothing)."""
        with self._guard:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="acuchart-open-check", daemon=True)
            self._thread.start()

    @property
    def done(self) -> bool:
        """True once the verdict is in."""
        return self._done.is_set()

    @property
    def damaged(self) -> bool:
        """True when the check found the file damaged (False while it runs)."""
        return bool(self.findings)

    def wait(self, timeout: float | None = None) -> bool:
        """Start the check if needed and wait for its verdict; False if ``timeout`` passed first."""
        self.start()
        return self._done.wait(timeout)

    def refuse_if_damaged(self) -> None:
        """Wait for the verdict and raise :class:`DamagedFileError` if the file failed the check."""
        self.wait()
        damage = self.damage()
        if damage is not None:
            raise damage

    def damage(self) -> DamagedFileError | None:
        """The error to show for a file that failed the check (None while it runs or when it passed)."""
        if not self.findings:
            return None
        return faults.damaged(self.path, _(faults.CHECK_FOUND_DAMAGE), self.findings)

    def cancel(self) -> None:
        """Stop a check still running (the file is being closed)."""
        with self._guard:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()

    def _run(self) -> None:
        begin = time.perf_counter()
        try:
            self.findings = quick_check(self.path, self._connect, self._hold)
        except sql_errors_and(StoreError) as exc:  # a disk error; a file converted after it was closed
            if not self._cancelled:
                self.failure = str(exc)
                log.warning("The quick check of %s could not run: %s", self.path, exc)
        finally:
            self.seconds = time.perf_counter() - begin
            self._done.set()

    def _hold(self, conn: sqlite3.Connection | None) -> None:
        with self._guard:
            self._conn = conn
            if conn is not None and self._cancelled:
                conn.interrupt()


def quick_check(
    path: Path,
    connect: Connector | None = None,
    hold: Callable[[sqlite3.Connection | None], None] | None = None,
) -> tuple[str, ...]:
    """Run ``PRAGMA quick_check`` on ``path`` through a read-only connection; what it found, or () if sound.

    Damage that stops the check itself (SQLite's "database disk image is malformed") is a finding too;
    any other error (the disk, a missing file) is raised.

    Args:
        path: the database file.
        connect: makes the read-only connection (by default the one :func:`connector_for` picks).
        hold: called with the connection while the check runs and with None after (so it can be
            interrupted from another thread).
    """
    conn = (connect or connector_for(path))(path, read_only=True)
    if hold is not None:
        hold(conn)
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except database_errors() as exc:
        if faults.is_damage(exc):
            return (str(exc),)
        raise
    finally:
        if hold is not None:
            hold(None)
        conn.close()
    return () if rows == ["ok"] else tuple(rows)
