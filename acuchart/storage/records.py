"""Reading the clinical record around sessions: consent, courses, ratings, amendments, follow-ups.

Every query here is shaped for one screen and kept cheap at a large practice: the follow-ups
read open reactions through a partial index and active courses through ``courses_by_status``,
and per-course counts come from the covering index ``sessions_by_course (course_id, started_at)``.
"""

from __future__ import annotations

from acuchart.storage.store import Row, Store

# --- consent -------------------------------------------------------------------------------------


def consents(store: Store, client_id: int) -> list[Row]:
    """A client's consents, the latest first."""
    return store.rows(
        "select * from consents where client_id = ? order by given_on desc, id desc",
        [client_id],
    )


# --- courses -------------------------------------------------------------------------------------

_COURSE_STATS = (
    "(select count(*) from sessions s where s.course_id = c.id) as done, "
    "(select max(s.started_at) from sessions s where s.course_id = c.id) as last_started_at"
)


def courses(store: Store, client_id: int) -> list[Row]:
    """A client's courses, the newest first, each with ``done`` (sessions charted) and ``last_started_at``."""
    return store.rows(
        f"select c.*, {_COURSE_STATS} from courses c where c.client_id = ? order by c.start_date desc, c.id desc",
        [client_id],
    )


def course(store: Store, course_id: int) -> Row:
    """One course with ``done`` and ``last_started_at``; ``NotFoundError`` if there is none."""
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
    """A client's sessions, newest first, with their number in the course and the counts a history shows."""
    return store.rows(
        "select s.id, s.started_at, s.created_at, s.course_id, s.signed_at, s.signed_by, s.late_entry, "
        "case when s.course_id is null then null else "
        "row_number() over (partition by s.course_id order by s.started_at, s.id) end as number, "
        "(select count(*) from marks m where m.session_id = s.id) as points, "
        "(select count(*) from reactions r where r.session_id = s.id) as reactions, "
        "(select count(*) from reactions r where r.session_id = s.id and r.resolved_on is null) as open_reactions, "
        "(select count(*) from reactions r where r.session_id = s.id and r.late_entry) as late_reactions, "
        "(select count(*) from amendments a where a.session_id = s.id) as amendments "
        "from sessions s where s.client_id = ? order by s.started_at desc, s.id desc",
        [client_id],
    )


# --- reactions for follow-up ---------------------------------------------------------------------

_REACTION_COLUMNS = (
    "r.id, r.session_id, r.mark_id, r.kind, r.severity, r.onset, r.note, r.resolved_on, r.late_entry, "
    "s.client_id, s.started_at, cl.first_name, cl.last_name, m.code, m.side, m.label"
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


def client_reactions(store: Store, client_id: int) -> list[Row]:
    """A client's reactions, open ones first, then the newest."""
    return store.rows(
        f"select {_REACTION_COLUMNS} from reactions r {_REACTION_JOINS} where s.client_id = ? "
        "order by r.resolved_on is not null, s.started_at desc, r.id desc",
        [client_id],
    )


def open_reactions(store: Store) -> list[Row]:
    """Every open reaction in the practice, the oldest session first (read through the partial index)."""
    return store.rows(
        f"select {_REACTION_COLUMNS} from reactions r {_REACTION_JOINS} "
        "where r.resolved_on is null order by s.started_at, r.id"
    )


# --- courses for follow-up -----------------------------------------------------------------------


def overdue_courses(store: Store, today: str) -> list[Row]:
    """Active courses of current clients with planned sessions left whose next session fell due before today.

    The next session is due ``interval_days`` after the last one, or on the start date before the first.
    """
    return store.rows(
        "with c as (select c.id, c.client_id, c.start_date, c.interval_days, c.planned_sessions, c.status, "
        f"{_COURSE_STATS} from courses c where c.status = 'active'), "
        "d as (select c.*, case when c.last_started_at is null then c.start_date "
        "else date(substr(c.last_started_at, 1, 10), '+' || c.interval_days || ' days') end as due_on from c "
        "where c.done < c.planned_sessions) "
        "select d.*, cl.first_name, cl.last_name from d join clients cl on cl.id = d.client_id "
        "where cl.archived = 0 and d.due_on < ? order by d.due_on, d.id",
        [today],
    )


def maintenance_courses(store: Store, due_before: str) -> list[Row]:
    """Courses in maintenance of current clients whose next visit may fall due before ``due_before``.

    SQLite's month arithmetic differs from the service's by a few days at month ends, so this
    reads a few days wide; the service decides exactly.
    """
    return store.rows(
        "with c as (select c.id, c.client_id, c.start_date, c.ended_on, c.maintenance_months, c.status, "
        f"c.planned_sessions, {_COURSE_STATS} from courses c where c.status = 'maintenance') "
        "select c.*, cl.first_name, cl.last_name from c join clients cl on cl.id = c.client_id "
        "where cl.archived = 0 and date(max(coalesce(c.ended_on, c.start_date), "
        "coalesce(substr(c.last_started_at, 1, 10), '')), '+' || c.maintenance_months || ' months', '-4 days') < ? "
        "order by c.id",
        [due_before],
    )
