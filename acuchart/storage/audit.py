"""The audit trail: append-only, each entry carrying the hash of the one before it.

Editing, deleting or reordering any entry breaks the chain at that entry; deleting entries from
the end is caught by the head (count and last hash) kept in the settings table in the same
transaction. Triggers in the schema refuse any update or delete of an entry, so the app itself
can never rewrite the trail; someone editing the file by hand must remove them first, and
``main.py check`` says so when they are gone.

What the chain cannot catch: someone who rewrites every entry after the one they changed and the
head with it (the hashes are not keyed). That needs a copy of the head kept elsewhere.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acuchart.models.audit import AuditReport
from acuchart.storage.database import read_only

if TYPE_CHECKING:
    import sqlite_utils


GENESIS = "0" * 64
HEAD_KEY = "audit_head"
GUARD_TRIGGERS = ("audit_no_update", "audit_no_delete")


def entry_hash(
    prev_hash: str,
    entry_id: int,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    data: str,
) -> str:
    """The hash that seals one entry to the entry before it."""
    payload = json.dumps(
        [prev_hash, entry_id, at, actor, action, entity, entity_id, data],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    import hashlib  # loaded with the first write or check, not at start-up

    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: sqlite_utils.Database,
    *,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    data: dict[str, Any],
) -> None:
    """Append one entry. Must run inside the transaction of the change it records."""
    last = db.execute("select id, hash from audit order by id desc limit 1").fetchone()
    prev_hash = last[1] if last else GENESIS
    entry_id = (last[0] + 1) if last else 1
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    digest = entry_hash(prev_hash, entry_id, at, actor, action, entity, entity_id, text)
    db.execute(
        "insert into audit (id, at, actor, action, entity, entity_id, data, prev_hash, hash)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry_id, at, actor, action, entity, entity_id, text, prev_hash, digest],
    )
    db.execute(
        "insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value",
        [HEAD_KEY, json.dumps({"count": entry_id, "hash": digest})],
    )


def verify(conn: sqlite3.Connection, after: tuple[int, str] | None = None) -> AuditReport:
    """Walk the chain, report the first entry that does not fit, and check the guard triggers.

    Args:
        conn: a connection to the practice file (or a copy of it).
        after: ``(n, hash)`` of an entry already walked and found sound elsewhere (in the copy that the
            last verified backup made): when entry ``n`` here still carries that hash, only the entries
            after it are walked. Otherwise the whole chain is.
    """
    start = (0, GENESIS)
    if after is not None and after[0] > 0:
        row = conn.execute("select hash from audit where id = ?", [after[0]]).fetchone()
        if row is not None and row[0] == after[1]:
            start = after
    report = _walk(conn, start)
    return report._replace(guard_removed=not guard_intact(conn))


def _walk(conn: sqlite3.Connection, start: tuple[int, str] = (0, GENESIS)) -> AuditReport:
    """The first entry after ``start`` (entry number and hash) that does not fit the chain (or the head
    kept beside it)."""
    count, prev_hash = start
    expected_id = count + 1
    rows = conn.execute(
        "select id, at, actor, action, entity, entity_id, data, prev_hash, hash from audit"
        " where id > ? order by id",
        [count],
    )
    for row in rows:
        entry_id, at, actor, action, entity, entity_id, data, stored_prev, stored_hash = tuple(row)
        if entry_id != expected_id:
            return AuditReport(
                count, entry_id, f"entry {expected_id} is missing (the next one found is {entry_id})"
            )
        if stored_prev != prev_hash:
            return AuditReport(count, entry_id, f"entry {entry_id} does not follow the entry before it")
        if entry_hash(prev_hash, entry_id, at, actor, action, entity, entity_id, data) != stored_hash:
            return AuditReport(count, entry_id, f"entry {entry_id} was changed after it was written")
        prev_hash = stored_hash
        expected_id += 1
        count += 1
    head = _head(conn)
    if head is None:
        if count or _holds_records(conn):
            return AuditReport(count, count + 1, "the record of how long the trail is was removed or damaged")
        return AuditReport(count, None, "")
    head_count, head_hash = head
    if head_count > count:
        return AuditReport(
            count,
            count + 1,
            f"the trail should hold {head_count} entries but holds {count}: entries were removed",
        )
    if head_count < count:
        return AuditReport(
            count, head_count + 1, f"entries after entry {head_count} were added outside AcuChart"
        )
    if count and head_hash != prev_hash:
        return AuditReport(count, count, f"entry {count}, the newest, was replaced after it was written")
    return AuditReport(count, None, "")


def _head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The count and last hash written with the newest entry; None when missing or unreadable."""
    row = conn.execute("select value from settings where key = ?", [HEAD_KEY]).fetchone()
    if row is None:
        return None
    try:
        head = json.loads(row[0])
        return int(head["count"]), str(head["hash"])
    except (TypeError, ValueError, KeyError):
        return None


def _holds_records(conn: sqlite3.Connection) -> bool:
    """True when the file holds anything an audit entry would have been written for."""
    return any(
        conn.execute(f"select exists(select 1 from [{table}])").fetchone()[0]
        for table in ("clients", "settings")
    )


def guard_intact(conn: sqlite3.Connection) -> bool:
    """True when the triggers that keep the trail append-only are in place."""
    names = {row[0] for row in conn.execute("select name from sqlite_master where type = 'trigger'")}
    return all(name in names for name in GUARD_TRIGGERS)


def verify_file(path: Path) -> AuditReport:
    """Walk the chain of a practice file through a read-only connection of its own.

    For a check that runs beside the app's writer connection (in another thread, say). A file that
    cannot be read is reported as a trail that could not be read, never raised.
    """
    try:
        with read_only(path) as conn:
            return verify(conn)
    except sqlite3.Error as exc:
        return AuditReport(0, 1, f"the trail could not be read ({exc})")


__all__ = [
    "GENESIS",
    "HEAD_KEY",
    "AuditReport",
    "append",
    "entry_hash",
    "guard_intact",
    "verify",
    "verify_file",
]
