"""What a chart export says, as plain frozen values: the record an auditor or another clinician reads
(see :mod:`acuchart.reports.data` for the documents a client reads, and the marks both share)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from acuchart.i18n import ENGLISH, Language
from acuchart.reports.data import HandoutMark, HandoutReaction, PracticeHeader
from acuchart.reports.photo_data import PhotoConsentLine, PhotoLine


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
    """A change made to a signed session: what, from what to what, why, by whom and when; ``label``
    ("A1") is how the values it changed point to it."""

    field_label: str
    old_value: str
    new_value: str
    reason: str
    author: str
    at: dt.datetime
    label: str = ""


@dataclass(frozen=True)
class ChartSession:
    """One session in full, as an auditor reads it.

    ``reactions`` are the whole-session ones; reactions at a point sit on their mark. ``late_entry`` is
    the session's own fact (charted more than a day after it began), never its reactions' (each
    reaction says for itself); ``recorded_at`` is when the session was entered, printed for a late entry.
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
    amended: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The labels of the amendments that changed a value of the session after signing, by field:
    ``notes``, ``duration_min``, ``needles_removed``, ``count_note``, or ``rating:<concern>``."""

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
    language: Language = ENGLISH
    """The language the record is printed in."""
