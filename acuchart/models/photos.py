"""Photos of the client and the consent that governs them, as values.

A photo belongs to a session and shows one standard view. Its original is never changed: how it is
straightened and framed for comparison is an :class:`Alignment` stored beside it. Sides are the
client's own, as everywhere in the record.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from acuchart.dates import short_date
from acuchart.i18n import N_, Labels, _
from acuchart.models.practice import _datetime

# The standard views, as stable keys and the words a practitioner reads. Sides are the client's.
PHOTO_VIEWS = Labels(
    ("front", N_("Front")),
    ("left_oblique", N_("Left oblique (45°)")),
    ("right_oblique", N_("Right oblique (45°)")),
    ("left_profile", N_("Left profile")),
    ("right_profile", N_("Right profile")),
    ("close_up", N_("Close-up")),
)
PHOTO_VIEW_LABELS = PHOTO_VIEWS.by_key()

# What a client may allow photos to be used for. The clinical record is needed to take any photo;
# teaching and marketing are opt-in, and refusing them changes nothing about treatment.
PHOTO_USES = Labels(
    ("clinical", N_("Clinical record")),
    ("teaching", N_("Teaching")),
    ("marketing", N_("Marketing")),
)
PHOTO_USE_LABELS = PHOTO_USES.by_key()
PHOTO_DECISIONS = ("given", "refused", "withdrawn")
PHOTO_DECISIONS_WORDS = Labels(
    ("given", N_("Given")), ("refused", N_("Refused")), ("withdrawn", N_("Withdrawn"))
)
PHOTO_DECISION_LABELS = PHOTO_DECISIONS_WORDS.by_key()

# What an amendment to a signed session's photo changed, in words (``amendments.field`` for entity "photos").
PHOTO_AMENDMENTS = Labels(
    ("photo_added", N_("Photo added after signing")),
    ("photo_hidden", N_("Photo hidden from the record")),
    ("photo_view", N_("Photo view")),
    ("photo_alignment", N_("Photo alignment")),
).by_key()

# Where a photo's taken-at time came from.
TAKEN_AT_SOURCES = Labels(
    ("photo", N_("the photo's own capture time")),
    ("file", N_("the file's modification time")),
    ("import", N_("the moment it was imported")),
).by_key()


class Alignment(NamedTuple):
    """How a photo is straightened and framed for comparison; the original pixels stay as they are.

    The photo is turned ``angle`` degrees clockwise about its centre, enlarged ``scale`` times, and
    moved by ``dx`` and ``dy`` (fractions of its width and height), then seen through a frame the size
    of the original. ``Alignment()`` is the photo as taken.
    """

    angle: float = 0.0
    scale: float = 1.0
    dx: float = 0.0
    dy: float = 0.0

    @property
    def is_identity(self) -> bool:
        """True when the photo is shown exactly as taken."""
        return self == Alignment()

    def to_json(self) -> str:
        """As stored: empty text for the photo as taken."""
        if self.is_identity:
            return ""
        return json.dumps({k: round(v, 5) for k, v in self._asdict().items()}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Alignment:
        """From stored text (empty: the photo as taken)."""
        if not text:
            return cls()
        values = json.loads(text)
        return cls(**{k: float(values[k]) for k in cls._fields if k in values})


IDENTITY = Alignment()
"""A photo shown exactly as taken."""


@dataclass(frozen=True)
class Photo:
    """One photo of the client at a session."""

    id: int
    session_id: int
    view: str
    sha256: str
    extension: str
    width: int
    height: int
    taken_at: dt.datetime
    taken_at_source: str = "photo"
    label: str = ""
    byte_size: int = 0
    original_name: str = ""
    alignment: Alignment = IDENTITY
    hidden_at: dt.datetime | None = None
    hidden_reason: str = ""
    created_at: dt.datetime | None = None

    @property
    def view_label(self) -> str:
        """The view in words; a close-up carries its label: ``Close-up: left cheek``."""
        text = PHOTO_VIEW_LABELS.get(self.view, self.view)
        return f"{text}: {self.label}" if self.view == "close_up" and self.label else text

    @property
    def hidden(self) -> bool:
        """True once hidden from the record (kept, never deleted, with a reason)."""
        return self.hidden_at is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Photo:
        """Build from a stored row."""
        taken = _datetime(row["taken_at"])
        assert taken is not None
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            view=row["view"],
            sha256=row["sha256"],
            extension=row["extension"],
            width=row["width"],
            height=row["height"],
            taken_at=taken,
            taken_at_source=row.get("taken_at_source", "photo"),
            label=row.get("label", ""),
            byte_size=row.get("byte_size", 0),
            original_name=row.get("original_name", ""),
            alignment=Alignment.from_json(row.get("alignment")),
            hidden_at=_datetime(row.get("hidden_at")),
            hidden_reason=row.get("hidden_reason") or "",
            created_at=_datetime(row.get("created_at")),
        )


@dataclass(frozen=True)
class SessionPhoto:
    """A photo with the session it belongs to, as a timeline or a comparison labels it."""

    photo: Photo
    client_id: int
    session_started_at: dt.datetime
    session_signed: bool
    course_id: int | None
    number: int | None
    """The session's number in its course (None outside a course)."""
    planned: int | None
    """The course's planned sessions."""

    @property
    def session_label(self) -> str:
        """``3 Mar 2026 · session 4 of 10`` (or just the date outside a course)."""
        day = short_date(self.session_started_at)
        if self.number is None:
            return day
        of = _(" of {planned}").format(planned=self.planned) if self.planned else ""
        return _("{day} · session {number}{of}").format(day=day, number=self.number, of=of)


@dataclass(frozen=True)
class PhotoConsentDecision:
    """One decision about one use: given, refused or withdrawn, when, to which text, how obtained."""

    id: int
    client_id: int
    use: str
    decision: str
    decided_on: dt.date
    text_version: str
    method: str
    note: str = ""
    recorded_at: dt.datetime | None = None
    recorded_by: str = ""

    @property
    def use_label(self) -> str:
        """The use in words."""
        return PHOTO_USE_LABELS.get(self.use, self.use)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PhotoConsentDecision:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            use=row["use"],
            decision=row["decision"],
            decided_on=dt.date.fromisoformat(row["decided_on"]),
            text_version=row["text_version"],
            method=row["method"],
            note=row.get("note", ""),
            recorded_at=_datetime(row.get("recorded_at")),
            recorded_by=row.get("recorded_by", ""),
        )


@dataclass(frozen=True)
class PhotoConsent:
    """Where a client's photo consent stands: the latest decision for each use (None: never asked)."""

    client_id: int
    decisions: tuple[PhotoConsentDecision, ...] = ()
    """Every decision, oldest first."""

    def latest(self, use: str) -> PhotoConsentDecision | None:
        """The decision in force for ``use``, or None when it was never recorded."""
        found = [d for d in self.decisions if d.use == use]
        return found[-1] if found else None

    def allows(self, use: str) -> bool:
        """True when the client's latest word on ``use`` is that they agree."""
        latest = self.latest(use)
        return latest is not None and latest.decision == "given"

    def status(self, use: str) -> str:
        """``Given 3 Mar 2026``, ``Refused 3 Mar 2026``, ``Withdrawn 9 Jun 2026`` or ``Not asked``."""
        latest = self.latest(use)
        if latest is None:
            return _("Not asked")
        return _("{decision} {date}").format(
            decision=PHOTO_DECISION_LABELS.get(latest.decision, latest.decision),
            date=short_date(latest.decided_on),
        )

    @property
    def recorded(self) -> bool:
        """True when any photo consent was ever recorded."""
        return bool(self.decisions)


class PhotoCheck(NamedTuple):
    """What checking the stored photos found: how many, and each one missing or altered."""

    checked: int
    missing: tuple[tuple[int, str], ...] = ()
    """(photo id, sha256) of each photo whose original is not in the photo folder."""
    altered: tuple[tuple[int, str], ...] = ()
    """(photo id, sha256) of each photo whose original no longer has the hash recorded for it."""

    @property
    def ok(self) -> bool:
        """True when every original is present and unchanged."""
        return not self.missing and not self.altered
