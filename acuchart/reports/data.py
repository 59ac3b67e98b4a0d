"""What a printed document says, as plain frozen values: the contract between the gatherer and the layout.

The gatherer (which reads the practice file) fills these; the builders in this package only draw them.
Every side is the client's own ("left" is the client's left), every position is already resolved to
the diagram, and every label is in the words the reader should see.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from acuchart.models import PracticeSettings, session_label
from acuchart.reports.photo_data import BeforeAfter, PhotoConsentLine, PhotoLine

PaperSize = Literal["A4", "Letter"]
Side = Literal["left", "right", "midline"]
Severity = Literal["mild", "moderate", "severe"]

SEVERITY_ORDER: tuple[Severity, ...] = ("mild", "moderate", "severe")


def worst_severity(severities: Iterable[str]) -> Severity | None:
    """The most serious of ``severities``, or None when there are none."""
    present = set(severities)
    found = [s for s in SEVERITY_ORDER if s in present]
    return found[-1] if found else None


# Areas that come in pairs read "left cheek"; others read "left side of the neck".
PAIRED_AREAS: frozenset[str] = frozenset(
    (
        "cheek",
        "eyebrow",
        "eye",
        "temple",
        "ear",
        "jaw",
        "jawline",
        "shoulder",
        "arm",
        "upper arm",
        "forearm",
        "elbow",
        "wrist",
        "hand",
        "thumb",
        "finger",
        "hip",
        "buttock",
        "thigh",
        "knee",
        "leg",
        "lower leg",
        "calf",
        "shin",
        "ankle",
        "foot",
        "toe",
        "palm",
        "sole",
        "heel",
        "armpit",
        "shoulder blade",
        "nostril",
        "index finger",
        "middle finger",
        "ring finger",
        "little finger",
        "big toe",
        "second toe",
        "fourth toe",
        "little toe",
    )
)
_PREPOSITION = re.compile(r"^(under|around|above|below|beside|behind|between|in front of|near) the (.+)$")


def where_on_client(side: Side, area: str) -> str:
    """The place in the client's words, always the client's own side.

    "left cheek", "under the right eye", "left side of the neck", "centre of the chin",
    "between the eyebrows" (a midline point), or just "left" when no area is known.
    """
    area = " ".join(area.split()).lower()
    prepositional = _PREPOSITION.match(area)
    if side == "midline":
        if not area:
            return "midline"
        return area if prepositional else f"centre of the {area}"
    if not area:
        return side
    if prepositional:
        return f"{prepositional[1]} the {side} {prepositional[2]}"
    if area in PAIRED_AREAS:
        return f"{side} {area}"
    return f"{side} side of the {area}"


def where_on_both_sides(area: str) -> str:
    """A bilateral place, both sides treated: "left and right cheek", "under the left and right eye"."""
    return (
        where_on_client("left", area).replace("left", "left and right", 1) if area.strip() else "both sides"
    )


@dataclass(frozen=True)
class PracticeHeader:
    """Who the practice is, as printed at the top and foot of every page."""

    practice_name: str
    practitioner_name: str
    licence_number: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: Path | None = None
    paper_size: PaperSize = "A4"

    @classmethod
    def from_settings(cls, settings: PracticeSettings) -> PracticeHeader:
        """The header for the practice's saved settings."""
        return cls(
            practice_name=settings.practice_name,
            practitioner_name=settings.practitioner_name,
            licence_number=settings.licence_number,
            address=settings.address,
            phone=settings.phone,
            email=settings.email,
            logo_path=Path(settings.logo_path) if settings.logo_path else None,
            paper_size=settings.paper_size,
        )

    @property
    def placeholders(self) -> dict[str, str]:
        """Values for the ``{practice_phone}``-style placeholders in the handout texts."""
        return {
            "practice_name": self.practice_name,
            "practitioner_name": self.practitioner_name,
            "licence_number": self.licence_number,
            "practice_address": self.address,
            "practice_phone": self.phone,
            "practice_email": self.email,
        }


@dataclass(frozen=True)
class HandoutReaction:
    """A side effect, at a point or for the whole session.

    Attributes:
        kind_label: what it is, as the reader says it: "Bruising", "Dizziness or fainting".
        severity: "mild", "moderate" or "severe".
        onset_label: when it began: "During the session", "After the session", "Reported later".
        note: the practitioner's note, printed as written.
        resolved_on: the day it had gone; None while it is open.
        at_point: where, in the client's words ("left cheek (ST2)"); None for the whole session.
        noted_on: the day it was recorded (for "resolved after N days").
    """

    kind_label: str
    severity: Severity
    onset_label: str = ""
    note: str = ""
    resolved_on: dt.date | None = None
    at_point: str | None = None
    noted_on: dt.date | None = None


@dataclass(frozen=True)
class HandoutMark:
    """A needled site: a catalogue point on one side, or a free marker (e.g. intradermal needles).

    Attributes:
        code: the point code without a space ("ST2", "EX-HN3"); None for a free marker.
        name: the point's pinyin name ("Sibai"), or what a free marker is ("Intradermal needles").
        area: the body area without a side, in plain words: "cheek", "forehead", "lower leg".
        side: the client's side: "left", "right" or "midline".
        needles: how many needles went in at this site.
        x, y: the marker's position as fractions (0..1) of the view's width and height, y downward,
            already mirrored for the side (``CataloguePoint.position(side)``).
        view: the diagram it sits on: "face", "body_front" or "body_back".
        label: the short text printed beside the marker; empty means the code.
        reactions: side effects noted at this site.
        hanzi: the point's Chinese name ("四白"), if any.
        english: an English gloss ("Four Whites"), if any.
        technique: how it was needled, if recorded.
    """

    code: str | None
    name: str
    area: str
    side: Side
    needles: int = 1
    x: float = 0.5
    y: float = 0.5
    view: str = "face"
    label: str = ""
    reactions: tuple[HandoutReaction, ...] = ()
    hanzi: str = ""
    english: str = ""
    technique: str = ""

    @property
    def is_free_marker(self) -> bool:
        """True for a free marker (no catalogue point)."""
        return self.code is None

    @property
    def where(self) -> str:
        """The place in the client's words: "left cheek", "under the right eye"."""
        return where_on_client(self.side, self.area)

    @property
    def diagram_label(self) -> str:
        """The text beside the marker on a diagram."""
        return self.label or self.code or ""

    @property
    def worst_severity(self) -> Severity | None:
        """The most serious reaction here, or None when there is none."""
        return worst_severity(r.severity for r in self.reactions)


@dataclass(frozen=True)
class HandoutData:
    """Everything a session handout says.

    ``texts`` holds the advice templates by key ("what_to_expect", "aftercare", "lifestyle"), as
    :func:`acuchart.reports.texts.load_texts` returns them with the practice's edits applied; a key
    left out falls back to the file in ``resources/handouts``. ``next_appointment`` may be a date or,
    when the time is booked, a datetime.
    """

    practice: PracticeHeader
    client_name: str
    session_date: dt.datetime
    marks: tuple[HandoutMark, ...]
    session_number: int | None = None
    planned_sessions: int | None = None
    session_reactions: tuple[HandoutReaction, ...] = ()
    next_appointment: dt.date | None = None
    texts: Mapping[str, str] = field(default_factory=dict)
    course_title: str = ""
    maintenance_visit: int | None = None
    """1, 2, ... when the session is a maintenance visit after a completed course (then
    ``session_number`` is not printed); None for a session of the course."""


@dataclass(frozen=True)
class SummarySession:
    """One line of a course summary's session table.

    ``reactions`` is a short plain summary ("Mild bruising, left cheek"), empty when none were noted.
    ``maintenance_visit`` numbers a maintenance visit after the planned sessions (None otherwise).
    """

    number: int | None
    date: dt.date
    points_count: int
    reactions: str = ""
    maintenance_visit: int | None = None

    @property
    def number_label(self) -> str:
        """``4``, ``M1`` for the first maintenance visit, ``—`` when not numbered."""
        return session_label(self.number, self.maintenance_visit)


@dataclass(frozen=True)
class CourseReaction:
    """A reaction during a course, with the session it followed."""

    session_number: int | None
    session_date: dt.date
    reaction: HandoutReaction
    maintenance_visit: int | None = None

    @property
    def number_label(self) -> str:
        """``4``, ``M1`` for the first maintenance visit, ``—`` when not numbered."""
        return session_label(self.session_number, self.maintenance_visit)


@dataclass(frozen=True)
class CourseSummaryData:
    """A course of treatment summarised for the client.

    ``ratings`` maps each concern's label to its scores (0–10) as ``(session_number, score)`` pairs in
    session order; ``rating_note`` says how to read the scale ("0 = no concern, 10 = a great concern").
    ``texts`` are the templates as for a handout (the summary prints "course_note").
    """

    practice: PracticeHeader
    client_name: str
    course_title: str
    concerns: tuple[str, ...]
    sessions: tuple[SummarySession, ...]
    ratings: Mapping[str, tuple[tuple[int, float], ...]]
    reactions: tuple[CourseReaction, ...] = ()
    planned_sessions: int | None = None
    started_on: dt.date | None = None
    status: str = ""
    rating_note: str = ""
    next_appointment: dt.date | None = None
    printed_on: dt.date | None = None
    texts: Mapping[str, str] = field(default_factory=dict)
    photos: BeforeAfter | None = None
    """The before/after page, when there are photos to show and consent allows it."""


@dataclass(frozen=True)
class ChartClient:
    """The client's identity on a chart export."""

    full_name: str
    record_id: str = ""
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    archived: bool = False


@dataclass(frozen=True)
class ChartIntake:
    """What the client came for, as taken at intake."""

    concerns: tuple[str, ...] = ()
    skin_notes: str = ""
    goals: str = ""


@dataclass(frozen=True)
class ChartCautions:
    """Cautions screened at intake: the flags' labels as printed, free text, and the last review."""

    flags: tuple[str, ...] = ()
    notes: str = ""
    reviewed_on: dt.date | None = None
    review_overdue: bool = False


@dataclass(frozen=True)
class ChartConsent:
    """A consent on file."""

    given_on: dt.date
    text_version: str
    how_obtained: str = ""
    recorded_by: str = ""
    note: str = ""
    withdrawn_on: dt.date | None = None


@dataclass(frozen=True)
class ChartCourse:
    """A course of treatment."""

    title: str
    concerns: tuple[str, ...] = ()
    planned_sessions: int | None = None
    interval_days: int | None = None
    started_on: dt.date | None = None
    status: str = ""


@dataclass(frozen=True)
class ChartAmendment:
    """A change made to a signed session: what, from what to what, why, by whom and when."""

    field_label: str
    old_value: str
    new_value: str
    reason: str
    author: str
    at: dt.datetime


@dataclass(frozen=True)
class ChartSession:
    """One session in full, as an auditor reads it.

    ``reactions`` are the whole-session ones; reactions at a point sit on their mark. ``recorded_at`` is
    when the entry was made, printed for a late entry.
    """

    started_at: dt.datetime
    number: int | None = None
    course_title: str = ""
    duration_minutes: int | None = None
    marks: tuple[HandoutMark, ...] = ()
    reactions: tuple[HandoutReaction, ...] = ()
    needles_in: int | None = None
    needles_out: int | None = None
    count_note: str = ""
    ratings: tuple[tuple[str, float], ...] = ()
    notes: str = ""
    signed_at: dt.datetime | None = None
    signed_by: str = ""
    amendments: tuple[ChartAmendment, ...] = ()
    late_entry: bool = False
    recorded_at: dt.datetime | None = None
    maintenance_visit: int | None = None

    @property
    def needle_count_matches(self) -> bool | None:
        """True when as many needles came out as went in; None until both are counted."""
        if self.needles_in is None or self.needles_out is None:
            return None
        return self.needles_in == self.needles_out


@dataclass(frozen=True)
class AuditStatus:
    """The state of the record's audit trail when it was exported."""

    ok: bool
    text: str
    entries: int | None = None
    checked_at: dt.datetime | None = None


@dataclass(frozen=True)
class ChartExportData:
    """A client's whole record, for the practitioner, another clinician or an auditor."""

    practice: PracticeHeader
    client: ChartClient
    intake: ChartIntake
    cautions: ChartCautions
    consents: tuple[ChartConsent, ...]
    courses: tuple[ChartCourse, ...]
    sessions: tuple[ChartSession, ...]
    audit: AuditStatus
    generated_at: dt.datetime
    generated_by: str = ""
    purpose: str = ""
    photos: tuple[PhotoLine, ...] = ()
    photo_consent: tuple[PhotoConsentLine, ...] = ()


@dataclass(frozen=True)
class ConsentFormData:
    """A consent form to print and sign.

    ``consent_text`` is the template (see :func:`acuchart.reports.texts.consent_text`) with its
    ``{placeholders}`` still in; ``text_version`` is printed so the signed copy names what was agreed.
    """

    practice: PracticeHeader
    client_name: str
    consent_text: str
    text_version: str
    date_of_birth: dt.date | None = None
    printed_on: dt.date | None = None
    photo_consent: tuple[PhotoConsentLine, ...] = ()
