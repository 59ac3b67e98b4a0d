"""The SQLite side of backups: copy a practice file at one moment, and look a copy over.

The copy is made with SQLite's online backup API from a read-only connection of its own, inside one
read transaction: what is counted and what is copied are the same moment of the practice, and the
writer is never blocked (in WAL mode a reader and the writer do not wait for each other), nor does a
change made meanwhile restart the copy. Where backups go, when, and what counts as good is the backup
package's business (``acuchart/backup``); this module only reads and copies.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from acuchart.storage import audit
from acuchart.storage.connections import Connector, plain_connect
from acuchart.storage.versions import MIGRATION_SET, MIGRATIONS_TABLE

PAGES_PER_STEP = 2048
"""Pages copied per step of the backup API (8 MB at 4 KB pages): the caller reports progress and flushes
what was written after each step, so the disk never has a large backup to write at once while the
practitioner's own changes wait to be synced behind it."""

Progress = Callable[[int, int], None]
"""Called after each step with the pages copied so far and the pages in all."""


class Snapshot(NamedTuple):
    """What a practice file (or a copy) holds: rows per table, schema, and the audit trail's ends."""

    counts: dict[str, int]
    schema: tuple[str, ...]
    audit_entries: int
    audit_head: str
    """The hash of the newest audit entry ('' when there is none)."""
    photos: tuple[tuple[str, str], ...] = ()
    """(sha256, extension) of every photo the practice records, whose originals a backup carries."""

    @property
    def clients(self) -> int:
        """How many clients the practice holds."""
        return self.counts.get("clients", 0)

    @property
    def sessions(self) -> int:
        """How many sessions the practice holds."""
        return self.counts.get("sessions", 0)


class Inspection(NamedTuple):
    """What looking a copy over found."""

    integrity: tuple[str, ...]
    """SQLite's integrity_check: ("ok",) when sound."""
    snapshot: Snapshot | None
    audit: audit.AuditReport | None
    audit_walked: int
    """How many audit entries were walked (fewer than all when the walk started after a known entry)."""

    @property
    def sound(self) -> bool:
        """True when SQLite found nothing wrong and the audit trail is intact."""
        return self.integrity == ("ok",) and self.audit is not None and self.audit.ok


def read_snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Count every table's rows and read the schema's migrations and the audit head, on ``conn``."""
    # Virtual tables (the search index) are left out: some cannot be scanned, and the tables that hold
    # their contents are counted like any other.
    tables = [
        row[0]
        for row in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            " and sql not like 'create virtual table%' order by name"
        )
    ]
    counts = {name: int(conn.execute(f"select count(*) from [{name}]").fetchone()[0]) for name in tables}
    schema: tuple[str, ...] = ()
    if MIGRATIONS_TABLE in counts:
        schema = tuple(
            row[0]
            for row in conn.execute(
                f"select name from [{MIGRATIONS_TABLE}] where migration_set = ? order by name",
                [MIGRATION_SET],
            )
        )
    head = (
        "audit" in counts and conn.execute("select id, hash from audit order by id desc limit 1").fetchone()
    ) or (
        0,
        "",
    )
    photos: tuple[tuple[str, str], ...] = ()
    if "photos" in counts:
        photos = tuple(
            (str(sha), str(extension))
            for sha, extension in conn.execute(
                "select distinct sha256, extension from photos order by sha256"
            )
        )
    return Snapshot(counts, schema, int(head[0]), str(head[1]), photos)


def copy_practice(
    source: Path,
    target: Path,
    *,
    connect: Connector = plain_connect,
    progress: Progress | None = None,
    pages_per_step: int = PAGES_PER_STEP,
) -> Snapshot:
    """Copy the practice file ``source`` into the new file ``target`` and say what the copy holds.

    The copy is one self-contained file (rollback journal, no ``-wal`` beside it). Nothing is synced to
    disk here: the caller flushes and renames it.

    Raises:
        sqlite3.Error: the source could not be read or the target written (full, gone, read-only).
    """
    src = connect(source, read_only=True)
    try:
        src.execute("begin")
        snapshot = read_snapshot(src)  # opens the read transaction the copy then reads from
        dst = connect(target, read_only=False)
        try:
            dst.execute("PRAGMA synchronous = OFF")  # the caller syncs the finished file once
            step = -1 if pages_per_step <= 0 else pages_per_step

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=step, progress=report)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        try:
            if src.in_transaction:
                src.execute("rollback")
        finally:
            src.close()
    return snapshot


def inspect(
    path: Path, *, connect: Connector = plain_connect, after: tuple[int, str] | None = None
) -> Inspection:
    """Look over the database file ``path`` through a read-only connection: integrity, contents, audit.

    Args:
        path: the copy.
        connect: makes the read-only connection.
        after: ``(n, hash)`` of the newest audit entry a verified copy of this practice held before: the
            audit walk starts after it when this copy still has it (see :func:`audit.verify`).

    Raises:
        sqlite3.Error: the file could not be opened at all (missing, unreadable disk). Damage is a finding.
    """
    conn = connect(path, read_only=True)
    try:
        try:
            integrity = tuple(str(row[0]) for row in conn.execute("PRAGMA integrity_check"))
        except sqlite3.DatabaseError as exc:
            return Inspection((str(exc),), None, None, 0)
        try:
            snapshot = read_snapshot(conn)
            if "audit" not in snapshot.counts:
                missing = audit.AuditReport(
                    0, 1, "the file has no audit trail: it is not an AcuChart practice"
                )
                return Inspection(integrity, snapshot, missing, 0)
            anchored = after is not None and _holds(conn, after)
            report = audit.verify(conn, after if anchored else None)
        except sqlite3.DatabaseError as exc:
            return Inspection((*integrity, str(exc)) if integrity == ("ok",) else integrity, None, None, 0)
        walked = report.entries - (after[0] if anchored and after is not None else 0)
        return Inspection(integrity, snapshot, report, walked)
    finally:
        conn.close()


def _holds(conn: sqlite3.Connection, after: tuple[int, str]) -> bool:
    """True when audit entry ``after[0]`` carries the hash ``after[1]``."""
    row = conn.execute("select hash from audit where id = ?", [after[0]]).fetchone()
    return row is not None and row[0] == after[1]


def stored_settings(path: Path, keys: Iterable[str], *, connect: Connector = plain_connect) -> dict[str, Any]:
    """Some practice settings read straight from a file through a read-only connection (decoded JSON).

    For callers that do not have the practice open: the command line's backup of a file the app has
    open, the output guard. Missing keys are left out.
    """
    wanted = list(keys)
    conn = connect(path, read_only=True)
    try:
        rows = conn.execute(
            f"select key, value from settings where key in ({', '.join('?' for _ in wanted)})", wanted
        ).fetchall()
    finally:
        conn.close()
    return {key: json.loads(value) for key, value in rows}


def set_wal(path: Path, *, connect: Connector = plain_connect) -> None:
    """Put the database file ``path`` in WAL mode, as a practice file is kept (a restored copy is not)."""
    conn = connect(path, read_only=False)
    try:
        conn.execute("PRAGMA journal_mode = wal").fetchone()
    finally:
        conn.close()
