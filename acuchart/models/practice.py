"""The practice's vocabulary (cautions, concerns, reactions, sides) and its people: clients and settings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from acuchart.i18n import N_, Labels

# The intake caution flags (DOMAIN.md), as stable keys and the words a practitioner reads.
CAUTION_FLAGS = Labels(
    ("anticoagulants", N_("Anticoagulants or antiplatelets (incl. aspirin, fish oil, ginkgo)")),
    ("bleeding_disorder", N_("Bleeding disorder")),
    ("pregnancy", N_("Pregnancy")),
    ("fillers_botox", N_("Dermal fillers or botulinum toxin in the last weeks")),
    ("skin_infection", N_("Active skin infection or inflamed acne at a site")),
    ("keloid", N_("Keloid tendency")),
    ("high_blood_pressure", N_("Uncontrolled high blood pressure")),
    ("migraine", N_("Severe migraine")),
    ("diabetes", N_("Diabetes")),
    ("immunosuppression", N_("Immunosuppression")),
    ("fainting", N_("History of fainting or needle phobia")),
    ("implant", N_("Pacemaker or implanted device")),
    ("metal_allergy", N_("Metal allergy (nickel)")),
)
CAUTION_LABELS = CAUTION_FLAGS.by_key()

Side = Literal["left", "right", "midline"]

REACTION_KINDS_AT_POINT = Labels(
    ("bruising", N_("Bruising")),
    ("redness", N_("Redness")),
    ("soreness", N_("Soreness")),
    ("swelling", N_("Swelling")),
    ("bleeding", N_("Bleeding")),
    ("itching", N_("Itching")),
    ("other", N_("Other")),
)
REACTION_KINDS_SESSION = Labels(
    ("dizziness", N_("Dizziness or fainting")),
    ("headache", N_("Headache")),
    ("fatigue", N_("Fatigue")),
    ("other", N_("Other")),
)
REACTION_LABELS = (REACTION_KINDS_AT_POINT + REACTION_KINDS_SESSION).by_key()
SEVERITIES: tuple[str, ...] = ("mild", "moderate", "severe")
SEVERITY_WORDS = Labels(("mild", N_("mild")), ("moderate", N_("moderate")), ("severe", N_("severe")))
SEVERITY_LABELS = SEVERITY_WORDS.by_key()
"""The severities in words, lower case as a sentence uses them ("Bruising (mild)")."""
ONSETS = Labels(
    ("during", N_("During the session")),
    ("after", N_("After the session")),
    ("later", N_("Reported later")),
)
COURSE_STATUSES: tuple[str, ...] = ("active", "completed", "maintenance", "stopped")


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


class Client(NamedTuple):
    """A person the practice treats.

    Named tuples rather than dataclasses in this module: it loads as the app starts, and a dataclass
    takes some milliseconds to create.
    """

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
    language: str = ""
    """The language the client's documents print in ("es"); empty: the practice's language."""

    @property
    def full_name(self) -> str:
        """First and last name as printed on a handout."""
        return f"{self.first_name} {self.last_name}".strip()

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
            language=row.get("language") or "",
        )


class ClientSummary(NamedTuple):
    """One line of the client list: enough to recognise the person, nothing more.

    A named tuple rather than a dataclass: type-ahead builds hundreds of these per keystroke.
    """

    id: int
    first_name: str
    last_name: str
    date_of_birth: str | None
    phone: str
    email: str
    archived: int  # 0 or 1, as stored (SQLite has no booleans); use it as a truth value

    @property
    def display_name(self) -> str:
        """Last name first."""
        return f"{self.last_name}, {self.first_name}" if self.last_name else self.first_name


class PracticeSettings(NamedTuple):
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
    extra: Mapping[str, Any] = MappingProxyType({})


# The intake list of concerns a course treats (DOMAIN.md), as stable keys and labels.
CONCERNS = Labels(
    ("wrinkles", N_("Wrinkles and fine lines")),
    ("sagging", N_("Sagging skin (neck, jawline)")),
    ("acne", N_("Acne and acne scars")),
    ("dark_circles", N_("Dark circles and puffiness under the eyes")),
    ("radiance", N_("Skin radiance and complexion")),
    ("muscle_tension", N_("Facial muscle tension (frown lines)")),
    ("scars", N_("Scars")),
    ("wellbeing", N_("Overall well-being and stress")),
)
CONCERN_LABELS = CONCERNS.by_key()
