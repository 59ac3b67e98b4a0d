"""The clinical record as values: consent, courses, progress, signing, amendments, follow-up."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from acuchart.dates import short_date
from acuchart.i18n import N_, Labels, Language, _, app_language, ngettext
from acuchart.models.practice import (
    CONCERN_LABELS,
    REACTION_LABELS,
    SEVERITY_LABELS,
    Client,
    _date,
    _datetime,
)

# --- The clinical record: consent, courses, progress, signing, follow-up (issue 5) -------------------

# How informed consent was obtained, as stable keys and the words a practitioner reads.
CONSENT_METHODS = Labels(
    ("signed_form", N_("Signed consent form")),
    ("electronic", N_("Signed electronically")),
    ("verbal", N_("Verbal, noted in the chart")),
)
CONSENT_METHOD_LABELS = CONSENT_METHODS.by_key()
COURSE_STATUS_LABELS = Labels(
    ("active", N_("Active")),
    ("completed", N_("Completed")),
    ("maintenance", N_("Maintenance")),
    ("stopped", N_("Stopped")),
).by_key()
RATING_MIN = 0
RATING_MAX = 10
RATING_SCALE_NOTE = N_("0 = no concern, 10 = a great concern")


@dataclass(frozen=True)
class Consent:
    """Informed consent on file: when it was given, to which text, and how."""

    id: int
    client_id: int
    given_on: dt.date
    text_version: str
    method: str
    note: str = ""
    recorded_at: dt.datetime | None = None
    recorded_by: str = ""

    @property
    def method_label(self) -> str:
        """How it was obtained, in words."""
        return CONSENT_METHOD_LABELS.get(self.method, self.method)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Consent:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            given_on=dt.date.fromisoformat(row["given_on"]),
            text_version=row["text_version"],
            method=row["method"],
            note=row.get("note", ""),
            recorded_at=_datetime(row.get("recorded_at")),
            recorded_by=row.get("recorded_by", ""),
        )


@dataclass(frozen=True)
class Course:
    """A plan of treatment for one client: what it treats, how many sessions, how far apart."""

    id: int
    client_id: int
    concerns: tuple[str, ...]
    planned_sessions: int
    interval_days: int
    start_date: dt.date
    status: str = "active"
    maintenance_months: int = 3
    notes: str = ""
    ended_on: dt.date | None = None

    @property
    def title(self) -> str:
        """How the practitioner names it: the concerns it treats and when it began."""
        concerns = ", ".join(CONCERN_LABELS.get(c, c).split(" (")[0] for c in self.concerns) or _("Course")
        return _("{concerns} · from {start_date}").format(
            concerns=concerns, start_date=short_date(self.start_date)
        )

    @property
    def status_label(self) -> str:
        """The status in words."""
        return COURSE_STATUS_LABELS.get(self.status, self.status)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Course:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            concerns=tuple(json.loads(row.get("concerns") or "[]")),
            planned_sessions=row["planned_sessions"],
            interval_days=row["interval_days"],
            start_date=dt.date.fromisoformat(row["start_date"]),
            status=row["status"],
            maintenance_months=row["maintenance_months"],
            notes=row.get("notes", ""),
            ended_on=_date(row.get("ended_on")),
        )


def maintenance_visits_phrase(count: int, language: Language | None = None) -> str:
    """``1 maintenance visit``, ``2 maintenance visits``."""
    lang = language or app_language()
    return lang.ngettext("{count} maintenance visit", "{count} maintenance visits", count).format(count=count)


def maintenance_every(months: int, language: Language | None = None) -> str:
    """``Maintenance every 3 months``."""
    lang = language or app_language()
    return lang.ngettext(
        "Maintenance every {count} month", "Maintenance every {count} months", months
    ).format(count=months)


def session_label(number: int | None, maintenance_visit: int | None) -> str:
    """A session's number in its course as a narrow column shows it: ``4``, ``M1`` for the first
    maintenance visit, ``—`` outside a course."""
    if maintenance_visit is not None:
        return f"M{maintenance_visit}"
    return "—" if number is None else str(number)


@dataclass(frozen=True)
class CourseProgress:
    """Where a course stands today: ``session_number`` of ``planned`` charted, when the next is due.

    ``session_number`` counts the course's own sessions; visits after the planned sessions of a
    completed course or one in maintenance are ``maintenance_visits`` (see
    :func:`acuchart.services.courses.maintenance_visit`). ``next_due`` is the date the next session
    (or, in maintenance, the next maintenance visit) is due; None when every planned session is
    charted. ``overdue`` is True once that date has passed.
    """

    course_id: int
    session_number: int
    planned: int
    next_due: dt.date | None
    overdue: bool
    last_session_on: dt.date | None = None
    days_overdue: int = 0
    maintenance_visits: int = 0

    @property
    def label(self) -> str:
        """``session 4 of 10``, or ``session 10 of 10, plus 1 maintenance visit``, as the client page says it."""
        text = _("session {session_number} of {planned}").format(
            session_number=self.session_number, planned=self.planned
        )
        if self.maintenance_visits:
            text += _(", plus {maintenance_visits_phrase}").format(
                maintenance_visits_phrase=maintenance_visits_phrase(self.maintenance_visits)
            )
        return text

    @property
    def all_planned_done(self) -> bool:
        """True when every planned session has been charted."""
        return self.session_number >= self.planned


@dataclass(frozen=True)
class Amendment:
    """A change to a signed session, appended to it: the original stays as it was signed."""

    id: int
    session_id: int
    entity: str
    entity_id: int | None
    field: str
    field_label: str
    old_value: str | None
    new_value: str | None
    reason: str
    author: str
    at: dt.datetime


@dataclass(frozen=True)
class SessionSummary:
    """One line of a client's session history."""

    id: int
    started_at: dt.datetime
    course_id: int | None
    number: int | None
    points: int
    reactions: int
    open_reactions: int
    signed_at: dt.datetime | None
    signed_by: str
    late_entry: bool
    amendments: int
    maintenance_visit: int | None = None
    """1, 2, ... for a maintenance visit after the planned sessions of its course; None otherwise."""

    @property
    def signed(self) -> bool:
        """True once the practitioner has signed the session."""
        return self.signed_at is not None

    @property
    def number_label(self) -> str:
        """The number the history shows: ``4``, ``M1`` for the first maintenance visit, ``—`` outside a course."""
        return session_label(self.number, self.maintenance_visit)


class ReactionFollowUp(NamedTuple):
    """A reaction as the follow-up lists show it: who, when, what, where, and whether it is resolved.

    A named tuple, not a dataclass: the practice-wide follow-ups build thousands at a time.
    """

    id: int
    session_id: int
    client_id: int
    client_name: str
    session_on: dt.date
    kind: str
    severity: str
    onset: str
    where: str
    note: str
    resolved_on: dt.date | None = None
    late_entry: bool = False

    @property
    def label(self) -> str:
        """``Moderate bruising at left ST2`` or ``Mild headache``."""
        kind = REACTION_LABELS.get(self.kind, self.kind).lower()
        severity = SEVERITY_LABELS.get(self.severity, self.severity)
        if self.where:
            text = _("{severity} {kind} at {where}").format(severity=severity, kind=kind, where=self.where)
        else:
            text = _("{severity} {kind}").format(severity=severity, kind=kind)
        return text[:1].upper() + text[1:]

    @property
    def is_open(self) -> bool:
        """True until the reaction is marked resolved."""
        return self.resolved_on is None


class CourseDue(NamedTuple):
    """A course that needs the practitioner's attention: a session overdue, or maintenance due.

    A named tuple for the same reason as :class:`ReactionFollowUp`.

    ``session_number`` is how many sessions are charted (None for maintenance, where it is not counted).
    """

    course_id: int
    client_id: int
    client_name: str
    status: str
    due_on: dt.date
    session_number: int | None
    planned: int
    days_late: int
    maintenance_months: int = 3

    @property
    def when(self) -> str:
        """``12 days overdue``, ``due today`` or ``due in 5 days``."""
        if self.days_late > 0:
            return ngettext("{count} day overdue", "{count} days overdue", self.days_late).format(
                count=self.days_late
            )
        if self.days_late == 0:
            return _("due today")
        return ngettext("due in {count} day", "due in {count} days", -self.days_late).format(
            count=-self.days_late
        )


@dataclass(frozen=True)
class FollowUps:
    """What the practitioner should ask about or book: open reactions, overdue courses, maintenance due."""

    today: dt.date
    open_reactions: tuple[ReactionFollowUp, ...] = ()
    overdue_courses: tuple[CourseDue, ...] = ()
    due_maintenance: tuple[CourseDue, ...] = ()
    totals: tuple[int, int, int] | None = None
    """How many there are of each (open reactions, overdue courses, maintenance due) when the lists hold only
    the first few; None when they hold everything."""

    @property
    def counts(self) -> tuple[int, int, int]:
        """How many open reactions, overdue courses and maintenance visits due there are in all."""
        if self.totals is not None:
            return self.totals
        return len(self.open_reactions), len(self.overdue_courses), len(self.due_maintenance)

    @property
    def count(self) -> int:
        """How many things need following up."""
        return sum(self.counts)


@dataclass(frozen=True)
class RatingSeries:
    """One concern's ratings over a course: ``(session number, score)`` in session order."""

    concern: str
    points: tuple[tuple[int, int], ...]

    @property
    def label(self) -> str:
        """The concern in words."""
        return CONCERN_LABELS.get(self.concern, self.concern)


@dataclass(frozen=True)
class CautionReview:
    """Whether the client's cautions are due a review, and the sentence that says so."""

    due: bool
    text: str
    months_since: int | None = None


@dataclass(frozen=True)
class CourseOverview:
    """A course with where it stands."""

    course: Course
    progress: CourseProgress


@dataclass(frozen=True)
class ClientRecord:
    """Everything the client page shows beyond identity, read in one go."""

    client: Client
    caution_review: CautionReview
    consents: tuple[Consent, ...]
    courses: tuple[CourseOverview, ...]
    history: tuple[SessionSummary, ...]
    reactions: tuple[ReactionFollowUp, ...]

    @property
    def has_consent(self) -> bool:
        """True when any consent is on file."""
        return bool(self.consents)


@dataclass(frozen=True)
class AmendableField:
    """Something of a signed session an amendment may change, with its value as it stands now."""

    entity: str
    entity_id: int | None
    field: str
    label: str
    current: str
    choices: tuple[tuple[str, str], ...] = ()
