"""Helpers for the backup tests: a small charted practice on disk, damage done by hand, a clock that moves."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

from acuchart.practice import Practice
from tests.records_helpers import chart_session, client_with_course

START = dt.datetime(2026, 11, 21, 9, 0)


def charted_practice(path: Path, clients: int = 3) -> dict[str, int]:
    """A practice file with ``clients`` clients, each with a course and a charted session; its counts."""
    practice = Practice.open(path)
    try:
        for number in range(clients):
            client, course = client_with_course(practice, "Client", f"Number {number}")
            chart_session(practice, client.id, course.id, START + dt.timedelta(hours=number))
        return {"clients": practice.clients.count(), "audit": practice.verify_audit().entries}
    finally:
        practice.close()


def add_client(path: Path, name: str) -> None:
    """Open the practice, add one client, close it."""
    practice = Practice.open(path)
    try:
        client_with_course(practice, "Late", name)
    finally:
        practice.close()


def client_names(path: Path) -> list[str]:
    """The clients' last names in a practice file, read straight from it."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("select last_name from clients order by id")]
    finally:
        conn.close()


def digest(path: Path) -> str:
    """The SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def garbage_in_the_middle(path: Path, at: float = 0.5, size: int = 4096) -> None:
    """Overwrite a page-aligned block ``at`` this fraction of a file with random bytes, as a failing disk might."""
    length = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(int(length * at) // 4096 * 4096)
        handle.write(os.urandom(size))


def cut_short(path: Path, keep: int) -> None:
    """Truncate a file to ``keep`` bytes, as a copy that stopped half-way leaves it."""
    os.truncate(path, keep)
