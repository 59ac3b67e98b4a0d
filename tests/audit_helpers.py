"""The audit trail rewritten by hand, as someone with the file in hand and AcuChart's source would: the
append-only guard removed, an entry changed, every later entry's hash and the head recomputed with
AcuChart's own function, the guard put back. The chain inside the file then verifies on its own."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from acuchart.storage.audit import GUARD_TRIGGERS, HEAD_KEY, entry_hash, verify


def rewrite_trail(path: Path, entry: int, keep: int | None = None) -> None:
    """Change entry ``entry``'s data, recompute it and every later entry and the head, as a forger would;
    with ``keep``, drop every entry after ``keep`` too (and the head with them)."""
    conn = sqlite3.connect(path)
    try:
        guards = [
            row[0]
            for row in conn.execute(
                f"select sql from sqlite_master where type = 'trigger' and name in {GUARD_TRIGGERS!r}"
            )
        ]
        with conn:
            for name in GUARD_TRIGGERS:
                conn.execute(f"drop trigger {name}")
            if keep is not None:
                conn.execute("delete from audit where id > ?", [keep])
            rows = conn.execute(
                "select id, at, actor, action, entity, entity_id, data, prev_hash from audit"
                " where id >= ? order by id",
                [entry],
            ).fetchall()
            previous = rows[0][7]
            for number, at, actor, action, entity, entity_id, data, _ in rows:
                if number == entry:
                    data = data.replace("Number", "Nummer") if "Number" in data else data + " "
                digest = entry_hash(previous, number, at, actor, action, entity, entity_id, data)
                conn.execute(
                    "update audit set data = ?, prev_hash = ?, hash = ? where id = ?",
                    [data, previous, digest, number],
                )
                previous = digest
            conn.execute(
                "update settings set value = ? where key = ?",
                [json.dumps({"count": rows[-1][0], "hash": previous}), HEAD_KEY],
            )
            for sql in guards:
                conn.execute(sql)
        assert verify(conn).ok  # the chain alone no longer shows anything
    finally:
        conn.close()
