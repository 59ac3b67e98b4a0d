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
from acuchart.storage.store import Store


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
    # Charted under the first schema, whose tables have no sequence, through its audited writer: the
    # newest reaction deleted.
    store = _open_without_upgrading(path)
    with store.write() as w:
        at = w.at
        client_id = w.insert(
            "clients",
            {"first_name": "Amelia", "last_name": "Hartley", "created_at": at, "updated_at": at},
        )
        session_id = w.insert("sessions", {"client_id": client_id, "started_at": at, "created_at": at})
        mark_id = w.insert(
            "marks",
            {"session_id": session_id, "code": "ST2", "side": "left", "view": "face", "created_at": at},
        )
        reaction = {"session_id": session_id, "mark_id": mark_id, "severity": "mild", "onset": "during"}
        kept = w.insert("reactions", {**reaction, "kind": "redness", "created_at": at})
        gone = w.insert("reactions", {**reaction, "kind": "bruising", "created_at": at})
    with store.write() as w:
        w.delete("reactions", gone)
    before = store.rows("select * from reactions order by id")
    store.close()

    practice = Practice.open(path)  # applies m002 and every later migration
    try:
        after = practice.store.rows("select * from reactions order by id")
        assert (
            [(r["id"], r["kind"]) for r in after]
            == [(r["id"], r["kind"]) for r in before]
            == [(kept, "redness")]
        )
        newer = practice.charting.add_reaction(session_id, mark_id, "soreness", "mild").value
        assert newer.id > gone
        assert practice.verify_audit().ok
        assert practice.store.rows("PRAGMA foreign_key_check") == []
        triggers = {
            row["name"]
            for row in practice.store.rows("select name from sqlite_master where type = 'trigger'")
        }
        assert {"audit_no_update", "audit_no_delete", "course_due_on_new_session"} <= triggers
    finally:
        practice.close()


def _open_without_upgrading(path: Path) -> Store:
    """The practice file as an AcuChart of the first schema would write it (no m002 yet)."""
    from acuchart.storage.database import FileLock, _configure

    conn = sqlite3.connect(path)
    _configure(conn, wal=True)
    lock = FileLock(path)
    lock.acquire()
    return Store(conn, path, lock)
