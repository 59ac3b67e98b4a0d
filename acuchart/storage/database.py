"""Opening the practice file: checks first, then one writer connection with the house pragmas.

Every check that can refuse a file runs before anything is written to it, so a file that is
refused is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from acuchart.errors import (
    AlreadyOpenError,
    NewerSchemaError,
    NotSQLiteError,
    ReadOnlyError,
    StoreError,
)
from acuchart.paths import is_writable
from acuchart.storage.versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

SQLITE_HEADER = b"SQLite format 3\x00"


def check_openable(path: Path) -> None:
    """Raise a :class:`StoreError` subclass if ``path`` cannot be opened for writing.

    Reads at most the file header and the migrations table, through a read-only connection.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder. Choose a practice file inside it, for example {path / 'practice.acuchart'}."
        )
    if not folder.exists():
        raise StoreError(f"The folder {folder} does not exist. Create it first or choose another place.")
    if not is_writable(folder):
        raise ReadOnlyError(
            f"The folder {folder} is read-only, so AcuChart cannot keep its journal beside {path.name}. "
            "Move the file to a folder you can write to, or change the folder's permissions."
        )
    if not path.exists():
        return
    if not is_writable(path):
        raise ReadOnlyError(
            f"{path} is read-only. Nothing was changed. Copy it somewhere you can write to, "
            "or change its permissions, then open it again."
        )
    if path.stat().st_size == 0:
        return
    check_header(path)
    _check_schema_version(path)


def _check_schema_version(path: Path) -> None:
    """Refuse a file whose schema has migrations this version of the app does not know."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:  # pragma: no cover - defensive, depends on the OS
        raise NotSQLiteError(f"{path} could not be read as a database ({exc}). Nothing was changed.") from exc
    try:
        has_table = conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = ?",
            [MIGRATIONS_TABLE],
        ).fetchone()
        if not has_table:
            return
        applied = {
            row[0]
            for row in conn.execute(
                f"select name from [{MIGRATIONS_TABLE}] where migration_set = ?",
                [MIGRATION_SET],
            )
        }
    except sqlite3.DatabaseError as exc:
        raise NotSQLiteError(
            f"{path} is damaged or not an AcuChart practice file ({exc}). Nothing was changed."
        ) from exc
    finally:
        conn.close()
    unknown = applied - set(MIGRATION_NAMES)
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of AcuChart (it has changes this version does not "
            f"know: {', '.join(sorted(unknown))}). Nothing was changed. Install the newer AcuChart to open it."
        )


class FileLock:
    """An advisory lock beside the practice file, so a second copy of the app refuses to open it.

    The operating system drops the lock when the process ends, however it ends. On Windows it is a
    byte-range lock on the lock file's first byte (``msvcrt``), elsewhere ``flock``; each module is
    imported only on its own platform.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`AlreadyOpenError`."""
        handle = self.path.open("a+")
        try:
            self._lock(handle)
        except OSError as exc:
            handle.close()
            raise AlreadyOpenError(
                f"{self.path.with_suffix('').name} is already open in another AcuChart window or program. "
                "Switch to that window, or close it and try again."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock up; the lock file stays (removing it would race another opener)."""
        if self._handle is not None:
            self._unlock(self._handle)
            self._handle.close()
            self._handle = None

    @staticmethod
    def _lock(handle: IO[str]) -> None:
        """Lock without waiting; an :class:`OSError` when another process holds the lock."""
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    @staticmethod
    def _unlock(handle: IO[str]) -> None:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def connect(path: Path | str, *, lock: bool = True) -> tuple[sqlite3.Connection, FileLock | None]:
    """Open (creating if needed) the practice file and bring its schema up to date.

    The connection is plain ``sqlite3``; the store wraps it in a sqlite-utils ``Database`` for
    migrations and writes. Migrations run here only when some are pending, so opening an
    up-to-date file does not have to load sqlite-utils before the window appears.

    Args:
        path: the practice file, or ``":memory:"`` for a throwaway store (tests).
        lock: take the one-copy-per-file lock (off only for read-only tools).

    Returns:
        The connection and the lock that must be released on close.

    Raises:
        StoreError: with a message for the practitioner; the file is untouched.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:")
        _configure(conn, wal=False)
        _migrate(conn)
        return conn, None
    path = Path(path)
    check_openable(path)
    file_lock = FileLock(path) if lock else None
    if file_lock is not None:
        file_lock.acquire()
    try:
        conn = sqlite3.connect(str(path))
        _configure(conn, wal=True)
        if pending_migrations(conn):
            _migrate(conn)
    except sqlite3.DatabaseError as exc:
        if file_lock is not None:
            file_lock.release()
        raise StoreError(f"{path} could not be opened ({exc}). Nothing was changed.") from exc
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise
    return conn, file_lock


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this file has not had yet."""
    has_table = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not has_table:
        return list(MIGRATION_NAMES)
    applied = {
        row[0]
        for row in conn.execute(
            f"select name from [{MIGRATIONS_TABLE}] where migration_set = ?", [MIGRATION_SET]
        )
    }
    return [name for name in MIGRATION_NAMES if name not in applied]


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations through sqlite-utils ``Migrations``."""
    import sqlite_utils

    from acuchart.storage.schema import MIGRATIONS

    MIGRATIONS.apply(sqlite_utils.Database(conn, execute_plugins=False))


def _configure(conn: sqlite3.Connection, wal: bool) -> None:
    """The house pragmas: WAL, foreign keys enforced, every commit synced to disk."""
    if wal:
        conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 2000")
    # 32 MiB of page cache (SQLite's default is 2 MiB), taken only as pages are read: a screen such as the
    # follow-ups reads a few hundred scattered pages of a large practice, and kept them evicting each other.
    conn.execute("PRAGMA cache_size = -32768")


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection for checks and reports that must not write (``main.py check``)."""
    if not path.exists():
        raise StoreError(f"{path} does not exist. Check the path and try again.")
    check_header(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def check_header(path: Path) -> None:
    """Raise :class:`NotSQLiteError` unless the file starts with the SQLite header (or is empty)."""
    if path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotSQLiteError(
                f"{path} is not an AcuChart practice file (it is not an SQLite database). "
                "Nothing was changed. Choose the .acuchart file your practice uses, or create a new one."
            )
