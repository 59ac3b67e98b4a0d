"""Opening the practice file: checks first, then one writer connection with the house pragmas.

Every check that can refuse a file runs before anything is written to it, so a file that is
refused is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from acuchart.errors import (
    AlreadyOpenError,
    NewerSchemaError,
    NotSQLiteError,
    ProtectedFileError,
    ReadOnlyError,
    StoreError,
)
from acuchart.i18n import _
from acuchart.paths import JOURNAL_SUFFIXES, is_writable
from acuchart.protection.files import sync_file, sync_folder
from acuchart.storage import cipher, faults
from acuchart.storage.cipher import database_errors, looks_encrypted, sql_errors
from acuchart.storage.connections import file_uri, plain_connect
from acuchart.storage.versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100

BeforeMigrating = Callable[[Path, list[str]], None]
"""Called with the practice file and its pending migrations, before they run (to back the file up)."""


def check_openable(path: Path, accept_empty: bool = False, encrypted: bool = False) -> None:
    """Raise a :class:`StoreError` subclass if ``path`` cannot be opened for writing.

    Reads at most the file header and the migrations table, through a read-only connection. An empty
    file is refused as damaged (a practice file is never empty) unless ``accept_empty``: the caller
    has just made it to write a new practice into. An ``encrypted`` file's header and tables are
    unreadable without its key: the connection checks them once the key is given.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise StoreError(
            _("{path} is a folder. Choose a practice file inside it, for example {example}.").format(
                path=path, example=path / "practice.acuchart"
            )
        )
    if not folder.exists():
        raise StoreError(
            _("The folder {folder} does not exist. Create it first or choose another place.").format(
                folder=folder
            )
        )
    if not is_writable(folder):
        raise ReadOnlyError(
            _(
                "The folder {folder} is read-only, so AcuChart cannot keep its journal beside {name}. "
                "Move the file to a folder you can write to, or change the folder's permissions."
            ).format(folder=folder, name=path.name)
        )
    if not path.exists():
        return
    if not is_writable(path):
        raise ReadOnlyError(
            _(
                "{path} is read-only. Nothing was changed. Copy it somewhere you can write to, "
                "or change its permissions, then open it again."
            ).format(path=path)
        )
    if path.stat().st_size == 0:
        if accept_empty:
            return
        raise faults.damaged(
            path, _("it is empty: 0 bytes, where a practice file holds at least its header and tables")
        )
    if encrypted:
        return
    refuse_if_protected(path)
    check_header(path)
    check_length(path)
    _check_schema_version(path)


def replace_practice_file(temporary: Path, practice_path: Path) -> None:
    """Put the complete, checked file ``temporary`` in place of the practice file in one rename, flushed first.

    The practice's journal files go before it: SQLite would otherwise replay them onto the new file.

    Raises:
        OSError: the disk refused; the practice file is as it was, or already the new one, never half of each.
    """
    sync_file(temporary)
    for suffix in JOURNAL_SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            practice_path.with_name(practice_path.name + suffix).unlink()
    os.replace(temporary, practice_path)
    sync_folder(practice_path.parent)


def refuse_if_protected(path: Path) -> None:
    """Raise :class:`ProtectedFileError` when ``path`` is an encrypted practice (its key file beside it)."""
    if not looks_encrypted(path):
        return
    from acuchart.protection.keys import key_file_path  # only for a file that is not plain SQLite

    if key_file_path(path).exists():
        raise ProtectedFileError(
            _(
                "{name} is protected with a passphrase. Enter its passphrase (or its recovery key) to open it."
            ).format(name=path.name),
            path,
        )


def check_length(path: Path) -> None:
    """Raise :class:`DamagedFileError` when the file is shorter than its own header says it is.

    A copy or a disk that stopped half-way leaves such a file. The header's page count is trusted only
    when SQLite marks it valid and no journal beside the file still holds pages to be written back.
    """
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        raise faults.damaged(
            path, _("it was cut short: {size} bytes, not even a whole header").format(size=len(header))
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    journal = path.with_name(path.name + "-wal")
    if pages == 0 or header[24:28] != header[92:96] or (journal.exists() and journal.stat().st_size > 0):
        return
    expected, actual = pages * page_size, path.stat().st_size
    if actual < expected:
        raise faults.damaged(
            path,
            _("it was cut short: it holds {actual:,} bytes of the {expected:,} its header records").format(
                actual=actual, expected=expected
            ),
        )


def _check_schema_version(path: Path) -> None:
    """Refuse a file whose schema has migrations this version of the app does not know."""
    try:
        conn = sqlite3.connect(file_uri(path, read_only=True), uri=True)
    except sql_errors() as exc:  # pragma: no cover - defensive, depends on the OS
        raise faults.open_failure(exc, path) from exc
    try:
        refuse_newer_schema(conn, path)
    except database_errors() as exc:
        raise faults.open_failure(exc, path) from exc
    finally:
        conn.close()


def refuse_newer_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`NewerSchemaError` when the file on ``conn`` has migrations this app does not know."""
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
    unknown = applied - set(MIGRATION_NAMES)
    if unknown:
        raise NewerSchemaError(
            _(
                "{path} was written by a newer version of AcuChart (it has changes this version does not "
                "know: {changes}). Nothing was changed. Install the newer AcuChart to open it."
            ).format(path=path, changes=", ".join(sorted(unknown)))
        )


class FileLock:
    """An advisory lock beside the practice file, so a second copy of the app refuses to open it.

    The operating system drops the lock when the process ends, however it ends. On Windows it is a
    byte-range lock on the lock file's first byte (``msvcrt``), elsewhere ``flock``; each module is
    imported only on its own platform.
    """

    def __init__(self, path: Path) -> None:
        # Named after the file itself, not the path as typed: a symlink or another spelling of the path
        # (``./``, ``..``, a case-insensitive disk's other case) reaches the same lock.
        real = Path(os.path.realpath(path))
        self.path = real.with_name(real.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`AlreadyOpenError` (or a named error when the disk refuses)."""
        doing = _("taking the lock file {name} beside the practice file").format(name=self.path.name)
        try:
            handle = self.path.open("a+")
        except OSError as exc:
            raise faults.os_failure(exc, self.path, doing) from exc
        try:
            lock_without_waiting(handle)
        except OSError as exc:
            handle.close()
            raise AlreadyOpenError(
                _(
                    "{name} is already open in another AcuChart window or program. "
                    "Switch to that window, or close it and try again."
                ).format(name=self.path.with_suffix("").name)
            ) from exc
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
        except OSError as exc:
            # A full disk must not leave the lock held (nobody could open the file until this process ends).
            with contextlib.suppress(OSError):
                unlock(handle)
            with contextlib.suppress(OSError):
                handle.close()
            raise faults.os_failure(exc, self.path, doing) from exc
        self._handle = handle

    def release(self) -> None:
        """Give the lock up; the lock file stays (removing it would race another opener)."""
        if self._handle is not None:
            unlock(self._handle)
            self._handle.close()
            self._handle = None


def lock_without_waiting(handle: IO[str]) -> None:
    """Lock the open file ``handle`` for this process, or raise :class:`OSError` when another holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def unlock(handle: IO[str]) -> None:
    """Let go of a lock taken by :func:`lock_without_waiting`."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def connect(
    path: Path | str,
    *,
    lock: bool = True,
    before_migrating: BeforeMigrating | None = None,
    accept_empty: bool = False,
    key: bytes | None = None,
) -> tuple[sqlite3.Connection, FileLock | None]:
    """Open (creating if needed) the practice file and bring its schema up to date.

    The connection is plain ``sqlite3``; the store wraps it in a sqlite-utils ``Database`` for
    migrations and writes. Migrations run here only when some are pending, so opening an
    up-to-date file does not have to load sqlite-utils before the window appears.

    Args:
        path: the practice file, or ``":memory:"`` for a throwaway store (tests).
        lock: take the one-copy-per-file lock (off only for read-only tools).
        before_migrating: called before migrations run on a file that already holds a practice (after a
            quick check found it sound), so the file can be backed up first.
        accept_empty: an empty file at ``path`` is a new practice (the caller just made it), not damage.
        key: the data key of an encrypted practice (SQLCipher); None for a plain file.

    Returns:
        The connection and the lock that must be released on close.

    Raises:
        StoreError: with a message for the practitioner; the file is untouched.
    """
    if str(path) == ":memory:":
        conn = cipher.connect_encrypted(":memory:", key) if key is not None else sqlite3.connect(":memory:")
        _configure(conn, wal=False)
        _migrate(conn)
        return conn, None
    path = Path(path)
    check_openable(path, accept_empty, encrypted=key is not None)
    file_lock = FileLock(path) if lock else None
    if file_lock is not None:
        file_lock.acquire()
    try:
        conn = _connect_file(path, key)
        _configure(conn, wal=True)
        pending = pending_migrations(conn)
        if pending:
            if len(pending) < len(MIGRATION_NAMES):
                _before_migrating(path, pending, before_migrating)
            _migrate(conn)
    except cipher.database_errors() as exc:
        if file_lock is not None:
            file_lock.release()
        raise faults.open_failure(exc, path) from exc
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise
    return conn, file_lock


def _connect_file(path: Path, key: bytes | None) -> sqlite3.Connection:
    """The writer's connection: plain, or SQLCipher with ``key`` (whose schema is then checked here, as
    :func:`check_openable` could not read it)."""
    if key is None:
        return sqlite3.connect(str(path))
    if path.exists() and path.stat().st_size > 0 and not looks_encrypted(path):
        raise ProtectedFileError(
            _("{name} is a plain practice file, not a protected one; open it without a passphrase.").format(
                name=path.name
            ),
            path,
        )
    try:
        conn = cipher.connect_encrypted(str(path), key)
    except cipher.database_errors() as exc:
        if faults.is_damage(exc):
            raise ProtectedFileError(
                _(
                    "The key does not open {name}: its key file belongs to another practice, or the file is "
                    "damaged. Nothing was changed. Open it with its recovery key, or restore a backup."
                ).format(name=path.name),
                path,
            ) from exc
        raise
    try:
        refuse_newer_schema(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _before_migrating(path: Path, pending: list[str], hook: BeforeMigrating | None) -> None:
    """A file with an older schema: check it is sound, then let ``hook`` back it up, before it changes."""
    from acuchart.storage.open_check import quick_check

    findings = quick_check(path)
    if findings:
        raise faults.damaged(path, _(faults.CHECK_FOUND_DAMAGE), findings)
    if hook is not None:
        hook(path, pending)


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
        raise StoreError(_("{path} does not exist. Check the path and try again.").format(path=path))
    from acuchart.storage.connections import connector_for

    connect = connector_for(path)
    if connect is plain_connect:
        check_header(path)
    conn = connect(path, read_only=True)
    conn.row_factory = cipher.row_factory(conn)
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
                _(
                    "{path} is not an AcuChart practice file (it is not an SQLite database). "
                    "Nothing was changed. Choose the .acuchart file your practice uses, or create a new one."
                ).format(path=path)
            )
