"""The practice's records as plain, typed values. Services hand these out; nothing here touches storage."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal

# The intake caution flags (DOMAIN.md), as stable keys and the words a practitioner reads.
CAUTION_FLAGS: tuple[tuple[str, str], ...] = (
    ("anticoagulants", "Anticoagulants or antiplatelets (incl. aspirin, fish oil, ginkgo)"),
    ("bleeding_disorder", "Bleeding disorder"),
    ("pregnancy", "Pregnancy"),
    ("fillers_botox", "Dermal fillers or botulinum toxin in the last weeks"),
    ("skin_infection", "Active skin infection or inflamed acne at a site"),
    ("keloid", "Keloid tendency"),
    ("high_blood_pressure", "Uncontrolled high blood pressure"),
    ("migraine", "Severe migraine"),
    ("diabetes", "Diabetes"),
    ("immunosuppression", "Immunosuppression"),
    ("fainting", "History of fainting or needle phobia"),
    ("implant", "Pacemaker or implanted device"),
    ("metal_allergy", "Metal allergy (nickel)"),
)
CAUTION_LABELS = dict(CAUTION_FLAGS)

Side = Literal["left", "right", "midline"]

REACTION_KINDS_AT_POINT: tuple[tuple[str, str], ...] = (
    ("bruising", "Bruising"),
    ("redness", "Redness"),
    ("soreness", "Soreness"),
    ("swelling", "Swelling"),
    ("bleeding", "Bleeding"),
    ("itching", "Itching"),
    ("other", "Other"),
)
REACTION_KINDS_SESSION: tuple[tuple[str, str], ...] = (
    ("dizziness", "Dizziness or fainting"),
    ("headache", "Headache"),
    ("fatigue", "Fatigue"),
    ("other", "Other"),
)
REACTION_LABELS = dict(REACTION_KINDS_AT_POINT + REACTION_KINDS_SESSION)
SEVERITIES: tuple[str, ...] = ("mild", "moderate", "severe")
ONSETS: tuple[tuple[str, str], ...] = (
    ("during", "During the session"),
    ("after", "After the session"),
    ("later", "Reported later"),
)
COURSE_STATUSES: tuple[str, ...] = ("active", "completed", "maintenance", "stopped")


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Client:
    """A person the practice treats."""

    id: int
    first_name: str
    last_name: str
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    concerns: tuple[str, ...] = ()
    skin_notes: str = ""
    goals: str = ""
    caution_flags: tuple[str, ...] = ()
    caution_notes: str = ""
    cautions_reviewed_on: dt.date | None = None
    archived: bool = False

    @property
    def full_name(self) -> str:
        """First and last name as printed on a handout."""
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def sort_name(self) -> str:
        """Last name first, as a client list shows it."""
        return f"{self.last_name}, {self.first_name}" if self.last_name else self.first_name

    @property
    def has_cautions(self) -> bool:
        """True when any caution flag or caution note is recorded."""
        return bool(self.caution_flags or self.caution_notes)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Client:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            preferred_name=row.get("preferred_name", ""),
            date_of_birth=_date(row.get("date_of_birth")),
            phone=row.get("phone", ""),
            email=row.get("email", ""),
            address=row.get("address", ""),
            concerns=tuple(json.loads(row.get("concerns") or "[]")),
            skin_notes=row.get("skin_notes", ""),
            goals=row.get("goals", ""),
            caution_flags=tuple(json.loads(row.get("caution_flags") or "[]")),
            caution_notes=row.get("caution_notes", ""),
            cautions_reviewed_on=_date(row.get("cautions_reviewed_on")),
            archived=bool(row.get("archived", 0)),
        )


@dataclass(frozen=True)
class ClientSummary:
    """One line of the client list: enough to recognise the person, nothing more."""

    id: int
    first_name: str
    last_name: str
    date_of_birth: str | None
    phone: str
    email: str
    archived: bool

    @property
    def display_name(self) -> str:
        """Last name first."""
        return f"{self.last_name}, {self.first_name}" if self.last_name else self.first_name


@dataclass(frozen=True)
class PracticeSettings:
    """Who the practice is, as printed on every handout."""

    practice_name: str = ""
    practitioner_name: str = ""
    licence_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    paper_size: Literal["A4", "Letter"] = "A4"
    caution_review_months: int = 6
    consent_text_version: str = "2026-1"
    extra: dict[str, Any] = field(default_factory=dict)


# The intake list of concerns a course treats (DOMAIN.md), as stable keys and labels.
CONCERNS: tuple[tuple[str, str], ...] = (
    ("wrinkles", "Wrinkles and fine lines"),
    ("sagging", "Sagging skin (neck, jawline)"),
    ("acne", "Acne and acne scars"),
    ("dark_circles", "Dark circles and puffiness under the eyes"),
    ("radiance", "Skin radiance and complexion"),
    ("muscle_tension", "Facial muscle tension (frown lines)"),
    ("scars", "Scars"),
    ("wellbeing", "Overall well-being and stress"),
)
CONCERN_LABELS = dict(CONCERNS)


# --- The clinical record: consent, courses, progress, signing, follow-up (issue 5) -------------------

# How informed consent was obtained, as stable keys and the words a practitioner reads.
CONSENT_METHODS: tuple[tuple[str, str], ...] = (
    ("signed_form", "Signed consent form"),
    ("electronic", "Signed electronically"),
    ("verbal", "Verbal, noted in the chart"),
)
CONSENT_METHOD_LABELS = dict(CONSENT_METHODS)
COURSE_STATUS_LABELS: dict[str, str] = {
    "active": "Active",
    "completed": "Completed",
    "maintenance": "Maintenance",
    "stopped": "Stopped",
}
RATING_MIN = 0
RATING_MAX = 10
RATING_SCALE_NOTE = "0 = no concern, 10 = a great concern"


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
        concerns = ", ".join(CONCERN_LABELS.get(c, c).split(" (")[0] for c in self.concerns) or "Course"
        return f"{concerns} · from {self.start_date:%d %b %Y}"

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


@dataclass(frozen=True)
class CourseProgress:
    """Where a course stands today: ``session_number`` of ``planned`` charted, when the next is due.

    ``next_due`` is the date the next session (or, in maintenance, the next maintenance visit) is
    due; None when every planned session is charted. ``overdue`` is True once that date has passed.
    """

    course_id: int
    session_number: int
    planned: int
    next_due: dt.date | None
    overdue: bool
    last_session_on: dt.date | None = None
    days_overdue: int = 0

    @property
    def label(self) -> str:
        """``session 4 of 10``, as the client page says it."""
        return f"session {self.session_number} of {self.planned}"

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

    @property
    def signed(self) -> bool:
        """True once the practitioner has signed the session."""
        return self.signed_at is not None


@dataclass(frozen=True)
class ReactionFollowUp:
    """A reaction as the follow-up lists show it: who, when, what, where, and whether it is resolved."""

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
        text = f"{self.severity.capitalize()} {kind}"
        return f"{text} at {self.where}" if self.where else text

    @property
    def is_open(self) -> bool:
        """True until the reaction is marked resolved."""
        return self.resolved_on is None


@dataclass(frozen=True)
class CourseDue:
    """A course that needs the practitioner's attention: a session overdue, or maintenance due.

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
            return f"{self.days_late} day{'s' if self.days_late != 1 else ''} overdue"
        if self.days_late == 0:
            return "due today"
        return f"due in {-self.days_late} day{'s' if self.days_late != -1 else ''}"


@dataclass(frozen=True)
class FollowUps:
    """What the practitioner should ask about or book: open reactions, overdue courses, maintenance due."""

    today: dt.date
    open_reactions: tuple[ReactionFollowUp, ...] = ()
    overdue_courses: tuple[CourseDue, ...] = ()
    due_maintenance: tuple[CourseDue, ...] = ()

    @property
    def count(self) -> int:
        """How many things need following up."""
        return len(self.open_reactions) + len(self.overdue_courses) + len(self.due_maintenance)


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


SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Session:
    """One treatment session: when it was, what it belongs to, and how the needles were counted out."""

    id: int
    client_id: int
    started_at: dt.datetime
    course_id: int | None = None
    duration_min: int = 45
    notes: str = ""
    needles_removed: int | None = None
    count_note: str = ""
    consent_override: str = ""
    late_entry: bool = False
    signed_at: dt.datetime | None = None
    signed_by: str = ""

    @property
    def signed(self) -> bool:
        """True once the session is signed: from then on it changes only through amendments."""
        return self.signed_at is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Session:
        """Build from a stored row."""
        started = _datetime(row["started_at"])
        assert started is not None
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            started_at=started,
            course_id=row.get("course_id"),
            duration_min=row.get("duration_min", 45),
            notes=row.get("notes", ""),
            needles_removed=row.get("needles_removed"),
            count_note=row.get("count_note", ""),
            consent_override=row.get("consent_override", ""),
            late_entry=bool(row.get("late_entry", 0)),
            signed_at=_datetime(row.get("signed_at")),
            signed_by=row.get("signed_by") or "",
        )


@dataclass(frozen=True)
class Mark:
    """A needled site in a session: a catalogue point on one side, or a free marker at x, y of a view.

    For a catalogue point ``x`` and ``y`` are None (the catalogue says where it is drawn); for a free
    marker they are fractions of the view's width and height and ``code`` and ``side`` are None.
    """

    id: int
    session_id: int
    view: str
    code: str | None = None
    side: Side | None = None
    x: float | None = None
    y: float | None = None
    label: str = ""
    needles: int = 1
    technique: str = ""
    caution_warning: str = ""

    @property
    def is_free(self) -> bool:
        """True for a free marker (no catalogue point)."""
        return self.code is None

    @property
    def title(self) -> str:
        """How lists and menus name the mark: "ST2 (left)", "CV24", or a free marker's label."""
        if self.code is None:
            return self.label or "Free marker"
        return self.code if self.side in (None, "midline") else f"{self.code} ({self.side})"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mark:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            view=row["view"],
            code=row.get("code"),
            side=row.get("side"),
            x=row.get("x"),
            y=row.get("y"),
            label=row.get("label", ""),
            needles=row.get("needles", 1),
            technique=row.get("technique", ""),
            caution_warning=row.get("caution_warning", ""),
        )


@dataclass(frozen=True)
class Reaction:
    """A side effect: at a mark (bruise at left ST2) or, with ``mark_id`` None, for the whole session."""

    id: int
    session_id: int
    kind: str
    severity: str
    onset: str
    mark_id: int | None = None
    note: str = ""
    resolved_on: dt.date | None = None

    @property
    def label(self) -> str:
        """ "Bruising — mild"."""
        return f"{REACTION_LABELS.get(self.kind, self.kind)} — {self.severity}"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Reaction:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            kind=row["kind"],
            severity=row["severity"],
            onset=row["onset"],
            mark_id=row.get("mark_id"),
            note=row.get("note", ""),
            resolved_on=_date(row.get("resolved_on")),
        )


@dataclass(frozen=True)
class MarkSnapshot:
    """A removed mark with the reactions recorded at it, so an undo can put all of them back as they were."""

    mark: Mark
    reactions: tuple[Reaction, ...] = ()


@dataclass(frozen=True)
class SessionChart:
    """Everything the chart editor shows for one session, read in one go."""

    session: Session
    client_caution_flags: tuple[str, ...]
    marks: tuple[Mark, ...]
    reactions: tuple[Reaction, ...]

    @property
    def needles_inserted(self) -> int:
        """Needles counted in, from the marks."""
        return sum(mark.needles for mark in self.marks)

    def reactions_at(self, mark_id: int) -> tuple[Reaction, ...]:
        """The reactions recorded at one mark."""
        return tuple(r for r in self.reactions if r.mark_id == mark_id)

    @property
    def session_reactions(self) -> tuple[Reaction, ...]:
        """The reactions not tied to a mark (dizziness, headache...)."""
        return tuple(r for r in self.reactions if r.mark_id is None)

    def worst_severity(self, mark_id: int) -> str | None:
        """The most serious reaction at a mark, or None when there is none."""
        found = [r.severity for r in self.reactions if r.mark_id == mark_id]
        return max(found, key=lambda s: SEVERITY_RANK.get(s, 0)) if found else None

    def mark(self, mark_id: int) -> Mark | None:
        """One of this session's marks by id."""
        return next((m for m in self.marks if m.id == mark_id), None)


@dataclass(frozen=True)
class SavedProtocol:
    """One of the practitioner's own protocols: a named set of points with sides."""

    id: int
    name: str
    note: str
    points: tuple[tuple[str, Side], ...]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SavedProtocol:
        """Build from a stored row (points as JSON: [{"code": "ST2", "side": "left"}, ...])."""
        points = tuple((p["code"], p["side"]) for p in json.loads(row.get("points") or "[]"))
        return cls(id=row["id"], name=row["name"], note=row.get("note", ""), points=points)
