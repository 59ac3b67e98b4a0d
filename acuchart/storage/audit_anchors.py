"""Reading the audit trail for a comparison with its anchors: copies of its head kept outside the file.

The chain inside the file catches any change to an entry, unless whoever made it also rewrote every
entry after it and the head (the hashes are not keyed). An *anchor*, the number and hash of the newest
entry at some moment kept somewhere else (a backup's manifest, a printed chart export), catches that
too: the entry with that number must still carry that hash. What is compared, and what it means, is
:mod:`acuchart.backup.anchors`; here is only what it reads.
"""

from __future__ import annotations

import json
import sqlite3
from typing import NamedTuple

PRINTED_HASH = 16
"""Hex characters of the hash a printed anchor carries: short enough to type back, far too many to forge."""


def printed_text(entries: int, head: str) -> str:
    """An anchor as a chart export prints it and ``main.py check --anchor`` takes it: ``1234:3f9a2c71d04b8e55``."""
    return f"{entries}:{head[:PRINTED_HASH]}"


class RecordedRestore(NamedTuple):
    """A restore written into the trail: from then on the practice is the restored backup's."""

    entry: int
    at: str
    """When it was recorded (ISO, local time, to the second)."""
    sha256: str
    """The restored backup file's hash."""
    backup: str
    """The restored backup file, as recorded."""


def newest_entry(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The number and hash of the newest audit entry (None for a trail with no entries)."""
    row = conn.execute("select id, hash from audit order by id desc limit 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def hash_of_entry(conn: sqlite3.Connection, number: int) -> str | None:
    """The hash entry ``number`` carries (None when there is no such entry)."""
    row = conn.execute("select hash from audit where id = ?", [number]).fetchone()
    return None if row is None else str(row[0])


def recorded_restores(conn: sqlite3.Connection) -> list[RecordedRestore]:
    """Every restore recorded in the trail, oldest first."""
    found = []
    rows = conn.execute(
        "select id, at, data from audit where action = 'restore' and entity = 'practice' order by id"
    )
    for entry, at, data in rows:
        try:
            details = json.loads(data)
        except ValueError:
            details = {}
        if not isinstance(details, dict):
            details = {}
        found.append(
            RecordedRestore(
                int(entry), str(at), str(details.get("sha256", "")), str(details.get("backup", ""))
            )
        )
    return found


def first_difference(conn: sqlite3.Connection, other: sqlite3.Connection, through: int) -> int | None:
    """The first entry, up to ``through``, whose hash differs between two copies of a trail (or that
    one of them lacks); None when they agree that far."""
    query = "select id, hash from audit where id <= ? order by id"
    ours, theirs = conn.execute(query, [through]), other.execute(query, [through])
    expected = 1
    while True:
        mine, copy = ours.fetchone(), theirs.fetchone()
        if mine is None and copy is None:
            return None
        if mine is None or copy is None or tuple(mine) != tuple(copy) or mine[0] != expected:
            return expected
        expected += 1
