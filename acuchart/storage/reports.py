"""Reading what printed documents need and the services do not hand out: when entries were made, and
ratings as they were signed.

A chart export prints each session as it was signed, with its amendments after it, so the ratings
here are the stored ones (the services apply amendments); and an auditor is told when a late
entry was actually made, so the sessions and reactions come with their ``created_at``.
"""

from __future__ import annotations

from acuchart.storage.store import Row, Store


def session_entries(store: Store, client_id: int) -> dict[int, str]:
    """When each of a client's sessions was entered (``created_at`` as stored), by session id."""
    rows = store.rows("select id, created_at from sessions where client_id = ?", [client_id])
    return {int(row["id"]): str(row["created_at"]) for row in rows}


def reaction_entries(store: Store, client_id: int) -> dict[int, tuple[str, bool]]:
    """When each reaction in a client's sessions was entered (``created_at``) and whether it was marked
    a late entry (reported after signing), by reaction id."""
    rows = store.rows(
        "select r.id, r.created_at, r.late_entry from reactions r join sessions s on s.id = r.session_id "
        "where s.client_id = ?",
        [client_id],
    )
    return {int(row["id"]): (str(row["created_at"]), bool(row["late_entry"])) for row in rows}


def mark_entries(store: Store, client_id: int) -> dict[int, str]:
    """When each mark in a client's sessions was entered (``created_at``), by mark id."""
    rows = store.rows(
        "select m.id, m.created_at from marks m join sessions s on s.id = m.session_id where s.client_id = ?",
        [client_id],
    )
    return {int(row["id"]): str(row["created_at"]) for row in rows}


def signed_ratings(store: Store, client_id: int) -> list[Row]:
    """Every rating of a client's sessions as stored (before amendments), by session and concern."""
    return store.rows(
        "select r.session_id, r.concern, r.score from ratings r join sessions s on s.id = r.session_id "
        "where s.client_id = ? order by r.session_id, r.concern",
        [client_id],
    )
