"""What a printed document says, as plain frozen values: the contract between the gatherer and the layout.

The gatherer (which reads the practice file) fills these; the builders in this package only draw them.
Every side is the client's own ("left" is the client's left), every position is already resolved to
the diagram, and every label is in the words the reader should see. The chart export's own values
are in :mod:`acuchart.reports.data_record`; places in the client's words in
:mod:`acuchart.reports.places`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from acuchart.i18n import ENGLISH, Language
from acuchart.models import PracticeSettings, session_label
from acuchart.reports.photo_data import BeforeAfter, PhotoConsentLine
from acuchart.reports.places import Side, where_across_midline, where_on_client

PaperSize = Literal["A4", "Letter"]
Severity = Literal["mild", "moderate", "severe"]

SEVERITY_ORDER: tuple[Severity, ...] = ("mild", "moderate", "severe")


def worst_severity(severities: Iterable[str]) -> Severity | None:
    """The most serious of ``severities``, or None when there are none."""
    present = set(severities)
    found = [s for s in SEVERITY_ORDER if s in present]
    return found[-1] if found else None


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
        recorded_at: when it was entered in the record.
        late_entry: True when it was entered late: reported after the session was signed, or entered
            more than a day after the session began. The reaction's own fact, apart from its session's.
    """

    kind_label: str
    severity: Severity
    onset_label: str = ""
    note: str = ""
    resolved_on: dt.date | None = None
    at_point: str | None = None
    recorded_at: dt.datetime | None = None
    late_entry: bool = False
    amendments: tuple[str, ...] = ()
    """The labels ("A1") of the amendments that changed it after signing (the chart export only)."""


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
        caution_warning: the warning shown when the point was marked (its cautions met the client's),
            for the record; never printed for the client.
        marked_at: when the mark was entered.
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
    caution_warning: str = ""
    marked_at: dt.datetime | None = None
    amendments: tuple[str, ...] = ()
    """The labels ("A1") of the amendments that changed it after signing (the chart export only)."""
    language: Language = ENGLISH
    """The language its place is said in (the document's)."""

    @property
    def is_free_marker(self) -> bool:
        """True for a free marker (no catalogue point)."""
        return self.code is None

    @property
    def where(self) -> str:
        """The place in the client's words: "left cheek", "under the right eye"; a free marker of
        several needles on the midline is a line across it ("across the midline of the forehead")."""
        if self.is_free_marker and self.side == "midline" and self.needles > 1:
            return where_across_midline(self.area, self.language)
        return where_on_client(self.side, self.area, self.language)

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
    language: Language = ENGLISH
    """The language the document is printed in (the client's)."""
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
    language: Language = ENGLISH
    """The language the document is printed in (the client's)."""
    photos: BeforeAfter | None = None
    """The before/after page, when there are photos to show and consent allows it."""


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
    language: Language = ENGLISH
    """The language the document is printed in (the client's)."""
    photo_consent: tuple[PhotoConsentLine, ...] = ()
