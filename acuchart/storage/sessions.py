"""Reading sessions, their marks and reactions, and the practitioner's own protocols."""

from __future__ import annotations

from acuchart.storage.store import Row, Store


def session_with_client(store: Store, session_id: int) -> Row | None:
    """One session's row, with its client's caution flags as ``client_caution_flags``."""
    return store.one(
        "select s.*, c.caution_flags as client_caution_flags from sessions s "
        "join clients c on c.id = s.client_id where s.id = ?",
        [session_id],
    )


def marks(store: Store, session_id: int) -> list[Row]:
    """A session's marks in the order they were made."""
    return store.rows("select * from marks where session_id = ? order by id", [session_id])


def reactions(store: Store, session_id: int) -> list[Row]:
    """A session's reactions in the order they were recorded."""
    return store.rows("select * from reactions where session_id = ? order by id", [session_id])


def mark_session(store: Store, mark_id: int) -> int | None:
    """The session a mark belongs to."""
    value = store.scalar("select session_id from marks where id = ?", [mark_id])
    return None if value is None else int(value)


def reaction_session(store: Store, reaction_id: int) -> int | None:
    """The session a reaction belongs to."""
    value = store.scalar("select session_id from reactions where id = ?", [reaction_id])
    return None if value is None else int(value)


def reactions_at_marks(store: Store, mark_ids: list[int]) -> list[Row]:
    """The reactions recorded at any of these marks."""
    if not mark_ids:
        return []
    placeholders = ", ".join("?" for _ in mark_ids)
    return store.rows(f"select * from reactions where mark_id in ({placeholders}) order by id", mark_ids)


def for_client(store: Store, client_id: int) -> list[Row]:
    """A client's sessions, the latest first."""
    return store.rows(
        "select * from sessions where client_id = ? order by started_at desc, id desc",
        [client_id],
    )


def previous_session_id(store: Store, client_id: int, session_id: int, started_at: str) -> int | None:
    """The client's latest session before this one that has marks ("repeat last")."""
    value = store.scalar(
        "select s.id from sessions s where s.client_id = ? and s.id != ? "
        "and (s.started_at < ? or (s.started_at = ? and s.id < ?)) "
        "and exists (select 1 from marks m where m.session_id = s.id) "
        "order by s.started_at desc, s.id desc limit 1",
        [client_id, session_id, started_at, started_at, session_id],
    )
    return None if value is None else int(value)


def has_consent(store: Store, client_id: int) -> bool:
    """True when the client has any consent on file."""
    return store.scalar("select 1 from consents where client_id = ? limit 1", [client_id]) is not None


def client_exists(store: Store, client_id: int) -> bool:
    """True when the client id is known."""
    return store.scalar("select 1 from clients where id = ?", [client_id]) is not None


def course_client(store: Store, course_id: int) -> int | None:
    """The client a course belongs to."""
    value = store.scalar("select client_id from courses where id = ?", [course_id])
    return None if value is None else int(value)


def courses_for_client(store: Store, client_id: int) -> list[Row]:
    """A client's courses, newest first: id, start_date, status, concerns."""
    return store.rows(
        "select id, start_date, status, concerns, planned_sessions from courses where client_id = ? "
        "order by start_date desc, id desc",
        [client_id],
    )


def protocols(store: Store) -> list[Row]:
    """The practitioner's own protocols by name."""
    return store.rows("select * from protocols order by name collate nocase")


def protocol_by_name(store: Store, name: str) -> Row | None:
    """A protocol by its (case-insensitive) name."""
    return store.one("select * from protocols where name = ? collate nocase", [name])


def recent_point_codes(store: Store, sessions: int, limit: int) -> list[str]:
    """The catalogue codes charted most often in the practice's latest ``sessions`` sessions, most first.

    Reads only the marks of those sessions (through ``marks_by_session``), so it costs the same in a
    practice of ten thousand clients as in a new one.
    """
    rows = store.rows(
        "select code, count(*) as times from marks "
        "where session_id > (select coalesce(max(id), 0) from sessions) - ? and code is not null "
        "group by code order by times desc, code limit ?",
        [sessions, limit],
    )
    return [str(row["code"]) for row in rows]
