"""An encrypted practice file: SQLCipher connections keyed with the data key, and turning a file from plain to
encrypted and back.

A plain practice is opened with Python's own ``sqlite3``; an encrypted one with ``sqlcipher3``, which is
imported only then (it loads its own SQLite and OpenSSL, some milliseconds a plain start need not pay).
Its exceptions are not subclasses of ``sqlite3``'s, so code that catches a database error names
:func:`database_errors` (or one of its siblings), which covers both families.

The data key is given to SQLCipher raw (``PRAGMA key = "x'…'"``): it is already a random 256-bit key, so
SQLCipher's own passphrase derivation would add a quarter of a second to every open and nothing else.
Every page is AES-256 encrypted and authenticated (HMAC-SHA512); a wrong key reads as "not a database".
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

CIPHER_MODULE = "sqlcipher3.dbapi2"
SQLITE_HEADER = b"SQLite format 3\x00"


def _loaded() -> ModuleType | None:
    return sys.modules.get(CIPHER_MODULE)


def database_errors() -> tuple[type[Exception], ...]:
    """``sqlite3.DatabaseError`` and, once an encrypted file has been opened, SQLCipher's own."""
    module = _loaded()
    return (sqlite3.DatabaseError,) if module is None else (sqlite3.DatabaseError, module.DatabaseError)


def sql_errors() -> tuple[type[Exception], ...]:
    """Any error either driver raises (``sqlite3.Error`` and SQLCipher's ``Error``)."""
    module = _loaded()
    return (sqlite3.Error,) if module is None else (sqlite3.Error, module.Error)


def sql_errors_and(*others: type[Exception]) -> tuple[type[Exception], ...]:
    """:func:`sql_errors` and ``others`` (``OSError``, say), for one ``except`` clause."""
    return (*sql_errors(), *others)


def operational_errors() -> tuple[type[Exception], ...]:
    """``sqlite3.OperationalError`` and SQLCipher's (a locked database, a failed statement)."""
    module = _loaded()
    return (
        (sqlite3.OperationalError,) if module is None else (sqlite3.OperationalError, module.OperationalError)
    )


def integrity_errors() -> tuple[type[Exception], ...]:
    """``sqlite3.IntegrityError`` and SQLCipher's (a broken constraint)."""
    module = _loaded()
    return (sqlite3.IntegrityError,) if module is None else (sqlite3.IntegrityError, module.IntegrityError)


def row_factory(conn: sqlite3.Connection) -> Any:
    """The ``Row`` class that fits ``conn``'s driver (each driver's cursor accepts only its own)."""
    module = _loaded()
    if module is not None and isinstance(conn, module.Connection):
        return module.Row
    return sqlite3.Row


class CipherMissingError(ImportError):
    """SQLCipher is not installed with this AcuChart."""


def cipher_module() -> Any:
    """The SQLCipher driver, imported on first use."""
    try:
        import sqlcipher3.dbapi2 as module
    except ImportError as exc:  # pragma: no cover - a dependency; missing only in a broken install
        raise CipherMissingError(
            "This AcuChart was installed without SQLCipher (the sqlcipher3 package), so it cannot open a "
            "protected practice. Reinstall AcuChart, or install sqlcipher3 beside it."
        ) from exc
    return module


def looks_encrypted(path: Path) -> bool:
    """True when ``path`` is a non-empty file that does not start with SQLite's plain header (an encrypted
    file's first bytes are its random salt, so an encrypted file and a damaged one look alike here; the key
    file beside it tells them apart)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return bool(head) and head != SQLITE_HEADER


def key_pragma(data_key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key."""
    if len(data_key) != 32:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect_encrypted(
    target: str, data_key: bytes, *, uri: bool = False, isolation_level: str | None = ""
) -> sqlite3.Connection:
    """A SQLCipher connection to ``target`` (a path, or a ``file:`` URI with ``uri``), keyed with ``data_key``.

    SQLCipher checks the key only when a page is read, so the schema is read at once: a wrong key (or a
    file that is not a database) raises here, never later in the middle of some work.
    """
    module = cipher_module()
    conn = module.connect(target, uri=uri, isolation_level=isolation_level, check_same_thread=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a line on stderr
        conn.execute(key_pragma(data_key))
        conn.execute("select count(*) from sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    typed: sqlite3.Connection = conn  # the DB-API is the same; the classes are SQLCipher's own
    return typed


def key_opens(path: Path, data_key: bytes) -> bool:
    """True when ``data_key`` opens the encrypted file at ``path`` (read-only; nothing is written)."""
    try:
        conn = connect_encrypted(path.absolute().as_uri() + "?mode=ro", data_key, uri=True)
    except database_errors():
        return False
    conn.close()
    return True


def export_copy(source: sqlite3.Connection, target: Path, data_key: bytes | None) -> None:
    """Write the whole database ``source`` is connected to into a new file ``target``: encrypted with
    ``data_key``, or plain when it is None. ``source`` must be a SQLCipher connection (a plain file opened
    with :func:`connect_plain_cipher`, or an encrypted one); ``target`` must not exist.

    ``sqlcipher_export`` copies the schema and every row, and the user version; the target is synced and
    closed before this returns.
    """
    if target.exists():
        raise FileExistsError(target)
    key = f"x'{data_key.hex()}'" if data_key is not None else ""
    source.execute("ATTACH DATABASE ? AS converted KEY ?", [str(target), key])
    try:
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE converted")


def connect_plain_cipher(path: Path, *, read_only: bool = True) -> sqlite3.Connection:
    """A SQLCipher connection to a plain (unencrypted) file, to export it encrypted."""
    module = cipher_module()
    mode = "ro" if read_only else "rwc"
    conn: sqlite3.Connection = module.connect(
        path.absolute().as_uri() + f"?mode={mode}", uri=True, isolation_level=None
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


# --- the keys of the practices this process has unlocked ----------------------------------------------
_unlocked: dict[str, bytes] = {}
_unlocked_guard = threading.Lock()


def _where(path: Path) -> str:
    return os.path.realpath(path)


def remember_key(path: Path, data_key: bytes) -> None:
    """Keep ``data_key`` for the practice at ``path`` while it is open, so its backups can be made and read."""
    with _unlocked_guard:
        _unlocked[_where(path)] = data_key


def forget_key(path: Path) -> None:
    """The practice at ``path`` was closed (or turned back into a plain file): its key is let go."""
    with _unlocked_guard:
        _unlocked.pop(_where(path), None)


def unlocked_key(path: Path) -> bytes | None:
    """The key of the practice at ``path`` if this process has it open, else None."""
    with _unlocked_guard:
        return _unlocked.get(_where(path))


def key_that_opens(path: Path) -> bytes | None:
    """The key, among those of the practices this process has open, that opens the encrypted file ``path``
    (a backup of one of them), or None."""
    with _unlocked_guard:
        keys = [_unlocked.get(_where(path)), *_unlocked.values()]
    for key in keys:
        if key is not None and key_opens(path, key):
            return key
    return None


class KeyedConnector:
    """Connections for an encrypted practice and its copies: every new or encrypted file with the practice's
    key; a plain file (a backup made before the practice was protected) as the plain file it is."""

    def __init__(self, data_key: bytes) -> None:
        self._key = data_key

    def __call__(self, path: Path, *, read_only: bool) -> sqlite3.Connection:
        uri = path.absolute().as_uri() + ("?mode=ro" if read_only else "?mode=rwc")
        if path.exists() and path.stat().st_size > 0 and not looks_encrypted(path):
            return sqlite3.connect(uri, uri=True, isolation_level=None)
        return connect_encrypted(uri, self._key, uri=True, isolation_level=None)
