"""Reading the clinical record around sessions: consent, courses, ratings, amendments, follow-ups.

Every query here is shaped for one screen and kept cheap at a large practice: the follow-ups
read open reactions through a partial index (by age) and courses due through ``courses_due (status,
next_due_on)``, a page at a time in those indexes' order, so what a page costs does not grow with the
practice; per-course counts come from the covering index ``sessions_by_course (course_id,
started_at)``.
"""

from __future__ import annotations

from typing import Any

from acuchart.storage import followup_tallies
from acuchart.storage.store import Row, Store

# --- consent -------------------------------------------------------------------------------------


def consents(store: Store, client_id: int) -> list[Row]:
    """A client's consents, the latest first."""
    return store.rows(
        "select * from consents where client_id = ? order by given_on desc, id desc",
        [client_id],
    )


# --- courses -------------------------------------------------------------------------------------

# Sessions of course ``c`` started on or before the day it ended (all of them while it has not ended):
# what :func:`acuchart.services.courses.course_sessions` needs to tell maintenance visits apart.
_DONE_BY_END = (
    "(select count(*) from sessions e where e.course_id = c.id "
    "and (c.ended_on is null or substr(e.started_at, 1, 10) <= c.ended_on))"
)
_COURSE_STATS = (
    "(select count(*) from sessions s where s.course_id = c.id) as done, "
    f"{_DONE_BY_END} as done_by_end, "
    "(select max(s.started_at) from sessions s where s.course_id = c.id) as last_started_at"
)


def courses(store: Store, client_id: int) -> list[Row]:
    """A client's courses, the newest first, each with ``done`` (sessions charted), ``done_by_end`` (those
    started by the day the course ended) and ``last_started_at``."""
    return store.rows(
        f"select c.*, {_COURSE_STATS} from courses c where c.client_id = ? order by c.start_date desc, c.id desc",
        [client_id],
    )


def course(store: Store, course_id: int) -> Row:
    """One course with ``done``, ``done_by_end`` and ``last_started_at``; ``NotFoundError`` if there is none."""
    row = store.one(f"select c.*, {_COURSE_STATS} from courses c where c.id = ?", [course_id])
    if row is None:
        store.get("courses", course_id)  # raises NotFoundError with the house message
    assert row is not None
    return row


def client_name(store: Store, client_id: int) -> str:
    """A client's first and last name."""
    row = store.get("clients", client_id)
    return f"{row['first_name']} {row['last_name']}".strip()


# --- sessions, ratings, amendments ---------------------------------------------------------------


def session(store: Store, session_id: int) -> Row:
    """A session's row; ``NotFoundError`` if there is none."""
    return store.get("sessions", session_id)


def session_concerns(store: Store, session_id: int) -> list[str]:
    """The JSON concern lists that apply to a session: its course's, then its client's intake."""
    row = store.one(
        "select co.concerns as course_concerns, cl.concerns as client_concerns from sessions s "
        "join clients cl on cl.id = s.client_id left join courses co on co.id = s.course_id where s.id = ?",
        [session_id],
    )
    if row is None:
        return []
    return [text for text in (row["course_concerns"], row["client_concerns"]) if text]


def ratings(store: Store, session_id: int) -> list[Row]:
    """A session's ratings as stored (before any amendment)."""
    return store.rows("select * from ratings where session_id = ? order by concern", [session_id])


def course_ratings(store: Store, course_id: int) -> list[Row]:
    """Every rating in a course with its session's id and start, in session order."""
    return store.rows(
        "select s.id as session_id, s.started_at, r.concern, r.score from sessions s "
        "join ratings r on r.session_id = s.id where s.course_id = ? order by s.started_at, s.id",
        [course_id],
    )


def course_sessions(store: Store, course_id: int) -> list[Row]:
    """A course's sessions (id, start) in order: the position in this list is the session number."""
    return store.rows(
        "select id, started_at from sessions where course_id = ? order by started_at, id",
        [course_id],
    )


def course_rating_amendments(store: Store, course_id: int) -> list[Row]:
    """Amendments to ratings of a course's sessions, oldest first."""
    return store.rows(
        "select a.* from amendments a join sessions s on s.id = a.session_id "
        "where s.course_id = ? and a.entity = 'ratings' order by a.id",
        [course_id],
    )


def amendments(store: Store, session_id: int) -> list[Row]:
    """A session's amendments, oldest first."""
    return store.rows("select * from amendments where session_id = ? order by id", [session_id])


def marks(store: Store, session_id: int) -> list[Row]:
    """A session's marks (what an amendment may name)."""
    return store.rows("select * from marks where session_id = ? order by id", [session_id])


def reactions(store: Store, session_id: int) -> list[Row]:
    """A session's reactions (what an amendment may name)."""
    return store.rows("select * from reactions where session_id = ? order by id", [session_id])


def history(store: Store, client_id: int) -> list[Row]:
    """A client's sessions, newest first, with their number in the course, the course's ``planned``,
    ``course_status`` and ``course_done_by_end`` (for maintenance visits), and the counts a history shows."""
    return store.rows(
        "select s.id, s.started_at, s.created_at, s.course_id, s.signed_at, s.signed_by, s.late_entry, "
        "case when s.course_id is null then null else "
        "row_number() over (partition by s.course_id order by s.started_at, s.id) end as number, "
        f"c.planned_sessions as planned, c.status as course_status, {_DONE_BY_END} as course_done_by_end, "
        "(select count(*) from marks m where m.session_id = s.id) as points, "
        "(select count(*) from reactions r where r.session_id = s.id) as reactions, "
        "(select count(*) from reactions r where r.session_id = s.id and r.resolved_on is null) as open_reactions, "
        "(select count(*) from reactions r where r.session_id = s.id and r.late_entry) as late_reactions, "
        "(select count(*) from amendments a where a.session_id = s.id) as amendments "
        "from sessions s left join courses c on c.id = s.course_id "
        "where s.client_id = ? order by s.started_at desc, s.id desc",
        [client_id],
    )


# --- reactions for follow-up ---------------------------------------------------------------------

# Reactions for follow-up come as plain tuples in this order (the follow-ups may read hundreds):
# id, session id, client id, client name, session start, kind, severity, onset, note, resolved on,
# late entry, and the mark's code, side and label (all None for a reaction of the whole session).
_REACTION_COLUMNS = (
    "r.id, r.session_id, s.client_id, cl.first_name || ' ' || cl.last_name, s.started_at, r.kind, r.severity, "
    "r.onset, r.note, r.resolved_on, r.late_entry, m.code, m.side, m.label"
)
_REACTION_JOINS = (
    "join sessions s on s.id = r.session_id join clients cl on cl.id = s.client_id "
    "left join marks m on m.id = r.mark_id"
)


def reaction(store: Store, reaction_id: int) -> Row:
    """One reaction with its session's client, start and signature."""
    row = store.one(
        "select r.*, s.client_id, s.started_at, s.signed_at from reactions r "
        "join sessions s on s.id = r.session_id where r.id = ?",
        [reaction_id],
    )
    if row is None:
        store.get("reactions", reaction_id)  # raises NotFoundError with the house message
    assert row is not None
    return row


def client_reactions(store: Store, client_id: int) -> list[tuple[Any, ...]]:
    """A client's reactions, open ones first, then the newest."""
    return store.conn.execute(
        f"select {_REACTION_COLUMNS} from reactions r {_REACTION_JOINS} where s.client_id = ? "
        "order by r.resolved_on is not null, s.started_at desc, r.id desc",
        [client_id],
    ).fetchall()


def open_reactions(store: Store, after: int | None = None, limit: int = -1) -> list[tuple[Any, ...]]:
    """Open reactions, the longest open first (by when each was recorded), the next ``limit`` (all: -1) after
    the reaction ``after``: read along the partial index ``reactions_open_by_age``, so a page costs the same
    however many are open."""
    keyset = (
        "and (r.created_at, r.id) > (select created_at, id from reactions where id = ?) " if after else ""
    )
    return store.conn.execute(
        f"select {_REACTION_COLUMNS} from reactions r {_REACTION_JOINS} "
        f"where r.resolved_on is null {keyset}order by r.created_at, r.id limit ?",
        [*([after] if after else []), limit],
    ).fetchall()


# --- courses for follow-up -----------------------------------------------------------------------
# Both read ``courses.next_due_on`` (kept by the schema's triggers) through the index ``courses_due``,
# so they touch only the courses that are due. They return plain tuples in the order of the fields of
# :class:`acuchart.models.CourseDue` less the days late (course id, client id, client name, status,
# due on, sessions done, planned, maintenance months): the follow-ups may read thousands, and every
# microsecond per row shows. Sessions are counted for active courses only.


def _due_select(sessions_done: str) -> str:
    return (
        "select c.id, c.client_id, cl.first_name || ' ' || cl.last_name, c.status, c.next_due_on, "
        f"{sessions_done}, c.planned_sessions, c.maintenance_months "
        "from courses c join clients cl on cl.id = c.client_id "
    )


def _due_keyset(after: tuple[str, int] | None) -> str:
    return "and (c.next_due_on, c.id) > (:after_due, :after_id) " if after else ""


def _due_params(bound: str, after: tuple[str, int] | None, limit: int) -> dict[str, Any]:
    due, course_id = after or ("", 0)
    return {"bound": bound, "after_due": due, "after_id": course_id, "limit": limit}


def overdue_courses(
    store: Store, today: str, after: tuple[str, int] | None = None, limit: int = -1
) -> list[tuple[Any, ...]]:
    """Active courses of current clients whose next session fell due before ``today``, the longest overdue
    first: the next ``limit`` (all: -1) after ``after`` (a due date and course id)."""
    return store.conn.execute(
        _due_select("(select count(*) from sessions s where s.course_id = c.id)")
        + "where c.status = 'active' and c.next_due_on < :bound and cl.archived = 0 "
        + _due_keyset(after)
        + "order by c.next_due_on, c.id limit :limit",
        _due_params(today, after, limit),
    ).fetchall()


def maintenance_due(
    store: Store, due_by: str, after: tuple[str, int] | None = None, limit: int = -1
) -> list[tuple[Any, ...]]:
    """Courses in maintenance of current clients whose next visit falls due by ``due_by``, the earliest first:
    the next ``limit`` (all: -1) after ``after`` (a due date and course id)."""
    return store.conn.execute(
        _due_select("null")
        + "where c.status = 'maintenance' and c.next_due_on <= :bound and cl.archived = 0 "
        + _due_keyset(after)
        + "order by c.next_due_on, c.id limit :limit",
        _due_params(due_by, after, limit),
    ).fetchall()


def followup_counts(store: Store, today: str, due_by: str) -> tuple[int, int, int]:
    """How many open reactions, overdue courses and maintenance visits due there are (from the tallies the
    schema keeps, so counting costs the same in any practice: ``followup_tallies``)."""
    return followup_tallies.counts(store, today, due_by)
