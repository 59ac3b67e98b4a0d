"""Courses of treatment: the plan (concerns, sessions, interval, start), where it stands, and maintenance."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import CONCERN_LABELS, COURSE_STATUSES, Course, CourseOverview, CourseProgress
from acuchart.services.record_rules import add_months, raise_if, today_or, whole_number
from acuchart.storage import clients as client_rows
from acuchart.storage import records as rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, DateDoesNotExistError, check_length, clean, date_problem, parse_date

DEFAULT_PLANNED_SESSIONS = 10
DEFAULT_INTERVAL_DAYS = 7
DEFAULT_MAINTENANCE_MONTHS = 3
MAINTENANCE_VISITS_PROPOSED = 3
MAX_PLANNED_SESSIONS = 100
MAX_MAINTENANCE_MONTHS = 24


@dataclass
class CourseForm:
    """What the new/edit course form sends, as typed; checked by :meth:`CourseRecords.validate_course`."""

    concerns: list[str] = field(default_factory=list)
    planned_sessions: int | str = DEFAULT_PLANNED_SESSIONS
    interval_days: int | str = DEFAULT_INTERVAL_DAYS
    start_date: dt.date | str | None = None
    maintenance_months: int | str = DEFAULT_MAINTENANCE_MONTHS
    notes: str = ""
    status: str = "active"

    @classmethod
    def from_course(cls, course: Course) -> CourseForm:
        """A form filled with a stored course, for editing."""
        return cls(
            concerns=list(course.concerns),
            planned_sessions=course.planned_sessions,
            interval_days=course.interval_days,
            start_date=course.start_date,
            maintenance_months=course.maintenance_months,
            notes=course.notes,
            status=course.status,
        )


MAINTENANCE_STATUSES: frozenset[str] = frozenset({"completed", "maintenance"})
"""Course statuses after which sessions charted beyond the course are maintenance visits."""


def course_sessions(planned: int, status: str, done_by_end: int) -> int | None:
    """How many of a course's sessions, in start order, are sessions of the course itself; every
    session after them is a maintenance visit (see :func:`maintenance_visit`). None while the course
    has not ended (active or stopped): then every session is one of the course.

    This is the one rule for numbering a course's sessions, used by the progress, the client's
    history and every printed document: once a course is completed or in maintenance, a session
    after its ``planned`` sessions is a maintenance visit, and so is one started after the day the
    course ended (a course closed early, after 8 of 10 sessions). ``done_by_end`` is how many of its
    sessions started on or before that day (all of them when no end day is recorded); the storage
    counts it as ``done_by_end`` / ``course_done_by_end``.
    """
    if status not in MAINTENANCE_STATUSES:
        return None
    return min(planned, done_by_end)


def maintenance_visit(position: int | None, sessions_of_course: int | None) -> int | None:
    """Which maintenance visit the session at ``position`` (1, 2, ... in start order) of a course is,
    given the course's own ``sessions_of_course`` (:func:`course_sessions`); None for a session of the
    course (the 11th of a course still active, whose plan was stretched, is session 11)."""
    if position is None or sessions_of_course is None or position <= sessions_of_course:
        return None
    return position - sessions_of_course


def progress_of(row: dict[str, Any], today: dt.date) -> CourseProgress:
    """Where a course stands, from its row with ``done``, ``done_by_end`` and ``last_started_at`` (see
    storage.records).

    Sessions charted after the course are counted apart, as maintenance visits (see
    :func:`course_sessions`). The next due date is the one the schema keeps in ``next_due_on`` (see
    ``storage/schema.py``).
    """
    done = int(row["done"] or 0)
    planned = int(row["planned_sessions"])
    visits = (
        maintenance_visit(done, course_sessions(planned, row["status"], int(row["done_by_end"] or 0))) or 0
    )
    last = dt.datetime.fromisoformat(row["last_started_at"]).date() if row["last_started_at"] else None
    next_due = dt.date.fromisoformat(row["next_due_on"]) if row["next_due_on"] else None
    overdue = next_due is not None and next_due < today
    days = (today - next_due).days if next_due is not None and overdue else 0
    return CourseProgress(row["id"], done - visits, planned, next_due, overdue, last, days, visits)


class CourseService:
    """Planning courses and following their progress."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def validate_course(self, client_id: int, form: CourseForm) -> dict[str, Any]:
        """Check a course form; return the row to store or raise :class:`ValidationError` naming each bad field."""
        client_row = client_rows.get(self._store, client_id)
        problems: dict[str, str] = {}
        concerns = list(dict.fromkeys(form.concerns))
        unknown = [c for c in concerns if c not in CONCERN_LABELS]
        if unknown:
            problems["concerns"] = _("Unknown concern: {join}.").format(join=", ".join(unknown))
        elif not concerns:
            problems["concerns"] = _("Choose at least one concern this course treats.")
        planned = whole_number(
            problems,
            "planned_sessions",
            form.planned_sessions,
            1,
            MAX_PLANNED_SESSIONS,
            _("Plan from 1 to {MAX_PLANNED_SESSIONS} sessions (a course is typically 6–12).").format(
                MAX_PLANNED_SESSIONS=MAX_PLANNED_SESSIONS
            ),
        )
        interval = whole_number(
            problems,
            "interval_days",
            form.interval_days,
            1,
            60,
            _("Sessions are 1 to 60 days apart (typically 7 to 14)."),
        )
        months = whole_number(
            problems,
            "maintenance_months",
            form.maintenance_months,
            1,
            MAX_MAINTENANCE_MONTHS,
            _("Maintenance visits are 1 to {MAX_MAINTENANCE_MONTHS} months apart.").format(
                MAX_MAINTENANCE_MONTHS=MAX_MAINTENANCE_MONTHS
            ),
        )
        start = self._start_date(problems, form.start_date, client_row.get("date_of_birth"))
        if form.status not in COURSE_STATUSES:
            problems["status"] = _("A course is {join}; not {status!r}.").format(
                join=", ".join(COURSE_STATUSES), status=form.status
            )
        notes = clean(form.notes)
        check_length(problems, "notes", notes, LONG_TEXT, _("The notes"))
        raise_if(problems)
        return {
            "concerns": json.dumps(concerns),
            "planned_sessions": planned,
            "interval_days": interval,
            "start_date": start,
            "maintenance_months": months,
            "notes": notes,
            "status": form.status,
        }

    @staticmethod
    def _start_date(problems: dict[str, str], value: dt.date | str | None, born: str | None) -> str:
        try:
            start = parse_date(value) or clock.today()
        except DateDoesNotExistError as error:
            problems["start_date"] = date_problem(_("The start date"), error)
            return clock.today().isoformat()
        except ValueError:
            problems["start_date"] = _("Write the start date as YYYY-MM-DD, for example 2026-03-05.")
            return clock.today().isoformat()
        if start > clock.today() + dt.timedelta(days=366):
            problems["start_date"] = _("The start date is more than a year from now. Check the year.")
        elif born and start < dt.date.fromisoformat(born):
            problems["start_date"] = _("The start date is before the client was born. Check the year.")
        return start.isoformat()

    def create_course(self, client_id: int, form: CourseForm) -> OpResult[Course]:
        """Plan a new course for a client; nothing is stored if any field is invalid."""
        row = self.validate_course(client_id, form)
        row.update(client_id=client_id, created_at=clock.stamp())
        if row["status"] in ("completed", "maintenance", "stopped"):
            row["ended_on"] = clock.today().isoformat()
        with self._store.write() as writer:
            course_id = writer.insert("courses", row)
        return OpResult(self.course(course_id), Changes(courses=True, client_id=client_id))

    def update_course(self, course_id: int, form: CourseForm) -> OpResult[Course]:
        """Save an edited course (its plan or its status); nothing is stored if any field is invalid."""
        current = self.course(course_id)
        row = self.validate_course(current.client_id, form)
        if row["status"] == "active":
            row["ended_on"] = None
        elif current.status == "active":
            row["ended_on"] = clock.today().isoformat()
        with self._store.write() as writer:
            writer.update("courses", course_id, row)
        return OpResult(self.course(course_id), Changes(courses=True, client_id=current.client_id))

    def propose_maintenance(
        self,
        course_id: int,
        months: int = DEFAULT_MAINTENANCE_MONTHS,
        on: dt.date | None = None,
        visits: int = MAINTENANCE_VISITS_PROPOSED,
    ) -> list[dt.date]:
        """The maintenance visits a course completed ``on`` (today) would lead to, every ``months``."""
        base = today_or(on)
        last = progress_of(rows.course(self._store, course_id), base).last_session_on
        if last is not None and last > base:
            base = last
        return [add_months(base, months * k) for k in range(1, visits + 1)]

    def complete_course(
        self,
        course_id: int,
        maintenance_months: int | None = DEFAULT_MAINTENANCE_MONTHS,
        on: dt.date | None = None,
    ) -> OpResult[list[dt.date]]:
        """Close an active course, into maintenance every ``maintenance_months`` (None: no maintenance).

        Returns:
            The proposed maintenance visits (empty without maintenance).

        Raises:
            ValidationError: if the course is not active or the months are out of range.
        """
        current = self.course(course_id)
        if current.status != "active":
            raise ValidationError(
                {"status": _("This course is already {lower}.").format(lower=current.status_label.lower())}
            )
        ended = today_or(on)
        changes: dict[str, Any] = {"status": "completed", "ended_on": ended.isoformat()}
        proposed: list[dt.date] = []
        if maintenance_months is not None:
            problems: dict[str, str] = {}
            months = whole_number(
                problems,
                "maintenance_months",
                maintenance_months,
                1,
                MAX_MAINTENANCE_MONTHS,
                _("Maintenance visits are 1 to {MAX_MAINTENANCE_MONTHS} months apart.").format(
                    MAX_MAINTENANCE_MONTHS=MAX_MAINTENANCE_MONTHS
                ),
            )
            raise_if(problems)
            changes.update(status="maintenance", maintenance_months=months)
            proposed = self.propose_maintenance(course_id, months, ended)
        with self._store.write() as writer:
            writer.update("courses", course_id, changes)
        return OpResult(proposed, Changes(courses=True, client_id=current.client_id))

    def course(self, course_id: int) -> Course:
        """One course; ``NotFoundError`` if the id is unknown."""
        return Course.from_row(rows.course(self._store, course_id))

    def courses_for(self, client_id: int) -> list[Course]:
        """A client's courses, the newest first."""
        return [Course.from_row(row) for row in rows.courses(self._store, client_id)]

    def overviews(self, client_id: int, today: dt.date | None = None) -> tuple[CourseOverview, ...]:
        """A client's courses, the newest first, each with where it stands."""
        day = today_or(today)
        return tuple(
            CourseOverview(Course.from_row(row), progress_of(row, day))
            for row in rows.courses(self._store, client_id)
        )

    def current_course(self, client_id: int) -> Course | None:
        """The course a new session belongs to: the newest active one, else the newest in maintenance."""
        courses = self.courses_for(client_id)
        for status in ("active", "maintenance"):
            found = next((c for c in courses if c.status == status), None)
            if found is not None:
                return found
        return None

    def course_progress(self, course_id: int, today: dt.date | None = None) -> CourseProgress:
        """Where a course stands: session number of planned (and maintenance visits after them), the
        next due date, and whether it is overdue."""
        return progress_of(rows.course(self._store, course_id), today_or(today))
