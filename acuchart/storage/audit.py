"""The audit trail: append-only, each entry carrying the hash of the one before it.

Editing, deleting or reordering any entry breaks the chain at that entry; deleting entries from
the end is caught by the head (count and last hash) kept in the settings table in the same
transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def entry_hash(
    prev_hash: str, entry_id: int, at: str, actor: str, action: str, entity: str, entity_id: int | None, data: str
) -> str:
    """The hash that seals one entry to the entry before it."""
    payload = json.dumps(
        [prev_hash, entry_id, at, actor, action, entity, entity_id, data], ensure_ascii=False, separators=(",", ":")
    )
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


@dataclass(frozen=True)
class AuditReport:
    """The result of walking the chain."""

    entries: int
    first_broken: int | None
    problem: str

    @property
    def ok(self) -> bool:
        """True when every entry is intact and in order."""
        return self.first_broken is None and not self.problem


def verify(conn: sqlite3.Connection) -> AuditReport:
    """Walk the whole chain and report the first entry that does not fit."""
    prev_hash = GENESIS
    expected_id = 1
    count = 0
    rows = conn.execute(
        "select id, at, actor, action, entity, entity_id, data, prev_hash, hash from audit order by id"
    )
    for row in rows:
        entry_id, at, actor, action, entity, entity_id, data, stored_prev, stored_hash = tuple(row)
        if entry_id != expected_id:
            return AuditReport(count, entry_id, f"entry {expected_id} is missing (the next one found is {entry_id})")
        if stored_prev != prev_hash:
            return AuditReport(count, entry_id, f"entry {entry_id} does not follow the entry before it")
        if entry_hash(prev_hash, entry_id, at, actor, action, entity, entity_id, data) != stored_hash:
            return AuditReport(count, entry_id, f"entry {entry_id} was changed after it was written")
        prev_hash = stored_hash
        expected_id += 1
        count += 1
    head_row = conn.execute("select value from settings where key = ?", [HEAD_KEY]).fetchone()
    head = json.loads(head_row[0]) if head_row else {"count": 0, "hash": GENESIS}
    if head["count"] != count or (count and head["hash"] != prev_hash):
        return AuditReport(
            count, count + 1, f"the trail should hold {head['count']} entries but holds {count}: entries were removed"
        )
    return AuditReport(count, None, "")
