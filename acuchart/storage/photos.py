"""Reading photos, their thumbnails and photo consent (the photo service writes them through the Writer)."""

from __future__ import annotations

from typing import Any

from acuchart.storage.store import Row, Store

# A photo with its session's client, start, signature and place in its course: what a timeline or a
# comparison labels it with. ``number`` counts the course's sessions in order, as the history does.
_WITH_SESSION = (
    "select p.*, s.client_id, s.started_at as session_started_at, s.signed_at as session_signed_at, "
    "s.course_id, c.planned_sessions as planned, "
    "case when s.course_id is null then null else "
    "(select count(*) from sessions e where e.course_id = s.course_id "
    "and (e.started_at < s.started_at or (e.started_at = s.started_at and e.id <= s.id))) end as number "
    "from photos p join sessions s on s.id = p.session_id left join courses c on c.id = s.course_id "
)


def photo(store: Store, photo_id: int) -> Row:
    """One photo with its session's details; ``NotFoundError`` if there is none."""
    row = store.one(_WITH_SESSION + "where p.id = ?", [photo_id])
    if row is None:
        store.get("photos", photo_id)  # raises NotFoundError with the house message
    assert row is not None
    return row


def for_session(store: Store, session_id: int) -> list[Row]:
    """A session's photos in view order, then as taken."""
    return store.rows(
        _WITH_SESSION + "where p.session_id = ? order by p.view, p.taken_at, p.id", [session_id]
    )


def for_client(store: Store, client_id: int) -> list[Row]:
    """A client's photos, oldest session first."""
    return store.rows(
        _WITH_SESSION + "where s.client_id = ? order by s.started_at, s.id, p.view, p.taken_at, p.id",
        [client_id],
    )


def by_hash(store: Store, sha256: str) -> Row | None:
    """The photo stored with this hash, with its session's details, if any."""
    return store.one(_WITH_SESSION + "where p.sha256 = ?", [sha256])


def files_in_use(store: Store) -> list[tuple[Any, ...]]:
    """(id, sha256, extension) of every photo, for checking and backing up the photo folder."""
    return store.tuples("select id, sha256, extension from photos order by id")


def thumbnail(store: Store, photo_id: int) -> bytes | None:
    """A photo's thumbnail JPEG, or None."""
    value = store.scalar("select jpeg from photo_thumbnails where photo_id = ?", [photo_id])
    return bytes(value) if value is not None else None


def thumbnail_id(store: Store, photo_id: int) -> int | None:
    """The id of a photo's thumbnail row."""
    value = store.scalar("select id from photo_thumbnails where photo_id = ?", [photo_id])
    return None if value is None else int(value)


def consent_decisions(store: Store, client_id: int) -> list[Row]:
    """A client's photo consent decisions, oldest first (the last for a use is the one in force)."""
    return store.rows("select * from photo_consents where client_id = ? order by decided_on, id", [client_id])
