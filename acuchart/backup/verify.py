"""Checking a backup: a fresh copy against the practice at the moment it was taken, a copy of a backup
against the backup's manifest. Each check is in words for the manifest, and a reason when it fails."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from acuchart.backup.catalog import file_hash, list_folder
from acuchart.backup.manifest import Manifest
from acuchart.storage.audit import AuditReport, verify
from acuchart.storage.backup_copy import Snapshot, inspect, read_snapshot
from acuchart.storage.connections import Connector

FULL_WALK_EVERY = dt.timedelta(hours=24)
"""The audit chain is walked whole at least this often in each place; in between, from the last backup's head."""
WHOLE = "whole"
"""The manifest's ``audit_walk`` when the whole chain was walked."""


def same_bytes(copy: Path, manifest: Manifest, connect: Connector) -> str:
    """Why ``copy`` is not the verified backup byte for byte, readable by SQLite ('' when it is)."""
    if copy.stat().st_size != manifest.size:
        return f"{copy.stat().st_size:,} bytes were written of {manifest.size:,}"
    if file_hash(copy) != manifest.sha256:
        return "the bytes read back differ from the backup's"
    try:
        conn = connect(copy, read_only=True)
        try:
            held = read_snapshot(conn).counts
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"SQLite cannot read it ({exc})"
    return "" if held == manifest.counts else "it does not hold what the backup lists"


def check_copy(
    copy: Path, snapshot: Snapshot, anchor: tuple[int, str] | None, practice_path: Path, connect: Connector
) -> tuple[dict[str, str], str]:
    """The checks of a fresh copy, in words, and the reason it fails them ('' when it passes)."""
    try:
        found = inspect(copy, connect=connect, after=anchor)
    except sqlite3.Error as exc:
        return {"open": str(exc)}, f"it cannot be opened ({exc})"
    checks = {"integrity": "; ".join(found.integrity[:3])}
    if found.integrity != ("ok",):
        return checks, f"SQLite's integrity check found: {found.integrity[0]}"
    if found.snapshot is None or found.audit is None:
        return checks, "it could not be read through"
    held = found.snapshot
    whole = found.audit_walked == found.audit.entries
    checks["audit_walk"] = WHOLE if whole else f"from entry {found.audit.entries - found.audit_walked + 1:,}"
    checks["audit"] = (
        f"{found.audit.entries:,} entries intact" if found.audit.ok else "; ".join(found.audit.findings)
    )
    if held.counts != snapshot.counts or held.schema != snapshot.schema:
        differ = [
            f"{t} {held.counts.get(t, 0):,} of {n:,}"
            for t, n in snapshot.counts.items()
            if held.counts.get(t) != n
        ]
        checks["counts"] = "differ: " + ", ".join(differ or ["schema"])
        return checks, f"it does not hold what the practice held ({', '.join(differ or ['schema'])})"
    if (held.audit_entries, held.audit_head) != (snapshot.audit_entries, snapshot.audit_head):
        return checks, "its audit trail ends elsewhere than the practice's did"
    checks["counts"] = f"{held.clients:,} clients, {held.sessions:,} sessions: as in the practice"
    if not found.audit.ok:
        # A faithful copy of a practice whose own trail is broken is still the practice: keep it, say so.
        own = _audit_of(practice_path, connect)
        if own is None or own.ok or own.first_broken != found.audit.first_broken:
            return checks, "; ".join(found.audit.findings)
        checks["audit"] += " (as in the practice file itself: see main.py check)"
    return checks, ""


def _audit_of(practice_path: Path, connect: Connector) -> AuditReport | None:
    """The practice file's own audit verdict (None when it cannot be read)."""
    try:
        conn = connect(practice_path, read_only=True)
        try:
            return verify(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def anchor(folder: Path, moment: dt.datetime) -> tuple[int, str] | None:
    """Where the audit walk may start: the head of the newest good backup here, provided the whole chain
    was walked in this folder within the last :data:`FULL_WALK_EVERY` (else None: walk it whole)."""
    good = [b for b in list_folder(folder) if b.good and b.manifest is not None]
    whole = next(
        (b for b in good if b.manifest is not None and b.manifest.checks.get("audit_walk") == WHOLE), None
    )
    if not good or whole is None or moment - whole.created > FULL_WALK_EVERY or good[0].manifest is None:
        return None
    return good[0].manifest.audit_entries, good[0].manifest.audit_head
