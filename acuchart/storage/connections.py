"""Connections to a practice file or a backup, made in one place.

Backups, their verification and the check at opening take a :class:`Connector` rather than calling
``sqlite3.connect`` themselves, so that a practice encrypted at rest (SQLCipher) only needs a connector
that unlocks each connection it makes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol


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
