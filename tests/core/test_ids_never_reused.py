"""An id names one record forever: the audit trail and undo rely on it (``m002_ids_never_reused``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from acuchart.errors import SignedSessionError, ValidationError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.storage.schema import MIGRATIONS


def charted_session(practice: Practice) -> tuple[int, int]:
    """A client with consent and a session with left ST2 marked: (session id, mark id)."""
    client = practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley")).value
    practice.consent.record_consent(client.id, "2026-01-05", "signed_form")
    session = practice.sessions.create(client.id).value
    mark = practice.charting.mark_point(session.id, "ST2", "left").value
    return session.id, mark.id


def test_a_new_reaction_never_takes_the_id_of_a_deleted_one(practice: Practice) -> None:
    session_id, mark_id = charted_session(practice)
    bruise = practice.charting.add_reaction(session_id, mark_id, "bruising", "mild").value
    practice.charting.delete_reaction(bruise.id)
    redness = practice.charting.add_reaction(session_id, mark_id, "redness", "mild").value
    assert redness.id != bruise.id
    named = practice.store.rows("select action, entity_id from audit where entity = 'reactions' order by id")
    assert named == [
        {"action": "insert", "entity_id": bruise.id},
        {"action": "delete", "entity_id": bruise.id},
        {"action": "insert", "entity_id": redness.id},
    ]


def test_undoing_a_deletion_after_a_newer_reaction_puts_it_back_under_its_own_id(practice: Practice) -> None:
    session_id, mark_id = charted_session(practice)
    bruise = practice.charting.add_reaction(session_id, mark_id, "bruising", "mild").value
    removed = practice.charting.delete_reaction(bruise.id).value
    practice.charting.add_reaction(session_id, mark_id, "redness", "mild")
    practice.charting.restore_reaction(removed)
    kinds = {r.id: r.kind for r in practice.sessions.load(session_id).reactions}
    assert kinds[bruise.id] == "bruising" and sorted(kinds.values()) == ["bruising", "redness"]


def test_putting_back_a_reaction_twice_or_at_a_point_no_longer_marked_is_refused_plainly(
    practice: Practice,
) -> None:
    session_id, mark_id = charted_session(practice)
    bruise = practice.charting.add_reaction(session_id, mark_id, "bruising", "mild").value
    with pytest.raises(ValidationError, match="recorded already"):
        practice.charting.restore_reaction(bruise)
    practice.charting.unmark(mark_id)
    with pytest.raises(ValidationError, match="no longer marked"):
        practice.charting.restore_reaction(bruise)
    assert practice.sessions.load(session_id).reactions == ()


def test_putting_back_a_reaction_after_the_session_was_signed_is_refused(practice: Practice) -> None:
    session_id, mark_id = charted_session(practice)
    removed = practice.charting.delete_reaction(
        practice.charting.add_reaction(session_id, mark_id, "bruising", "mild").value.id
    ).value
    practice.settings.update(practitioner_name="Dr. Jane Doe")
    practice.sessions.set_needles_removed(session_id, 1)
    practice.signing.sign(session_id)
    with pytest.raises(SignedSessionError):
        practice.charting.restore_reaction(removed)


def test_an_older_file_keeps_every_id_and_never_gives_a_deleted_one_again(tmp_path: Path) -> None:
    path = tmp_path / "older.acuchart"
    conn = sqlite3.connect(path)
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before="m002_ids_never_reused")
    conn.close()
    with sqlite3.connect(path) as raw:
        assert (
            "autoincrement"
            not in raw.execute("select sql from sqlite_master where name = 'reactions'").fetchone()[0]
        )
    # Charted under the first schema, whose tables have no sequence: the newest reaction deleted.
    practice = _open_without_upgrading(path)
    session_id, mark_id = charted_session(practice)
    kept = practice.charting.add_reaction(session_id, mark_id, "redness", "mild").value
    gone = practice.charting.add_reaction(session_id, mark_id, "bruising", "mild").value
    practice.charting.delete_reaction(gone.id)
    before = practice.store.rows("select * from reactions order by id")
    practice.close()

    practice = Practice.open(path)  # applies m002
    try:
        assert practice.store.rows("select * from reactions order by id") == before
        newer = practice.charting.add_reaction(session_id, mark_id, "soreness", "mild").value
        assert newer.id > gone.id and kept.id in {r.id for r in practice.sessions.load(session_id).reactions}
        assert practice.verify_audit().ok
        assert practice.store.rows("PRAGMA foreign_key_check") == []
        triggers = {
            row["name"]
            for row in practice.store.rows("select name from sqlite_master where type = 'trigger'")
        }
        assert {"audit_no_update", "audit_no_delete", "course_due_on_new_session"} <= triggers
    finally:
        practice.close()


def _open_without_upgrading(path: Path) -> Practice:
    """The practice file as an AcuChart of the first schema would write it (no m002 yet)."""
    from acuchart.storage.database import FileLock, _configure
    from acuchart.storage.store import Store

    conn = sqlite3.connect(path)
    _configure(conn, wal=True)
    lock = FileLock(path)
    lock.acquire()
    return Practice(Store(conn, path, lock))
