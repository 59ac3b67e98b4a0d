"""Connections to a practice file or a backup, made in one place.

Backups, their verification and the check at opening take a :class:`Connector` rather than calling
``sqlite3.connect`` themselves, so that a practice encrypted at rest (SQLCipher) only needs a connector
that unlocks each connection it makes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol

from acuchart.errors import ProtectedFileError


class Connector(Protocol):
    """Makes a connection to the database file at ``path``: read-only, or read-write (created if missing)."""

    def __call__(self, path: Path, *, read_only: bool) -> sqlite3.Connection: ...


def file_uri(path: Path, *, read_only: bool) -> str:
    """The ``file:`` URI for ``path``, every character that means something in a URI escaped."""
    uri = path.absolute().as_uri()
    return f"{uri}?mode=ro" if read_only else f"{uri}?mode=rwc"


def plain_connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A plain SQLite connection (the default connector). Autocommit: callers begin their own transactions."""
    return sqlite3.connect(file_uri(path, read_only=read_only), uri=True, isolation_level=None)


def connector_for(path: Path) -> Connector:
    """The connector for the practice file (or backup) at ``path``: plain SQLite for a plain file; for an
    encrypted one, SQLCipher with the key of the open practice it belongs to.

    A file that is neither (damaged, or encrypted with a key this process does not hold) gets the plain
    connector, and reads as "not a database" to whoever opens it.

    Raises:
        ProtectedFileError: ``path`` is a protected practice (its key file is beside it) that this process
            has not unlocked.
    """
    from acuchart.protection.keys import key_file_path
    from acuchart.storage import cipher

    key = cipher.unlocked_key(path)
    if key is None and cipher.looks_encrypted(path):
        key = cipher.key_that_opens(path)
        if key is None and key_file_path(path).exists():
            raise ProtectedFileError(
                f"{path} is protected with a passphrase. Open the practice it belongs to first "
                "(its passphrase unlocks it), then try again.",
                path,
            )
    return plain_connect if key is None else cipher.KeyedConnector(key)
